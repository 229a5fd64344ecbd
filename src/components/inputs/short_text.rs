//! Short answer: one labelled text field.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use lectern_content::Question;
use leptos::prelude::*;

#[component]
pub fn ShortText(question: &'static Question, draft: RwSignal<Response>) -> impl IntoView {
    let id = control_id(question, "text");
    let text = field(
        move || match draft.get() {
            Response::Text(text) => text,
            _ => String::new(),
        },
        move |text| draft.set(Response::Text(text)),
    );
    view! {
        <div class="short-answer">
            <label for=id.clone()>"Your answer"</label>
            <input type="text" id=id autocomplete="off" spellcheck="false" bind:value=text />
        </div>
    }
}
