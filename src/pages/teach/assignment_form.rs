//! The form that makes an assignment: title, reading, questions, mode, what students give
//! besides their name, due date, time limit, shuffling and pass mark. A field that does not make sense is named and gets focus; nothing is
//! made until every field does.

use super::question_picker::QuestionPicker;
use crate::components::field::{bound, field};
use crate::components::focus::ElementRef;
use crate::core::assignment::{complete_pairs, Assignment, Mode, StudentIdKind, MAX_TITLE_BYTES};
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
    let draft = Draft::new();
    let reading_id = RwSignal::new(readings.first().map_or(String::new(), |r| r.id.to_string()));
    // A plain closure, not a memo: comparing whole readings would cost more than finding one.
    let reading =
        move || reading_id.with(|id| readings.iter().find(|r| r.id == *id).or(readings.first()));
    let problem = RwSignal::new(None::<Refusal>);
    let [title_input, first_section, due_input, limit_input, pass_input] =
        [(); 5].map(|()| ElementRef::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reading) = untrack(reading) else {
            return;
        };
        let fields = match check(draft.typed(), dom::local_datetime_ms) {
            Ok(fields) => fields,
            Err(refusal) => {
                problem.set(Some(refusal));
                return match refusal {
                    Refusal::NoTitle => title_input,
                    Refusal::NoQuestions => first_section,
                    Refusal::DueDate => due_input,
                    Refusal::TimeLimit => limit_input,
                    Refusal::PassMark => pass_input,
                }
                .focus_soon();
            }
        };
        let assignment = Assignment {
            id: dom::random_u32(),
            title: fields.title,
            reading: reading.id.to_string(),
            // The two parts of a pair go together.
            questions: complete_pairs(reading, &fields.questions),
            bank: reading.bank_version(),
            mode: draft.mode.get_untracked(),
            shuffle_questions: draft.shuffle_questions.get_untracked(),
            shuffle_options: draft.shuffle_options.get_untracked(),
            seed: dom::random_u32(),
            due_minutes: fields.due_minutes,
            time_limit_minutes: fields.time_limit_minutes,
            extra_time_percent: 0,
            pass_mark: fields.pass_mark,
            student_id_kind: fields.student_id_kind,
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
                    bind:value=bound(draft.title)
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
                                selected=draft.questions
                                first_box=first_section
                            />
                        }
                    })
            }}
            <ModeChoice mode=draft.mode />
            <StudentIdChoice kind=draft.student_id_kind />
            <HowItRuns
                draft=draft
                due_input=due_input
                limit_input=limit_input
                pass_input=pass_input
            />
            <p class="field-problem" role="alert">
                {move || problem.get().map(Refusal::message)}
            </p>
            <button type="submit" class="button primary">
                "Make the assignment link"
            </button>
        </form>
    }
}

/// The form's fields, each the signal its control is bound to.
#[derive(Clone, Copy)]
struct Draft {
    title: RwSignal<String>,
    questions: RwSignal<Vec<String>>,
    mode: RwSignal<Mode>,
    due: RwSignal<String>,
    time_limit: RwSignal<String>,
    shuffle_questions: RwSignal<bool>,
    shuffle_options: RwSignal<bool>,
    pass_mark: RwSignal<String>,
    student_id_kind: RwSignal<StudentIdKind>,
}

impl Draft {
    /// A new assignment: practice, names only, no due date nor time limit, everything shuffled,
    /// 60% to pass.
    fn new() -> Draft {
        Draft {
            title: RwSignal::new(String::new()),
            questions: RwSignal::new(Vec::new()),
            mode: RwSignal::new(Mode::Practice),
            due: RwSignal::new(String::new()),
            time_limit: RwSignal::new(String::new()),
            shuffle_questions: RwSignal::new(true),
            shuffle_options: RwSignal::new(true),
            pass_mark: RwSignal::new("60".to_string()),
            student_id_kind: RwSignal::new(StudentIdKind::NameOnly),
        }
    }

    /// The fields to check, as the teacher left them.
    fn typed(&self) -> Typed {
        Typed {
            title: self.title.get_untracked(),
            questions: self.questions.get_untracked(),
            due: self.due.get_untracked(),
            time_limit: self.time_limit.get_untracked(),
            pass_mark: self.pass_mark.get_untracked(),
            student_id_kind: self.student_id_kind.get_untracked(),
        }
    }
}

/// How the assignment runs: due date, time limit, shuffling and pass mark.
#[component]
fn HowItRuns(
    draft: Draft,
    /// The fields that take focus when the form refuses them.
    due_input: ElementRef,
    limit_input: ElementRef,
    pass_input: ElementRef,
) -> impl IntoView {
    view! {
        <p class="field">
            <label for="due">"Due (optional)"</label>
            <input id="due" type="datetime-local" node_ref=due_input bind:value=bound(draft.due) />
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
                bind:value=bound(draft.time_limit)
            />
            <span id="time-limit-help" class="field-help">
                "Students who need more time can get a link with extra time once the assignment is made."
            </span>
        </p>
        <p>
            <input
                type="checkbox"
                id="shuffle-questions"
                bind:checked=bound(draft.shuffle_questions)
            />
            <label for="shuffle-questions">
                "Shuffle the question order within each section (each student's order is fixed by their name)"
            </label>
        </p>
        <p>
            <input type="checkbox" id="shuffle-options" bind:checked=bound(draft.shuffle_options) />
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
                bind:value=bound(draft.pass_mark)
            />
        </p>
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

/// "Ask students for": what each student gives besides their name, so that their result can be
/// matched in a school's gradebook (docs/classroom.md, "Student IDs and school emails").
#[component]
fn StudentIdChoice(kind: RwSignal<StudentIdKind>) -> impl IntoView {
    let choices = StudentIdKind::ALL
        .into_iter()
        .map(|value| {
            let id = format!("ask-{}", choice_id(value));
            let is_it = field(
                move || kind.get() == value,
                move |on| {
                    if on {
                        kind.set(value)
                    }
                },
            );
            view! {
                <li>
                    <input type="radio" name="student-id-kind" id=id.clone() bind:checked=is_it />
                    <label for=id>{ask_label(value)}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset aria-describedby="ask-help">
            <legend>"Ask students for"</legend>
            <ul class="plain-list">{choices}</ul>
            <p id="ask-help" class="field-help">
                "A student ID or school email lets the gradebook make files your school's LMS imports (Moodle, Canvas)."
            </p>
        </fieldset>
    }
}

/// The teacher's words for each choice.
fn ask_label(kind: StudentIdKind) -> &'static str {
    match kind {
        StudentIdKind::NameOnly => "Name only",
        StudentIdKind::Number => "Name and student ID",
        StudentIdKind::Email => "Name and school email",
    }
}

fn choice_id(kind: StudentIdKind) -> &'static str {
    match kind {
        StudentIdKind::NameOnly => "name-only",
        StudentIdKind::Number => "student-id",
        StudentIdKind::Email => "school-email",
    }
}

/// The fields of the form as the teacher left them.
struct Typed {
    title: String,
    questions: Vec<String>,
    /// An `<input type="datetime-local">` value, or empty.
    due: String,
    time_limit: String,
    pass_mark: String,
    student_id_kind: StudentIdKind,
}

/// What the fields say, once each of them makes sense.
#[derive(Debug, PartialEq)]
struct Fields {
    title: String,
    questions: Vec<String>,
    /// Minutes since the Unix epoch.
    due_minutes: Option<u64>,
    time_limit_minutes: Option<u32>,
    pass_mark: u8,
    student_id_kind: StudentIdKind,
}

/// The first field that does not make sense, in the form's order: it is named to the teacher
/// and takes focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    NoTitle,
    NoQuestions,
    DueDate,
    TimeLimit,
    PassMark,
}

impl Refusal {
    fn message(self) -> &'static str {
        match self {
            Refusal::NoTitle => "Give the assignment a title.",
            Refusal::NoQuestions => "Choose at least one question.",
            Refusal::DueDate => "The due date is not a date and time.",
            Refusal::TimeLimit => "The time limit is a whole number of minutes, at most 600.",
            Refusal::PassMark => "The pass mark is a percentage from 0 to 100.",
        }
    }
}

/// Reads the form's fields, or names the first that does not make sense. `local_ms` reads a
/// due date in the device's time zone (milliseconds since the Unix epoch), `None` if it is not
/// one.
fn check(typed: Typed, local_ms: impl Fn(&str) -> Option<f64>) -> Result<Fields, Refusal> {
    let title = typed.title.trim();
    if title.is_empty() {
        return Err(Refusal::NoTitle);
    }
    if typed.questions.is_empty() {
        return Err(Refusal::NoQuestions);
    }
    let due_minutes = match local_ms(&typed.due) {
        None if typed.due.is_empty() => None,
        None => return Err(Refusal::DueDate),
        // At least one minute after the epoch: zero would read as "no due date".
        Some(ms) => Some((ms / 60_000.0).round().max(1.0) as u64),
    };
    let time_limit_minutes = match typed.time_limit.trim() {
        "" | "0" => None,
        text => match text.parse::<u32>() {
            Ok(minutes) if minutes <= 600 => Some(minutes),
            _ => return Err(Refusal::TimeLimit),
        },
    };
    let pass_mark = match typed.pass_mark.trim().parse::<u8>() {
        Ok(percent) if percent <= 100 => percent,
        _ => return Err(Refusal::PassMark),
    };
    Ok(Fields {
        title: truncate(title, MAX_TITLE_BYTES).to_string(),
        questions: typed.questions,
        due_minutes,
        time_limit_minutes,
        pass_mark,
        student_id_kind: typed.student_id_kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> Typed {
        Typed {
            title: "  Week 3  ".into(),
            questions: vec!["q1".into(), "q2".into()],
            due: String::new(),
            time_limit: String::new(),
            pass_mark: "60".into(),
            student_id_kind: StudentIdKind::NameOnly,
        }
    }

    /// No date in the tests' forms is a date, but "2026-12-01T09:00", at noon UTC.
    fn dates(value: &str) -> Option<f64> {
        (value == "2026-12-01T09:00").then_some(1_764_590_400_000.0)
    }

    #[test]
    fn a_form_that_makes_sense_gives_its_fields() {
        assert_eq!(
            check(typed(), dates),
            Ok(Fields {
                title: "Week 3".into(),
                questions: vec!["q1".into(), "q2".into()],
                due_minutes: None,
                time_limit_minutes: None,
                pass_mark: 60,
                student_id_kind: StudentIdKind::NameOnly,
            })
        );
        let fields = check(
            Typed {
                due: "2026-12-01T09:00".into(),
                time_limit: " 45 ".into(),
                pass_mark: "100".into(),
                title: "é".repeat(100),
                student_id_kind: StudentIdKind::Email,
                ..typed()
            },
            dates,
        )
        .unwrap();
        assert_eq!(fields.due_minutes, Some(29_409_840));
        assert_eq!(fields.time_limit_minutes, Some(45));
        assert_eq!(fields.pass_mark, 100);
        assert_eq!(fields.student_id_kind, StudentIdKind::Email);
        // Cut to the longest title a link carries, on a character's edge.
        assert_eq!(fields.title, "é".repeat(60));
    }

    #[test]
    fn each_choice_of_what_to_ask_for_has_its_own_words_and_control() {
        let labels: Vec<_> = StudentIdKind::ALL.into_iter().map(ask_label).collect();
        assert_eq!(
            labels,
            ["Name only", "Name and student ID", "Name and school email"]
        );
        let ids: std::collections::BTreeSet<_> =
            StudentIdKind::ALL.into_iter().map(choice_id).collect();
        assert_eq!(ids.len(), StudentIdKind::ALL.len());
    }

    #[test]
    fn no_time_limit_is_empty_or_zero() {
        for limit in ["", "0", "  "] {
            let form = Typed {
                time_limit: limit.into(),
                ..typed()
            };
            assert_eq!(check(form, dates).unwrap().time_limit_minutes, None);
        }
    }

    #[test]
    fn each_field_that_makes_no_sense_is_named_first_come_first() {
        let refused = |form: Typed| check(form, dates).unwrap_err();
        assert_eq!(
            refused(Typed {
                title: " ".into(),
                questions: vec![],
                ..typed()
            }),
            Refusal::NoTitle
        );
        assert_eq!(
            refused(Typed {
                questions: vec![],
                ..typed()
            }),
            Refusal::NoQuestions
        );
        assert_eq!(
            refused(Typed {
                due: "tomorrow".into(),
                ..typed()
            }),
            Refusal::DueDate
        );
        for limit in ["601", "-5", "1.5", "ten"] {
            assert_eq!(
                refused(Typed {
                    time_limit: limit.into(),
                    ..typed()
                }),
                Refusal::TimeLimit
            );
        }
        for mark in ["", "101", "-1", "50%", "300"] {
            assert_eq!(
                refused(Typed {
                    pass_mark: mark.into(),
                    ..typed()
                }),
                Refusal::PassMark
            );
        }
    }
}
