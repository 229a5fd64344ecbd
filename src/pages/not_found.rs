//! The screen for an address that leads nowhere.

use crate::components::page_title::set_page_title;
use crate::routes::Link;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title("Page not found");
    view! {
        <div class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may be an old link."</p>
            <p>
                <A href=Link::Home.url()>"Go to the start page"</A>
            </p>
        </div>
    }
}
