//! A student's view of an assignment link (`/assignment?code=<code>`): what it is (`intro.rs`),
//! then the work (`work.rs`), then the handed-in result. The assignment's answers are kept in
//! the student's progress under the assignment's key, apart from free study. In a SCORM
//! package the launch page names the assignment instead ([`PackageAssignment`]), and the LMS
//! session (`crate::lms_session`, in the bundle a package launches: the `scorm` feature) tells
//! the student about the LMS (`lms_notice.rs`).

mod intro;
#[cfg(feature = "scorm")]
mod lms_notice;
mod student_id_field;
mod work;

use crate::components::hand_in_result::HandInResult;
use crate::components::page_title::set_page_title;
use crate::content::{find_reading, READINGS};
use crate::core::assignment::Assignment;
use crate::routes::{code_from_query, Link};
use crate::state::use_store;
use intro::Intro;
use lectern_content::{Reading, Section};
use leptos::prelude::*;
use leptos_router::components::A;
use work::Work;

#[component]
pub fn AssignmentPage() -> impl IntoView {
    // Drawn again for another code (a link followed from the home page's list).
    let code = code_from_query();
    move || view! { <AssignmentOfCode code=code() /> }
}

/// The assignment of a SCORM package, whose launch page names it.
#[component]
pub fn PackageAssignment(
    /// The assignment link's code, from the launch page.
    code: String,
) -> impl IntoView {
    view! { <AssignmentOfCode code=code /> }
}

/// The assignment of a link's code, or why the code does not work.
#[component]
fn AssignmentOfCode(code: String) -> impl IntoView {
    match Assignment::from_code(&code, READINGS) {
        Ok(assignment) => {
            let reading = find_reading(&assignment.reading).expect("checked by from_code");
            view! { <AssignmentView assignment=assignment reading=reading code=code /> }.into_any()
        }
        Err(error) => {
            set_page_title("Assignment link not working");
            view! {
                <div class="page">
                    <h1>"This assignment link does not work"</h1>
                    <p role="alert">{error.to_string()}</p>
                    <p>
                        "Check that you copied the whole link, or ask your teacher to send it again."
                    </p>
                    <p>
                        <A href=Link::Home.url()>"Go to the start page"</A>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    NotStarted,
    Working,
    HandedIn,
}

/// The assignment as far as this student has gone: not started, working, or handed in.
#[component]
fn AssignmentView(
    assignment: Assignment,
    reading: &'static Reading,
    code: String,
) -> impl IntoView {
    let store = use_store();
    let key = assignment.key();
    let phase = Memo::new(move |_| {
        store.progress.with(|p| match p.assignments.get(&key) {
            None => Phase::NotStarted,
            Some(a) if a.handed_in.is_none() => Phase::Working,
            Some(_) => Phase::HandedIn,
        })
    });
    let assignment = StoredValue::new(assignment);
    let code = StoredValue::new(code);
    let phases = move || {
        match phase.get() {
        Phase::NotStarted => {
            view! { <Intro assignment=assignment.get_value() reading=reading code=code.get_value() /> }
                .into_any()
        }
        Phase::Working => view! { <Work assignment=assignment.get_value() reading=reading /> }.into_any(),
        Phase::HandedIn => {
            view! { <HandInResult assignment=assignment.get_value() reading=reading /> }.into_any()
        }
    }
    };
    // What the student is told about the LMS, in a package's bundle; the site has no LMS.
    #[cfg(feature = "scorm")]
    let lms_notice = view! { <lms_notice::LmsNotice /> };
    #[cfg(not(feature = "scorm"))]
    let lms_notice = ();
    view! {
        {lms_notice}
        {phases}
    }
}

/// The sections of the reading that the assignment asks questions about, in order.
fn sections_of(assignment: &Assignment, reading: &'static Reading) -> Vec<&'static Section> {
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
