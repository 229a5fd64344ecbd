//! A question card's parts, and the study card made of them: a `fieldset` with the prompt as
//! `legend` and the answer control, "Check", a hint on demand, and feedback announced in a live
//! region that receives focus. The assignment card (`assignment_question.rs`) is made of the
//! same parts over the same [`CardState`]. Part B of a pair also says, in its feedback, whether
//! it counts (it counts only when Part A was right the first time).

use crate::components::card_state::CardState;
use crate::components::inputs::AnswerInput;
use crate::components::read_aloud::ReadQuestionAloud;
use crate::core::answer_key::answer_key;
use crate::core::credit::part_b_note;
use crate::core::grading::Grade;
use crate::core::response::Response;
use crate::routes::question_anchor;
use crate::state::use_store;
use lectern_content::{Answer, Question, Reading};
use leptos::prelude::*;

/// A study question. The student's draft and last result come back from stored progress, so a
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
    let stored = move || {
        store
            .progress
            .with_untracked(|p| p.answer(&reading.id, &question.id).cloned())
    };
    let card = CardState::new(question, stored().as_ref(), Response::initial_for(question));
    // An answer given in another tab (merged into the store) shows here too, and switching to
    // another profile shows that profile's answer, or a fresh question.
    Effect::new(move |seen: Option<Option<f64>>| {
        let latest = store.progress.with(|p| {
            p.answer(&reading.id, &question.id)
                .map(|r| r.last_answered_at)
        });
        if seen.is_some_and(|seen| seen != latest) {
            card.show(stored(), Response::initial_for(question));
        }
        latest
    });
    let hint_open = RwSignal::new(false);
    // Free study: the check also feeds the review queue, with whether the hint was open.
    let check = Callback::new(move |()| {
        card.check(|response, score| {
            let hinted = hint_open.get_untracked();
            store.record_study_check(&reading.id, &question.id, response, score, hinted)
        })
    });
    // Part B: whether it counts follows Part A's first try, which may come after Part B's.
    let pair_note = question.supports.as_deref().map(|part_a| {
        Signal::derive(move || {
            part_b_note(
                store
                    .progress
                    .with(|p| p.answer(&reading.id, part_a).map(|r| r.first_try_score)),
            )
        })
    });

    let card_id = question_anchor(&question.id);
    let hint_id = format!("{card_id}-hint");
    view! {
        <section class="question" id=card_id.clone() aria-labelledby=format!("{card_id}-legend")>
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
                <ReadQuestionAloud card_id=card_id.clone() number=number />
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
            <FeedbackRegion card=card on_show_evidence=on_show_evidence pair_note=pair_note />
        </section>
    }
}

/// The question itself: its number, kind and prompt as the `legend`, how to answer, and the
/// answer control. The legend's id (`q-<id>-legend`) names the card.
#[component]
pub fn QuestionFieldset(
    reading: &'static Reading,
    card: CardState,
    /// The question's number as shown to the student.
    number: usize,
) -> impl IntoView {
    let question = card.question;
    view! {
        <fieldset>
            <legend id=format!("{}-legend", question_anchor(&question.id))>
                <span class="question-number">{format!("Question {number}")}</span>
                <span class="question-kind">{question.answer.kind_label()}</span>
                <span class="question-prompt">{question.prompt.as_ref()}</span>
            </legend>
            <p class="instructions">{instructions(&question.answer)}</p>
            <AnswerInput reading=reading question=question draft=card.draft />
        </fieldset>
    }
}

/// "Check", or "Check again" once checked.
#[component]
pub fn CheckButton(card: CardState, on_check: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="button primary" on:click=move |_| on_check.run(())>
            {move || if card.tries.get() == 0 { "Check" } else { "Check again" }}
        </button>
    }
}

/// The live region under a question: the reminder to answer first, or the result of a check.
/// It takes focus after each check (`CardState::check`).
#[component]
pub fn FeedbackRegion(
    card: CardState,
    /// Called with the evidence sentence ids when the student asks to see them in the text.
    on_show_evidence: Callback<Vec<String>>,
    /// For Part B of a pair: whether it counts, said after each check
    /// ([`crate::core::credit::part_b_note`]).
    #[prop(optional_no_strip)]
    pair_note: Option<Signal<&'static str>>,
) -> impl IntoView {
    let id = format!("{}-feedback", question_anchor(&card.question.id));
    view! {
        <div
            id=id
            class="feedback"
            role="status"
            aria-live="polite"
            tabindex="-1"
            node_ref=card.feedback
        >
            <Show when=move || card.reminder.get()>
                <p class="feedback-reminder">"Answer the question first, then press Check."</p>
            </Show>
            {move || {
                card.result
                    .get()
                    .map(|graded| {
                        view! {
                            <Feedback
                                question=card.question
                                graded=graded
                                tries=card.tries
                                on_show_evidence=on_show_evidence
                                pair_note=pair_note
                            />
                        }
                    })
            }}
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

/// The result of a check: right or not, whether it counts (Part B of a pair), the feedback for
/// what the student chose, the explanation, and "Show in text".
#[component]
fn Feedback(
    question: &'static Question,
    graded: Grade,
    tries: RwSignal<u32>,
    on_show_evidence: Callback<Vec<String>>,
    pair_note: Option<Signal<&'static str>>,
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
        {pair_note.map(|note| view! { <p class="pair-credit">{note}</p> })}
        {(!graded.correct)
            .then(|| {
                view! {
                    <ul class="feedback-list">
                        {graded
                            .feedback
                            .iter()
                            .map(|f| view! { <li>{f.clone()}</li> })
                            .collect_view()}
                    </ul>
                    <p class="retry-note">"You can change your answer and check again."</p>
                }
            })}
        <p class="explanation">{question.explanation.as_ref()}</p>
        <button
            type="button"
            class="button"
            on:click=move |_| on_show_evidence.run(evidence.clone())
        >
            "Show in text"
        </button>
    }
}
