//! The screens a student's first visit does not need, as route views.
//!
//! In the student app of a release build (the `split` cargo feature, which only
//! `xtask/src/split.rs` turns on) each of these screens is a split point (Leptos's `#[lazy]`):
//! the build's split step cuts the code only that screen uses out of the main wasm into a chunk
//! of its own, which the app fetches the first time the screen is shown. The start page, the
//! reading's contents and the section pages stay in the main wasm: they are what a first visit
//! draws. So do practice and the assignment page: their own code is under 2 KB brotli (the rest
//! they share with the section page), less than a chunk's fetch costs.
//!
//! Every other build (debug, the teacher's whole app, the SCORM package's app, the wasm tests)
//! has no split step, so there the screens are drawn directly: `#[lazy]` would leave imports
//! nothing provides. While a chunk is fetched, the navigation's focus waits for the screen
//! (`FetchingScreen`).

use leptos_router::ChooseView;

/// `pub fn $route() -> impl ChooseView`: the route's view of `$page`, from a chunk of its own in
/// the split build. `$chunk` names the chunk (and the split point, so it must be unique).
macro_rules! lazy_screen {
    ($(#[$doc:meta])* $route:ident, $chunk:ident, $page:path) => {
        $(#[$doc])*
        pub fn $route() -> impl ChooseView {
            #[cfg(feature = "split")]
            {
                leptos_router::Lazy::<$chunk::Screen>::new()
            }
            #[cfg(not(feature = "split"))]
            {
                $page
            }
        }

        #[cfg(feature = "split")]
        mod $chunk {
            use leptos::prelude::*;

            /// The screen's code, which the split step moves into its chunk.
            #[leptos::lazy($chunk)]
            fn draw() -> AnyView {
                $page().into_any()
            }

            pub struct Screen;

            impl leptos_router::LazyRoute for Screen {
                fn data() -> Self {
                    Screen
                }

                async fn view(_: Self) -> AnyView {
                    let _fetching = crate::components::route_focus::FetchingScreen::start();
                    draw().await
                }
            }
        }
    };
}

lazy_screen!(
    /// `/data`: backups, imports and the storage report.
    data, data_chunk, crate::pages::data::DataPage
);
lazy_screen!(
    /// `/profiles`: who is studying on this device.
    profiles, profiles_chunk, crate::pages::profiles::ProfilesPage
);
lazy_screen!(
    /// `/settings`: the reading settings.
    settings, settings_chunk, crate::pages::settings::SettingsPage
);
lazy_screen!(
    /// `/read/:reading/results`: the score and what to read again.
    results, results_chunk, crate::pages::results::ResultsPage
);
lazy_screen!(
    /// `/read/:reading/notes`: the student's highlights and notes.
    notes, notes_chunk, crate::pages::notes::NotesPage
);
lazy_screen!(
    /// `/review`: the spaced-repetition review.
    review, review_chunk, crate::pages::review::ReviewPage
);
