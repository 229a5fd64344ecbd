//! What a browser's exception says, as text a person can read.
//!
//! Messages a student reads ("lectern-backup-….json could not be saved: …") name what the browser said
//! without `{:?}`: a `JsValue`'s `Debug` prints wasm-bindgen's internal form (a stack trace
//! included), and a release build may one day format `Debug` as nothing (`-Zfmt-debug=none`,
//! docs/performance.md).

use wasm_bindgen::{JsCast, JsValue};

/// `Name: message` for an `Error` or `DOMException` (what the browser throws), the text of a
/// thrown string, and "an unknown error" for anything else.
pub fn describe(error: &JsValue) -> String {
    let text = match error.dyn_ref::<js_sys::Error>() {
        // `Error.prototype.toString`: `name: message`, or whichever of the two is not empty.
        Some(error) => String::from(error.to_string()),
        None => error.as_string().unwrap_or_default(),
    };
    if text.is_empty() {
        "an unknown error".to_string()
    } else {
        text
    }
}
