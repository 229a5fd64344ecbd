//! Markup and script-like text in content renders as literal text: the test reading in
//! `tests/content/markup` (never shipped) mounted in headless Chromium. Its title and one
//! sentence hold `<em>`, `<img onerror>` and `<script>`; none may become an element.
#![cfg(target_arch = "wasm32")]

use lectern::components::section_text::SectionText;
use lectern::pages::home::ReadingList;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/markup_readings.rs"));
}

const SENTENCE: &str =
    r#"Today the tower is a museum. <img src=x onerror="alert(1)"> & <script>alert("x")</script>"#;

fn mount_host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
fn markup_in_a_title_and_a_sentence_shows_as_text() {
    let reading = &fixtures::MARKUP_READINGS[0];
    let section = reading
        .sections
        .iter()
        .find(|s| s.id.as_ref() == "change")
        .expect("the section with the markup sentence");
    let host = mount_host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <Router>
                <ReadingList readings=fixtures::MARKUP_READINGS />
                <SectionText
                    reading=reading
                    section=section
                    highlighted=RwSignal::new(Vec::new())
                />
            </Router>
        }
    });

    let text = host.text_content().unwrap();
    assert!(text.contains("The Keeper's <em>Year</em>"), "{text}");
    assert!(text.contains(SENTENCE), "{text}");
    for tag in ["em", "img", "script"] {
        assert!(
            host.query_selector(tag).unwrap().is_none(),
            "a <{tag}> element was made from content text"
        );
    }
}
