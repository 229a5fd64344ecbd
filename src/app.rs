//! The app shell: shared state, the reading settings applied to the page, the header, the
//! storage notice and the routes. Each screen has its own URL, so links, back/forward and reload all work.

use crate::components::focus::ElementRef;
use crate::components::route_focus::FocusOnNavigate;
use crate::components::storage_notice::StorageNotice;
use crate::components::studying_as::StudyingAs;
use crate::components::update_prompt::UpdatePrompt;
use crate::core::settings::FIRST_PAINT_KEY;
use crate::pages::assignment::{AssignmentPage, PackageAssignment};
use crate::pages::home::HomePage;
use crate::pages::lazy;
use crate::pages::not_found::NotFound;
use crate::pages::practice::PracticePage;
use crate::pages::reading::ReadingPage;
use crate::pages::section::SectionPage;
// The student app (without the `teacher` feature) answers the teacher's addresses with a link
// that loads the whole app there (see pages/teacher_only.rs).
#[cfg(not(feature = "teacher"))]
use crate::pages::teacher_only::{TeacherOnly as TeachPage, TeacherOnly as GradebookPage};
#[cfg(feature = "teacher")]
use crate::pages::{gradebook::GradebookPage, teach::TeachPage};
use crate::platform::{dom, service_worker, storage};
use crate::routes::{self, Link};
use crate::state::Store;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    store.follow_other_tabs();
    provide_context(store);
    // The teacher's data, for the teacher's pages (the student app has none).
    #[cfg(feature = "teacher")]
    {
        let teacher = crate::state::TeacherStore::load();
        teacher.follow_other_tabs();
        provide_context(teacher);
    }
    crate::components::read_aloud::provide_voices();
    // In a SCORM package the launch page names the assignment, and the LMS session starts (only
    // the bundle a package launches has the session: the `scorm` feature).
    let package = crate::platform::scorm::package_assignment();
    #[cfg(feature = "scorm")]
    if let Some(code) = &package {
        crate::lms_session::start(store, code);
    }
    // The current profile's reading settings, applied to the whole page, and copied for the
    // first script of the next page opened, which applies them before the first paint.
    let settings = Memo::new(move |_| store.progress.with(|p| p.settings.clone()));
    Effect::new(move |_| {
        let settings = settings.get();
        for (name, value) in settings.root_attributes() {
            dom::set_root_attribute(name, value);
        }
        // A copy only: when storage refuses it, the next page opens in the default look until
        // the app starts, as it did before pages were pre-rendered.
        let _ = storage::write(FIRST_PAINT_KEY, &settings.first_paint_json());
    });
    let update_ready = RwSignal::new(false);
    service_worker::start(move || update_ready.set(true));
    let main = ElementRef::new();
    view! {
        <Router base=dom::base_path()>
            <FocusOnNavigate />
            // "#main" alone would resolve against <base href> and take the router to the start
            // page: the link moves focus itself.
            <a
                class="skip-link"
                href="#main"
                on:click=move |ev| {
                    ev.prevent_default();
                    main.focus();
                }
            >
                "Skip to content"
            </a>
            <header class="site-header">
                <A href=Link::Home.url() attr:class="brand">
                    "Lectern"
                </A>
                <nav class="header-nav" aria-label="App">
                    <StudyingAs />
                    <A href=Link::Settings.url()>"Settings"</A>
                    <A href=Link::Data.url()>"Your data"</A>
                </nav>
            </header>
            <StorageNotice />
            <UpdatePrompt ready=update_ready />
            <main id="main" tabindex="-1" node_ref=main>
                // A package's launch page is at an address of the LMS's: every address the app
                // does not know shows the package's assignment.
                <Routes fallback=move || match package.clone() {
                    Some(code) => view! { <PackageAssignment code=code /> }.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                }>
                    <Route path=routes::HOME view=HomePage />
                    <Route path=routes::DATA view=lazy::data() />
                    <Route path=routes::PROFILES view=lazy::profiles() />
                    <Route path=routes::SETTINGS view=lazy::settings() />
                    <Route path=routes::READING view=ReadingPage />
                    <Route path=routes::SECTION view=SectionPage />
                    <Route path=routes::RESULTS view=lazy::results() />
                    <Route path=routes::PRACTICE view=PracticePage />
                    <Route path=routes::NOTES view=lazy::notes() />
                    <Route path=routes::REVIEW view=lazy::review() />
                    <Route path=routes::TEACH view=TeachPage />
                    <Route path=routes::ASSIGNMENT view=AssignmentPage />
                    <Route path=routes::GRADEBOOK view=GradebookPage />
                    <Route path=routes::CLASS_GRADEBOOK view=GradebookPage />
                </Routes>
            </main>
        </Router>
    }
}
