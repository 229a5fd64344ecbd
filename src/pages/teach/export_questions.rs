//! "Export questions": an assignment's chosen questions, or every question of a reading, as a
//! GIFT or Moodle XML file for a Moodle question bank (docs/classroom.md, "The questions in
//! Moodle").

use crate::components::field::{bound, field};
use crate::components::status_message::{save_file, StatusMessage};
use crate::core::assignment::Assignment;
use crate::core::question_export::{assignment_questions, Format, Selection};
use crate::core::slug::slug;
use lectern_content::Reading;
use leptos::prelude::*;

#[component]
pub fn ExportQuestions(
    readings: &'static [Reading],
    /// The assignments made on this device, newest first: each offered by its chosen questions.
    assignments: Signal<Vec<Assignment>>,
) -> impl IntoView {
    let source = RwSignal::new(
        readings
            .first()
            .map_or(String::new(), |r| reading_value(&r.id)),
    );
    let format = RwSignal::new(Format::Gift);
    let message = RwSignal::new(String::new());
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let format = format.get_untracked();
        let chosen =
            assignments.with_untracked(|list| chosen(&source.get_untracked(), readings, list));
        match chosen {
            Some((selection, stem)) => {
                let text = format.export(std::slice::from_ref(&selection));
                save_file(message, &format.file_name(&stem), &text, format.mime());
            }
            None => message.set("Choose the questions to export.".into()),
        }
    };
    let format_choice = Format::ALL
        .into_iter()
        .map(|value| {
            let id = format!("export-{}", slug(value.label()));
            let is_it = field(
                move || format.get() == value,
                move |on| {
                    if on {
                        format.set(value)
                    }
                },
            );
            view! {
                <li>
                    <input type="radio" name="export-format" id=id.clone() bind:checked=is_it />
                    <label for=id>{value.label()}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">"Export questions"</h2>
            <p>
                "For a Moodle quiz: import the file with Question bank → Import, in the format you chose here."
            </p>
            <form class="export-questions" on:submit=export>
                <p class="field">
                    <label for="export-source">"Questions"</label>
                    <select id="export-source" bind:value=bound(source)>
                        {move || {
                            assignments
                                .get()
                                .into_iter()
                                .map(|a| {
                                    view! {
                                        <option value=assignment_value(
                                            &a.key(),
                                        )>
                                            {format!(
                                                "The {} questions of “{}”",
                                                a.questions.len(),
                                                a.title,
                                            )}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                        {readings
                            .iter()
                            .map(|r| {
                                view! {
                                    <option
                                        value=reading_value(&r.id)
                                        selected=move || {
                                            source.get_untracked() == reading_value(&r.id)
                                        }
                                    >
                                        {format!(
                                            "Every question of “{}” ({})",
                                            r.title,
                                            r.questions.len(),
                                        )}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </p>
                <fieldset>
                    <legend>"Format"</legend>
                    <ul class="plain-list">{format_choice}</ul>
                </fieldset>
                <button type="submit" class="button">
                    "Export questions"
                </button>
            </form>
            <StatusMessage message=message />
        </section>
    }
}

/// The source select's values: a reading by its id, an assignment by its key.
fn reading_value(id: &str) -> String {
    format!("reading:{id}")
}

fn assignment_value(key: &str) -> String {
    format!("assignment:{key}")
}

/// The questions the select's `value` names, and the file's name without its extension.
fn chosen<'a>(
    value: &str,
    readings: &'a [Reading],
    assignments: &[Assignment],
) -> Option<(Selection<'a>, String)> {
    if let Some(id) = value.strip_prefix("reading:") {
        let reading = readings.iter().find(|r| r.id == id)?;
        let stem = format!("lectern-questions-{}", slug(&reading.title));
        return Some(((reading, reading.questions.iter().collect()), stem));
    }
    let key = value.strip_prefix("assignment:")?;
    let assignment = assignments.iter().find(|a| a.key() == key)?;
    let selection = assignment_questions(assignment, readings)?;
    Some((
        selection,
        format!("lectern-questions-{}", slug(&assignment.title)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::StudentIdKind;
    use crate::core::test_fixtures::lms_assignment;

    #[test]
    fn a_reading_gives_every_question() {
        let reading = &READINGS[0];
        let ((found, questions), stem) =
            chosen(&reading_value(&reading.id), READINGS, &[]).unwrap();
        assert_eq!(found.id, reading.id);
        assert_eq!(questions.len(), reading.questions.len());
        assert_eq!(stem, format!("lectern-questions-{}", slug(&reading.title)));
    }

    #[test]
    fn an_assignment_gives_its_chosen_questions() {
        let mut assignment = lms_assignment(StudentIdKind::NameOnly);
        assignment.reading = READINGS[0].id.to_string();
        assignment.questions = vec![READINGS[0].questions[1].id.to_string()];
        let value = assignment_value(&assignment.key());
        let ((_, questions), stem) =
            chosen(&value, READINGS, std::slice::from_ref(&assignment)).unwrap();
        assert_eq!(questions.len(), 1);
        assert_eq!(questions[0].id, READINGS[0].questions[1].id);
        assert_eq!(
            stem,
            format!("lectern-questions-{}", slug(&assignment.title))
        );
    }

    #[test]
    fn nothing_is_chosen_by_a_value_that_names_nothing() {
        for value in ["", "reading:gone", "assignment:00000000", "something"] {
            assert!(chosen(value, READINGS, &[]).is_none(), "{value}");
        }
    }
}
