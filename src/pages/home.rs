//! The start page: the reading itself when there is one, or the list of readings.

use crate::components::page_title::set_page_title;
use crate::content::READINGS;
use crate::core::assignment::Assignment;
use crate::pages::reading::ReadingOverview;
use crate::platform::dom;
use crate::routes::Link;
use crate::state::use_store;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let readings = match READINGS {
        [only] => view! { <ReadingOverview reading=only /> }.into_any(),
        readings => view! { <ReadingList readings=readings /> }.into_any(),
    };
    view! {
        {readings}
        <div class="page home-extras">
            <ReviewsDue />
            <MyAssignments />
            <section aria-labelledby="teachers-heading" class="for-teachers">
                <h2 id="teachers-heading">"For teachers"</h2>
                <p>
                    "Set this reading as a class assignment, and collect the results: "
                    // `rel="external"`: a page load, so that the release build's loader starts
                    // the teacher's bundle there (xtask/src/split.rs).
                    <a href=Link::Teach.url() rel="external">
                        "Make an assignment"
                    </a> " · " <a href=Link::Gradebook.url() rel="external">
                        "Gradebook"
                    </a>
                </p>
            </section>
        </div>
    }
}

/// How many reviews are due today, and the way to the Review screen.
#[component]
fn ReviewsDue() -> impl IntoView {
    let store = use_store();
    let today = dom::today();
    let count = move || {
        store
            .progress
            .with(|p| p.reviews_today(READINGS, today).due.len())
    };
    view! {
        <section aria-labelledby="review-heading" class="reviews-due">
            <h2 id="review-heading">"Review"</h2>
            <p>
                {move || match count() {
                    0 => "Nothing to review today.".to_string(),
                    1 => "1 review due today. ".to_string(),
                    n => format!("{n} reviews due today. "),
                }} <Show when=move || { count() > 0 }>
                    <A href=Link::Review.url()>"Start reviewing"</A>
                </Show>
            </p>
        </section>
    }
}

/// The assignments this student has opened, to go back to them.
#[component]
fn MyAssignments() -> impl IntoView {
    let store = use_store();
    move || {
        let list: Vec<(String, String, bool)> = store.progress.with(|p| {
            p.assignments
                .values()
                .filter_map(|a| {
                    let assignment = Assignment::from_code(&a.code, READINGS).ok()?;
                    Some((assignment.title, a.code.clone(), a.handed_in.is_some()))
                })
                .collect()
        });
        (!list.is_empty()).then(|| {
            view! {
                <section aria-labelledby="assignments-heading">
                    <h2 id="assignments-heading">"Your assignments"</h2>
                    <ul class="assignment-list">
                        {list
                            .into_iter()
                            .map(|(title, code, done)| {
                                view! {
                                    <li>
                                        <A href=Link::Assignment(&code).url()>{title}</A>
                                        {if done { " · Handed in" } else { " · In progress" }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// Every reading, with its authors and year, each linking to its overview.
#[component]
pub fn ReadingList(
    /// The readings to list, in order.
    readings: &'static [Reading],
) -> impl IntoView {
    set_page_title("");
    view! {
        <div class="page">
            <h1>"Readings"</h1>
            <ul class="reading-list">
                {readings
                    .iter()
                    .map(|r| {
                        let authors: Vec<&str> = r
                            .authors
                            .iter()
                            .map(|a| a.name.as_ref())
                            .collect();
                        view! {
                            <li>
                                <A href=Link::Reading(&r.id).url()>{r.title.as_ref()}</A>
                                <span class="byline">
                                    {format!(" by {} ({})", authors.join(" and "), r.year)}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
