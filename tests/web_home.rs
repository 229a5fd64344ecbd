//! The start page lists every reading when there are several: rendered in headless Chromium with
//! the bundled essay plus the short test reading from `tests/content/base` (never shipped).
#![cfg(target_arch = "wasm32")]

use lectern::pages::home::ReadingList;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/test_readings.rs"));
}

#[wasm_bindgen_test]
fn the_start_page_lists_every_reading_when_there_are_several() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let _mounted = leptos::mount::mount_to(host.clone(), || {
        view! {
            <Router>
                <ReadingList readings=fixtures::TEST_READINGS />
            </Router>
        }
    });

    let links = host.query_selector_all(".reading-list a").unwrap();
    assert_eq!(links.length() as usize, fixtures::TEST_READINGS.len());
    assert_eq!(links.length(), 2);
    for (i, reading) in fixtures::TEST_READINGS.iter().enumerate() {
        let link: web_sys::HtmlElement = links.item(i as u32).unwrap().unchecked_into();
        assert_eq!(link.text_content().unwrap(), reading.title);
        assert_eq!(
            link.get_attribute("href").unwrap(),
            format!("/read/{}", reading.id)
        );
    }
    let text = host.text_content().unwrap();
    assert!(text.contains("Adversaries to Allies?"));
    assert!(text.contains("The Keeper's Year"));
}
