//! For teachers (`/teach`): make an assignment and share its link (copy, or a QR code), with
//! other links giving extra time; the assignments made on this device; and questions exported
//! for Moodle.

mod assignment_form;
mod export_questions;
mod question_picker;

pub use assignment_form::AssignmentForm;
use export_questions::ExportQuestions;

use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::components::share_link::ShareLink;
use crate::content::{find_reading, READINGS};
use crate::core::assignment::Assignment;
use crate::platform::dom;
use crate::routes::Link;
use crate::state::{use_teacher_store, TeacherStore};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TeachPage() -> impl IntoView {
    let teacher = use_teacher_store();
    let created: RwSignal<Option<Assignment>> = RwSignal::new(None);
    let on_created = Callback::new(move |(assignment, code): (Assignment, String)| {
        teacher.change(|t| t.add_assignment(&assignment, &code, dom::now_ms()));
        created.set(Some(assignment));
    });
    set_page_title("Make an assignment · For teachers");
    view! {
        <article class="page teach-page">
            <p class="eyebrow">"For teachers"</p>
            <h1>"Make an assignment"</h1>
            <p>
                "Choose the questions and how they are asked. Lectern makes a link to send to your class: "
                "students open it, work and hand in a short code or a file, and you collect those in the "
                <A href=Link::Gradebook.url()>"gradebook"</A>
                ". Nothing goes through a server; your assignments and results stay on this device."
            </p>
            <AssignmentForm readings=READINGS on_created=on_created />
            {move || created.get().map(|assignment| view! { <Created assignment=assignment /> })}
            <p class="field-problem" role="alert">
                {move || teacher.problem.get().map(|p| p.to_string())}
            </p>
            <MyAssignments teacher=teacher />
            <ExportQuestions readings=READINGS assignments=made_here(teacher) />
        </article>
    }
}

/// The assignments made (or opened as a teacher) on this device, newest first.
fn made_here(teacher: TeacherStore) -> Signal<Vec<Assignment>> {
    Signal::derive(move || {
        teacher.data.with(|data| {
            data.as_ref().map_or(Vec::new(), |d| {
                d.newest_first(READINGS)
                    .into_iter()
                    .map(|(a, _)| a)
                    .collect()
            })
        })
    })
}

/// The assignment just made: its link to share, and its gradebook. Its heading takes focus when
/// it appears, so the teacher hears that it is ready.
#[component]
fn Created(assignment: Assignment) -> impl IntoView {
    let heading = ElementRef::new();
    // It takes focus as it appears.
    heading.focus_soon();
    view! {
        <section class="created" aria-labelledby="created-heading" id="created">
            <h2 id="created-heading" tabindex="-1" node_ref=heading>
                {format!("“{}” is ready", assignment.title)}
            </h2>
            <ShareLink assignment=assignment.clone() id_prefix="created" />
            <p>
                <A href=Link::ClassGradebook(&assignment.key()).url()>"Open its gradebook"</A>
            </p>
        </section>
    }
}

/// The assignments made (or opened as a teacher) on this device.
#[component]
fn MyAssignments(teacher: TeacherStore) -> impl IntoView {
    move || match teacher.data.get() {
        Err(unreadable) => view! { <p role="alert">{unreadable.to_string()}</p> }.into_any(),
        Ok(data) if data.assignments.is_empty() => ().into_any(),
        Ok(data) => {
            let list = data.newest_first(READINGS);
            view! {
                <section aria-labelledby="mine-heading">
                    <h2 id="mine-heading">"Your assignments"</h2>
                    <ul class="assignment-list">
                        {list
                            .into_iter()
                            .map(|(a, results)| {
                                let reading = find_reading(&a.reading)
                                    .map_or("", |r| r.title.as_ref());
                                view! {
                                    <li>
                                        <h3>{a.title.clone()}</h3>
                                        <p>
                                            {format!(
                                                "{} · {} · {} questions · {results} results collected",
                                                reading,
                                                a.mode.label(),
                                                a.questions.len(),
                                            )}
                                        </p>
                                        <details>
                                            <summary>"Link and QR code"</summary>
                                            <ShareLink
                                                assignment=a.clone()
                                                id_prefix=format!("saved-{}", a.key())
                                            />
                                        </details>
                                        <p>
                                            <A href=Link::ClassGradebook(&a.key())
                                                .url()>{format!("Gradebook for “{}”", a.title)}</A>
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
                .into_any()
        }
    }
}
