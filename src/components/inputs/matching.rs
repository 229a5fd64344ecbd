//! Matching: for each left-hand item, a native select offering every right-hand item (and the
//! distractors) in a stable shuffled order.

use super::control_id;
use crate::components::field::field;
use crate::core::response::Response;
use crate::core::shuffle::permutation;
use lectern_content::{Pair, Question, Text};
use leptos::prelude::*;

#[component]
pub fn Matching(
    question: &'static Question,
    pairs: &'static [Pair],
    /// Extra right-hand items that match nothing.
    distractors: &'static [Text],
    draft: RwSignal<Response>,
) -> impl IntoView {
    let rights: Vec<&'static str> = pairs
        .iter()
        .map(|p| p.right.as_ref())
        .chain(distractors.iter().map(|d| d.as_ref()))
        .collect();
    let order = permutation(rights.len(), super::option_seed(question));
    let choices: Vec<&'static str> = order.into_iter().map(|i| rights[i]).collect();

    let chosen = move |i: usize| {
        draft.with(|r| match r {
            Response::Matching(m) => m.get(i).cloned().flatten().unwrap_or_default(),
            _ => String::new(),
        })
    };
    let choose = move |i: usize, value: String| {
        draft.update(|r| {
            if let Response::Matching(m) = r {
                if let Some(slot) = m.get_mut(i) {
                    *slot = (!value.is_empty()).then_some(value);
                }
            }
        })
    };
    view! {
        <ul class="matching">
            {pairs
                .iter()
                .enumerate()
                .map(|(i, pair)| {
                    let id = control_id(question, format!("match-{i}"));
                    let choices = choices.clone();
                    view! {
                        <li>
                            <label for=id.clone()>{pair.left.as_ref()}</label>
                            <select
                                id=id
                                bind:value=field(move || chosen(i), move |value| choose(i, value))
                            >
                                <option value="">"Choose…"</option>
                                {choices
                                    .into_iter()
                                    .map(|right| {
                                        view! {
                                            <option value=right selected=move || chosen(i) == right>
                                                {right}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
