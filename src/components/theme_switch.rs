//! The reading settings in the header: theme (light, dark, or follow the system) and text size,
//! native selects, kept with the current profile's progress.

use crate::core::progress::{Settings, TextSize, Theme};
use crate::state::use_store;
use leptos::prelude::*;

/// The theme select. "System" follows the device's light or dark setting.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let options = Theme::ALL.map(|t| (t.key(), t.label()));
    view! {
        <SettingSelect
            label="Theme"
            options=options.to_vec()
            value=|s: &Settings| s.theme.key()
            apply=|s: &mut Settings, key: &str| {
                if let Some(theme) = Theme::ALL.into_iter().find(|t| t.key() == key) {
                    s.theme = theme;
                }
            }
        />
    }
}

/// The text size select: four steps, applied to the whole page.
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    let options = TextSize::ALL.map(|t| (t.key(), t.label()));
    view! {
        <SettingSelect
            label="Text size"
            options=options.to_vec()
            value=|s: &Settings| s.text_size.key()
            apply=|s: &mut Settings, key: &str| {
                if let Some(size) = TextSize::ALL.into_iter().find(|t| t.key() == key) {
                    s.text_size = size;
                }
            }
        />
    }
}

/// A labelled select over one reading setting of the current profile.
#[component]
fn SettingSelect(
    /// The visible label.
    label: &'static str,
    /// (key, label) of each choice.
    options: Vec<(&'static str, &'static str)>,
    /// The current choice's key.
    value: fn(&Settings) -> &'static str,
    /// Sets the setting from a chosen key.
    apply: fn(&mut Settings, &str),
) -> impl IntoView {
    let store = use_store();
    let on_change = move |ev| {
        let key = event_target_value(&ev);
        store.update_settings(|s| apply(s, &key));
    };
    view! {
        <label class="setting">
            <span>{label}</span>
            <select on:change=on_change prop:value=move || store.progress.with(|p| value(&p.settings))>
                {options
                    .into_iter()
                    .map(|(key, label)| view! { <option value=key>{label}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
