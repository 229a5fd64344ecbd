//! A student's view of an assignment link (`/assignment?code=<code>`): what it is, then the work,
//! then the handed-in result. The assignment's answers are kept in the student's progress under
//! the assignment's key, apart from free study.

use crate::components::assignment_question::AssignmentQuestion;
use crate::components::countdown::Countdown;
use crate::components::hand_in_result::HandInResult;
use crate::components::inputs::OptionSalt;
use crate::components::read_aloud::ReadAloud;
use crate::components::section_text::{show_evidence, SectionText};
use crate::content::{find_reading, READINGS};
use crate::core::assignment::Assignment;
use crate::core::handin::HandIn;
use crate::core::progress::{AssignmentProgress, HandedIn};
use crate::pages::app_url;
use crate::platform::dom;
use crate::state::{use_store, Store};
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The app path of an assignment link. The code goes in the query, not the path: its `.` would
/// make static hosts look for a file instead of serving the app.
pub fn assignment_path(code: &str) -> String {
    format!("/assignment?code={code}")
}

/// The code in a pasted assignment link (or the code itself, pasted alone).
pub fn code_from_link(link: &str) -> &str {
    let link = link.trim();
    let code = link.rsplit_once("code=").map_or(link, |(_, code)| code);
    code.split(['&', '#']).next().unwrap_or_default()
}

#[component]
pub fn AssignmentPage() -> impl IntoView {
    let query = use_query_map();
    // Drawn again for another code (a link followed from the home page's list).
    let code = Memo::new(move |_| query.with(|q| q.get("code").unwrap_or_default()));
    move || {
        let code = code.get();
        match Assignment::from_code(&code, READINGS) {
            Ok(assignment) => {
                let reading = find_reading(&assignment.reading).expect("checked by from_code");
                view! { <AssignmentView assignment=assignment reading=reading code=code /> }
                    .into_any()
            }
            Err(error) => {
                dom::set_title("Assignment link not working · Lectern");
                view! {
                    <div class="page">
                        <h1>"This assignment link does not work"</h1>
                        <p role="alert">{error.to_string()}</p>
                        <p>"Check that you copied the whole link, or ask your teacher to send it again."</p>
                        <p><A href=app_url("/")>"Go to the start page"</A></p>
                    </div>
                }
                .into_any()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_out_of_pasted_links() {
        assert_eq!(
            code_from_link(" https://x.example/lectern/assignment?code=LA1.abc_-9 "),
            "LA1.abc_-9"
        );
        assert_eq!(
            code_from_link("https://x.example/assignment?code=LA1.abc&utm=1"),
            "LA1.abc"
        );
        assert_eq!(code_from_link("LA1.abc"), "LA1.abc");
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    NotStarted,
    Working,
    HandedIn,
}

#[component]
fn AssignmentView(
    assignment: Assignment,
    reading: &'static Reading,
    code: String,
) -> impl IntoView {
    let store = use_store();
    dom::set_title(&format!("{} · Assignment · Lectern", assignment.title));
    let key = assignment.key();
    let phase = Memo::new({
        let key = key.clone();
        move |_| {
            store.progress.with(|p| match p.assignments.get(&key) {
                None => Phase::NotStarted,
                Some(a) if a.handed_in.is_none() => Phase::Working,
                Some(_) => Phase::HandedIn,
            })
        }
    });
    let assignment = StoredValue::new(assignment);
    let code = StoredValue::new(code);
    move || {
        match phase.get() {
        Phase::NotStarted => {
            view! { <Intro assignment=assignment.get_value() reading=reading code=code.get_value() /> }.into_any()
        }
        Phase::Working => view! { <Work assignment=assignment.get_value() reading=reading /> }.into_any(),
        Phase::HandedIn => view! { <HandInResult assignment=assignment.get_value() reading=reading /> }.into_any(),
    }
    }
}

/// What the assignment is, with the name to hand in under and "Start".
#[component]
fn Intro(assignment: Assignment, reading: &'static Reading, code: String) -> impl IntoView {
    let store = use_store();
    let profile_name = store.profiles.with_untracked(|p| p.current().name.clone());
    // "Me" is the first profile's placeholder, not a name to hand in under.
    let name = RwSignal::new(if profile_name == "Me" {
        String::new()
    } else {
        profile_name
    });
    let problem = RwSignal::new(String::new());
    let key = assignment.key();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let student = name.get_untracked().trim().to_string();
        if student.is_empty() {
            problem.set("Type your name, so your teacher knows whose work it is.".into());
            request_animation_frame(|| dom::focus("student-name"));
            return;
        }
        let now = dom::now_ms();
        let (key, code) = (key.clone(), code.clone());
        store.update_assignments(move |all| {
            all.entry(key)
                .or_insert_with(|| AssignmentProgress::new(code, student, now));
        });
        request_animation_frame(dom::focus_main_heading);
    };
    let sections = sections_of(&assignment, reading);
    view! {
        <article class="page assignment-page">
            <p class="eyebrow">"Assignment"</p>
            <h1>{assignment.title.clone()}</h1>
            <AssignmentFacts assignment=assignment.clone() reading=reading />
            <p>{format!("Sections: {}.", sections.iter().map(|s| s.heading.as_ref()).collect::<Vec<_>>().join(", "))}</p>
            <form class="start-form" on:submit=start novalidate>
                <label for="student-name">"Your name"</label>
                <input
                    id="student-name"
                    type="text"
                    autocomplete="name"
                    maxlength="60"
                    required
                    aria-describedby="student-name-help student-name-problem"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p id="student-name-help" class="field-help">"It goes on your hand-in, for your teacher."</p>
                <p id="student-name-problem" class="field-problem" role="alert">{move || problem.get()}</p>
                <button type="submit" class="button primary">
                    {if assignment.time_limit_minutes.is_some() { "Start (the timer starts now)" } else { "Start" }}
                </button>
            </form>
        </article>
    }
}

/// The facts a student needs before and while working: mode, questions, due date, time, pass
/// mark.
#[component]
fn AssignmentFacts(assignment: Assignment, reading: &'static Reading) -> impl IntoView {
    let due = assignment.due_ms().map(|due| {
        let overdue = dom::now_ms() > due;
        format!(
            "{}{}",
            dom::local_date_time(due),
            if overdue {
                " (the due date has passed; you can still hand in, marked late)"
            } else {
                ""
            }
        )
    });
    let time = assignment.time_allowed_ms().map(|ms| {
        let minutes = (ms / 60_000.0).round() as u64;
        if assignment.extra_time_percent > 0 {
            format!(
                "{minutes} minutes (including {}% extra time)",
                assignment.extra_time_percent
            )
        } else {
            format!("{minutes} minutes")
        }
    });
    view! {
        <dl class="facts">
            <dt>"Reading"</dt>
            <dd>{reading.title.as_ref()}</dd>
            <dt>"Mode"</dt>
            <dd>{format!("{}. {}", assignment.mode.label(), assignment.mode.explain())}</dd>
            <dt>"Questions"</dt>
            <dd>{assignment.questions.len()}</dd>
            <dt>"Due"</dt>
            <dd>{due.unwrap_or_else(|| "No due date".into())}</dd>
            <dt>"Time limit"</dt>
            <dd>{time.unwrap_or_else(|| "None".into())}</dd>
            <dt>"Pass mark"</dt>
            <dd>{format!("{}%", assignment.pass_mark)}</dd>
        </dl>
    }
}

fn sections_of<'r>(
    assignment: &Assignment,
    reading: &'r Reading,
) -> Vec<&'r lectern_content::Section> {
    reading
        .sections
        .iter()
        .filter(|s| {
            assignment
                .questions
                .iter()
                .filter_map(|id| reading.any_question(id))
                .any(|q| q.section == s.id)
        })
        .collect()
}

/// Hands the assignment in, once: works out the result from the answers as they stand.
/// When the timer hands in for a student who came back after the time ran out, the hand-in is
/// dated at the end of the time, not when they came back.
fn hand_in(store: Store, assignment: &Assignment, reading: &'static Reading, auto: bool) {
    let key = assignment.key();
    let now = dom::now_ms();
    store.update_assignments(|all| {
        let Some(progress) = all.get_mut(&key) else {
            return;
        };
        if progress.handed_in.is_some() {
            return;
        }
        let at = match assignment.time_allowed_ms() {
            Some(allowed) if auto => now.min(progress.started_at + allowed),
            _ => now,
        };
        let result = HandIn::from_progress(assignment, reading, progress, at, auto);
        progress.handed_in = Some(HandedIn {
            at,
            auto,
            code: result.to_code(),
        });
    });
    request_animation_frame(dom::focus_main_heading);
}

/// The work: each chosen section's text and its questions in this student's order, the timer,
/// and "Hand in".
#[component]
fn Work(assignment: Assignment, reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let key = assignment.key();
    let progress = store
        .progress
        .with_untracked(|p| p.assignments.get(&key).cloned())
        .expect("Work is shown only once started");
    let salt = assignment.option_salt(&progress.student);
    provide_context(OptionSalt(salt));
    let questions = assignment.questions_for(reading, &progress.student);
    let total = questions.len();
    let answered = Memo::new({
        let key = key.clone();
        move |_| {
            store.progress.with(|p| {
                p.assignments.get(&key).map_or(0, |a| {
                    a.answers
                        .values()
                        .filter(|r| !r.response.is_blank())
                        .count()
                })
            })
        }
    });

    let highlighted = RwSignal::new(Vec::<String>::new());
    let show_evidence = show_evidence(highlighted);

    let assignment_value = StoredValue::new(assignment.clone());
    let deadline = assignment
        .time_allowed_ms()
        .map(|allowed| progress.started_at + allowed);
    let on_zero = Callback::new(move |_| {
        assignment_value.with_value(|a| hand_in(store, a, reading, true));
    });
    let confirming = RwSignal::new(false);

    let mut number = 0;
    let sections = sections_of(&assignment, reading)
        .into_iter()
        .map(|section| {
            let in_section: Vec<_> = questions
                .iter()
                .filter(|q| q.section == section.id)
                .collect();
            let cards = in_section
                .into_iter()
                .map(|q| {
                    number += 1;
                    view! {
                        <AssignmentQuestion
                            reading=reading
                            question=q
                            number=number
                            key=key.clone()
                            mode=assignment.mode
                            salt=salt
                            on_show_evidence=show_evidence
                        />
                    }
                })
                .collect_view();
            let heading_id = format!("part-{}", section.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class="assignment-part" id=format!("text-{}", section.id) aria-labelledby=labelled_by>
                    <h2 id=heading_id>{section.heading.as_ref()}</h2>
                    <ReadAloud
                        selector=format!("#text-{} .section-text .sentence", section.id)
                        label=format!("Read aloud: {}", section.heading)
                    />
                    <div class="reading-text">
                        <SectionText reading=reading section=section highlighted=highlighted />
                    </div>
                    <div class="questions">{cards}</div>
                </section>
            }
        })
        .collect_view();

    view! {
        <article class="page assignment-page">
            <p class="eyebrow">{format!("Assignment · {}", assignment.mode.label())}</p>
            <h1>{assignment.title.clone()}</h1>
            <p>{format!("Working as {}. {}", progress.student, assignment.mode.explain())}</p>
            {deadline.map(|deadline_ms| view! { <Countdown deadline_ms=deadline_ms on_zero=on_zero /> })}
            {sections}
            <section class="hand-in" aria-labelledby="hand-in-heading">
                <h2 id="hand-in-heading">"Hand in"</h2>
                <p>{move || format!("You have answered {} of {total} questions.", answered.get())}</p>
                {move || {
                    if confirming.get() {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="hand-in-confirm">
                                <p id="hand-in-confirm">
                                    {move || {
                                        let left = total - answered.get().min(total);
                                        let unanswered = if left > 0 {
                                            format!("{left} questions have no answer. ")
                                        } else {
                                            String::new()
                                        };
                                        format!("{unanswered}After handing in you cannot change your answers. Hand in now?")
                                    }}
                                </p>
                                <button
                                    type="button"
                                    class="button primary"
                                    id="hand-in-yes"
                                    on:click=move |_| assignment_value.with_value(|a| hand_in(store, a, reading, false))
                                >
                                    "Yes, hand in"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    id="hand-in-no"
                                    on:click=move |_| {
                                        confirming.set(false);
                                        request_animation_frame(|| dom::focus("hand-in-start"));
                                    }
                                >
                                    "Not yet"
                                </button>
                            </div>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="button primary"
                                id="hand-in-start"
                                on:click=move |_| {
                                    confirming.set(true);
                                    // The safe choice first, as in every confirmation.
                                    request_animation_frame(|| dom::focus("hand-in-no"));
                                }
                            >
                                "Hand in…"
                            </button>
                        }
                        .into_any()
                    }
                }}
            </section>
        </article>
    }
}
