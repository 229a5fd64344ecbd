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
        .map_err(|e| WriteError::Refused(format!("{e:?}")))
}

pub fn remove(key: &str) {
    if exposed() {
        LocalStorage::delete(key);
    }
}
