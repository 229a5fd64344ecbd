//! Light, dark or follow the system: a native select, remembered on this device.

use crate::platform::{dom, storage};
use leptos::prelude::*;

const THEME_KEY: &str = "lectern:theme";
const THEMES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

/// The theme select in the header. "System" follows the device's light or dark setting.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let saved = storage::read(THEME_KEY).filter(|t| THEMES.iter().any(|(k, _)| k == t));
    let theme = RwSignal::new(saved.unwrap_or_else(|| "system".to_string()));
    Effect::new(move |_| {
        let value = theme.get();
        dom::set_theme(&value);
    });
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        // Saving the choice is a nicety: if storage is unavailable the theme still applies.
        let _ = storage::write(THEME_KEY, &value);
        theme.set(value);
    };
    view! {
        <label class="theme-switch">
            <span>"Theme"</span>
            <select on:change=on_change prop:value=move || theme.get()>
                {THEMES
                    .iter()
                    .map(|(key, label)| view! { <option value=*key>{*label}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
