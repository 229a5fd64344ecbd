//! The highlights tool of a section in free study: what is chosen to highlight (words selected
//! with the mouse or by touch, or whole sentences chosen by keyboard), its colour and note, and
//! "Highlight".
//!
//! The keyboard way: "Choose sentences by keyboard" puts focus on a sentence of the text; the
//! arrow keys move from sentence to sentence, Shift with an arrow extends the choice, Home and
//! End go to the first and last sentence, Enter highlights the chosen sentences, Escape stops
//! and goes back to the button. Sentences are what a keyboard user can point at without a
//! caret, and a screen reader reads each one as focus lands on it (docs/accessibility.md).

use crate::components::focus::ElementRef;
use crate::components::highlight_note::{excerpt, HighlightFields};
use crate::components::status_message::StatusMessage;
use crate::core::highlights::{section_sentences, Colour, Span};
use crate::platform::{dom, selection};
use crate::routes::Link;
use crate::state::use_store;
use lectern_content::{Reading, Section};
use leptos::prelude::*;
use leptos_router::components::A;

/// The tool's state, shared by the toolbar and the section's text.
#[derive(Clone, Copy)]
pub struct Annotating {
    reading: &'static Reading,
    section: &'static Section,
    /// What is chosen to highlight, with its words as shown.
    pub pending: RwSignal<Option<(Span, String)>>,
    /// Sentences chosen by keyboard: where the choice began and where it is now (places among
    /// the section's sentences); `None` when not choosing by keyboard.
    pub keys: RwSignal<Option<(usize, usize)>>,
    /// The colour and note for the next highlight.
    pub colour: RwSignal<Colour>,
    pub note: RwSignal<String>,
    /// The highlight whose panel is open in the text.
    pub open: RwSignal<Option<String>>,
    /// What just happened, for the live region.
    pub message: RwSignal<String>,
    /// "Choose sentences by keyboard", where Escape goes back to.
    keys_button: ElementRef,
}

impl Annotating {
    pub fn new(reading: &'static Reading, section: &'static Section) -> Self {
        Annotating {
            reading,
            section,
            pending: RwSignal::new(None),
            keys: RwSignal::new(None),
            colour: RwSignal::new(Colour::Yellow),
            note: RwSignal::new(String::new()),
            open: RwSignal::new(None),
            message: RwSignal::new(String::new()),
            keys_button: ElementRef::new(),
        }
    }

    pub fn reading(&self) -> &'static Reading {
        self.reading
    }

    /// Whether the sentence at `place` is chosen by keyboard.
    pub fn is_chosen(&self, place: usize) -> bool {
        self.keys
            .with(|k| k.is_some_and(|(a, b)| a.min(b) <= place && place <= a.max(b)))
    }

    /// Chooses the sentences from `from` to `to` and puts focus on `to`.
    fn choose(&self, from: usize, to: usize) {
        let sentences = section_sentences(self.section);
        let (first, last) = (from.min(to), from.max(to));
        self.keys.set(Some((from, to)));
        let span = Span::sentences(self.reading, &sentences[first].id, &sentences[last].id);
        let words: Vec<&str> = sentences[first..=last]
            .iter()
            .map(|s| s.text.as_ref())
            .collect();
        self.pending.set(span.map(|span| (span, words.join(" "))));
        self.message.set(if first == last {
            format!("Sentence {} of {} chosen.", first + 1, sentences.len())
        } else {
            format!(
                "Sentences {} to {} of {} chosen.",
                first + 1,
                last + 1,
                sentences.len()
            )
        });
        dom::focus(&crate::components::section_text::sentence_dom_id(
            &sentences[to].id,
        ));
    }

    /// "Choose sentences by keyboard": starts at the sentence chosen last, or the first.
    fn start_keys(&self) {
        let at = self.keys.get_untracked().map_or(0, |(_, to)| to);
        self.choose(at, at);
    }

    /// A key pressed in the text while choosing by keyboard (on a sentence).
    pub fn on_key(&self, ev: leptos::ev::KeyboardEvent) {
        let Some((from, to)) = self.keys.get_untracked() else {
            return;
        };
        let on_sentence = event_target::<web_sys::Element>(&ev)
            .class_list()
            .contains("sentence");
        if !on_sentence {
            return;
        }
        let last = section_sentences(self.section).len() - 1;
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => (to + 1).min(last),
            "ArrowUp" | "ArrowLeft" => to.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            "Enter" => {
                ev.prevent_default();
                self.highlight();
                return;
            }
            "Escape" => {
                ev.prevent_default();
                self.keys.set(None);
                self.pending.set(None);
                self.message.set(String::new());
                self.keys_button.focus();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if ev.shift_key() {
            self.choose(from, next);
        } else {
            self.choose(next, next);
        }
    }

    /// The page's selection changed: words selected in the text become the choice. A
    /// selection elsewhere, or none, leaves the choice as it is (pressing "Highlight" may
    /// itself clear the selection), and the toolbar shows what is chosen.
    pub fn take_selection(&self) {
        if let Some(chosen) = selection::selected_span() {
            self.keys.set(None);
            self.pending.set(Some(chosen));
        }
    }

    /// "Highlight": the choice in the chosen colour, with the note.
    fn highlight(&self) {
        let store = use_store();
        let Some((span, words)) = self.pending.get_untracked() else {
            self.message.set(
                "First select words in the text, or choose sentences by keyboard.".to_string(),
            );
            return;
        };
        let colour = self.colour.get_untracked();
        let added = self
            .note
            .with_untracked(|note| store.add_highlight(self.reading, &span, colour, note));
        match added {
            Ok(()) => {
                self.message.set(format!(
                    "Highlighted in {}: “{}”.",
                    colour.label().to_lowercase(),
                    excerpt(&words)
                ));
                self.note.set(String::new());
                self.pending.set(None);
                self.keys.set(None);
                selection::clear();
            }
            Err(why) => self.message.set(why.to_string()),
        }
    }
}

/// The toolbar above the text.
#[component]
pub fn HighlightTool(tool: Annotating) -> impl IntoView {
    let chosen = move || {
        tool.pending.with(|p| match p {
            Some((_, words)) => format!("Chosen: “{}”", excerpt(words)),
            None => "Select words in the text, or choose whole sentences by keyboard.".to_string(),
        })
    };
    view! {
        <section class="highlight-tool" aria-labelledby="highlight-tool-heading">
            <h2 id="highlight-tool-heading" class="tool-heading">
                "Highlight and note"
            </h2>
            <p class="hl-chosen">{chosen}</p>
            <HighlightFields colour=tool.colour note=tool.note prefix="new-highlight" />
            <div class="hl-actions">
                <button type="button" class="button primary" on:click=move |_| tool.highlight()>
                    "Highlight"
                </button>
                <button
                    type="button"
                    class="button"
                    aria-describedby="hl-keys-help"
                    node_ref=tool.keys_button
                    on:click=move |_| tool.start_keys()
                >
                    "Choose sentences by keyboard"
                </button>
                <A href=Link::Notes(&tool.reading.id).url()>"My notes"</A>
            </div>
            <p id="hl-keys-help" class="setting-description">
                "Arrow keys move from sentence to sentence, Shift with an arrow chooses more, Enter highlights, Escape stops."
            </p>
            <StatusMessage message=tool.message />
        </section>
    }
}
