//! One assignment's results: what it is, collecting results, the class table, the figures, the
//! files for a school's LMS, and removing the whole assignment. Drawn afresh from the teacher's data whenever it changes.

use super::collect::CollectResults;
use super::figures::{Distribution, QuestionStats};
use super::lms_exports::LmsExports;
use super::Kept;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::field::derived;
use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::components::status_message::{save_file, StatusMessage};
use crate::content::find_reading;
use crate::core::assignment::{Assignment, StudentIdKind};
use crate::core::durations::duration_text;
use crate::core::gradebook::{class_rows, csv, distribution, question_stats, Row};
use crate::core::slug::slug;
use crate::platform::dom;
use crate::routes::{assignment_link, Link};
use crate::state::use_teacher_store;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ClassGradebook(
    assignment: Assignment,
    /// Its collected hand-in codes.
    results: Vec<String>,
    kept: Kept,
) -> impl IntoView {
    let reading: &'static Reading =
        find_reading(&assignment.reading).expect("checked when decoded");
    let rows = class_rows(&assignment, &results);
    let figures = (!rows.is_empty()).then(|| {
        let stats = question_stats(&assignment, &rows);
        let bins = distribution(&rows);
        view! {
            <QuestionStats stats=stats reading=reading />
            <Distribution bins=bins />
        }
    });
    let lms_rows = (!rows.is_empty()).then(|| rows.clone());
    let facts = format!(
        "{} · {} questions · pass mark {}%",
        assignment.mode.label(),
        assignment.questions.len(),
        assignment.pass_mark
    );
    let (title, key, student_link) = (
        assignment.title.clone(),
        assignment.key(),
        assignment_link(&assignment),
    );
    let assignment = StoredValue::new(assignment);
    set_page_title(&format!("{title} · Gradebook"));
    view! {
        <h1>{format!("Gradebook: {title}")}</h1>
        <p>{facts} " · " <A href=Link::Gradebook.url()>"All assignments"</A></p>
        <details>
            <summary>"The students' link"</summary>
            <p class="code-box">{student_link}</p>
        </details>
        <CollectResults assignment=assignment kept=kept />
        <section aria-labelledby="class-heading">
            <h2 id="class-heading" tabindex="-1" node_ref=kept.class_heading>
                "Class"
            </h2>
            <ClassTable
                assignment=assignment
                reading=reading
                rows=rows
                heading=kept.class_heading
            />
        </section>
        {figures}
        {lms_rows.map(|rows| view! { <LmsExports assignment=assignment rows=rows /> })}
        <RemoveAssignment key=key />
    }
}

/// The class table, one row per student, each with "Remove" (after a confirmation), and the
/// CSV export; or a word on how to add results while there are none.
#[component]
fn ClassTable(
    assignment: StoredValue<Assignment>,
    reading: &'static Reading,
    /// The class's rows, by name.
    rows: Vec<Row>,
    /// The section's heading, where focus goes once a row is removed (or not).
    heading: ElementRef,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No results yet. Paste hand-in codes or add result files above."</p> }
            .into_any();
    }
    let teacher = use_teacher_store();
    let removing: RwSignal<Option<(usize, String)>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let remove = Callback::new(move |()| {
        if let Some((index, _)) = removing.get_untracked() {
            let key = assignment.with_value(Assignment::key);
            teacher.change(|t| t.remove_result(&key, index));
        }
        heading.focus_soon();
    });
    let question = derived(move || {
        removing.with(|r| {
            let name = r.as_ref().map_or("", |(_, name)| name.as_str());
            format!("Remove {name}'s result from this gradebook?")
        })
    });
    let on_remove = Callback::new(move |(index, name): (usize, String)| {
        removing.set(Some((index, name)));
        confirming.set(true);
    });
    let message = RwSignal::new(String::new());
    let csv_text = assignment.with_value(|a| csv(a, reading, &rows));
    let file_name = assignment.with_value(|a| format!("lectern-gradebook-{}.csv", slug(&a.title)));
    let export = move |_| save_file(message, &file_name, &csv_text, "text/csv");
    let count = rows.len();
    let results = if count == 1 { "result" } else { "results" };
    let question_count = assignment.with_value(|a| a.questions.len());
    // The student ID or school email, when the assignment asked for one.
    let id_header = assignment.with_value(|a| {
        (a.student_id_kind != StudentIdKind::NameOnly).then(|| a.student_id_kind.label())
    });
    let show_id = id_header.is_some();
    view! {
        <ConfirmDialog
            open=confirming
            question=question
            yes="Remove"
            on_yes=remove
            return_focus=heading
        />
        <div
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-label="Class table (scrolls sideways)"
        >
            <table class="class-table">
                <caption>
                    {format!(
                        "{count} {results}, by name. Scores per question in percent; — for no answer.",
                    )}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Student"</th>
                        {id_header.map(|h| view! { <th scope="col">{h}</th> })}
                        <th scope="col">"Score"</th>
                        <th scope="col">"Passed"</th>
                        <th scope="col">"Time"</th>
                        <th scope="col">"Handed in"</th>
                        {(1..=question_count)
                            .map(|n| view! { <th scope="col">{format!("Q{n}")}</th> })
                            .collect_view()}
                        <th scope="col">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! { <ClassRow row=row show_id=show_id on_remove=on_remove /> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <div class="button-row">
            <button type="button" class="button primary" on:click=export>
                "Export CSV"
            </button>
        </div>
        <StatusMessage message=message />
    }
        .into_any()
}

/// One student's row: name (and ID), score, passed, time, when handed in, each question's
/// score, and "Remove".
#[component]
fn ClassRow(
    row: Row,
    /// Whether the table has the student ID or email column.
    show_id: bool,
    /// Asks to remove this result: its place in the stored list, and the student's name.
    on_remove: Callback<(usize, String)>,
) -> impl IntoView {
    let r = row.result;
    let (index, name) = (row.index, r.student.clone());
    view! {
        <tr>
            <th scope="row">{r.student.clone()}</th>
            {show_id.then(|| view! { <td>{r.student_id.clone()}</td> })}
            <td>{format!("{}%", row.percent)}</td>
            <td>{if row.passed { "Yes" } else { "No" }}</td>
            <td>{duration_text(r.time_on_task_s)}</td>
            <td>
                {dom::local_date_time(r.handed_in_at as f64 * 1000.0)} {r.late.then_some(" (late)")}
                {r.auto.then_some(" (time ran out)")}
            </td>
            {r
                .scores
                .iter()
                .map(|s| view! { <td>{s.map_or("—".to_string(), |p| format!("{p}%"))}</td> })
                .collect_view()}
            <td>
                <button
                    type="button"
                    class="button small"
                    aria-label=format!("Remove {}'s result", r.student)
                    on:click=move |_| on_remove.run((index, name.clone()))
                >
                    "Remove"
                </button>
            </td>
        </tr>
    }
}

/// "Remove assignment and results…", after a confirmation; then back to every assignment.
#[component]
fn RemoveAssignment(
    /// The assignment's key.
    key: String,
) -> impl IntoView {
    let teacher = use_teacher_store();
    let confirming = RwSignal::new(false);
    let opener = ElementRef::new();
    let navigate = use_navigate();
    let remove = Callback::new(move |()| {
        teacher.change(|t| t.remove_assignment(&key));
        navigate(&Link::Gradebook.url(), Default::default());
    });
    view! {
        <section aria-labelledby="remove-all-heading">
            <h2 id="remove-all-heading">"Remove this assignment"</h2>
            <button
                type="button"
                class="button danger"
                node_ref=opener
                on:click=move |_| confirming.set(true)
            >
                "Remove assignment and results…"
            </button>
            <ConfirmDialog
                open=confirming
                question="Remove this assignment and every result collected for it from this device? This cannot be undone."
                yes="Remove everything"
                on_yes=remove
                return_focus=opener
            />
        </section>
    }
}
