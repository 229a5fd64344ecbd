//! An assignment's link to share: the full address to copy, its QR code, and the same
//! assignment with extra time for students who need it (WCAG 2.2.1, Timing Adjustable).

use crate::components::field::{bound, derived};
use crate::components::focus::ElementRef;
use crate::components::qr_code::QrCode;
use crate::components::scorm_download::ScormDownload;
use crate::components::status_message::StatusMessage;
use crate::core::assignment::Assignment;
use crate::platform::dom;
use crate::routes::assignment_link;
use leptos::prelude::*;

/// The extra time a teacher can give, in percent of the time limit.
const EXTRA_TIME: [u32; 4] = [0, 25, 50, 100];

#[component]
pub fn ShareLink(
    assignment: Assignment,
    /// Makes the ids of this copy unique on the page.
    #[prop(into)]
    id_prefix: String,
) -> impl IntoView {
    // The chosen option's value: a percentage of EXTRA_TIME.
    let extra = RwSignal::new("0".to_string());
    let timed = assignment.time_limit_minutes.is_some();
    let for_lms = assignment.clone();
    let link = derived({
        let assignment = assignment.clone();
        move || {
            assignment_link(&Assignment {
                extra_time_percent: extra.with(|p| p.parse().unwrap_or(0)),
                ..assignment.clone()
            })
        }
    });
    let link_id = format!("{id_prefix}-link");
    let extra_id = format!("{id_prefix}-extra");
    let message = RwSignal::new(String::new());
    let link_input = ElementRef::new();
    let copy = move |_| {
        dom::copy_text(link.get_untracked(), move |copied| {
            if copied {
                message.set("Link copied.".into());
            } else {
                link_input.select_text();
                message.set("Copying is not allowed here: the link is selected, so press Ctrl+C (or ⌘C) to copy it.".into());
            }
        });
    };
    view! {
        <div class="share-link">
            {timed
                .then(|| {
                    view! {
                        <p class="field">
                            <label for=extra_id.clone()>"Extra time"</label>
                            <select id=extra_id.clone() bind:value=bound(extra)>
                                {EXTRA_TIME
                                    .iter()
                                    .map(|&p| {
                                        view! {
                                            <option value=p
                                                .to_string()>
                                                {if p == 0 {
                                                    "None: the link for the class".to_string()
                                                } else {
                                                    format!("+{p}%: a link for students with extra time")
                                                }}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </p>
                    }
                })} <p class="field">
                <label for=link_id.clone()>"Assignment link"</label>
                <input
                    id=link_id
                    type="text"
                    readonly
                    class="code-box"
                    node_ref=link_input
                    prop:value=move || link.get()
                />
            </p> <div class="button-row">
                <button type="button" class="button primary" on:click=copy>
                    "Copy link"
                </button>
            </div> <StatusMessage message=message />
            <QrCode text=link label="QR code of the assignment link, for phone cameras" />
            <ScormDownload assignment=for_lms />
        </div>
    }
}
