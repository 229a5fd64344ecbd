//! A plain-words notice whenever progress is not being saved normally.

use crate::routes::Link;
use crate::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows what is happening with saving (nothing when all is well), in a polite live region so
/// that a screen reader announces a change such as "storage full" when it happens.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="storage-notice" role="status" aria-live="polite">
            {move || {
                store
                    .storage
                    .with(|s| s.notice())
                    .map(|text| {
                        view! {
                            <p class="notice">
                                {text} " "
                                <A href=Link::Data.url()>"Download a backup of your answers"</A>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
