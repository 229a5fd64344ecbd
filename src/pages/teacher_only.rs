//! What the student app shows at the teacher's addresses (`/teach`, `/gradebook`).
//!
//! A release build ships three bundles (xtask/src/split.rs): the page's loader starts the whole
//! app at those addresses and the student app, which has none of the teacher's code, everywhere
//! else. Links to the teacher's pages are `rel="external"`, so they load the page afresh and the
//! loader picks the whole app. The student app gets here when the whole app could not be
//! loaded (offline, before a teacher's page was ever opened on this device: the service worker
//! keeps it only from then on), or if it is sent here without a page load; either way it
//! offers that page load.

use crate::components::page_title::set_page_title;
use leptos::prelude::*;

/// Why the teacher's page is not shown, and a link that loads it afresh.
#[component]
pub fn TeacherOnly() -> impl IntoView {
    let here = window().location().href().unwrap_or_default();
    set_page_title("Teacher's pages");
    view! {
        <div class="page">
            <h1>"Teacher's pages"</h1>
            <p>
                "This part of Lectern is for teachers and loads separately. It needs a \
                 connection the first time it is opened on this device; after that it works \
                 offline too."
            </p>
            <p>
                <a href=here rel="external">
                    "Open the teacher's pages"
                </a>
            </p>
        </div>
    }
}
