//! A confirmation asked in the page before something that cannot be undone: the question, the
//! button that goes ahead and the one that does not. Every confirmation in Lectern is this one,
//! so they all look, sound and behave alike.
//!
//! It is an `alertdialog`: it interrupts to ask a question that needs an answer, and focus moves
//! into it, onto the safe choice, so a stray Enter never does harm. It is not modal (the rest of
//! the page stays usable), so it traps nothing. The safe choice, or Escape, closes it and gives
//! focus back to where the question came from.

use crate::components::focus::ElementRef;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Numbers the dialogs, so each question has an id of its own to name its dialog by.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

#[component]
pub fn ConfirmDialog(
    /// Whether it is shown. Whoever asks sets it; the dialog clears it when answered.
    open: RwSignal<bool>,
    /// The question, in whole sentences ("Delete all your answers? This cannot be undone.").
    #[prop(into)]
    question: Signal<String>,
    /// The button that goes ahead ("Yes, delete").
    yes: &'static str,
    /// The safe choice.
    #[prop(default = "Cancel")]
    no: &'static str,
    /// Whether going ahead removes something (a warning-coloured button), or not (handing in).
    #[prop(default = true)]
    removes: bool,
    /// Goes ahead, once the dialog is closed; it moves focus to wherever it leaves the student.
    on_yes: Callback<()>,
    /// Where focus goes when the student does not go ahead: usually the button that asked.
    return_focus: ElementRef,
) -> impl IntoView {
    let question_id = format!("confirm-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let safe_choice = ElementRef::new();
    // Each time the dialog appears, its safe choice takes focus.
    Effect::new(move |_| {
        if open.get() {
            safe_choice.focus_soon();
        }
    });
    let back_out = move || {
        open.set(false);
        return_focus.focus_soon();
    };
    let yes_class = if removes {
        "button danger"
    } else {
        "button primary"
    };
    view! {
        <Show when=move || open.get()>
            <div
                class="confirm"
                role="alertdialog"
                aria-labelledby=question_id.clone()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        back_out();
                    }
                }
            >
                <p id=question_id.clone()>{move || question.get()}</p>
                <button
                    type="button"
                    class=yes_class
                    on:click=move |_| {
                        open.set(false);
                        on_yes.run(());
                    }
                >
                    {yes}
                </button>
                <button
                    type="button"
                    class="button"
                    node_ref=safe_choice
                    on:click=move |_| back_out()
                >
                    {no}
                </button>
            </div>
        </Show>
    }
}
