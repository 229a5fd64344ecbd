//! What the student is told about the LMS in a SCORM package: whether it is there, that their
//! work is saved there, that the result went, or what it refused. Nothing outside a package.

use crate::lms_session::use_lms_session;
use leptos::prelude::*;

#[component]
pub fn LmsNotice() -> impl IntoView {
    let session = use_lms_session()?;
    let notice = session.notice;
    // Two live regions, both always on the page, so a screen reader announces each change:
    // problems as alerts, the rest politely.
    let text = move |problem: bool| {
        notice.with(|n| {
            n.as_ref()
                .filter(|n| n.is_problem() == problem)
                .map(|n| n.text())
        })
    };
    Some(view! {
        <div class="lms-notice">
            <p role="status" class="lms-status">
                {move || text(false)}
            </p>
            <p role="alert" class="lms-problem">
                {move || text(true)}
            </p>
        </div>
    })
}
