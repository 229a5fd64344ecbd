//! Short answer: one labelled text field.

use super::control_id;
use crate::core::response::Response;
use lectern_content::Question;
use leptos::prelude::*;

#[component]
pub fn ShortText(question: &'static Question, draft: RwSignal<Response>) -> impl IntoView {
    let id = control_id(question, "text");
    let value = move || match draft.get() {
        Response::Text(text) => text,
        _ => String::new(),
    };
    view! {
        <div class="short-answer">
            <label for=id.clone()>"Your answer"</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input=move |ev| draft.set(Response::Text(event_target_value(&ev)))
            />
        </div>
    }
}
