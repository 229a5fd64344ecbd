//! The line under an action that says what just happened ("Saved as lectern-backup-….json"),
//! the same on every screen: a polite live region, so a screen reader announces it.

use crate::platform::files;
use leptos::prelude::*;

/// Shows `message` (nothing while it is empty).
#[component]
pub fn StatusMessage(message: RwSignal<String>) -> impl IntoView {
    view! {
        <p role="status" class="data-message">
            {move || message.get()}
        </p>
    }
}

/// Offers `text` as a file download named `name`, and says in `message` whether it worked, so
/// a refused download is never silent.
pub fn save_file(message: RwSignal<String>, name: &str, text: &str, mime: &str) {
    message.set(match files::download(name, text, mime) {
        Ok(()) => format!("Saved as {name}."),
        Err(e) => format!("{name} could not be saved: {e}."),
    });
}
