//! The Review screen: today's reviews across the readings (questions missed, or right only
//! after a hint or a retry, and glossary terms looked up), one at a time, then a summary. All
//! local: it works offline.

use crate::components::page_title::set_page_title;
use crate::components::review_question::ReviewQuestion;
use crate::content::READINGS;
use crate::core::review::{term_question, DueContent, Item, Outcome};
use crate::platform::dom;
use crate::routes::Link;
use crate::state::use_store;
use lectern_content::{Question, Reading};
use leptos::prelude::*;
use leptos_router::components::A;

/// One review to do.
#[derive(Clone)]
struct Due {
    reading: &'static Reading,
    question: &'static Question,
    item: Item,
}

/// Today's reviews, as they stand when the screen opens (reviewing one does not reshuffle the
/// rest); and how many the daily cap holds back.
fn todays_reviews() -> (Vec<Due>, usize) {
    let store = use_store();
    let today = dom::today();
    store.progress.with_untracked(|p| {
        let reviews = p.reviews_today(READINGS, today);
        let due = reviews
            .due
            .iter()
            .filter_map(|due| {
                let question: &'static Question = match due.content {
                    DueContent::Question(q) => q,
                    // A term's question is made for this screen; it lives as long as the page
                    // (a few a day at most, bounded by the daily cap).
                    DueContent::Term(term) => Box::leak(Box::new(term_question(
                        due.reading,
                        &term.id,
                        u64::from(dom::random_u32()),
                    )?)),
                };
                Some(Due {
                    reading: due.reading,
                    question,
                    item: due.item(),
                })
            })
            .collect();
        (due, reviews.held_back)
    })
}

/// The route `/review`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    set_page_title("Review");
    let (due, held_back) = todays_reviews();
    let total = due.len();
    let due = StoredValue::new(due);
    let at = RwSignal::new(0usize);
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let on_done = Callback::new(move |outcome: Outcome| {
        outcomes.update(|o| o.push(outcome));
        at.update(|i| *i += 1);
        request_animation_frame(dom::focus_main_heading);
    });
    let current = move || {
        let i = at.get();
        match due.with_value(|d| d.get(i).cloned()) {
            Some(d) => view! {
                <h2 class="review-count">{format!("Review {} of {total}", i + 1)}</h2>
                <ReviewQuestion
                    reading=d.reading
                    question=d.question
                    item=d.item
                    number=i + 1
                    on_done=on_done
                />
            }
            .into_any(),
            None => {
                view! { <ReviewSummary outcomes=outcomes.get() held_back=held_back /> }.into_any()
            }
        }
    };
    view! {
        <article class="page review-page">
            <h1>"Review"</h1>
            <p>
                "Questions you missed, or got right only after a hint or another try, and words you looked up, come back here a few days later, just before they would be forgotten."
            </p>
            {current}
        </article>
    }
}

/// The end: how it went, and what waits for another day.
#[component]
fn ReviewSummary(outcomes: Vec<Outcome>, held_back: usize) -> impl IntoView {
    let count = |wanted: Outcome| outcomes.iter().filter(|&&o| o == wanted).count();
    let first_time = count(Outcome::RightFirstTime) + count(Outcome::RightAfterHint);
    let retry = count(Outcome::RightAfterRetry);
    let missed = count(Outcome::Wrong);
    let done = outcomes.len();
    view! {
        <section class="review-summary" aria-labelledby="review-summary-heading">
            <h2 id="review-summary-heading">
                {if done == 0 { "Nothing to review today" } else { "Done for today" }}
            </h2>
            {(done > 0)
                .then(|| {
                    view! {
                        <ul>
                            <li>{format!("Reviewed: {done}")}</li>
                            <li>{format!("Right at the first try: {first_time}")}</li>
                            <li>{format!("Right after another try: {retry}")}</li>
                            <li>{format!("Missed: {missed} (back tomorrow)")}</li>
                        </ul>
                    }
                })}
            {(held_back > 0)
                .then(|| {
                    view! {
                        <p>
                            {format!(
                                "{held_back} more are due, and wait for another day: a few a day works better than many at once. The number a day is in Settings.",
                            )}
                        </p>
                    }
                })}
            <p>
                <A href=Link::Home.url()>"Back to the start"</A>
            </p>
        </section>
    }
}
