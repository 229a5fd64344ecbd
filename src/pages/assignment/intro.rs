//! Before starting: what the assignment is, the name to hand in under (and the student ID or
//! school email, when the assignment asks for one), and "Start".

use super::sections_of;
use super::student_id_field::{StudentIdField, StudentIdInput};
use crate::components::field::bound;
use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::core::assignment::Assignment;
use crate::core::progress::AssignmentProgress;
use crate::core::scorm::session::LmsStudent;
use crate::platform::dom;
use crate::state::use_store;
use lectern_content::Reading;
use leptos::prelude::*;

#[component]
pub fn Intro(assignment: Assignment, reading: &'static Reading, code: String) -> impl IntoView {
    let store = use_store();
    let profile_name = store.profiles.with_untracked(|p| p.current().name.clone());
    // "Me" is the first profile's placeholder, not a name to hand in under.
    let name = RwSignal::new(if profile_name == "Me" {
        String::new()
    } else {
        profile_name
    });
    let problem = RwSignal::new(None::<&'static str>);
    let name_input = ElementRef::new();
    let student_id = StudentIdInput::default();
    let id_kind = assignment.student_id_kind;
    let key = assignment.key();
    // In a SCORM package the LMS says who the student is: no name to type.
    let lms_student = lms_student();
    let named = lms_student.clone();
    let has_lms_student = lms_student.is_some();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(student) = named.clone() {
            let (key, code, now) = (key.clone(), code.clone(), dom::now_ms());
            store.update_assignments(move |all| {
                all.entry(key).or_insert_with(|| student.start(code, now));
            });
            request_animation_frame(dom::focus_main_heading);
            return;
        }
        let student = name.get_untracked().trim().to_string();
        if student.is_empty() {
            problem.set(Some(
                "Type your name, so your teacher knows whose work it is.",
            ));
            name_input.focus_soon();
            return;
        }
        problem.set(None);
        let Some(id) = student_id.checked(id_kind) else {
            return;
        };
        let now = dom::now_ms();
        let (key, code) = (key.clone(), code.clone());
        store.update_assignments(move |all| {
            all.entry(key).or_insert_with(|| AssignmentProgress {
                student_id: id,
                ..AssignmentProgress::new(code, student, now)
            });
        });
        request_animation_frame(dom::focus_main_heading);
    };
    let sections: Vec<&str> = sections_of(&assignment, reading)
        .iter()
        .map(|s| s.heading.as_ref())
        .collect();
    let start_label = if assignment.time_limit_minutes.is_some() {
        "Start (the timer starts now)"
    } else {
        "Start"
    };
    set_page_title(&format!("{} · Assignment", assignment.title));
    view! {
        <article class="page assignment-page">
            <p class="eyebrow">"Assignment"</p>
            <h1>{assignment.title.clone()}</h1>
            <AssignmentFacts assignment=assignment.clone() reading=reading />
            <p>{format!("Sections: {}.", sections.join(", "))}</p>
            <form class="start-form" on:submit=start novalidate>
                {lms_student
                    .map(|s| {
                        view! {
                            <p class="lms-student">
                                {format!("You are {}, as your course knows you.", s.name)}
                            </p>
                        }
                    })}
                <div class="name-field" hidden=has_lms_student>
                    <label for="student-name">"Your name"</label>
                    <input
                        id="student-name"
                        type="text"
                        autocomplete="name"
                        maxlength="60"
                        required
                        aria-describedby="student-name-help student-name-problem"
                        node_ref=name_input
                        bind:value=bound(name)
                    />
                    <p id="student-name-help" class="field-help">
                        "It goes on your hand-in, for your teacher."
                    </p>
                    <p id="student-name-problem" class="field-problem" role="alert">
                        {move || problem.get()}
                    </p>
                    <StudentIdField kind=id_kind field=student_id />
                </div>
                <button type="submit" class="button primary">
                    {start_label}
                </button>
            </form>
        </article>
    }
}

/// The student as the LMS knows them, in a SCORM package's bundle (the `scorm` feature, which
/// has the LMS session); the site's bundles have no LMS.
fn lms_student() -> Option<LmsStudent> {
    #[cfg(feature = "scorm")]
    return crate::lms_session::use_lms_session().and_then(|s| s.student());
    #[cfg(not(feature = "scorm"))]
    None
}

/// The facts a student needs before starting: reading, mode, questions, due date, time, pass
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
