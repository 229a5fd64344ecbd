//! Lectern: a reading-comprehension and study app that runs entirely in the browser.

pub mod content;

use leptos::prelude::*;

/// Mount the app on `<body>`; called once by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Lectern"</h1></main> }
}
