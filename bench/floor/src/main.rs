//! The floor of Lectern's stack (see Cargo.toml): a router with a start page and a section page
//! that shows the essay's paragraphs and one single-choice question; Check grades it, stores the
//! answer as JSON in local storage and announces the verdict. Nothing else.

use gloo_storage::Storage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The essay, verbatim (the same file Lectern's `questions/` was made from).
const ESSAY: &str = include_str!("../../../questions/sources/adversaries-to-allies.txt");
const KEY: &str = "lectern-floor:progress";

#[derive(Serialize, Deserialize, Default)]
struct Progress {
    version: u32,
    answers: BTreeMap<String, String>,
}

fn load() -> Progress {
    gloo_storage::LocalStorage::raw()
        .get_item(KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <h1>"Adversaries to Allies?"</h1>
        <A href="/section/1">"Start reading"</A>
    }
}

#[component]
fn Section() -> impl IntoView {
    let params = use_params_map();
    let progress = StoredValue::new(load());
    let (picked, set_picked) = signal(None::<&'static str>);
    let (verdict, set_verdict) = signal(String::new());
    let check = move |_| {
        let answer = picked.get().unwrap_or_default();
        progress.update_value(|p| {
            p.version = 1;
            p.answers.insert("q1".into(), answer.into());
        });
        let json = progress.with_value(|p| serde_json::to_string(p).unwrap_or_default());
        let _ = gloo_storage::LocalStorage::raw().set_item(KEY, &json);
        set_verdict.set(
            if answer == "Russia" {
                "Right."
            } else {
                "Not quite."
            }
            .into(),
        );
    };
    view! {
        <h1>{move || format!("Section {}", params.read().get("n").unwrap_or_default())}</h1>
        {ESSAY.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
        <fieldset class="question">
            <legend>"Which country offered the United States intelligence?"</legend>
            {["Russia", "France", "China"].map(|option| view! {
                <label>
                    <input type="radio" name="q1" on:change=move |_| set_picked.set(Some(option)) />
                    {option}
                </label>
            }).collect_view()}
        </fieldset>
        <button on:click=check>"Check"</button>
        <p role="status">{verdict}</p>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/section/:n") view=Section />
                    </Routes>
                </main>
            </Router>
        }
    });
}
