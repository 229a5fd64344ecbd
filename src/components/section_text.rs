//! A section's text: paragraphs of sentences, each sentence addressable (`s-<id>`) so that
//! "Show in text" can highlight and scroll to the evidence, and glossary terms explained on demand.

use lectern_content::terms::split_into_runs;
use lectern_content::{Reading, Section};
use leptos::prelude::*;
use std::collections::HashSet;

/// The DOM id of a sentence.
pub fn sentence_dom_id(sentence: &str) -> String {
    format!("s-{sentence}")
}

/// What "Show in text" does: highlights the question's evidence sentences, then scrolls to the
/// first and moves focus there, so a keyboard or screen-reader user lands on it too.
pub fn show_evidence(highlighted: RwSignal<Vec<String>>) -> Callback<Vec<String>> {
    Callback::new(move |ids: Vec<String>| {
        if let Some(first) = ids.first() {
            let target = sentence_dom_id(first);
            highlighted.set(ids);
            crate::platform::dom::scroll_to(&target);
            crate::platform::dom::focus(&target);
        }
    })
}

/// The section's paragraphs. Sentences whose ids are in `highlighted` are marked as evidence.
/// Each glossary term is marked at its first occurrence in the section.
#[component]
pub fn SectionText(
    reading: &'static Reading,
    section: &'static Section,
    /// Sentence ids to highlight as evidence.
    highlighted: RwSignal<Vec<String>>,
) -> impl IntoView {
    let mut marked_terms = HashSet::new();
    let paragraphs = section
        .paragraphs
        .iter()
        .map(|paragraph| {
            let sentences = paragraph
                .sentences
                .iter()
                .enumerate()
                .map(|(i, sentence)| {
                    let id = sentence.id.as_ref();
                    let runs = split_into_runs(&sentence.text, &reading.glossary)
                        .into_iter()
                        .map(|run| match run.term {
                            Some(term) if marked_terms.insert(term) => {
                                view! { <GlossaryTerm reading=reading section=section term=term text=run.text /> }
                                    .into_any()
                            }
                            _ => run.text.into_any(),
                        })
                        .collect_view();
                    // Sentences are joined by one space, as in the source.
                    let space = (i > 0).then_some(" ");
                    view! {
                        {space}
                        <span
                            id=sentence_dom_id(id)
                            class="sentence"
                            class:evidence=move || highlighted.with(|h| h.iter().any(|s| s == id))
                            tabindex="-1"
                        >
                            {runs}
                        </span>
                    }
                })
                .collect_view();
            view! { <p id=format!("p-{}", paragraph.id)>{sentences}</p> }
        })
        .collect_view();
    view! { <div class="section-text">{paragraphs}</div> }
}

/// A glossary term in the text: a button that shows or hides its definition right after it.
/// Works by keyboard (Enter/Space), touch and mouse, and says whether it is open.
#[component]
fn GlossaryTerm(
    reading: &'static Reading,
    section: &'static Section,
    /// Index into the reading's glossary.
    term: usize,
    /// The words as they stand in the text.
    text: &'static str,
) -> impl IntoView {
    let entry = &reading.glossary[term];
    let open = RwSignal::new(false);
    let definition_id = format!("def-{}-{}", section.id, entry.id);
    view! {
        <button
            type="button"
            class="term"
            aria-expanded=move || open.get().to_string()
            aria-controls=definition_id.clone()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {text}
        </button>
        <span id=definition_id class="definition" role="note" hidden=move || !open.get()>
            <strong>{entry.term.as_ref()}</strong>
            ": "
            {entry.definition.as_ref()}
        </span>
    }
}
