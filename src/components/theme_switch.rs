//! The reading settings in the header: theme (light, dark, or follow the system) and text size,
//! native selects, kept with the current profile's progress.

use crate::core::progress::{TextSize, Theme};
use crate::state::use_store;
use leptos::prelude::*;

/// The theme select. "System" follows the device's light or dark setting.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let store = use_store();
    let on_change = move |ev| {
        let key = event_target_value(&ev);
        if let Some(theme) = Theme::ALL.into_iter().find(|t| t.key() == key) {
            store.update_settings(|s| s.theme = theme);
        }
    };
    view! {
        <label class="setting">
            <span>"Theme"</span>
            <select on:change=on_change prop:value=move || store.progress.with(|p| p.settings.theme.key())>
                {Theme::ALL
                    .iter()
                    .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The text size select: four steps, applied to the whole page.
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    let store = use_store();
    let on_change = move |ev| {
        let key = event_target_value(&ev);
        if let Some(size) = TextSize::ALL.into_iter().find(|t| t.key() == key) {
            store.update_settings(|s| s.text_size = size);
        }
    };
    view! {
        <label class="setting">
            <span>"Text size"</span>
            <select on:change=on_change prop:value=move || store.progress.with(|p| p.settings.text_size.key())>
                {TextSize::ALL
                    .iter()
                    .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
