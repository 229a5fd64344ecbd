//! Small DOM helpers the views need: the clock, focus, scrolling and the page title.

use crate::core::dates;
use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The device's calendar day at a time, in its time zone then (summer time included): what the
/// review queue counts in.
pub fn local_day(ms: f64) -> crate::core::review::Day {
    let offset_minutes = js_sys::Date::new(&ms.into()).get_timezone_offset();
    crate::core::review::Day::from_local_ms(ms, offset_minutes)
}

/// Today, on the device's calendar.
pub fn today() -> crate::core::review::Day {
    local_day(now_ms())
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

/// The page's origin ("https://school.example"), to turn app paths into full links to share.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// A random 32-bit number, for ids and seeds (not for secrets).
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// Copies text to the clipboard; `done` hears whether it worked. The Clipboard API exists only
/// on secure pages (https or localhost), so elsewhere this reports failure at once and the
/// caller offers the text selected instead.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return done(false);
    };
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The time of an `<input type="datetime-local">` value ("2026-12-01T09:00"), read in the
/// device's time zone, in milliseconds since the Unix epoch.
pub fn local_datetime_ms(value: &str) -> Option<f64> {
    if value.is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&value.into()).get_time();
    ms.is_finite().then_some(ms)
}

/// A time as the device's date and time, "1 Dec 2026, 09:00" (formatted by `core::dates`).
pub fn local_date_time(ms: f64) -> String {
    dates::date_time_text(ms, utc_offset_minutes(ms))
}

/// A time as the device's date, "1 Dec 2026".
pub fn local_date(ms: f64) -> String {
    dates::date_text(ms, utc_offset_minutes(ms))
}

/// A time shifted by the device's offset from UTC, so that its UTC calendar date is the
/// device's date (for dating a file by the student's day).
pub fn local_ms(ms: f64) -> f64 {
    ms + f64::from(utc_offset_minutes(ms)) * 60_000.0
}

/// The device's offset from UTC at a time (it changes with daylight saving), in minutes east.
fn utc_offset_minutes(ms: f64) -> i32 {
    // JavaScript counts it the other way round (UTC minus local).
    -(js_sys::Date::new(&ms.into()).get_timezone_offset() as i32)
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

/// The page's base path ("/", "/sub/") and the addresses of the build's files it names, as
/// paths (resolved against the base, same origin only): its links' (`<link href>`) and those of
/// the `meta` element named `package_meta` (addresses separated by spaces). What
/// `core::scorm::package::page_paths` reads the build's files from.
pub fn page_files(package_meta: &str) -> (String, Vec<String>) {
    let base = format!("{}/", base_path());
    let origin = origin();
    let resolve = |element: &web_sys::Element, address: &str| -> Option<String> {
        let base_uri = element.base_uri().ok().flatten()?;
        let url = web_sys::Url::new_with_base(address, &base_uri).ok()?;
        (url.origin() == origin).then(|| url.pathname())
    };
    let links = elements("link[href]").into_iter().filter_map(|link| {
        let href = link.get_attribute("href")?;
        resolve(&link, &href)
    });
    let named = elements(&format!("meta[name=\"{package_meta}\"]"))
        .into_iter()
        .flat_map(|meta| {
            let content = meta.get_attribute("content").unwrap_or_default();
            content
                .split_whitespace()
                .filter_map(|address| resolve(&meta, address))
                .collect::<Vec<_>>()
        });
    (base, links.chain(named).collect())
}
