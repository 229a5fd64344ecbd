//! Local storage, reached through gloo-storage, with every failure turned into a value instead of
//! a panic: storage can be missing (blocked cookies, some private modes, `file:`), full, or hold
//! text another version of Lectern wrote.

use gloo_storage::{LocalStorage, Storage};

/// Every key Lectern writes starts with this, so its data never mixes with another app's on the
/// same origin.
pub const KEY_PREFIX: &str = "lectern:";

/// Whether the browser exposes local storage at all. Reaching it can throw (blocked cookies,
/// some private modes, `file:`), and `gloo_storage::LocalStorage::raw()` panics then, so every
/// access goes through this check first.
pub fn exposed() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().ok().flatten().is_some())
}

/// Whether local storage can be used: exposed, and accepting a write (a write-and-remove probe
/// catches browsers that expose storage but refuse every write). Asked once, at start-up.
pub fn is_available() -> bool {
    if !exposed() {
        return false;
    }
    let probe = format!("{KEY_PREFIX}probe");
    let ok = LocalStorage::raw().set_item(&probe, "1").is_ok();
    LocalStorage::delete(&probe);
    ok
}

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    Unavailable,
    /// The browser refused: most often the storage quota is exceeded.
    Refused(String),
}

/// Reads a raw string; `None` when the key is absent or storage is unavailable.
pub fn read(key: &str) -> Option<String> {
    if !exposed() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes a raw string (already serialized: the caller decides the format and keeps the text).
pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    if !exposed() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| WriteError::Refused(super::js_error::describe(&e)))
}

pub fn remove(key: &str) {
    if exposed() {
        LocalStorage::delete(key);
    }
}

/// Calls `on_change(key, new text)` whenever another tab of this origin changes one of Lectern's
/// keys (the `storage` event fires only in the other tabs, never in the one that wrote).
pub fn on_other_tab_change(on_change: impl Fn(&str, String) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if let (Some(key), Some(text)) = (event.key(), event.new_value()) {
                if key.starts_with(KEY_PREFIX) {
                    on_change(&key, text);
                }
            }
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// Asks the browser, once per visit, to keep this origin's storage even when space runs low
/// (`navigator.storage.persist()`). The answer does not matter: saving works either way.
pub fn request_persistence_once() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static ASKED: AtomicBool = AtomicBool::new(false);
    if ASKED.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    if has_storage {
        if let Ok(promise) = navigator.storage().persist() {
            // Awaited and ignored, so a refusal never surfaces as an uncaught rejection.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
