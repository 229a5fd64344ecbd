//! Settings: how the current profile likes to read (theme, text size, line spacing, easier
//! letters, read-aloud speed), kept with their progress, with a sample of the text to show the
//! effect at once.

use crate::components::page_title::set_page_title;
use crate::components::setting_controls::{SettingCheckbox, SettingSelect};
use crate::core::settings::{
    LineSpacing, ReadAloudSpeed, ReviewsPerDay, Settings, TextSize, Theme,
};
use crate::state::use_store;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_store();
    let name = move || store.profiles.with(|p| p.current().name.clone());
    set_page_title("Settings");
    view! {
        <article class="page settings-page">
            <h1>"Settings"</h1>
            <p>
                {move || format!("How {} likes to read. ", name())}
                "Kept on this device with your progress, so everyone sharing it has their own."
            </p>
            <section class="settings-group" aria-labelledby="settings-look-heading">
                <h2 id="settings-look-heading">"Reading"</h2>
                <SettingSelect
                    label="Theme"
                    id="setting-theme"
                    get=|s: &Settings| s.theme
                    set=|s: &mut Settings, v: Theme| s.theme = v
                />
                <SettingSelect
                    label="Text size"
                    id="setting-text-size"
                    get=|s: &Settings| s.text_size
                    set=|s: &mut Settings, v: TextSize| s.text_size = v
                />
                <SettingSelect
                    label="Line spacing"
                    id="setting-line-spacing"
                    get=|s: &Settings| s.line_spacing
                    set=|s: &mut Settings, v: LineSpacing| s.line_spacing = v
                />
                <SettingCheckbox
                    label="Easier-to-read letters"
                    description="More space between letters and words, and a plainer font that tells similar letters apart. Helpful for many readers with dyslexia."
                    id="setting-easy-letters"
                    get=|s: &Settings| s.easy_letters
                    set=|s: &mut Settings, on: bool| s.easy_letters = on
                />
            </section>
            <section class="settings-group" aria-labelledby="settings-listen-heading">
                <h2 id="settings-listen-heading">"Listening"</h2>
                <SettingSelect
                    label="Read-aloud speed"
                    id="setting-read-aloud-speed"
                    get=|s: &Settings| s.read_aloud_speed
                    set=|s: &mut Settings, v: ReadAloudSpeed| s.read_aloud_speed = v
                />
                <p class="setting-description">
                    "Sections and questions have a Read aloud button when this browser has a voice to read with."
                </p>
            </section>
            <section class="settings-group" aria-labelledby="settings-review-heading">
                <h2 id="settings-review-heading">"Review"</h2>
                <SettingSelect
                    label="Reviews a day"
                    id="setting-reviews-per-day"
                    get=|s: &Settings| s.reviews_per_day
                    set=|s: &mut Settings, v: ReviewsPerDay| s.reviews_per_day = v
                />
                <p class="setting-description">
                    "At most this many questions and words come back for review each day; the rest wait for the next day."
                </p>
            </section>
            <section class="settings-group" aria-labelledby="settings-sample-heading">
                <h2 id="settings-sample-heading">"Sample"</h2>
                <div class="reading-text settings-sample">
                    <p>
                        "The quick brown fox jumps over the lazy dog. Each setting above changes "
                        "this text, the readings and the questions at once."
                    </p>
                </div>
            </section>
        </article>
    }
}
