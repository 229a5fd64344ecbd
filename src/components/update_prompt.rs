//! "A new version is ready — reload": shown when a new build of Lectern has been downloaded.
//! The student chooses when; nothing reloads under their hands.

use crate::platform::service_worker;
use leptos::prelude::*;

/// The update banner; `ready` is set by the service worker watcher.
#[component]
pub fn UpdatePrompt(
    /// Whether a new build is installed and waiting.
    ready: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="update-prompt-region" role="status" aria-live="polite">
            <Show when=move || ready.get()>
                <p class="update-prompt">
                    <span>
                        "A new version is ready — reload to use it. Your answers are saved."
                    </span>
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| service_worker::apply_update()
                    >
                        "Reload"
                    </button>
                    <button type="button" class="button" on:click=move |_| ready.set(false)>
                        "Later"
                    </button>
                </p>
            </Show>
        </div>
    }
}
