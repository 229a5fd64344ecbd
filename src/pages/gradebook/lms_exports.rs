//! The class's scores for a school's LMS (docs/classroom.md, "Gradebook exports for LMSs"): a
//! Moodle grade import file, and a Canvas gradebook export given back with one column filled.
//! Each says what it left out; a file that cannot be used is named with why, and nothing is
//! made from it.

use crate::components::field::bound;
use crate::components::status_message::{save_file, StatusMessage};
use crate::core::assignment::{Assignment, StudentIdKind};
use crate::core::grade_export::canvas::{self, Filled, Gradebook, Target};
use crate::core::grade_export::moodle::{grade_import, MoodleFile};
use crate::core::gradebook::Row;
use crate::core::slug::slug;
use crate::platform::files;
use leptos::prelude::*;

#[component]
pub fn LmsExports(
    assignment: StoredValue<Assignment>,
    /// The class table's rows.
    rows: Vec<Row>,
) -> impl IntoView {
    let rows = StoredValue::new(rows);
    view! {
        <section aria-labelledby="lms-heading">
            <h2 id="lms-heading">"For your school's LMS"</h2>
            <MoodleExport assignment=assignment rows=rows />
            <CanvasFill assignment=assignment rows=rows />
        </section>
    }
}

/// "Moodle grade import (CSV)", or why this assignment cannot have one.
#[component]
fn MoodleExport(assignment: StoredValue<Assignment>, rows: StoredValue<Vec<Row>>) -> impl IntoView {
    let made = assignment.with_value(|a| rows.with_value(|r| grade_import(a, r)));
    let file = match made {
        Ok(file) => file,
        Err(why) => {
            return view! {
                <h3>"Moodle"</h3>
                <p>{why.to_string()}</p>
            }
            .into_any()
        }
    };
    let map_to = match assignment.with_value(|a| a.student_id_kind) {
        StudentIdKind::Email => "Email address",
        _ => "ID number",
    };
    let message = RwSignal::new(String::new());
    let name = assignment.with_value(|a| format!("lectern-moodle-{}.csv", slug(&a.title)));
    let download = move |_| {
        save_file(message, &name, &file.text, "text/csv");
        if let Some(note) = moodle_note(&file) {
            message.update(|m| *m = format!("{m} {note}"));
        }
    };
    view! {
        <h3>"Moodle"</h3>
        <p>
            "For Grade administration → Import → CSV file. Map from the first column to "
            <q>{map_to}</q> ", and the score column to the grade item (or a new one)."
        </p>
        <div class="button-row">
            <button type="button" class="button" on:click=download>
                "Moodle grade import (CSV)"
            </button>
        </div>
        <StatusMessage message=message />
    }
    .into_any()
}

/// Who the Moodle file leaves out, if anyone.
fn moodle_note(file: &MoodleFile) -> Option<String> {
    (!file.without_id.is_empty()).then(|| {
        format!(
            "Left out, as their hand-in has no ID for Moodle to match: {}.",
            file.without_id.join(", ")
        )
    })
}

/// An export of the teacher's Canvas gradebook, read.
#[derive(Clone)]
struct Loaded {
    name: String,
    gradebook: Gradebook,
    columns: Vec<(usize, String)>,
}

/// "Fill a Canvas gradebook column": choose the export, the column (preselected when one is
/// the assignment's), and get the file back filled.
#[component]
fn CanvasFill(assignment: StoredValue<Assignment>, rows: StoredValue<Vec<Row>>) -> impl IntoView {
    let loaded = RwSignal::new(None::<Loaded>);
    let column = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = files::chosen_file(&input) else {
            return;
        };
        input.set_value("");
        loaded.set(None);
        message.set(String::new());
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let read = if file.size() as usize > canvas::MAX_BYTES {
                Err(canvas::CanvasError::TooLarge.to_string())
            } else {
                match files::read_exact_text(&file).await {
                    Ok(text) => canvas::read(&text).map_err(|e| e.to_string()),
                    Err(e) => Err(e),
                }
            };
            match read {
                Ok(gradebook) => {
                    let columns = gradebook.assignment_columns();
                    let title = assignment.with_value(|a| a.title.clone());
                    column.set(target_value(&preselect(&columns, &title)));
                    loaded.set(Some(Loaded {
                        name,
                        gradebook,
                        columns,
                    }));
                }
                Err(why) => message.set(format!("{name} cannot be used: {why}.")),
            }
        });
    };
    let fill = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Loaded {
            name, gradebook, ..
        }) = loaded.get_untracked()
        else {
            return;
        };
        let target = target_of(&column.get_untracked());
        let filled = assignment.with_value(|a| rows.with_value(|r| gradebook.fill(a, r, target)));
        match filled {
            Ok(filled) => {
                save_file(message, &filled_name(&name), &filled.text, "text/csv");
                message.update(|m| *m = format!("{m} {}", fill_report(&filled)));
            }
            Err(why) => message.set(format!("{name} cannot be filled: {why}.")),
        }
    };
    let options = move || loaded.with(|l| l.as_ref().map_or(Vec::new(), |l| l.columns.clone()));
    let title = assignment.with_value(|a| a.title.clone());
    view! {
        <h3>"Canvas"</h3>
        <p>
            "Export your gradebook from Canvas (Grades → Export), choose the file here and the assignment's column: Lectern gives back the same file with that column filled, for Grades → Import."
        </p>
        <p class="field">
            <label for="canvas-file">"Your Canvas gradebook export (.csv)"</label>
            <input id="canvas-file" type="file" accept=".csv,text/csv" on:change=on_file />
        </p>
        <Show when=move || loaded.with(Option::is_some)>
            <form class="canvas-fill" on:submit=fill>
                <p class="field">
                    <label for="canvas-column">"Column to fill"</label>
                    // Each option says whether it is the one chosen, as the select's value may
                    // be set before its options are there.
                    <select id="canvas-column" bind:value=bound(column)>
                        {move || {
                            let chosen = column.get_untracked();
                            options()
                                .into_iter()
                                .map(|(i, header)| {
                                    let value = i.to_string();
                                    view! {
                                        <option selected=value == chosen value=value>
                                            {header}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                        <option value="new" selected=move || column.get_untracked() == "new">
                            {format!("A new column: {title}")}
                        </option>
                    </select>
                </p>
                <button type="submit" class="button">
                    "Fill the column and download"
                </button>
            </form>
        </Show>
        <StatusMessage message=message />
    }
}

/// The column to offer first: the assignment column named by the assignment's title (Canvas
/// adds its id in brackets), else a new one.
fn preselect(columns: &[(usize, String)], title: &str) -> Target {
    let wanted = title.trim().to_lowercase();
    columns
        .iter()
        .find(|(_, header)| {
            header
                .rsplit_once(" (")
                .is_some_and(|(name, _)| name.trim().to_lowercase() == wanted)
        })
        .map_or(Target::New, |(i, _)| Target::Column(*i))
}

/// A target as the column select's value, and back.
fn target_value(target: &Target) -> String {
    match target {
        Target::Column(i) => i.to_string(),
        Target::New => "new".to_string(),
    }
}

fn target_of(value: &str) -> Target {
    value.parse().map_or(Target::New, Target::Column)
}

/// The filled file's name: the export's, marked.
fn filled_name(export: &str) -> String {
    let stem = export
        .strip_suffix(".csv")
        .or_else(|| export.strip_suffix(".CSV"))
        .unwrap_or(export);
    format!("{stem}-lectern.csv")
}

/// What happened to each result: how many were written, and who was not and why.
fn fill_report(filled: &Filled) -> String {
    let mut report = format!(
        "{} score{} filled.",
        filled.matched.len(),
        if filled.matched.len() == 1 { "" } else { "s" }
    );
    if !filled.unmatched.is_empty() {
        report.push_str(&format!(
            " No row in the Canvas file for: {}.",
            filled.unmatched.join(", ")
        ));
    }
    if !filled.ambiguous.is_empty() {
        report.push_str(&format!(
            " Not filled, as they fit more than one row (or share one): {}.",
            filled.ambiguous.join(", ")
        ));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<(usize, String)> {
        vec![
            (5, "Reading check 1 (1201)".to_string()),
            (6, "Lectern: Week 3 (1202)".to_string()),
        ]
    }

    #[test]
    fn the_assignments_own_column_is_offered_first() {
        assert_eq!(preselect(&columns(), "Lectern: week 3 "), Target::Column(6));
        assert_eq!(preselect(&columns(), "Week 3"), Target::New);
        assert_eq!(preselect(&[], "Week 3"), Target::New);
    }

    #[test]
    fn the_column_choice_survives_the_select() {
        for target in [Target::Column(0), Target::Column(17), Target::New] {
            assert_eq!(target_of(&target_value(&target)), target);
        }
    }

    #[test]
    fn the_filled_file_keeps_the_exports_name() {
        assert_eq!(
            filled_name("2026-12-02T1200_Grades-English_9.csv"),
            "2026-12-02T1200_Grades-English_9-lectern.csv"
        );
        assert_eq!(filled_name("grades"), "grades-lectern.csv");
    }

    #[test]
    fn the_report_names_everyone_left_out() {
        let filled = Filled {
            text: String::new(),
            matched: vec![("Ana".into(), "Lima, Ana".into())],
            unmatched: vec!["Eve".into(), "Dee".into()],
            ambiguous: vec!["Bo".into()],
        };
        assert_eq!(
            fill_report(&filled),
            "1 score filled. No row in the Canvas file for: Eve, Dee. Not filled, as they fit \
             more than one row (or share one): Bo."
        );
        let all = Filled {
            matched: vec![("A".into(), "A".into()), ("B".into(), "B".into())],
            unmatched: vec![],
            ambiguous: vec![],
            ..filled
        };
        assert_eq!(fill_report(&all), "2 scores filled.");
    }

    #[test]
    fn the_moodle_note_names_results_without_an_id() {
        let file = MoodleFile {
            text: String::new(),
            without_id: vec!["Dee".into()],
        };
        assert_eq!(
            moodle_note(&file).as_deref(),
            Some("Left out, as their hand-in has no ID for Moodle to match: Dee.")
        );
        assert_eq!(
            moodle_note(&MoodleFile {
                without_id: vec![],
                ..file
            }),
            None
        );
    }
}
