//! A section's text: paragraphs of sentences, each sentence addressable (`s-<id>`) so that
//! "Show in text" can highlight and scroll to the evidence, glossary terms explained on demand,
//! and, in free study, the student's highlights drawn as `<mark>`s (see `highlight_tool.rs`).

use crate::components::highlight_note::{drawn_marks, DrawnMark, NoteButtons};
use crate::components::highlight_tool::Annotating;
use crate::core::highlights::{chars, segments, Mark};
use crate::state::use_store;
use lectern_content::terms::split_into_runs;
use lectern_content::{Reading, Section, Sentence};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashSet};

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

/// A run of a sentence's words: characters `start .. end`, a glossary term's button when
/// `term` is set (at the term's first occurrence in the section).
#[derive(Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    term: Option<usize>,
}

/// The section's paragraphs. Sentences whose ids are in `highlighted` are marked as evidence.
/// Each glossary term is marked at its first occurrence in the section. With `annotating`
/// (free study only: never in an assignment), the student's highlights are drawn, sentences
/// can be chosen by keyboard, and opening a glossary term puts it in the review queue.
#[component]
pub fn SectionText(
    reading: &'static Reading,
    section: &'static Section,
    /// Sentence ids to highlight as evidence.
    highlighted: RwSignal<Vec<String>>,
    /// The highlights tool's state, in free study.
    #[prop(optional)]
    annotating: Option<Annotating>,
) -> impl IntoView {
    // Only free study reads the store (the text is shown without one too).
    let store = annotating.map(|_| use_store());
    let marks = Memo::new(move |_| match store {
        Some(store) => store.progress.with(|p| {
            p.reading(&reading.id)
                .map(|r| drawn_marks(reading, section, &r.highlights))
                .unwrap_or_default()
        }),
        None => BTreeMap::new(),
    });
    let mut marked_terms = HashSet::new();
    let mut index = 0;
    let paragraphs = section
        .paragraphs
        .iter()
        .map(|paragraph| {
            let sentences = paragraph
                .sentences
                .iter()
                .enumerate()
                .map(|(i, sentence)| {
                    let mut at = 0;
                    let runs: Vec<Run> = split_into_runs(&sentence.text, &reading.glossary)
                        .into_iter()
                        .map(|run| {
                            let start = at;
                            at += run.text.chars().count() as u32;
                            let term = run.term.filter(|&t| marked_terms.insert(t));
                            Run {
                                start,
                                end: at,
                                term,
                            }
                        })
                        .collect();
                    let place = index;
                    index += 1;
                    // Sentences are joined by one space, as in the source.
                    let space = (i > 0).then_some(" ");
                    view! {
                        {space}
                        <SentenceView
                            reading=reading
                            section=section
                            sentence=sentence
                            place=place
                            runs=runs
                            highlighted=highlighted
                            marks=marks
                            annotating=annotating
                        />
                    }
                })
                .collect_view();
            view! { <p id=format!("p-{}", paragraph.id)>{sentences}</p> }
        })
        .collect_view();
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(tool) = annotating {
            tool.on_key(ev);
        }
    };
    // Words selected with a mouse, a finger or the keyboard's caret become the tool's choice.
    if let Some(tool) = annotating {
        crate::platform::selection::follow(move || tool.take_selection());
        on_cleanup(crate::platform::selection::unfollow);
    }
    view! {
        <div class="section-text" data-annotating=annotating.map(|_| "on") on:keydown=keys>
            {paragraphs}
        </div>
    }
}

/// One sentence: its words (with the glossary terms' buttons and the highlights' marks), then
/// the buttons of the highlights that end in it. The sentence carries its id and each piece of
/// its words its offset (`platform::selection::{SENTENCE_ATTR, OFFSET_ATTR}`), which is how a
/// selection is turned into a span.
#[component]
fn SentenceView(
    reading: &'static Reading,
    section: &'static Section,
    sentence: &'static Sentence,
    /// Its place among the section's sentences.
    place: usize,
    runs: Vec<Run>,
    highlighted: RwSignal<Vec<String>>,
    /// The highlights to draw, by sentence id.
    marks: Memo<BTreeMap<String, Vec<DrawnMark>>>,
    annotating: Option<Annotating>,
) -> impl IntoView {
    let id = sentence.id.as_ref();
    let text = sentence.text.as_ref();
    let mine = Memo::new(move |_| marks.with(|m| m.get(id).cloned().unwrap_or_default()));
    let chosen = move || annotating.is_some_and(|tool| tool.is_chosen(place));
    let words = move || {
        let drawn = mine.get();
        let marks: Vec<Mark> = drawn.iter().map(DrawnMark::mark).collect();
        let cuts = segments(text.chars().count() as u32, &marks);
        runs.iter()
            .map(|run| {
                let pieces = cuts
                    .iter()
                    .filter(|s| s.start < run.end && s.end > run.start)
                    .map(|s| {
                        let (start, end) = (s.start.max(run.start), s.end.min(run.end));
                        let words = chars(text, start, end);
                        match s.marks.last() {
                            Some(&top) => view! {
                                <mark class="hl" data-colour=drawn[top].colour.key() data-o=start>
                                    {words}
                                </mark>
                            }
                            .into_any(),
                            None => view! { <span data-o=start>{words}</span> }.into_any(),
                        }
                    })
                    .collect_view();
                match run.term {
                    Some(term) => view! {
                        <GlossaryTerm
                            reading=reading
                            section=section
                            term=term
                            study=annotating.is_some()
                        >
                            {pieces}
                        </GlossaryTerm>
                    }
                    .into_any(),
                    None => pieces.into_any(),
                }
            })
            .collect_view()
    };
    view! {
        <span
            id=sentence_dom_id(id)
            class="sentence"
            data-sentence=id
            class:evidence=move || highlighted.with(|h| h.iter().any(|s| s == id))
            class:chosen=chosen
            tabindex="-1"
        >
            {words}
        </span>
        {annotating
            .map(|tool| {
                view! { <NoteButtons tool=tool marks=mine /> }
            })}
    }
}

/// A glossary term in the text: a button that shows or hides its definition right after it.
/// Works by keyboard (Enter/Space), touch and mouse, and says whether it is open. In free
/// study (`study`), opening it puts the term in the review queue.
#[component]
fn GlossaryTerm(
    reading: &'static Reading,
    section: &'static Section,
    /// Index into the reading's glossary.
    term: usize,
    /// Free study: a look-up is remembered for review.
    study: bool,
    /// The words as they stand in the text.
    children: Children,
) -> impl IntoView {
    let store = study.then(use_store);
    let entry = &reading.glossary[term];
    let open = RwSignal::new(false);
    let definition_id = format!("def-{}-{}", section.id, entry.id);
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        if let Some(store) = store.filter(|_| open.get_untracked()) {
            store.look_up_term(&reading.id, &entry.id);
        }
    };
    view! {
        <button
            type="button"
            class="term"
            aria-expanded=move || open.get().to_string()
            aria-controls=definition_id.clone()
            on:click=toggle
        >
            {children()}
        </button>
        <span id=definition_id class="definition" role="note" hidden=move || !open.get()>
            <strong>{entry.term.as_ref()}</strong>
            ": "
            {entry.definition.as_ref()}
        </span>
    }
}
