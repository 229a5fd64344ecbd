//! Collecting results: hand-in codes pasted one per line, and result files chosen or dropped.
//! Each entry is checked on its own, and the report says what happened to every one.

use super::Kept;
use crate::components::field::bound;
use crate::components::focus::ElementRef;
use crate::core::assignment::Assignment;
use crate::core::gradebook::{pasted_entries, Entry, EntryReport, Source};
use crate::core::handin::RESULT_LIMITS;
use crate::platform::files;
use crate::state::use_teacher_store;
use leptos::prelude::*;

#[component]
pub fn CollectResults(assignment: StoredValue<Assignment>, kept: Kept) -> impl IntoView {
    let teacher = use_teacher_store();
    let Kept {
        reports,
        report_region,
        ..
    } = kept;
    let pasted = RwSignal::new(String::new());
    let add_entries = move |entries: Vec<Entry>| {
        let mut outcome = Vec::new();
        teacher.change(|t| outcome = assignment.with_value(|a| t.add_results(a, &entries)));
        reports.set(outcome);
        report_region.focus_soon();
    };
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add_entries(pasted_entries(&pasted.get_untracked()));
        pasted.set(String::new());
    };
    let add_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        wasm_bindgen_futures::spawn_local(async move {
            let mut entries = Vec::new();
            for file in chosen {
                let label = file.name();
                // Refuse a huge file by its size, before reading it into memory.
                let source = if RESULT_LIMITS.check_size(file.size() as usize).is_err() {
                    Source::TooLarge
                } else {
                    Source::File(files::read_text(&file).await.unwrap_or_default())
                };
                entries.push(Entry { label, source });
            }
            add_entries(entries);
        });
    };
    let on_file_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        add_files(input.files());
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add_files(ev.data_transfer().and_then(|d| d.files()));
    };
    view! {
        <section aria-labelledby="collect-heading" class="collect">
            <h2 id="collect-heading">"Add results"</h2>
            <form on:submit=add_pasted>
                <p class="field">
                    <label for="hand-in-codes">"Hand-in codes, one per line"</label>
                    <textarea
                        id="hand-in-codes"
                        rows="5"
                        spellcheck="false"
                        bind:value=bound(pasted)
                    ></textarea>
                </p>
                <button type="submit" class="button primary">
                    "Add codes"
                </button>
            </form>
            <div
                class="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            >
                <label for="result-files">
                    "Result files (.json): choose them, or drop them here"
                </label>
                <input
                    id="result-files"
                    type="file"
                    accept=".json,application/json"
                    multiple
                    on:change=on_file_input
                />
            </div>
            <EntryReports reports=reports region=report_region />
        </section>
    }
}

/// What happened to each entry last added: added (with the student's name), or why not. A
/// live region, focused after each addition.
#[component]
fn EntryReports(
    reports: RwSignal<Vec<EntryReport>>,
    /// The region, for focus.
    region: ElementRef,
) -> impl IntoView {
    view! {
        <div id="entry-reports" class="entry-reports" role="status" tabindex="-1" node_ref=region>
            <Show when=move || {
                reports.with(|r| !r.is_empty())
            }>
                {move || {
                    let list = reports.get();
                    let added = list.iter().filter(|r| r.outcome.is_ok()).count();
                    view! {
                        <p>
                            <strong>
                                {format!("{added} added, {} not added.", list.len() - added)}
                            </strong>
                        </p>
                        <ul>
                            {list
                                .into_iter()
                                .map(|r| {
                                    let (text, class) = match &r.outcome {
                                        Ok(name) => {
                                            (format!("{}: added {name}.", r.label), "report-ok")
                                        }
                                        Err(why) => {
                                            (format!("{}: {why}.", r.label), "report-skipped")
                                        }
                                    };
                                    view! { <li class=class>{text}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                }}
            </Show>
        </div>
    }
}
