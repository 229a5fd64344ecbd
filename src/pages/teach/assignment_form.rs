//! The form that makes an assignment: title, reading, questions, mode, due date, time limit,
//! shuffling and pass mark. A field that does not make sense is named and gets focus; nothing is
//! made until every field does.

use super::question_picker::QuestionPicker;
use crate::components::field::{bound, field};
use crate::components::focus::ElementRef;
use crate::core::assignment::{Assignment, Mode, MAX_TITLE_BYTES};
use crate::core::codec::truncate;
use crate::platform::dom;
use lectern_content::Reading;
use leptos::prelude::*;

#[component]
pub fn AssignmentForm(
    /// The readings to choose from, the first chosen at first.
    readings: &'static [Reading],
    /// Called with each assignment made and its link code.
    on_created: Callback<(Assignment, String)>,
) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let reading_id = RwSignal::new(readings.first().map_or(String::new(), |r| r.id.to_string()));
    // A plain closure, not a memo: comparing whole readings would cost more than finding one.
    let reading =
        move || reading_id.with(|id| readings.iter().find(|r| r.id == *id).or(readings.first()));
    let questions = RwSignal::new(Vec::<String>::new());
    let mode = RwSignal::new(Mode::Practice);
    let due = RwSignal::new(String::new());
    let limit = RwSignal::new(String::new());
    let shuffle_questions = RwSignal::new(true);
    let shuffle_options = RwSignal::new(true);
    let pass_mark = RwSignal::new("60".to_string());
    let problem = RwSignal::new(None::<&'static str>);
    let [title_input, first_section, due_input, limit_input, pass_input] =
        [(); 5].map(|()| ElementRef::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reading) = untrack(reading) else {
            return;
        };
        let refuse = |message: &'static str, field: ElementRef| {
            problem.set(Some(message));
            field.focus_soon();
        };
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            return refuse("Give the assignment a title.", title_input);
        }
        let chosen = questions.get_untracked();
        if chosen.is_empty() {
            return refuse("Choose at least one question.", first_section);
        }
        let time_limit_minutes = match limit.get_untracked().trim() {
            "" | "0" => None,
            text => match text.parse::<u32>() {
                Ok(m) if m <= 600 => Some(m),
                _ => {
                    return refuse(
                        "The time limit is a whole number of minutes, at most 600.",
                        limit_input,
                    )
                }
            },
        };
        let pass = match pass_mark.get_untracked().trim().parse::<u8>() {
            Ok(p) if p <= 100 => p,
            _ => return refuse("The pass mark is a percentage from 0 to 100.", pass_input),
        };
        let due_text = due.get_untracked();
        let due_minutes = match dom::local_datetime_ms(&due_text) {
            None if due_text.is_empty() => None,
            None => return refuse("The due date is not a date and time.", due_input),
            Some(ms) => Some((ms / 60_000.0).round().max(1.0) as u64),
        };
        let assignment = Assignment {
            id: dom::random_u32(),
            title: truncate(&name, MAX_TITLE_BYTES).to_string(),
            reading: reading.id.to_string(),
            questions: chosen,
            mode: mode.get_untracked(),
            shuffle_questions: shuffle_questions.get_untracked(),
            shuffle_options: shuffle_options.get_untracked(),
            seed: dom::random_u32(),
            due_minutes,
            time_limit_minutes,
            extra_time_percent: 0,
            pass_mark: pass,
        };
        problem.set(None);
        let code = assignment.to_code(reading);
        on_created.run((assignment, code));
    };

    view! {
        <form class="assignment-form" on:submit=submit novalidate>
            <p class="field">
                <label for="assignment-title">"Title"</label>
                <input
                    id="assignment-title"
                    type="text"
                    maxlength="120"
                    required
                    placeholder="Week 3: Adversaries to Allies?"
                    node_ref=title_input
                    bind:value=bound(title)
                />
            </p>
            <p class="field">
                <label for="assignment-reading">"Reading"</label>
                <select id="assignment-reading" bind:value=bound(reading_id)>
                    {readings
                        .iter()
                        .map(|r| view! { <option value=r.id.as_ref()>{r.title.as_ref()}</option> })
                        .collect_view()}
                </select>
            </p>
            // A new picker for another reading: its sections, all ticked.
            {move || {
                reading()
                    .map(|reading| {
                        view! {
                            <QuestionPicker
                                reading=reading
                                selected=questions
                                first_box=first_section
                            />
                        }
                    })
            }}
            <ModeChoice mode=mode />
            <p class="field">
                <label for="due">"Due (optional)"</label>
                <input id="due" type="datetime-local" node_ref=due_input bind:value=bound(due) />
            </p>
            <p class="field">
                <label for="time-limit">"Time limit in minutes (optional)"</label>
                <input
                    id="time-limit"
                    type="number"
                    min="0"
                    max="600"
                    inputmode="numeric"
                    aria-describedby="time-limit-help"
                    node_ref=limit_input
                    bind:value=bound(limit)
                />
                <span id="time-limit-help" class="field-help">
                    "Students who need more time can get a link with extra time once the assignment is made."
                </span>
            </p>
            <p>
                <input
                    type="checkbox"
                    id="shuffle-questions"
                    bind:checked=bound(shuffle_questions)
                />
                <label for="shuffle-questions">
                    "Shuffle the question order within each section (each student's order is fixed by their name)"
                </label>
            </p>
            <p>
                <input type="checkbox" id="shuffle-options" bind:checked=bound(shuffle_options) />
                <label for="shuffle-options">"Shuffle the answer options"</label>
            </p>
            <p class="field">
                <label for="pass-mark">"Pass mark (%)"</label>
                <input
                    id="pass-mark"
                    type="number"
                    min="0"
                    max="100"
                    inputmode="numeric"
                    node_ref=pass_input
                    bind:value=bound(pass_mark)
                />
            </p>
            <p class="field-problem" role="alert">
                {move || problem.get()}
            </p>
            <button type="submit" class="button primary">
                "Make the assignment link"
            </button>
        </form>
    }
}

/// Practice or assessment: two radio buttons, each bound to whether it is the mode.
#[component]
fn ModeChoice(mode: RwSignal<Mode>) -> impl IntoView {
    let choice = move |value: Mode, id: &'static str, label: &'static str| {
        let is_it = field(
            move || mode.get() == value,
            move |on| {
                if on {
                    mode.set(value)
                }
            },
        );
        view! {
            <li>
                <input type="radio" name="mode" id=id bind:checked=is_it />
                <label for=id>{label}</label>
            </li>
        }
    };
    view! {
        <fieldset>
            <legend>"Mode"</legend>
            <ul class="plain-list">
                {choice(
                    Mode::Practice,
                    "mode-practice",
                    "Practice: feedback and retries as students go",
                )}
                {choice(
                    Mode::Assessment,
                    "mode-assessment",
                    "Assessment: no feedback until hand-in, one answer each",
                )}
            </ul>
        </fieldset>
    }
}
