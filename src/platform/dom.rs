//! Small DOM helpers the views need: the clock, focus, scrolling and the page title.

use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves keyboard focus to the element with this id (it must be focusable or have tabindex).
pub fn focus(id: &str) {
    if let Some(el) = element(id) {
        let _ = el.focus();
    }
}

/// Scrolls the element with this id into the middle of the view.
pub fn scroll_to(id: &str) {
    if let Some(el) = element(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Sets the document title, so the tab and the history list name the current screen.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// The `print()` dialog, for the worksheet view.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Sets (or, with `None`, removes) an attribute of the root element, where the style sheet
/// reads the theme, the text size and whether to print the answer key.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// The path the app is served under, without its trailing slash ("" at the site root), read
/// from the document's `<base href>` that trunk writes from the build's public URL.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Whether the printed worksheet includes the answer key (read by the print styles).
pub fn set_print_answer_key(on: bool) {
    set_root_attribute("data-answer-key", on.then_some("on"));
}

/// The elements matching a CSS selector, in document order.
pub fn elements(selector: &str) -> Vec<web_sys::HtmlElement> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Scrolls an element into view only as far as needed (not at all when it is already in view),
/// so that following it does not jump the page about.
pub fn scroll_into_view_if_needed(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether keyboard focus has fallen back to the page itself, as when the focused element was
/// removed: the app should then put it somewhere useful.
pub fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| match (d.active_element(), d.body()) {
            (None, _) => true,
            (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
            (Some(_), None) => false,
        })
        .unwrap_or(false)
}

/// Moves focus to the main heading (made focusable by script only: `tabindex="-1"`).
pub fn focus_main_heading() {
    let Some(heading) = elements("main h1").into_iter().next() else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
}
