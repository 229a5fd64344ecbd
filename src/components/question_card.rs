//! One question: a `fieldset` with its prompt as `legend`, the answer control, a hint on demand,
//! "Check", and feedback announced in a live region that receives focus.

use crate::components::inputs::AnswerInput;
use crate::core::answer_key::answer_key;
use crate::core::grading::{grade, Grade};
use crate::core::response::Response;
use crate::platform::dom;
use crate::routes::question_anchor;
use crate::state::use_store;
use lectern_content::{Answer, Question, Reading};
use leptos::prelude::*;

/// A question card. The student's draft and last result come back from stored progress, so a
/// reload shows exactly what was there.
#[component]
pub fn QuestionCard(
    reading: &'static Reading,
    question: &'static Question,
    /// The question's number as shown to the student.
    number: usize,
    /// Called with the evidence sentence ids when the student asks to see them in the text.
    on_show_evidence: Callback<Vec<String>>,
) -> impl IntoView {
    let store = use_store();
    let stored = store
        .progress
        .with_untracked(|p| p.answer(&reading.id, &question.id).cloned());
    let draft = RwSignal::new(
        stored
            .as_ref()
            .map(|r| r.response.clone())
            .unwrap_or_else(|| Response::initial_for(question)),
    );
    let result: RwSignal<Option<Grade>> =
        RwSignal::new(stored.as_ref().map(|r| grade(question, &r.response)));
    let tries = RwSignal::new(stored.as_ref().map_or(0, |r| r.tries));
    // An answer given in another tab (merged into the store) shows here too, and switching to
    // another profile shows that profile's answer, or a fresh question.
    Effect::new(move |seen: Option<Option<f64>>| {
        let latest = store.progress.with(|p| {
            p.answer(&reading.id, &question.id)
                .map(|r| r.last_answered_at)
        });
        if seen.is_some_and(|seen| seen != latest) {
            match store
                .progress
                .with_untracked(|p| p.answer(&reading.id, &question.id).cloned())
            {
                Some(record) => {
                    result.set(Some(grade(question, &record.response)));
                    tries.set(record.tries);
                    draft.set(record.response);
                }
                None => {
                    result.set(None);
                    tries.set(0);
                    draft.set(Response::initial_for(question));
                }
            }
        }
        latest
    });
    let hint_open = RwSignal::new(false);
    let reminder = RwSignal::new(false);

    let card_id = question_anchor(&question.id);
    let feedback_id = format!("{card_id}-feedback");
    let hint_id = format!("{card_id}-hint");

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
                |response, score| store.record_answer(&reading.id, &question.id, response, score),
            )
        }
    };

    view! {
        <section class="question" id=card_id.clone() aria-labelledby=format!("{card_id}-legend")>
            <QuestionFieldset reading=reading question=question number=number draft=draft />
            <div class="question-actions">
                <button type="button" class="button primary" on:click=check>
                    {move || if tries.get() == 0 { "Check" } else { "Check again" }}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || hint_open.get().to_string()
                    aria-controls=hint_id.clone()
                    on:click=move |_| hint_open.update(|o| *o = !*o)
                >
                    {move || if hint_open.get() { "Hide hint" } else { "Show hint" }}
                </button>
                <crate::components::read_aloud::ReadQuestionAloud card_id=card_id.clone() number=number />
            </div>
            <p id=hint_id class="hint" hidden=move || !hint_open.get()>
                <strong>"Hint: "</strong>
                {question.hint.as_ref()}
            </p>
            // Only on paper, and only when the teacher asks for it (see the print styles).
            <p class="answer-key">
                <strong>"Answer: "</strong>
                {answer_key(reading, question)}
            </p>
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

/// The question itself: its number, kind and prompt as the `legend`, how to answer, and the
/// answer control. The legend's id (`q-<id>-legend`) names the card.
#[component]
pub fn QuestionFieldset(
    reading: &'static Reading,
    question: &'static Question,
    /// The question's number as shown to the student.
    number: usize,
    /// The student's answer so far.
    draft: RwSignal<Response>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend id=format!("{}-legend", question_anchor(&question.id))>
                <span class="question-number">{format!("Question {number}")}</span>
                <span class="question-kind">{question.answer.kind_label()}</span>
                <span class="question-prompt">{question.prompt.as_ref()}</span>
            </legend>
            <p class="instructions">{instructions(&question.answer)}</p>
            <AnswerInput reading=reading question=question draft=draft />
        </fieldset>
    }
}

/// Grades the draft on "Check": a blank answer gets a reminder; otherwise the grade is shown
/// and `record` keeps the response and score. Either way the feedback region then receives
/// focus, once it is on the page, so that a screen reader reads the verdict out.
pub fn check_answer(
    question: &'static Question,
    draft: RwSignal<Response>,
    reminder: RwSignal<bool>,
    result: RwSignal<Option<Grade>>,
    tries: RwSignal<u32>,
    feedback_id: &str,
    record: impl FnOnce(Response, f32),
) {
    let response = draft.get_untracked();
    if response.is_blank() {
        reminder.set(true);
        result.set(None);
    } else {
        reminder.set(false);
        let graded = grade(question, &response);
        record(response, graded.score);
        tries.update(|t| *t += 1);
        result.set(Some(graded));
    }
    let feedback_id = feedback_id.to_string();
    request_animation_frame(move || dom::focus(&feedback_id));
}

/// The live region under a question: the reminder to answer first, or the result of a check.
#[component]
pub fn FeedbackRegion(
    /// The region's DOM id (focused after each check).
    id: String,
    question: &'static Question,
    /// Whether "Check" was pressed with nothing answered.
    reminder: RwSignal<bool>,
    /// The last check's grade.
    result: RwSignal<Option<Grade>>,
    tries: RwSignal<u32>,
    on_show_evidence: Callback<Vec<String>>,
) -> impl IntoView {
    view! {
        <div id=id class="feedback" role="status" aria-live="polite" tabindex="-1">
            {move || {
                reminder
                    .get()
                    .then(|| view! { <p class="feedback-reminder">"Answer the question first, then press Check."</p> })
            }}
            {move || result.get().map(|graded| view! { <Feedback question=question graded=graded tries=tries on_show_evidence=on_show_evidence /> })}
        </div>
    }
}

/// How to answer, in words, for each kind.
fn instructions(answer: &Answer) -> &'static str {
    match answer {
        Answer::SingleChoice { .. } => "Choose one answer.",
        Answer::MultipleSelect { .. } => "Choose all the answers that apply.",
        Answer::TrueFalse { .. } => "Is the statement true or false, according to the text?",
        Answer::ShortAnswer { .. } => "Type a short answer.",
        Answer::Matching { .. } => "Match each item on the left with one from its list.",
        Answer::Ordering { .. } => "Put the items in order with the Move up and Move down buttons.",
        Answer::EvidenceSelection { .. } => {
            "Tick the sentence or sentences from the text that support it."
        }
        Answer::FillBlank { .. } => "Type the missing words.",
    }
}

/// The result of a check: right or not, the feedback for what the student chose, the
/// explanation, and "Show in text".
#[component]
fn Feedback(
    question: &'static Question,
    graded: Grade,
    tries: RwSignal<u32>,
    on_show_evidence: Callback<Vec<String>>,
) -> impl IntoView {
    let verdict = if graded.correct {
        "Correct!".to_string()
    } else if graded.score > 0.0 {
        format!("Partly right: {}%.", (graded.score * 100.0).round() as u32)
    } else {
        "Not quite.".to_string()
    };
    let class = if graded.correct {
        "verdict correct"
    } else {
        "verdict incorrect"
    };
    let evidence: Vec<String> = question.evidence.iter().map(|e| e.to_string()).collect();
    view! {
        <p class=class>
            <strong>{verdict}</strong>
            {move || {
                let t = tries.get();
                (t > 1).then(|| format!(" (try {t})"))
            }}
        </p>
        {(!graded.correct)
            .then(|| {
                view! {
                    <ul class="feedback-list">
                        {graded.feedback.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
                    </ul>
                    <p class="retry-note">"You can change your answer and check again."</p>
                }
            })}
        <p class="explanation">{question.explanation.as_ref()}</p>
        <button type="button" class="button" on:click=move |_| on_show_evidence.run(evidence.clone())>
            "Show in text"
        </button>
    }
}
