//! The header's reminder of who is studying, linking to the profiles page.

use crate::routes::Link;
use crate::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Studying as <name>", a link to "Who is studying?".
#[component]
pub fn StudyingAs() -> impl IntoView {
    let store = use_store();
    let name = move || store.profiles.with(|p| p.current().name.clone());
    view! {
        <A href=Link::Profiles.url() attr:class="studying-as">
            {move || format!("Studying as {}", name())}
        </A>
    }
}
