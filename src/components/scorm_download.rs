//! "Download for your LMS (SCORM 1.2)": the assignment's SCORM package, made in the browser from
//! the app's own files, the same zip as `cargo xtask scorm` (`core::scorm::package`).
//!
//! The files are the ones this build's page names (the package's app, which no page of the site
//! starts, the style sheet, the icon: `core::scorm::package::page_paths`), fetched from the site
//! itself. The service worker keeps the package's app from its first fetch, so once a package
//! was made here the next ones can be made offline too. A debug build (`cargo xtask serve`) has
//! no package's app, and says so.

use crate::components::status_message::StatusMessage;
use crate::content::find_reading;
use crate::core::assignment::Assignment;
use crate::core::scorm::package::{
    app_files, file_name, package, page_paths, AppFiles, PACKAGE_BUNDLE_META,
};
use crate::platform::{dom, files};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[component]
pub fn ScormDownload(assignment: Assignment) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let assignment = StoredValue::new(assignment);
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set("Making the package…".into());
        spawn_local(async move {
            let result = make_package(&assignment.get_value()).await;
            message.set(match result {
                Ok(name) => {
                    format!("Saved as {name}. Upload it to your LMS as a SCORM package.")
                }
                Err(e) => format!("The package could not be made: {e}."),
            });
            busy.set(false);
        });
    };
    view! {
        <div class="scorm-download">
            <div class="button-row">
                <button
                    type="button"
                    class="button"
                    on:click=make
                    aria-disabled=move || busy.get().then_some("true")
                >
                    "Download for your LMS (SCORM 1.2)"
                </button>
            </div>
            <p class="field-help">
                "A zip your school's learning system (Moodle, Canvas, Blackboard…) runs as an activity: the score goes to its gradebook."
            </p>
            <StatusMessage message=message />
        </div>
    }
}

/// Makes and downloads the package; its file name, or why not.
async fn make_package(assignment: &Assignment) -> Result<String, String> {
    let (base, urls) = dom::page_files(PACKAGE_BUNDLE_META);
    let paths = page_paths(&base, urls.iter().map(String::as_str));
    let app: AppFiles = app_files(paths.iter().map(String::as_str)).map_err(|e| {
        format!("{e} (only a release build of Lectern holds the app a package needs)")
    })?;
    let mut contents = BTreeMap::new();
    for path in [&app.js, &app.wasm, &app.css, &app.icon] {
        contents.insert(path.clone(), files::fetch_own_file(path).await?);
    }
    let reading =
        find_reading(&assignment.reading).ok_or("the assignment's reading is not in this build")?;
    let code = assignment.to_code(reading);
    let zip = package(assignment, &code, &app, |path| {
        contents.get(path).cloned().unwrap_or_default()
    })
    .map_err(|e| e.to_string())?;
    let name = file_name(assignment);
    files::download_bytes(&name, &zip, "application/zip")?;
    Ok(name)
}
