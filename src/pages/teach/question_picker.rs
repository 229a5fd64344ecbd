//! Which questions an assignment asks: whole sections, or, on request, questions one by one.

use crate::components::field::{bound, field};
use crate::components::focus::ElementRef;
use lectern_content::Reading;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The sections of `reading` to tick (all at first), and with "Choose questions one by one"
/// each section's questions. Keeps `selected` (the chosen questions' ids, in the reading's
/// order) up to date.
#[component]
pub fn QuestionPicker(
    reading: &'static Reading,
    /// The chosen questions, in the reading's order.
    selected: RwSignal<Vec<String>>,
    /// The first section's checkbox, for the form to send focus to.
    first_box: ElementRef,
) -> impl IntoView {
    // Sets of `String`, like the app's other sets: one copy of the code that sorts them.
    let sections: RwSignal<BTreeSet<String>> =
        RwSignal::new(reading.sections.iter().map(|s| s.id.to_string()).collect());
    let one_by_one = RwSignal::new(false);
    let chosen: RwSignal<BTreeSet<String>> =
        RwSignal::new(reading.questions.iter().map(|q| q.id.to_string()).collect());
    let picked = move || -> Vec<String> {
        let (sections, chosen, one_by_one) = (sections.get(), chosen.get(), one_by_one.get());
        reading
            .questions
            .iter()
            .filter(|q| sections.contains(q.section.as_ref()))
            .filter(|q| !one_by_one || chosen.contains(q.id.as_ref()))
            .map(|q| q.id.to_string())
            .collect()
    };
    // At once, so the form never sees the previous reading's questions; then on every change.
    selected.set(untrack(picked));
    Effect::new(move |_| selected.set(picked()));

    let section_boxes = reading
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let id: &'static str = section.id.as_ref();
            let box_id = format!("section-{i}");
            let count = reading.questions_for(id).count();
            let questions = reading
                .questions_for(id)
                .map(|q| {
                    let qid: &'static str = q.id.as_ref();
                    let input_id = format!("pick-{qid}");
                    view! {
                        <li>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                bind:checked=member(chosen, qid)
                            />
                            <label for=input_id>
                                {format!("{} ({})", q.prompt, q.answer.kind_label())}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            let node_ref = if i == 0 { first_box } else { ElementRef::new() };
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        node_ref=node_ref
                        bind:checked=member(sections, id)
                    />
                    <label for=box_id>{format!("{} ({count} questions)", section.heading)}</label>
                    <ul
                        class="question-picks"
                        hidden=move || !one_by_one.get() || !sections.with(|s| s.contains(id))
                    >
                        {questions}
                    </ul>
                </li>
            }
        })
        .collect_view();

    view! {
        <fieldset>
            <legend>"Sections"</legend>
            <ul class="plain-list">{section_boxes}</ul>
            <p>
                <input type="checkbox" id="choose-questions" bind:checked=bound(one_by_one) />
                <label for="choose-questions">
                    "Choose questions one by one (otherwise: all questions of the chosen sections)"
                </label>
            </p>
            <p class="field-help">
                {move || format!("{} questions chosen.", selected.with(Vec::len))}
            </p>
        </fieldset>
    }
}

/// A checkbox's binding to whether `id` is in the set: ticking puts it in, unticking takes
/// it out.
fn member(set: RwSignal<BTreeSet<String>>, id: &'static str) -> (Signal<bool>, SignalSetter<bool>) {
    field(
        move || set.with(|s| s.contains(id)),
        move |on| {
            set.update(|s| {
                if on {
                    s.insert(id.to_string());
                } else {
                    s.remove(id);
                }
            })
        },
    )
}
