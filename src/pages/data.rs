//! "Your data": download a backup, restore one (with a preview and a choice to merge or
//! replace), or delete this device's progress. A refused file changes nothing.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::components::status_message::{save_file, StatusMessage};
use crate::content::READINGS;
use crate::core::backup::{self, Backup, Preview, RestoreMode};
use crate::core::progress::Progress;
use crate::platform::{dom, files, storage};
use crate::state::{use_store, StorageState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DataPage() -> impl IntoView {
    set_page_title("Your data");
    view! {
        <article class="page data-page">
            <h1>"Your data"</h1>
            <p>
                "Your answers are kept in this browser on this device, and nowhere else. "
                "Nothing is sent anywhere unless you download it here."
            </p>
            <BackupDownload />
            <SetAside />
            <Restore />
            <DeleteData />
        </article>
    }
}

#[component]
fn BackupDownload() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(String::new());
    let download = move |_| {
        let now = dom::now_ms();
        let profile = store.profiles.with_untracked(|p| p.current().name.clone());
        let text = store
            .progress
            .with_untracked(|p| backup::export(p, &profile, now));
        let name = backup::file_name(&profile, now);
        save_file(message, &name, &text, "application/json");
    };
    view! {
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p>
                "Download everything you have answered as a file, to keep it safe or move it to another device."
            </p>
            <button type="button" class="button primary" on:click=download>
                "Download backup"
            </button>
            <StatusMessage message=message />
        </section>
    }
}

/// Saved data that could not be read was kept aside at start: it can be downloaded as it is.
#[component]
fn SetAside() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(String::new());
    move || match store.storage.get() {
        StorageState::Quarantined(key) => {
            let download = move |_| {
                let name = "lectern-unreadable-data.txt";
                match storage::read(&key) {
                    None => message.set("The data kept aside is no longer there.".into()),
                    Some(text) => save_file(message, name, &text, "text/plain"),
                }
            };
            view! {
                <section aria-labelledby="aside-heading">
                    <h2 id="aside-heading">"Data that could not be read"</h2>
                    <p>
                        "Lectern found saved data it could not read, and kept it aside instead of deleting it."
                    </p>
                    <button type="button" class="button" on:click=download>
                        "Download the data kept aside"
                    </button>
                    <StatusMessage message=message />
                </section>
            }
                .into_any()
        }
        _ => ().into_any(),
    }
}

/// What the restore section shows: nothing yet, a refusal, a preview awaiting a choice, or done.
#[derive(Clone)]
enum RestoreState {
    Idle,
    Refused(String),
    Preview(Box<Backup>, Preview),
    Done(String),
}

#[component]
fn Restore() -> impl IntoView {
    let store = use_store();
    let state = RwSignal::new(RestoreState::Idle);
    let known: Vec<&'static str> = READINGS.iter().map(|r| r.id.as_ref()).collect();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = files::chosen_file(&input) else {
            return;
        };
        // Refuse a huge file by its size, before reading it into memory.
        if let Err(e) = backup::check_size(file.size() as usize) {
            state.set(RestoreState::Refused(e.to_string()));
            return;
        }
        let known = known.clone();
        leptos::task::spawn_local(async move {
            let next = match files::read_text(&file).await {
                Err(e) => RestoreState::Refused(format!("This file could not be read: {e}.")),
                Ok(text) => match backup::parse(&text, &known) {
                    Err(e) => RestoreState::Refused(e.to_string()),
                    Ok(b) => {
                        let preview = backup::preview(&b);
                        RestoreState::Preview(Box::new(b), preview)
                    }
                },
            };
            state.set(next);
        });
    };
    let apply = move |mode: RestoreMode| {
        if let RestoreState::Preview(b, _) = state.get_untracked() {
            let restored = store
                .progress
                .with_untracked(|p| backup::restore(p, &b, mode));
            let answers: usize = restored.readings.values().map(|r| r.answers.len()).sum();
            store.replace_progress(restored);
            let how = if mode == RestoreMode::Merge {
                "merged with"
            } else {
                "put in place of"
            };
            state.set(RestoreState::Done(format!(
                "Restored: the backup was {how} your progress. You now have {answers} answered question(s)."
            )));
        }
    };
    view! {
        <section aria-labelledby="restore-heading">
            <h2 id="restore-heading">"Restore"</h2>
            <p>"Open a backup file. You will see what it holds before anything changes."</p>
            <label for="restore-file" class="file-label">
                "Choose a backup file"
            </label>
            <input
                id="restore-file"
                type="file"
                accept=".json,application/json"
                on:change=on_file
            />
            <div role="status" aria-live="polite" class="restore-result">
                {move || match state.get() {
                    RestoreState::Idle => ().into_any(),
                    RestoreState::Refused(why) => {
                        view! { <p class="data-error">{format!("Nothing was changed. {why}")}</p> }
                            .into_any()
                    }
                    RestoreState::Done(text) => view! { <p>{text}</p> }.into_any(),
                    RestoreState::Preview(_, preview) => {
                        view! {
                            <RestorePreview preview=preview />
                            <div class="restore-actions">
                                <button
                                    type="button"
                                    class="button primary"
                                    on:click=move |_| apply(RestoreMode::Merge)
                                >
                                    "Merge with my progress"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| apply(RestoreMode::Replace)
                                >
                                    "Replace my progress"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| state.set(RestoreState::Idle)
                                >
                                    "Cancel"
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}

/// What a backup holds, per reading.
#[component]
fn RestorePreview(preview: Preview) -> impl IntoView {
    let title = |id: &str| {
        READINGS
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.title.to_string())
    };
    view! {
        <p>
            {format!(
                "Backup of “{}”, made on {}.",
                preview.profile,
                dom::local_date(preview.exported_at),
            )}
        </p>
        <table class="results-table">
            <caption>"What this backup holds"</caption>
            <thead>
                <tr>
                    <th scope="col">"Reading"</th>
                    <th scope="col">"Questions answered"</th>
                    <th scope="col">"Sections opened"</th>
                    <th scope="col">"Last answer"</th>
                </tr>
            </thead>
            <tbody>
                {preview
                    .readings
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <th scope="row">{title(&r.reading)}</th>
                                <td>{r.answered}</td>
                                <td>{r.sections_read}</td>
                                <td>
                                    {r
                                        .last_answered_at
                                        .map(dom::local_date)
                                        .unwrap_or_else(|| "—".into())}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn DeleteData() -> impl IntoView {
    let store = use_store();
    let confirming = RwSignal::new(false);
    let opener = ElementRef::new();
    let message = RwSignal::new(String::new());
    let delete = Callback::new(move |()| {
        store.replace_progress(Progress::new());
        message.set("Your progress on this device was deleted.".into());
        opener.focus_soon();
    });
    view! {
        <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete my data"</h2>
            <p>
                {move || {
                    format!(
                        "Remove every answer of {} kept on this device, for example before you leave a shared computer. Other profiles keep theirs.",
                        store.profiles.with(|p| p.current().name.clone()),
                    )
                }}
            </p>
            <button
                type="button"
                class="button"
                node_ref=opener
                on:click=move |_| confirming.set(true)
            >
                "Delete my data…"
            </button>
            <ConfirmDialog
                open=confirming
                question="Delete all your answers on this device? This cannot be undone; download a backup first if you may want them."
                yes="Yes, delete"
                on_yes=delete
                return_focus=opener
            />
            <StatusMessage message=message />
        </section>
    }
}
