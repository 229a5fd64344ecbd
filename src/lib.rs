//! Lectern: a reading-comprehension and study app that runs entirely in the browser.
//!
//! `core` is pure (no browser APIs) and tested on the host; `platform` wraps the browser APIs;
//! `components` and `pages` are thin Leptos views over both. See ARCHITECTURE.md.

pub mod app;
pub mod components;
pub mod content;
pub mod core;
#[cfg(feature = "scorm")]
pub mod lms_session;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod state;

/// Mounts the app on `<body>`; called once by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::page::take_over();
    leptos::mount::mount_to_body(app::App);
}
