//! A reference to an element of the view, for what only the element itself can do: take focus
//! (after a dialog closes, when a form refuses a field, after a check gives feedback), or
//! select its text. Put `node_ref=` it on any element; it is one type for every kind of
//! element, so the app carries one copy of the code that fills it, not one per kind.

use leptos::html::ElementType;
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;

/// The element an `ElementRef` was put on, once it is on the page; cheap to copy.
#[derive(Clone, Copy)]
pub struct ElementRef(StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl ElementRef {
    pub fn new() -> Self {
        ElementRef(StoredValue::new_local(None))
    }

    /// The element, if it has been drawn.
    pub fn get(self) -> Option<web_sys::HtmlElement> {
        self.0.try_get_value().flatten()
    }

    /// Moves focus to the element now, if it is on the page.
    pub fn focus(self) {
        if let Some(element) = self.get() {
            let _ = element.focus();
        }
    }

    /// Moves focus to the element once the page has been redrawn: for an element that is
    /// about to appear, or to be drawn again.
    pub fn focus_soon(self) {
        request_animation_frame(move || self.focus());
    }

    /// Selects the text of an input or a text area, so it can be copied by hand.
    pub fn select_text(self) {
        let Some(element) = self.get() else { return };
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.select();
        }
    }

    fn keep(self, element: &web_sys::Element) {
        self.0.set_value(Some(element.clone().unchecked_into()));
    }
}

impl Default for ElementRef {
    fn default() -> Self {
        ElementRef::new()
    }
}

impl<E: ElementType> NodeRefContainer<E> for ElementRef {
    fn load(self, element: &web_sys::Element) {
        self.keep(element);
    }
}
