//! Tests that run inside headless Chromium (wasm-bindgen-test), through
//! `cargo xtask test`. Host `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("a browser window")
        .local_storage()
        .expect("localStorage is accessible")
        .expect("localStorage exists")
}

/// A value written through gloo-storage is what the browser's own localStorage holds.
#[wasm_bindgen_test]
fn local_storage_round_trip() {
    let key = "lectern.test.web.round-trip";
    let value = "Adversaries to Allies?";

    LocalStorage::set(key, value).expect("gloo-storage writes to localStorage");
    let stored = local_storage()
        .get_item(key)
        .expect("localStorage.getItem works");
    // gloo-storage stores values as JSON.
    let expected = serde_json::to_string(value).expect("a string serializes");
    assert_eq!(stored.as_deref(), Some(expected.as_str()));
    let read_back: String = LocalStorage::get(key).expect("gloo-storage reads it back");
    assert_eq!(read_back, value);

    LocalStorage::delete(key);
    assert_eq!(local_storage().get_item(key).expect("getItem works"), None);
}

/// What the browser throws reads as `Name: message`, whatever the release build does to `Debug`
/// (the download and storage messages a student reads are built from it).
#[wasm_bindgen_test]
fn a_browser_exception_reads_as_its_name_and_message() {
    use lectern::platform::js_error::describe;
    use wasm_bindgen::JsValue;

    assert_eq!(describe(&js_sys::Error::new("boom").into()), "Error: boom");
    // A DOMException, as the browser throws it.
    let thrown = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("not a name")
        .unwrap_err();
    let text = describe(&thrown);
    assert!(text.starts_with("InvalidCharacterError: "), "{text}");
    assert!(!text.contains("JsValue"), "{text}");
    assert_eq!(describe(&JsValue::from_str("refused")), "refused");
    assert_eq!(describe(&JsValue::from(42)), "an unknown error");
    assert_eq!(describe(&JsValue::NULL), "an unknown error");
    assert_eq!(describe(&js_sys::Error::new("").into()), "Error");
}
