//! A selection in a section's text becomes sentence ids and character offsets
//! (`platform::selection`): inside one piece, across pieces and sentences, with characters of
//! two UTF-16 units before it, and with an end in a glossary definition (no offset of its own),
//! counted from the nearest words.
#![cfg(target_arch = "wasm32")]

use lectern::core::highlights::{Anchor, Span};
use lectern::platform::selection::span_of_range;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A section text as `SectionText` draws it: two sentences; the first in two pieces, the
/// second with a glossary definition after its first piece.
fn text() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("data-annotating", "on").unwrap();
    root.set_inner_html(concat!(
        r#"<p><span data-sentence="one"><span data-o="0">😀 Bees </span><mark data-o="7">dance well.</mark></span> "#,
        r#"<span data-sentence="two"><span data-o="0">Hives hum</span><span class="definition">hum: a sound</span><span data-o="9"> at night.</span></span></p>"#,
    ));
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn piece(root: &web_sys::Element, selector: &str) -> web_sys::Node {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .first_child()
        .unwrap()
}

fn at(sentence: &str, offset: u32) -> Anchor {
    Anchor {
        sentence: sentence.into(),
        offset,
    }
}

#[wasm_bindgen_test]
fn a_selection_inside_a_piece_counts_characters_not_utf16_units() {
    let root = text();
    let first = piece(&root, r#"[data-sentence="one"] [data-o="0"]"#);
    let range = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_range()
        .unwrap();
    // "Bees": the emoji is two UTF-16 units and one character.
    range.set_start(&first, 3).unwrap();
    range.set_end(&first, 7).unwrap();
    assert_eq!(
        span_of_range(&root, &range),
        Some(Span {
            start: at("one", 2),
            end: at("one", 6)
        })
    );
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_across_pieces_and_sentences() {
    let root = text();
    let mark = piece(&root, "mark");
    let last = piece(&root, r#"[data-o="9"]"#);
    let range = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_range()
        .unwrap();
    range.set_start(&mark, 6).unwrap();
    range.set_end(&last, 3).unwrap();
    assert_eq!(
        span_of_range(&root, &range),
        Some(Span {
            start: at("one", 13),
            end: at("two", 12)
        })
    );
    root.remove();
}

#[wasm_bindgen_test]
fn an_end_inside_a_definition_counts_from_the_words_before_it() {
    let root = text();
    let first = piece(&root, r#"[data-sentence="two"] [data-o="0"]"#);
    let definition = root
        .query_selector(".definition")
        .unwrap()
        .unwrap()
        .first_child()
        .unwrap();
    let range = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_range()
        .unwrap();
    range.set_start(&first, 6).unwrap();
    range.set_end(&definition, 4).unwrap();
    assert_eq!(
        span_of_range(&root, &range),
        Some(Span {
            start: at("two", 6),
            end: at("two", 9)
        })
    );
    // A whole paragraph chosen by its element boundaries (as a triple click does).
    let paragraph: web_sys::Node = root.query_selector("p").unwrap().unwrap().unchecked_into();
    range.set_start(&paragraph, 0).unwrap();
    range.set_end(&paragraph, 3).unwrap();
    assert_eq!(
        span_of_range(&root, &range),
        Some(Span {
            start: at("one", 0),
            end: at("two", 19)
        })
    );
    root.remove();
}
