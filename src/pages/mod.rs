//! The screens, one per route. Each sets the page title to say where the student is.

pub mod assignment;
pub mod data;
#[cfg(feature = "teacher")]
pub mod gradebook;
pub mod home;
pub mod not_found;
pub mod practice;
pub mod profiles;
pub mod reading;
pub mod results;
pub mod section;
pub mod settings;
#[cfg(feature = "teacher")]
pub mod teach;
#[cfg(not(feature = "teacher"))]
pub mod teacher_only;

use crate::content::find_reading;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// An app path as a link: under the path the app is served from (its `<base href>`), since
/// the router's links do not add it by themselves. `app_url("/")` is the start page.
pub fn app_url(path: &str) -> String {
    thread_local! {
        static BASE: String = crate::platform::dom::base_path();
    }
    BASE.with(|base| format!("{base}{path}"))
}

/// The URL of a reading's overview, of one of its sections, and of its results.
pub fn reading_url(reading: &str) -> String {
    app_url(&format!("/read/{reading}"))
}

pub fn section_url(reading: &str, section: &str) -> String {
    app_url(&format!("/read/{reading}/section/{section}"))
}

pub fn results_url(reading: &str) -> String {
    app_url(&format!("/read/{reading}/results"))
}

pub fn practice_url(reading: &str) -> String {
    app_url(&format!("/read/{reading}/practice"))
}

/// The reading named by the route's `:reading` parameter, if it exists.
pub fn reading_from_route() -> Memo<Option<&'static Reading>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("reading").and_then(|id| find_reading(&id))))
}
