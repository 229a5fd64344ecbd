//! True or false: two radio buttons.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use lectern_content::Question;
use leptos::prelude::*;

#[component]
pub fn TrueFalse(question: &'static Question, draft: RwSignal<Response>) -> impl IntoView {
    let name = control_id(question, "tf");
    let option = move |value: bool, label: &'static str| {
        let id = control_id(question, label.to_lowercase());
        view! {
            <li>
                <input
                    type="radio"
                    id=id.clone()
                    name=name.clone()
                    bind:checked=field(
                        move || draft.with(|r| *r == Response::TrueFalse(value)),
                        move |on| {
                            if on {
                                draft.set(Response::TrueFalse(value))
                            }
                        },
                    )
                />
                <label for=id>{label}</label>
            </li>
        }
    };
    view! { <ul class="choices choices-inline">{option(true, "True")} {option(false, "False")}</ul> }
}
