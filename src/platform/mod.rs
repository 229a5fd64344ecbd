//! The thin layer over browser APIs (web-sys). Everything here is tested in headless Chromium
//! with wasm-bindgen-test; the pure core never touches it.

pub mod dom;
pub mod files;
pub mod js_error;
pub mod page;
pub mod scorm;
pub mod selection;
pub mod service_worker;
pub mod speech;
pub mod storage;
