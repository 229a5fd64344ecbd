//! "My notes": every highlight and note of a reading, in the order of the text, each linked to
//! its place; those no longer in the text listed last, never dropped; saved as Markdown or
//! plain text.

use crate::components::notes_list::NotesList;
use crate::components::page_title::set_page_title;
use crate::components::status_message::{save_file, StatusMessage};
use crate::core::highlights::{export_file_name, export_markdown, export_text};
use crate::pages::not_found::NotFound;
use crate::platform::dom;
use crate::routes::{reading_from_route, Link};
use crate::state::use_store;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;

/// The route `/read/:reading/notes`.
#[component]
pub fn NotesPage() -> impl IntoView {
    let reading = reading_from_route();
    move || match reading.get() {
        Some(reading) => view! { <Notes reading=reading /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Notes(reading: &'static Reading) -> impl IntoView {
    set_page_title(&format!("My notes · {}", reading.title));
    view! {
        <article class="page notes-page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <A href=Link::Reading(&reading.id).url()>{reading.title.as_ref()}</A>
            </nav>
            <h1>"My notes"</h1>
            <p>
                "Your highlights and notes in this reading, in the order of the text. To add one, select words in a section's text, or choose sentences by keyboard, and press Highlight."
            </p>
            <ExportNotes reading=reading />
            <NotesList reading=reading links=true />
        </article>
    }
}

/// Saving the notes as a file, Markdown or plain text.
#[component]
fn ExportNotes(reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(String::new());
    let export = move |markdown: bool| {
        let text = store.progress.with_untracked(|p| {
            let highlights = p
                .reading(&reading.id)
                .map(|r| r.highlights.clone())
                .unwrap_or_default();
            if markdown {
                export_markdown(reading, &highlights)
            } else {
                export_text(reading, &highlights)
            }
        });
        // Dated by the student's own day.
        let name = export_file_name(reading, dom::local_ms(dom::now_ms()), markdown);
        let mime = if markdown {
            "text/markdown;charset=utf-8"
        } else {
            "text/plain;charset=utf-8"
        };
        save_file(message, &name, &text, mime);
    };
    view! {
        <div class="notes-export">
            <button type="button" class="button" on:click=move |_| export(true)>
                "Save as Markdown"
            </button>
            <button type="button" class="button" on:click=move |_| export(false)>
                "Save as plain text"
            </button>
            <StatusMessage message=message />
        </div>
    }
}
