//! One review on the Review screen: the question (or a glossary term asked as one) with its
//! section's text at hand, feedback as in free study, and once it is settled, when it comes
//! back. Graded by the app's own check (`Outcome`): right at the first check, with or
//! without the hint open, right after a retry, or missed ("Move on" before it is right).

use crate::components::card_state::CardState;
use crate::components::question_card::{CheckButton, FeedbackRegion, QuestionFieldset};
use crate::components::section_text::{show_evidence, SectionText};
use crate::core::response::Response;
use crate::core::review::{Item, Outcome};
use crate::platform::dom;
use crate::routes::question_anchor;
use crate::state::use_store;
use lectern_content::{Question, Reading};
use leptos::prelude::*;

/// Reviews `question` of `reading` (queue key `item`); `on_done` hears the outcome when the
/// student goes on.
#[component]
pub fn ReviewQuestion(
    reading: &'static Reading,
    question: &'static Question,
    item: Item,
    /// Its number as shown ("Review 2 of 5").
    number: usize,
    /// Called with the outcome when the student presses Next.
    on_done: Callback<Outcome>,
) -> impl IntoView {
    let store = use_store();
    let card = CardState::new(question, None, Response::initial_for(question));
    let hint_open = RwSignal::new(false);
    // At the first check: whether it was right, and whether the hint was open.
    let first = RwSignal::new(None::<(bool, bool)>);
    // Once settled: the outcome, and in how many days it comes back.
    let settled = RwSignal::new(None::<(Outcome, u32)>);
    let item = StoredValue::new(item);
    let settle = move |right: bool| {
        let (first_right, hinted) = first.get_untracked().unwrap_or((false, false));
        let outcome = Outcome::of(right, first_right, hinted);
        let card = item.with_value(|item| store.record_review(&reading.id, item, outcome.grade()));
        let days = card.map_or(1, |c| c.due.days_since(dom::today()));
        settled.set(Some((outcome, days)));
    };
    let check = Callback::new(move |()| {
        card.check(|_, _| {});
        let right = card
            .result
            .with_untracked(|r| r.as_ref().map(|g| g.correct));
        if let Some(right) = right {
            if first.get_untracked().is_none() {
                first.set(Some((right, hint_open.get_untracked())));
            }
            if right && settled.get_untracked().is_none() {
                settle(true);
            }
        }
    });
    let highlighted = RwSignal::new(Vec::<String>::new());
    let text_open = RwSignal::new(false);
    let evidence = show_evidence(highlighted);
    let on_show_evidence = Callback::new(move |ids: Vec<String>| {
        text_open.set(true);
        request_animation_frame(move || evidence.run(ids));
    });
    let section = reading
        .section(&question.section)
        .unwrap_or(&reading.sections[0]);
    let hint_id = format!("review-{number}-hint");
    let text_id = format!("review-{number}-text");
    view! {
        <div class="review-text">
            <button
                type="button"
                class="button"
                aria-expanded=move || text_open.get().to_string()
                aria-controls=text_id.clone()
                on:click=move |_| text_open.update(|o| *o = !*o)
            >
                {move || if text_open.get() { "Hide the text" } else { "Show the text" }}
                {format!(": {}", section.heading)}
            </button>
            <div id=text_id class="reading-text" hidden=move || !text_open.get()>
                <SectionText reading=reading section=section highlighted=highlighted />
            </div>
        </div>
        <section
            class="question review-question"
            id=question_anchor(&question.id)
            aria-label=format!("Review {number}")
        >
            <QuestionFieldset reading=reading card=card number=number />
            <div class="question-actions">
                <CheckButton card=card on_check=check />
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || hint_open.get().to_string()
                    aria-controls=hint_id.clone()
                    on:click=move |_| hint_open.update(|o| *o = !*o)
                >
                    {move || if hint_open.get() { "Hide hint" } else { "Show hint" }}
                </button>
                <Show when=move || {
                    card.tries.get() > 0 && settled.get().is_none()
                        && !card.result.with(|r| r.as_ref().is_some_and(|g| g.correct))
                }>
                    <button type="button" class="button" on:click=move |_| settle(false)>
                        "Move on"
                    </button>
                </Show>
            </div>
            <p id=hint_id class="hint" hidden=move || !hint_open.get()>
                <strong>"Hint: "</strong>
                {question.hint.as_ref()}
            </p>
            <FeedbackRegion card=card on_show_evidence=on_show_evidence />
            {move || {
                settled
                    .get()
                    .map(|(outcome, days)| {
                        view! { <NextReview outcome=outcome days=days on_next=on_done /> }
                    })
            }}
        </section>
    }
}

/// When the item comes back, and Next.
#[component]
fn NextReview(outcome: Outcome, days: u32, on_next: Callback<Outcome>) -> impl IntoView {
    let when = match days {
        0 | 1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    view! {
        <p class="next-review" role="status">
            {format!("Next review {when}.")}
        </p>
        <button type="button" class="button primary" on:click=move |_| on_next.run(outcome)>
            "Next"
        </button>
    }
}
