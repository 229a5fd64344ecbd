//! A highlight once made: after the sentence where it ends, a button that names it for a
//! screen reader (colour, first words, whether it has a note) and opens its panel: the note as
//! typed, changing its colour or note, removing it. Also the colour and note fields that the
//! toolbar shares.

use crate::components::highlight_tool::Annotating;
use crate::core::highlights::{in_text_order, Colour, Highlights, Mark, Placement, MAX_NOTE_CHARS};
use crate::platform::dom;
use crate::state::use_store;
use lectern_content::{Reading, Section};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A highlight's part of one sentence, as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnMark {
    pub id: String,
    pub colour: Colour,
    pub note: String,
    pub quote: String,
    pub start: u32,
    pub end: u32,
    /// Whether the highlight ends in this sentence (its button goes after it).
    pub last: bool,
}

impl DrawnMark {
    pub fn mark(&self) -> Mark<'_> {
        Mark {
            id: &self.id,
            colour: self.colour,
            has_note: !self.note.is_empty(),
            start: self.start,
            end: self.end,
        }
    }
}

/// The highlights to draw in each sentence of `section` (by sentence id), in text order.
pub fn drawn_marks(
    reading: &Reading,
    section: &Section,
    highlights: &Highlights,
) -> BTreeMap<String, Vec<DrawnMark>> {
    let mut drawn: BTreeMap<String, Vec<DrawnMark>> = BTreeMap::new();
    for listed in in_text_order(reading, highlights) {
        let Placement::InText { section: s, pieces } = listed.placement else {
            continue;
        };
        if s.id != section.id {
            continue;
        }
        let h = listed.highlight;
        let count = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            drawn
                .entry(piece.sentence.id.to_string())
                .or_default()
                .push(DrawnMark {
                    id: listed.id.to_string(),
                    colour: h.colour,
                    note: h.note.clone(),
                    quote: h.quote.clone(),
                    start: piece.start,
                    end: piece.end,
                    last: i + 1 == count,
                });
        }
    }
    drawn
}

/// The first words of a quote, for a label or a message.
pub fn excerpt(words: &str) -> String {
    const WORDS: usize = 8;
    let all: Vec<&str> = words.split_whitespace().collect();
    if all.len() <= WORDS {
        all.join(" ")
    } else {
        format!("{} …", all[..WORDS].join(" "))
    }
}

/// The buttons of the highlights that end in a sentence, after it.
#[component]
pub fn NoteButtons(tool: Annotating, marks: Memo<Vec<DrawnMark>>) -> impl IntoView {
    move || {
        marks
            .get()
            .into_iter()
            .filter(|m| m.last)
            .map(|mark| view! { <HighlightButton tool=tool mark=mark /> })
            .collect_view()
    }
}

/// One highlight's button and, when open, its panel.
#[component]
fn HighlightButton(tool: Annotating, mark: DrawnMark) -> impl IntoView {
    let panel_id = format!("hl-panel-{}", mark.id);
    let button_id = format!("hl-{}", mark.id);
    let id = mark.id.clone();
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| tool.open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let label = format!(
        "{} highlight: “{}”{}",
        mark.colour.label(),
        excerpt(&mark.quote),
        if mark.note.is_empty() {
            ""
        } else {
            ", with a note"
        }
    );
    let toggle = {
        let id = id.clone();
        move |_| {
            tool.open.update(|o| {
                *o = if o.as_deref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                }
            })
        }
    };
    let symbol = if mark.note.is_empty() {
        "✎"
    } else {
        "✎ …"
    };
    view! {
        <button
            type="button"
            id=button_id.clone()
            class="hl-button"
            data-colour=mark.colour.key()
            aria-label=label
            aria-expanded=move || is_open.get().to_string()
            aria-controls=panel_id.clone()
            on:click=toggle
        >
            {symbol}
        </button>
        <Show when=move || is_open.get()>
            <HighlightPanel
                tool=tool
                mark=mark.clone()
                panel_id=panel_id.clone()
                button_id=button_id.clone()
            />
        </Show>
    }
}

/// A highlight's panel: its note as typed, its colour and note to change, and Remove.
#[component]
fn HighlightPanel(
    tool: Annotating,
    mark: DrawnMark,
    panel_id: String,
    /// The button that opened it, where focus goes back to.
    button_id: String,
) -> impl IntoView {
    let store = use_store();
    let colour = RwSignal::new(mark.colour);
    let note = RwSignal::new(mark.note.clone());
    let message = RwSignal::new(String::new());
    let reading = tool.reading();
    let id = StoredValue::new(mark.id.clone());
    let back = StoredValue::new(button_id);
    let close = move || {
        tool.open.set(None);
        back.with_value(|b| dom::focus(b));
    };
    let save = move |_| {
        let saved = note.with_untracked(|n| {
            id.with_value(|id| store.edit_highlight(&reading.id, id, colour.get_untracked(), n))
        });
        match saved {
            Ok(()) => {
                tool.message.set("Highlight saved.".to_string());
                close();
            }
            Err(why) => message.set(why.to_string()),
        }
    };
    let remove = move |_| {
        id.with_value(|id| store.remove_highlight(&reading.id, id));
        tool.open.set(None);
        tool.message.set("Highlight removed.".to_string());
    };
    view! {
        <span id=panel_id class="hl-panel" role="group" aria-label="Highlight">
            {(!mark.note.is_empty())
                .then(|| {
                    view! {
                        <span class="hl-note">
                            <strong>"Note: "</strong>
                            {mark.note.clone()}
                        </span>
                    }
                })}
            <HighlightFields colour=colour note=note prefix=format!("edit-{}", mark.id) />
            <span class="hl-actions">
                <button type="button" class="button primary" on:click=save>
                    "Save"
                </button>
                <button type="button" class="button" on:click=remove>
                    "Remove highlight"
                </button>
                <button type="button" class="button" on:click=move |_| close()>
                    "Close"
                </button>
            </span>
            <span role="status" class="data-message">
                {move || message.get()}
            </span>
        </span>
    }
}

/// A highlight's colour (a group of radio buttons) and note (a text area), made of spans so it
/// can sit in the text's paragraphs.
#[component]
pub fn HighlightFields(
    colour: RwSignal<Colour>,
    note: RwSignal<String>,
    /// Makes the fields' ids and the radio group's name unique on the page.
    #[prop(into)]
    prefix: String,
) -> impl IntoView {
    let note_id = format!("{prefix}-note");
    let group = format!("{prefix}-colour");
    view! {
        <span class="hl-fields">
            <span class="hl-colours" role="radiogroup" aria-label="Colour">
                {Colour::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <label class="hl-colour">
                                <input
                                    type="radio"
                                    name=group.clone()
                                    prop:checked=move || colour.get() == c
                                    on:change=move |_| colour.set(c)
                                />
                                <span class="hl-swatch" data-colour=c.key()>
                                    {c.label()}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
            </span>
            <label class="hl-note-label" for=note_id.clone()>
                "Note (optional)"
            </label>
            <textarea
                id=note_id
                class="hl-note-field"
                rows="2"
                maxlength=MAX_NOTE_CHARS.to_string()
                bind:value=note
            ></textarea>
        </span>
    }
}
