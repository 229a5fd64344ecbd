//! The document's title, the same way on every screen: where the student is, most specific
//! first, then "Lectern", so the tab and the history list name the screen. Every screen calls
//! [`set_page_title`] as it is drawn.

use crate::platform::dom;

/// The title for `place` ("Results · Adversaries to Allies?"): `place · Lectern`, or just
/// "Lectern" for the start page.
pub fn title_text(place: &str) -> String {
    if place.is_empty() {
        "Lectern".to_string()
    } else {
        format!("{place} · Lectern")
    }
}

/// Sets the document's title for a screen: `place` is where the student is, most specific
/// first, without "Lectern" ("Practice · <reading>"); empty on the start page.
///
/// A function the screen calls, not a component in its view: a component would add a child to
/// every screen's view for no markup, and the bundle grows with each (docs/performance.md).
pub fn set_page_title(place: &str) {
    dom::set_title(&title_text(place));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_ends_with_the_app_name() {
        assert_eq!(title_text("Settings"), "Settings · Lectern");
        assert_eq!(title_text("Results · Essay"), "Results · Essay · Lectern");
        assert_eq!(title_text(""), "Lectern");
    }
}
