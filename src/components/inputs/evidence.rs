//! Evidence selection: the sentences of the question's own section, as checkboxes, so the student
//! chooses from the text itself.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use lectern_content::{Question, Reading};
use leptos::prelude::*;

#[component]
pub fn Evidence(
    reading: &'static Reading,
    question: &'static Question,
    draft: RwSignal<Response>,
) -> impl IntoView {
    let sentences = reading
        .section(&question.section)
        .into_iter()
        .flat_map(|s| s.paragraphs.iter())
        .flat_map(|p| p.sentences.iter());
    let is_checked = move |id: &str| {
        draft.with(|r| matches!(r, Response::Sentences(ids) if ids.iter().any(|s| s == id)))
    };
    let toggle = move |id: &'static str, checked: bool| {
        draft.update(|r| {
            if let Response::Sentences(ids) = r {
                ids.retain(|s| s != id);
                if checked {
                    ids.push(id.to_string());
                }
            }
        })
    };
    view! {
        <ul class="choices evidence-choices">
            {sentences
                .map(|sentence| {
                    let id: &'static str = sentence.id.as_ref();
                    let input_id = control_id(question, format!("sentence-{id}"));
                    view! {
                        <li>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                value=id
                                bind:checked=field(move || is_checked(id), move |on| toggle(id, on))
                            />
                            <label for=input_id>{sentence.text.as_ref()}</label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
