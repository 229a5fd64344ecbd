//! The start page: the reading itself when there is one, or the list of readings.

use crate::content::READINGS;
use crate::pages::reading::ReadingOverview;
use crate::pages::reading_url;
use crate::platform::dom;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    match READINGS {
        [only] => view! { <ReadingOverview reading=only /> }.into_any(),
        readings => view! { <ReadingList readings=readings /> }.into_any(),
    }
}

/// Every reading, with its authors and year, each linking to its overview.
#[component]
pub fn ReadingList(
    /// The readings to list, in order.
    readings: &'static [Reading],
) -> impl IntoView {
    dom::set_title("Lectern");
    view! {
        <div class="page">
            <h1>"Readings"</h1>
            <ul class="reading-list">
                {readings
                    .iter()
                    .map(|r| {
                        let authors: Vec<&str> = r.authors.iter().map(|a| a.name.as_ref()).collect();
                        view! {
                            <li>
                                <A href=reading_url(&r.id)>{r.title.as_ref()}</A>
                                <span class="byline">{format!(" by {} ({})", authors.join(" and "), r.year)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
