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
