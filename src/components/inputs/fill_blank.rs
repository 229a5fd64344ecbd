//! Fill in the blanks: the sentence with a text field in each gap, each labelled by its number.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use lectern_content::{Question, Text};
use leptos::prelude::*;

#[component]
pub fn FillBlank(
    question: &'static Question,
    /// The fixed text around the blanks: one more part than blanks.
    parts: &'static [Text],
    /// How many blanks there are.
    blanks: usize,
    draft: RwSignal<Response>,
) -> impl IntoView {
    let value = move |i: usize| {
        draft.with(|r| match r {
            Response::Blanks(b) => b.get(i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
    };
    let set = move |i: usize, text: String| {
        draft.update(|r| {
            if let Response::Blanks(b) = r {
                if let Some(slot) = b.get_mut(i) {
                    *slot = text;
                }
            }
        })
    };
    view! {
        <p class="fill-blank">
            {parts
                .iter()
                .enumerate()
                .map(|(i, part)| {
                    let blank = (i < blanks)
                        .then(|| {
                            let label = if blanks == 1 {
                                "Blank".to_string()
                            } else {
                                format!("Blank {}", i + 1)
                            };
                            view! {
                                <input
                                    type="text"
                                    class="blank"
                                    id=control_id(question, format!("blank-{i}"))
                                    aria-label=label
                                    autocomplete="off"
                                    spellcheck="false"
                                    bind:value=field(move || value(i), move |text| set(i, text))
                                />
                            }
                        });
                    view! {
                        {part.as_ref()}
                        {blank}
                    }
                })
                .collect_view()}
        </p>
    }
}
