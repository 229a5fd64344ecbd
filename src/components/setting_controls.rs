//! Controls over one reading setting of the current profile: a labelled native select for a
//! setting with several choices, and a checkbox for one that is on or off. Each change is saved
//! with the profile's progress at once.

use crate::components::field::field;
use crate::core::settings::{SettingChoice, Settings};
use crate::state::use_store;
use leptos::prelude::*;

/// A labelled select over one setting with a fixed set of choices.
#[component]
pub fn SettingSelect<T: SettingChoice + Send + Sync>(
    /// The visible label.
    label: &'static str,
    /// The id of the select, so that a description or a test can point at it.
    id: &'static str,
    /// The setting's current choice.
    get: fn(&Settings) -> T,
    /// Sets the setting to a choice.
    set: fn(&mut Settings, T),
) -> impl IntoView {
    let store = use_store();
    let choice = field(
        move || store.progress.with(|p| get(&p.settings).key().to_string()),
        move |key: String| {
            // A key that is not one of the options (it cannot happen with a native select)
            // changes nothing.
            if let Some(choice) = T::from_key(&key) {
                store.update_settings(|s| set(s, choice));
            }
        },
    );
    view! {
        <div class="setting">
            <label for=id>{label}</label>
            <select id=id bind:value=choice>
                {T::ALL
                    .iter()
                    .map(|c| view! { <option value=c.key()>{c.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled checkbox over one setting that is on or off, with a line saying what it does.
#[component]
pub fn SettingCheckbox(
    /// The visible label.
    label: &'static str,
    /// What the setting does, in a sentence (the checkbox's description).
    description: &'static str,
    /// The id of the checkbox.
    id: &'static str,
    get: fn(&Settings) -> bool,
    set: fn(&mut Settings, bool),
) -> impl IntoView {
    let store = use_store();
    let description_id = format!("{id}-description");
    let on = field(
        move || store.progress.with(|p| get(&p.settings)),
        move |on| store.update_settings(|s| set(s, on)),
    );
    view! {
        <div class="setting setting-checkbox">
            <input type="checkbox" id=id aria-describedby=description_id.clone() bind:checked=on />
            <label for=id>{label}</label>
            <p id=description_id class="setting-description">
                {description}
            </p>
        </div>
    }
}
