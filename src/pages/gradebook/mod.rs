//! The teacher's gradebook (`/gradebook` and `/gradebook/<assignment key>`): every assignment on
//! this device; and for one assignment, collect hand-in codes (pasted, one per line) and result
//! files (chosen or dropped), each checked on its own, then read the class table, the
//! per-question figures and the score distribution, and export CSV, a Moodle grade import file or
//! a filled Canvas gradebook. Everything stays on the teacher's device.

mod class;
mod collect;
mod figures;
mod index;
mod lms_exports;

use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::content::READINGS;
use crate::core::assignment::Assignment;
use crate::core::gradebook::EntryReport;
use crate::routes::{gradebook_key_from_route, Link};
use crate::state::use_teacher_store;
use class::ClassGradebook;
use index::GradebookIndex;
use leptos::prelude::*;
use leptos_router::components::A;

/// What outlives the class view, which is drawn again whenever the teacher's data changes:
/// the report on the entries last added, and the elements that take focus after a change.
#[derive(Clone, Copy)]
pub struct Kept {
    /// What happened to each entry last added.
    pub reports: RwSignal<Vec<EntryReport>>,
    /// The report's live region, focused after entries are added.
    pub report_region: ElementRef,
    /// The class table's heading, focused after a result is removed.
    pub class_heading: ElementRef,
}

#[component]
pub fn GradebookPage() -> impl IntoView {
    let key = gradebook_key_from_route();
    let teacher = use_teacher_store();
    let kept = Kept {
        reports: RwSignal::new(Vec::new()),
        report_region: ElementRef::new(),
        class_heading: ElementRef::new(),
    };
    let body = move || match (teacher.data.get(), key()) {
        (Err(unreadable), _) => {
            set_page_title("Gradebook · For teachers");
            view! {
                <h1>"Gradebook"</h1>
                <p role="alert">{unreadable.to_string()}</p>
            }
            .into_any()
        }
        (Ok(data), None) => view! { <GradebookIndex data=data /> }.into_any(),
        (Ok(data), Some(key)) => match data.assignments.get(&key).and_then(|a| {
            Some((
                Assignment::from_code(&a.code, READINGS).ok()?,
                a.results.clone(),
            ))
        }) {
            None => {
                set_page_title("Gradebook · For teachers");
                view! {
                    <h1>"Gradebook"</h1>
                    <p role="alert">"This device has no assignment with this address."</p>
                    <p>
                        <A href=Link::Gradebook.url()>"All assignments"</A>
                    </p>
                }
                .into_any()
            }
            Some((assignment, results)) => {
                view! { <ClassGradebook assignment=assignment results=results kept=kept /> }
                    .into_any()
            }
        },
    };
    view! {
        <article class="page gradebook-page">
            <p class="eyebrow">"For teachers"</p>
            {body}
            <p class="field-problem" role="alert">
                {move || teacher.problem.get().map(|p| p.to_string())}
            </p>
        </article>
    }
}
