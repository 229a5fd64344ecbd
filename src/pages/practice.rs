//! "Practise the ones I missed": just the questions not right the first time (or not right now),
//! asked again. The list is fixed when the page opens, so questions do not vanish as they are
//! answered.

use crate::components::page_title::set_page_title;
use crate::components::question_card::QuestionCard;
use crate::components::question_pair::question_units;
use crate::core::progress::missed_questions;
use crate::pages::not_found::NotFound;
use crate::routes::{reading_from_route, Link};
use crate::state::use_store;
use lectern_content::{Question, Reading};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The route `/read/:reading/practice`.
#[component]
pub fn PracticePage() -> impl IntoView {
    let reading = reading_from_route();
    move || match reading.get() {
        Some(reading) => view! { <Practice reading=reading /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Practice(reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let missed: Vec<&'static str> = store
        .progress
        .with_untracked(|p| missed_questions(reading, p.reading(&reading.id)));
    let navigate = use_navigate();
    let count = missed.len();
    // A missed part brings its partner, so each pair is shown whole, as one unit.
    let numbered: Vec<(usize, &'static Question)> = missed
        .into_iter()
        .filter_map(|id| reading.question(id))
        .enumerate()
        .map(|(i, q)| (i + 1, q))
        .collect();
    let cards = question_units(&numbered, &|number, q| {
        let navigate = navigate.clone();
        // The evidence is in the section's text, which is on the section's own page.
        let show = Callback::new(move |_: Vec<String>| {
            let url = Link::Evidence {
                reading: &reading.id,
                section: &q.section,
                question: &q.id,
            }
            .url();
            navigate(&url, Default::default());
        });
        view! { <QuestionCard reading=reading question=q number=number on_show_evidence=show /> }
            .into_any()
    });
    set_page_title(&format!("Practice · {}", reading.title));
    view! {
        <article class="page practice-page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <A href=Link::Reading(&reading.id).url()>{reading.title.as_ref()}</A>
            </nav>
            <h1>"Practise the ones you missed"</h1>
            {if count == 0 {
                view! { <p>"Nothing to practise: no missed questions."</p> }.into_any()
            } else {
                view! {
                    <p>
                        {format!(
                            "{count} question(s) to try again. Your first-try results stay as they were.",
                        )}
                    </p>
                }
                    .into_any()
            }}
            <section class="questions">{cards}</section>
            <p>
                <A href=Link::Results(&reading.id).url() attr:class="button">
                    "Back to your results"
                </A>
            </p>
        </article>
    }
}
