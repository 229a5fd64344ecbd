//! One question of an assignment being worked on. In practice mode it checks and gives
//! feedback like a study question; in an assessment it shows no marks and keeps every change
//! at once, so nothing is lost if the tab closes or the time runs out.

use crate::components::card_state::CardState;
use crate::components::question_card::{CheckButton, FeedbackRegion, QuestionFieldset};
use crate::components::read_aloud::ReadQuestionAloud;
use crate::core::assignment::Mode;
use crate::core::credit::part_b_note;
use crate::core::grading::grade;
use crate::core::response::Response;
use crate::platform::dom;
use crate::routes::question_anchor;
use crate::state::use_store;
use lectern_content::{Answer, Question, Reading};
use leptos::prelude::*;

#[component]
pub fn AssignmentQuestion(
    reading: &'static Reading,
    question: &'static Question,
    /// The question's number in this student's order.
    number: usize,
    /// The assignment's key in the student's progress.
    key: String,
    mode: Mode,
    /// The student's option-order salt (the same one the page provides to the inputs).
    salt: u64,
    /// Called with the evidence sentence ids when the student asks to see them (practice).
    on_show_evidence: Callback<Vec<String>>,
) -> impl IntoView {
    let store = use_store();
    let key = StoredValue::new(key);
    let stored = store.progress.with_untracked(|p| {
        key.with_value(|k| p.assignments.get(k))
            .and_then(|a| a.answers.get(question.id.as_ref()))
            .cloned()
    });
    let card = CardState::new(
        question,
        stored.as_ref(),
        Response::initial_with_salt(question, salt),
    );
    let saved = RwSignal::new(stored.is_some());

    if mode == Mode::Assessment {
        // An ordering always has an order (it is never blank), so the order shown is already an
        // answer: kept at once, or a student who agrees with it would hand in "no answer".
        let keep_shown_order =
            stored.is_none() && matches!(question.answer, Answer::Ordering { .. });
        // Every change is kept as it is made; the first run only reads the draft.
        Effect::new(move |first: Option<()>| {
            let response = card.draft.get();
            if first.is_some() || keep_shown_order {
                let score = grade(question, &response).score;
                let now = dom::now_ms();
                store.update_assignments(|all| {
                    if let Some(a) = key.with_value(|k| all.get_mut(k)) {
                        a.save_response(&question.id, response, score, now);
                    }
                });
                saved.set(true);
            }
        });
    }

    let check = Callback::new(move |()| {
        card.check(|response, score| {
            let now = dom::now_ms();
            store.update_assignments(|all| {
                if let Some(a) = key.with_value(|k| all.get_mut(k)) {
                    a.record_check(&question.id, response, score, now);
                }
            });
        })
    });

    // Part B in practice: whether it counts follows Part A's first try (an assessment shows no
    // marks, so it says nothing until the report).
    let pair_note = question
        .supports
        .as_deref()
        .filter(|_| mode == Mode::Practice)
        .map(|part_a| {
            Signal::derive(move || {
                part_b_note(store.progress.with(|p| {
                    key.with_value(|k| p.assignments.get(k))
                        .and_then(|a| a.answers.get(part_a))
                        .filter(|r| r.tries > 0)
                        .map(|r| r.first_try_score)
                }))
            })
        });

    let card_id = question_anchor(&question.id);
    let practice = mode == Mode::Practice;
    view! {
        <section class="question" id=card_id.clone() aria-labelledby=format!("{card_id}-legend")>
            <QuestionFieldset reading=reading card=card number=number />
            <div class="question-actions">
                {practice.then(|| view! { <CheckButton card=card on_check=check /> })}
                <ReadQuestionAloud card_id=card_id.clone() number=number />
            </div>
            {(!practice)
                .then(|| {
                    view! {
                        <p class="saved-note">
                            {move || {
                                if saved.get() {
                                    "Answer saved. You can change it until you hand in."
                                } else {
                                    ""
                                }
                            }}
                        </p>
                    }
                })}
            <FeedbackRegion card=card on_show_evidence=on_show_evidence pair_note=pair_note />
        </section>
    }
}
