//! One question of an assignment being worked on. In practice mode it checks and gives
//! feedback like a study question; in an assessment it shows no marks and keeps every change
//! at once, so nothing is lost if the tab closes or the time runs out.

use crate::components::question_card::{check_answer, FeedbackRegion, QuestionFieldset};
use crate::components::read_aloud::ReadQuestionAloud;
use crate::core::assignment::Mode;
use crate::core::grading::{grade, Grade};
use crate::core::progress::AnswerRecord;
use crate::core::response::Response;
use crate::platform::dom;
use crate::routes::question_anchor;
use crate::state::use_store;
use lectern_content::{Question, Reading};
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
    let stored: Option<AnswerRecord> = store.progress.with_untracked(|p| {
        key.with_value(|k| p.assignments.get(k))
            .and_then(|a| a.answers.get(question.id.as_ref()))
            .cloned()
    });
    let draft = RwSignal::new(
        stored
            .as_ref()
            .map(|r| r.response.clone())
            .unwrap_or_else(|| Response::initial_with_salt(question, salt)),
    );
    let tries = RwSignal::new(stored.as_ref().map_or(0, |r| r.tries));
    let result: RwSignal<Option<Grade>> = RwSignal::new(
        stored
            .as_ref()
            .filter(|r| r.tries > 0)
            .map(|r| grade(question, &r.response)),
    );
    let saved = RwSignal::new(stored.is_some());

    if mode == Mode::Assessment {
        // An ordering always has an order (it is never blank), so the order shown is already an
        // answer: kept at once, or a student who agrees with it would hand in "no answer".
        let keep_shown_order =
            stored.is_none() && matches!(question.answer, lectern_content::Answer::Ordering { .. });
        // Every change is kept as it is made; the first run only reads the draft.
        Effect::new(move |first: Option<()>| {
            let response = draft.get();
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

    let card_id = question_anchor(&question.id);
    let feedback_id = format!("{card_id}-feedback");
    let reminder = RwSignal::new(false);
    let check = {
        let feedback_id = feedback_id.clone();
        move |_| {
            check_answer(
                question,
                draft,
                reminder,
                result,
                tries,
                &feedback_id,
                |response, score| {
                    let now = dom::now_ms();
                    store.update_assignments(|all| {
                        if let Some(a) = key.with_value(|k| all.get_mut(k)) {
                            a.record_check(&question.id, response, score, now);
                        }
                    });
                },
            )
        }
    };

    let actions = match mode {
        Mode::Practice => view! {
            <div class="question-actions">
                <button type="button" class="button primary" on:click=check>
                    {move || if tries.get() == 0 { "Check" } else { "Check again" }}
                </button>
                <ReadQuestionAloud card_id=card_id.clone() number=number />
            </div>
        }
        .into_any(),
        Mode::Assessment => view! {
            <div class="question-actions">
                <ReadQuestionAloud card_id=card_id.clone() number=number />
            </div>
            <p class="saved-note">
                {move || if saved.get() { "Answer saved. You can change it until you hand in." } else { "" }}
            </p>
        }
        .into_any(),
    };

    view! {
        <section class="question" id=card_id.clone() aria-labelledby=format!("{card_id}-legend")>
            <QuestionFieldset reading=reading question=question number=number draft=draft />
            {actions}
            <FeedbackRegion
                id=feedback_id
                question=question
                reminder=reminder
                result=result
                tries=tries
                on_show_evidence=on_show_evidence
            />
        </section>
    }
}
