//! Single choice (radio buttons) and multiple select (checkboxes), in a stable shuffled order.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use crate::core::shuffle::permutation;
use lectern_content::{Choice, Question};
use leptos::prelude::*;

#[component]
pub fn Choices(
    question: &'static Question,
    options: &'static [Choice],
    /// Checkboxes (choose all that apply) instead of radio buttons.
    multiple: bool,
    draft: RwSignal<Response>,
) -> impl IntoView {
    let order = permutation(options.len(), super::option_seed(question));
    let is_checked = move |id: &'static str| {
        draft.with(|r| match r {
            Response::Choice(chosen) => chosen == id,
            Response::Choices(chosen) => chosen.iter().any(|c| c == id),
            _ => false,
        })
    };
    let toggle = move |id: &'static str, checked: bool| {
        draft.update(|r| match r {
            Response::Choices(chosen) => {
                chosen.retain(|c| c != id);
                if checked {
                    chosen.push(id.to_string());
                }
            }
            _ => *r = Response::Choice(id.to_string()),
        })
    };
    let name = control_id(question, "choice");
    view! {
        <ul class="choices">
            {order
                .into_iter()
                .map(|i| {
                    let option = &options[i];
                    let id: &'static str = option.id.as_ref();
                    let input_id = control_id(question, id);
                    view! {
                        <li>
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                id=input_id.clone()
                                name=name.clone()
                                value=id
                                bind:checked=field(move || is_checked(id), move |on| toggle(id, on))
                            />
                            <label for=input_id>{option.text.as_ref()}</label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
