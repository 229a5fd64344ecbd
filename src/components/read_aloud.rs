//! "Read aloud": the browser's speech synthesis reads a part of the page (a section's sentences,
//! a question), marking the passage being read, with Pause/Resume and Stop. Shown only when the
//! browser has a voice to read with; the speed is the profile's read-aloud setting.
//!
//! One reading at a time: starting one stops any other, and leaving the page stops it.

use crate::components::focus::ElementRef;
use crate::components::setting_controls::SettingSelect;
use crate::core::settings::{ReadAloudSpeed, Settings};
use crate::platform::{dom, speech};
use crate::state::{use_store, Store};
use leptos::prelude::*;
use std::cell::RefCell;

/// The attribute that marks the passage being read (the style sheet highlights it).
const READING_NOW: &str = "data-reading-aloud";

/// Whether the browser has a voice to read with, followed as the browser loads its voices.
#[derive(Clone, Copy)]
pub struct Voices(ReadSignal<bool>);

/// Starts following the browser's voices; call once, in the app shell.
pub fn provide_voices() {
    let (has, set_has) = signal(speech::has_voices());
    speech::on_voices_changed(move |now| set_has.set(now));
    provide_context(Voices(has));
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Playing {
    Stopped,
    Reading,
    Paused,
}

/// What is being read right now, on the whole page: which player, and the browser's reading.
struct Current {
    player: usize,
    speaking: speech::Speaking,
    state: RwSignal<Playing>,
    passages: Vec<web_sys::HtmlElement>,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
    static NEXT_PLAYER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Stops what is being read, if `player` (or, with `None`, anyone) is reading it.
fn stop_reading(player: Option<usize>) {
    let current = CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        if player.is_none() || c.as_ref().map(|c| c.player) == player {
            c.take()
        } else {
            None
        }
    });
    if let Some(current) = current {
        unmark(&current.passages);
        // The player may be gone already (its page was left).
        let _ = current.state.try_set(Playing::Stopped);
        current.speaking.stop();
    }
}

fn unmark(passages: &[web_sys::HtmlElement]) {
    for el in passages {
        let _ = el.remove_attribute(READING_NOW);
    }
}

/// One Read aloud player: what it reads (the elements matching its selector, in document
/// order), whether it is reading, and from which passage to go on.
#[derive(Clone, Copy)]
struct Player {
    id: usize,
    selector: StoredValue<String>,
    state: RwSignal<Playing>,
    /// The passage being read, to go on from there when the speed changes.
    at: StoredValue<usize>,
    store: Store,
}

impl Player {
    fn new(selector: String) -> Player {
        let id = NEXT_PLAYER.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        Player {
            id,
            selector: StoredValue::new(selector),
            state: RwSignal::new(Playing::Stopped),
            at: StoredValue::new(0),
            store: use_store(),
        }
    }

    /// Reads from the `first` passage on, at the profile's speed, stopping whatever else is
    /// being read on the page.
    fn start_from(self, first: usize) {
        stop_reading(None);
        let passages: Vec<web_sys::HtmlElement> = self
            .selector
            .with_value(|selector| dom::elements(selector))
            .into_iter()
            .filter(|el| !el.inner_text().trim().is_empty())
            .skip(first)
            .collect();
        let texts: Vec<String> = passages.iter().map(|el| el.inner_text()).collect();
        let rate = self
            .store
            .progress
            .with_untracked(|p| p.settings.read_aloud_speed.rate());
        let marked = passages.clone();
        let on_start = move |i: usize| {
            unmark(&marked);
            if let Some(el) = marked.get(i) {
                let _ = el.set_attribute(READING_NOW, "");
                dom::scroll_into_view_if_needed(el);
            }
            self.at.set_value(first + i);
        };
        // After the event, not inside it: stopping frees the very callback that is running.
        let on_end = move || queue_microtask(move || stop_reading(Some(self.id)));
        if let Some(speaking) = speech::speak(&texts, rate, on_start, on_end) {
            self.state.set(Playing::Reading);
            CURRENT.with(|c| {
                *c.borrow_mut() = Some(Current {
                    player: self.id,
                    speaking,
                    state: self.state,
                    passages,
                })
            });
        }
    }

    fn pause_or_resume(self) {
        let next = CURRENT.with(|c| {
            let c = c.borrow();
            let current = c.as_ref().filter(|c| c.player == self.id)?;
            Some(if self.state.get_untracked() == Playing::Paused {
                current.speaking.resume();
                Playing::Reading
            } else {
                current.speaking.pause();
                Playing::Paused
            })
        });
        if let Some(next) = next {
            self.state.set(next);
        }
    }

    fn stop(self) {
        stop_reading(Some(self.id));
    }
}

/// A Read aloud button for the elements matching `selector`, read in document order, then
/// Pause/Resume and Stop while reading. Renders nothing when the browser has no voice.
#[component]
pub fn ReadAloud(
    /// A CSS selector for the passages to read; each is read, and marked, in turn.
    selector: String,
    /// The Read aloud button's accessible name; it starts with "Read aloud".
    label: String,
    /// Whether to show the speed select next to the buttons.
    #[prop(optional)]
    with_speed: bool,
) -> impl IntoView {
    let voices = use_context::<Voices>().map(|v| v.0);
    let player = Player::new(selector);
    // A new speed takes effect at once: the passage being read starts again at that speed.
    Effect::new(move |previous: Option<ReadAloudSpeed>| {
        let speed = player.store.progress.with(|p| p.settings.read_aloud_speed);
        if previous.is_some_and(|p| p != speed) && player.state.get_untracked() == Playing::Reading
        {
            player.start_from(player.at.get_value());
        }
        speed
    });
    on_cleanup(move || player.stop());
    let label = StoredValue::new(label);
    view! {
        <Show when=move || voices.is_some_and(|v| v.get())>
            <PlayerButtons player=player label=label.get_value() with_speed=with_speed />
        </Show>
    }
}

/// The player's buttons: Read aloud (then Pause, Resume), Stop while reading, and the speed.
#[component]
fn PlayerButtons(player: Player, label: String, with_speed: bool) -> impl IntoView {
    let state = player.state;
    // The main button stays put while its words change (Read aloud, Pause, Resume), so focus
    // stays on it; Stop, which comes and goes, hands focus back to it.
    let main_button = ElementRef::new();
    // Reading that ends by itself while focus was on Stop (now gone) brings focus back here.
    Effect::new(move |previous: Option<Playing>| {
        let now = state.get();
        let ended = previous.is_some_and(|p| p != Playing::Stopped) && now == Playing::Stopped;
        if ended && dom::focus_is_lost() {
            main_button.focus();
        }
        now
    });
    let on_main = move |_| match state.get_untracked() {
        Playing::Stopped => player.start_from(0),
        _ => player.pause_or_resume(),
    };
    let group_label = label.clone();
    view! {
        <div class="read-aloud" role="group" aria-label=group_label>
            <button
                type="button"
                class="button read-aloud-main"
                node_ref=main_button
                aria-label=move || (state.get() == Playing::Stopped).then(|| label.clone())
                on:click=on_main
            >
                {move || match state.get() {
                    Playing::Stopped => "Read aloud",
                    Playing::Reading => "Pause",
                    Playing::Paused => "Resume",
                }}
            </button>
            <Show when=move || state.get() != Playing::Stopped>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        player.stop();
                        main_button.focus();
                    }
                >
                    "Stop"
                </button>
            </Show>
            {with_speed
                .then(|| {
                    view! {
                        <SettingSelect
                            label="Speed"
                            id="read-aloud-speed"
                            get=|s: &Settings| s.read_aloud_speed
                            set=|s: &mut Settings, v: ReadAloudSpeed| s.read_aloud_speed = v
                        />
                    }
                })}
        </div>
    }
}

/// Read aloud for one question card: its number, kind and prompt, how to answer, and each
/// choice, item or sentence to pick from, in the order shown.
#[component]
pub fn ReadQuestionAloud(
    /// The DOM id of the question's card.
    card_id: String,
    /// The question's number as shown.
    number: usize,
) -> impl IntoView {
    let selector = [
        "legend",
        ".instructions",
        "fieldset label",
        ".fill-blank",
        ".ordering-text",
    ]
    .map(|part| format!("#{card_id} {part}"))
    .join(", ");
    view! { <ReadAloud selector=selector label=format!("Read aloud: question {number}") /> }
}
