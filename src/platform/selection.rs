//! The student's selection in a section's text, as sentence ids and character offsets.
//!
//! The section text marks every piece of a sentence's own words with the piece's first
//! character's offset in the sentence ([`OFFSET_ATTR`]) and every sentence with its id
//! ([`SENTENCE_ATTR`]); anything else in the text (a glossary definition, a note button) has no
//! offset, so a selection that starts or ends there is counted from the nearest words.

use crate::core::highlights::{char_offset_from_utf16, Anchor, Span};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

/// On each piece of a sentence's text: the offset, in characters, of its first character.
pub const OFFSET_ATTR: &str = "data-o";
/// On each sentence: its id.
pub const SENTENCE_ATTR: &str = "data-sentence";
/// On the section text that takes highlights (one on a page).
pub const ANNOTATING_ATTR: &str = "data-annotating";

/// The words selected in the text being annotated (the element with [`ANNOTATING_ATTR`]),
/// with the words as selected; `None` if nothing there is selected.
pub fn selected_span() -> Option<(Span, String)> {
    let window = web_sys::window()?;
    let root = window
        .document()?
        .query_selector(&format!("[{ANNOTATING_ATTR}]"))
        .ok()??;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let span = span_of_range(&root, &range)?;
    Some((span, String::from(selection.to_string())))
}

thread_local! {
    /// What to call when the selection changes; the one listener on the document calls it.
    static FOLLOWER: RefCell<Option<Box<dyn Fn()>>> = RefCell::new(None);
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Calls `follower` whenever the page's selection changes (by mouse, touch or the keyboard's
/// caret), until [`unfollow`]. One follower at a time: the section text being annotated.
pub fn follow(follower: impl Fn() + 'static) {
    FOLLOWER.with(|f| *f.borrow_mut() = Some(Box::new(follower)));
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(|| {
        FOLLOWER.with(|f| {
            if let Some(follower) = f.borrow().as_ref() {
                follower();
            }
        })
    });
    let _ = document
        .add_event_listener_with_callback("selectionchange", listener.as_ref().unchecked_ref());
    // Kept for the page's life: one listener, whoever follows.
    listener.forget();
}

/// Stops calling the follower.
pub fn unfollow() {
    FOLLOWER.with(|f| *f.borrow_mut() = None);
}

/// Clears the page's selection (after it was highlighted).
pub fn clear() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// The span a range covers in `root`: from the first piece of text it touches to the last.
pub fn span_of_range(root: &Element, range: &Range) -> Option<Span> {
    let pieces = root.query_selector_all(&format!("[{OFFSET_ATTR}]")).ok()?;
    let (mut first, mut last) = (None, None);
    for i in 0..pieces.length() {
        let Some(piece) = pieces.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if range.intersects_node(&piece).unwrap_or(false) {
            if first.is_none() {
                first = Some(piece.clone());
            }
            last = Some(piece);
        }
    }
    let start = anchor(
        &first?,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        false,
    )?;
    let end = anchor(
        &last?,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        true,
    )?;
    Some(Span { start, end })
}

/// The place in its sentence of a range's boundary (`container`, `offset`) that falls in or
/// next to `piece`: exact inside the piece's text, else the piece's start (or end, for the
/// range's end).
fn anchor(piece: &Element, container: &Node, offset: u32, end: bool) -> Option<Anchor> {
    let base: u32 = piece.get_attribute(OFFSET_ATTR)?.parse().ok()?;
    let sentence = piece
        .closest(&format!("[{SENTENCE_ATTR}]"))
        .ok()??
        .get_attribute(SENTENCE_ATTR)?;
    let text = piece.text_content().unwrap_or_default();
    let length = text.chars().count() as u32;
    let piece_node: &Node = piece.as_ref();
    let within = if piece.first_child().as_ref() == Some(container) {
        char_offset_from_utf16(&text, offset as usize)?
    } else if container == piece_node {
        if offset == 0 {
            0
        } else {
            length
        }
    } else if end {
        length
    } else {
        0
    };
    Some(Anchor {
        sentence,
        offset: base + within,
    })
}
