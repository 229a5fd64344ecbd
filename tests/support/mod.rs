//! What the browser tests of storage share: the origin's local storage as it is, and a way to
//! fill it until the browser refuses to write.
#![cfg(target_arch = "wasm32")]
// Each test file uses its own part of this.
#![allow(dead_code)]

/// The origin's local storage, without Lectern's wrapper.
pub fn raw() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Fills the origin's quota with filler until the browser refuses even one more character, so
/// no write of Lectern's fits; how many pieces it took.
pub fn fill_storage() -> usize {
    let mut fillers = 0;
    for size in [256 * 1024, 16 * 1024, 1024, 32, 1] {
        let chunk = "x".repeat(size);
        while raw().set_item(&format!("filler{fillers}"), &chunk).is_ok() {
            fillers += 1;
            assert!(fillers < 2000, "storage never filled up");
        }
    }
    fillers
}

/// Removes the filler again.
pub fn empty_fillers(fillers: usize) {
    for i in 0..fillers {
        raw().remove_item(&format!("filler{i}")).unwrap();
    }
}
