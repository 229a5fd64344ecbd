//! A reading's highlights and notes as a list, in the order of the text, each with its words,
//! colour and note (as typed) and a link to its place; those no longer in the text last, under
//! their own heading. "My notes" shows a reading's; the print worksheet a section's.

use crate::core::highlights::{in_text_order, Placement};
use crate::routes::Link;
use crate::state::use_store;
use lectern_content::{Reading, Section};
use leptos::prelude::*;
use leptos_router::components::A;

/// One highlight as listed.
#[derive(Clone, PartialEq)]
struct Item {
    colour: &'static str,
    colour_label: &'static str,
    quote: String,
    note: String,
    /// The section and sentence where it starts; `None` when no longer in the text.
    place: Option<(String, String, String)>,
}

/// The reading's highlights (only `section`'s, if given), with links to their places when
/// `links`.
#[component]
pub fn NotesList(
    reading: &'static Reading,
    /// Only this section's highlights.
    #[prop(optional)]
    section: Option<&'static Section>,
    /// Whether each links to its place in the text (not on paper).
    links: bool,
) -> impl IntoView {
    let store = use_store();
    let items = Memo::new(move |_| {
        store.progress.with(|p| {
            let Some(progress) = p.reading(&reading.id) else {
                return Vec::new();
            };
            in_text_order(reading, &progress.highlights)
                .into_iter()
                .filter(|l| section.is_none_or(|s| l.highlight.section == s.id))
                .map(|l| Item {
                    colour: l.highlight.colour.key(),
                    colour_label: l.highlight.colour.label(),
                    quote: l.highlight.quote.clone(),
                    note: l.highlight.note.clone(),
                    place: match l.placement {
                        Placement::InText { section, pieces } => Some((
                            section.heading.to_string(),
                            section.id.to_string(),
                            pieces[0].sentence.id.to_string(),
                        )),
                        Placement::Gone => None,
                    },
                })
                .collect()
        })
    });
    move || {
        let items = items.get();
        if items.is_empty() {
            return view! { <p class="notes-empty">"No highlights or notes yet."</p> }.into_any();
        }
        let (here, gone): (Vec<Item>, Vec<Item>) =
            items.into_iter().partition(|i| i.place.is_some());
        // Grouped by section, in text order.
        let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
        for item in here {
            let heading = item.place.as_ref().map(|p| p.0.clone()).unwrap_or_default();
            match groups.last_mut() {
                Some((last, items)) if *last == heading => items.push(item),
                _ => groups.push((heading, vec![item])),
            }
        }
        let listed = groups
            .into_iter()
            .map(|(heading, items)| {
                view! {
                    {section.is_none().then(|| view! { <h2>{heading}</h2> })}
                    <ol class="notes-list">
                        {items
                            .into_iter()
                            .map(|item| {
                                view! { <NoteItem reading=reading item=item links=links /> }
                            })
                            .collect_view()}
                    </ol>
                }
            })
            .collect_view();
        view! {
            {listed}
            {(!gone.is_empty())
                .then(|| {
                    view! {
                        <h2>"No longer in the text"</h2>
                        <p>
                            "The text changed since these were made, and their words are not in it any more. They are kept here."
                        </p>
                        <ol class="notes-list">
                            {gone
                                .into_iter()
                                .map(|item| {
                                    view! { <NoteItem reading=reading item=item links=false /> }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
        }
            .into_any()
    }
}

/// One highlight in the list.
#[component]
fn NoteItem(reading: &'static Reading, item: Item, links: bool) -> impl IntoView {
    let link = item.place.filter(|_| links).map(|(_, section, sentence)| {
        let href = Link::Sentence {
            reading: &reading.id,
            section: &section,
            sentence: &sentence,
        }
        .url();
        view! { <A href=href>"Show in text"</A> }
    });
    view! {
        <li class="note-item">
            <mark class="hl" data-colour=item.colour>
                {item.quote}
            </mark>
            <span class="note-colour">{format!(" ({})", item.colour_label.to_lowercase())}</span>
            {(!item.note.is_empty()).then(|| view! { <p class="hl-note">{item.note}</p> })}
            {link}
        </li>
    }
}

/// The section's notes on the printed worksheet (shown only on paper).
#[component]
pub fn PrintNotes(reading: &'static Reading, section: &'static Section) -> impl IntoView {
    view! {
        <section class="print-notes" aria-label="My notes, for printing">
            <h2>"My notes"</h2>
            <NotesList reading=reading section=section links=false />
        </section>
    }
}
