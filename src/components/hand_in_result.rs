//! A handed-in assignment: the score, the three ways to pass it on (hand-in code, result file,
//! printed report), and every question with the student's answer, the mark and the right
//! answer, each pair as one unit as it was asked. The printed page is this view without its
//! buttons (see the print styles).

use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::components::question_pair::question_units;
use crate::components::status_message::{save_file, StatusMessage};
use crate::core::answer_key::{answer_for_student, response_text};
use crate::core::assignment::Assignment;
use crate::core::durations::duration_text;
use crate::core::grading::grade;
use crate::core::handin::{result_file, HandIn};
use crate::core::progress::AnswerRecord;
use crate::core::slug::slug;
use crate::platform::dom;
use crate::state::use_store;
use lectern_content::{Question, Reading};
use leptos::prelude::*;

#[component]
pub fn HandInResult(assignment: Assignment, reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let Some(progress) = store
        .progress
        .with_untracked(|p| p.assignments.get(&assignment.key()).cloned())
    else {
        return ().into_any();
    };
    let Some(handed_in) = progress.handed_in.clone() else {
        return ().into_any();
    };
    let Ok(result) = HandIn::from_code(&handed_in.code) else {
        return view! { <p role="alert">"This hand-in could not be read back. Your answers are kept."</p> }
            .into_any();
    };
    let percent = result.percent();
    let passed = assignment.passes(percent);
    let file_name = format!(
        "lectern-result-{}-{}.json",
        slug(&assignment.title),
        slug(&result.student)
    );
    let file_text = result_file(&result, &assignment, reading, &progress);
    let score_of = |id: &str| {
        let place = assignment.questions.iter().position(|q| q == id)?;
        result.scores.get(place).copied().flatten()
    };
    let numbered: Vec<(usize, &'static Question)> = assignment
        .questions_for(reading, &progress.student)
        .into_iter()
        .enumerate()
        .map(|(i, q)| (i + 1, q))
        .collect();
    let report = question_units(&numbered, &|_, question| {
        view! {
            <ReportQuestion
                reading=reading
                question=question
                record=progress.answers.get(question.id.as_ref()).cloned()
                score=score_of(&question.id)
                part_a_right=question.supports.as_deref().map(|a| score_of(a) == Some(100))
            />
        }
        .into_any()
    })
    .into_iter()
    .map(|unit| view! { <li>{unit}</li> })
    .collect_view();

    set_page_title(&format!("{} · Handed in", assignment.title));
    view! {
        <article class="page assignment-page hand-in-result">
            <p class="eyebrow">{format!("Assignment · {}", assignment.mode.label())}</p>
            <h1>{format!("{}: handed in", assignment.title)}</h1>
            <p class="score-line">
                <strong>{format!("Your score: {percent}%.")}</strong>
                {format!(
                    " Pass mark {}%: {}",
                    assignment.pass_mark,
                    if passed { "passed ✓." } else { "not passed ✗." },
                )}
            </p>
            <dl class="facts">
                <dt>"Name"</dt>
                <dd>{result.student.clone()}</dd>
                {(!result.student_id.is_empty())
                    .then(|| {
                        view! {
                            <dt>{assignment.student_id_kind.label()}</dt>
                            <dd>{result.student_id.clone()}</dd>
                        }
                    })}
                <dt>"Reading"</dt>
                <dd>{reading.title.as_ref()}</dd>
                <dt>"Handed in"</dt>
                <dd>
                    {dom::local_date_time(handed_in.at)}
                    {result.late.then_some(" (after the due date)")}
                    {handed_in.auto.then_some(" (automatically, when the time ran out)")}
                </dd>
                <dt>"Time on task"</dt>
                <dd>{duration_text(result.time_on_task_s)}</dd>
                <dt>"Answered"</dt>
                <dd>{format!("{} of {}", result.answered(), result.scores.len())}</dd>
            </dl>
            <PassOn code=handed_in.code file_name=file_name file_text=file_text />
            <section aria-labelledby="report-heading">
                <h2 id="report-heading">"Your answers"</h2>
                <ol class="report">{report}</ol>
            </section>
        </article>
    }
    .into_any()
}

/// The three ways to give the result to the teacher: copy the hand-in code (or, where copying
/// is not allowed, have it selected), download the result file, print the report.
#[component]
fn PassOn(
    /// The hand-in code.
    code: String,
    /// The result file's name and text.
    file_name: String,
    file_text: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let code_box = ElementRef::new();
    let copy = {
        let code = code.clone();
        move |_| {
            dom::copy_text(code.clone(), move |copied| {
                if copied {
                    message.set("Hand-in code copied. Paste it where your teacher asked.".into());
                } else {
                    code_box.select_text();
                    message.set("Copying is not allowed here: the code is selected, so press Ctrl+C (or ⌘C) to copy it.".into());
                }
            });
        }
    };
    let download = move |_| save_file(message, &file_name, &file_text, "application/json");
    view! {
        <section class="pass-on" aria-labelledby="pass-on-heading">
            <h2 id="pass-on-heading">"Give your result to your teacher"</h2>
            <p>
                "Copy the hand-in code into the place your teacher asked (a form, a chat or an e-mail), or send the result file."
            </p>
            <label for="hand-in-code">"Hand-in code"</label>
            <textarea
                id="hand-in-code"
                class="code-box"
                readonly
                rows="3"
                spellcheck="false"
                node_ref=code_box
            >
                {code}
            </textarea>
            <div class="button-row">
                <button type="button" class="button primary" on:click=copy>
                    "Copy code"
                </button>
                <button type="button" class="button" on:click=download>
                    "Download result file"
                </button>
                <button type="button" class="button" on:click=move |_| dom::print()>
                    "Print report"
                </button>
            </div>
            <StatusMessage message=message />
        </section>
    }
}

/// One question of the report: the student's answer and its mark and, unless it was right,
/// the feedback and the right answer; then the explanation.
#[component]
fn ReportQuestion(
    reading: &'static Reading,
    question: &'static Question,
    /// The student's kept answer, if any.
    record: Option<AnswerRecord>,
    /// The hand-in's score for it in percent; `None` when it was not answered.
    score: Option<u8>,
    /// For Part B of a pair: whether its Part A was right, without which Part B counts 0.
    part_a_right: Option<bool>,
) -> impl IntoView {
    let answer = record.as_ref().map_or_else(
        || "(no answer)".to_string(),
        |r| response_text(reading, question, &r.response),
    );
    // The words only: the style sheet puts the icon (✓ or ✗) before them, as on a study card.
    let (verdict, class) = match score {
        None => ("Not answered".to_string(), "verdict incorrect"),
        Some(_) if part_a_right == Some(false) => (
            "Not counted: Part B counts only when Part A is right".to_string(),
            "verdict incorrect",
        ),
        Some(100) => ("Correct".to_string(), "verdict correct"),
        Some(0) => ("Not right".to_string(), "verdict incorrect"),
        Some(p) => (format!("Partly right: {p}%"), "verdict incorrect"),
    };
    let feedback = record
        .map(|r| grade(question, &r.response).feedback)
        .unwrap_or_default();
    view! {
        <div class="report-question">
            <p class="question-prompt">{question.prompt.as_ref()}</p>
            <p>
                <strong>"Your answer: "</strong>
                {answer}
            </p>
            <p class=class>
                <strong>{verdict}</strong>
            </p>
            {(score != Some(100))
                .then(|| {
                    view! {
                        <ul class="feedback-list">
                            {feedback.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                        <p>
                            <strong>"Answer: "</strong>
                            {answer_for_student(reading, question)}
                        </p>
                    }
                })}
            <p class="explanation">{question.explanation.as_ref()}</p>
        </div>
    }
}
