//! The page the app starts on. A release build's pages are pre-rendered (xtask/prerender.mjs):
//! the text and the questions as they first appear, drawn before any script runs. The app does
//! not hydrate that markup, it replaces it (ARCHITECTURE.md says why).

/// Makes the page the app's, right before it mounts:
/// - takes a trailing slash off the address of a release build's page (one with `data-route`):
///   a static host serves a pre-rendered page's folder at `/read/r/`, often by redirecting
///   there, and the routes have no trailing slash. A SCORM package's launch page is at an
///   address of the LMS's, which is left as it is;
/// - drops what the pre-rendered page drew. The app draws the page again in the same task, with
///   the stored progress, so no frame is painted in between and nothing moves;
/// - marks the page running (`data-app`), which the style sheet and the page's first script
///   read (index.html).
pub fn take_over() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let root = window.document().and_then(|d| d.document_element());
    let built_page = root.is_some_and(|root| root.has_attribute("data-route"));
    if let (true, Ok(path), Ok(history)) = (built_page, location.pathname(), window.history()) {
        let base = super::dom::base_path();
        if let Some(trimmed) = without_trailing_slash(&path, &base) {
            let search = location.search().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            let url = format!("{trimmed}{search}{hash}");
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    if let Some(body) = window.document().and_then(|d| d.body()) {
        while let Some(child) = body.first_child() {
            let _ = body.remove_child(&child);
        }
    }
    super::dom::set_root_attribute("data-app", Some("running"));
}

/// The path without its trailing slashes, when it has some and is not the app's own root
/// (`base` is the path the app is served under, without its trailing slash).
fn without_trailing_slash(path: &str, base: &str) -> Option<String> {
    let trimmed = path.trim_end_matches('/');
    (trimmed.len() < path.len() && trimmed.len() > base.len()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::without_trailing_slash;

    #[test]
    fn only_a_screen_below_the_root_loses_its_trailing_slash() {
        assert_eq!(
            without_trailing_slash("/read/r/section/s/", ""),
            Some("/read/r/section/s".to_string())
        );
        assert_eq!(
            without_trailing_slash("/sub/read/r/", "/sub"),
            Some("/sub/read/r".to_string())
        );
        assert_eq!(without_trailing_slash("/read/r", ""), None);
        assert_eq!(without_trailing_slash("/", ""), None);
        assert_eq!(without_trailing_slash("/sub/", "/sub"), None);
        assert_eq!(without_trailing_slash("/sub", "/sub"), None);
    }
}
