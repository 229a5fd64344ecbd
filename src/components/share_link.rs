//! An assignment's link to share: the full address to copy, its QR code, and the same
//! assignment with extra time for students who need it (WCAG 2.2.1, Timing Adjustable).

use crate::components::qr_code::QrCode;
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
    let extra = RwSignal::new(0u32);
    let timed = assignment.time_limit_minutes.is_some();
    let link = Signal::derive({
        let assignment = assignment.clone();
        move || {
            assignment_link(&Assignment {
                extra_time_percent: extra.get(),
                ..assignment.clone()
            })
        }
    });
    let link_id = format!("{id_prefix}-link");
    let extra_id = format!("{id_prefix}-extra");
    let message = RwSignal::new(String::new());
    let copy = {
        let link_id = link_id.clone();
        move |_| {
            let link_id = link_id.clone();
            dom::copy_text(link.get_untracked(), move |copied| {
                if copied {
                    message.set("Link copied.".into());
                } else {
                    dom::select_text(&link_id);
                    message.set("Copying is not allowed here: the link is selected, so press Ctrl+C (or ⌘C) to copy it.".into());
                }
            });
        }
    };
    view! {
        <div class="share-link">
            {timed.then(|| view! {
                <p class="field">
                    <label for=extra_id.clone()>"Extra time"</label>
                    <select
                        id=extra_id.clone()
                        on:change=move |ev| extra.set(event_target_value(&ev).parse().unwrap_or(0))
                    >
                        {EXTRA_TIME.iter().map(|&p| view! {
                            <option value=p.to_string() selected=p == 0>
                                {if p == 0 { "None: the link for the class".to_string() } else { format!("+{p}%: a link for students with extra time") }}
                            </option>
                        }).collect_view()}
                    </select>
                </p>
            })}
            <p class="field">
                <label for=link_id.clone()>"Assignment link"</label>
                <input id=link_id type="text" readonly class="code-box" prop:value=move || link.get() />
            </p>
            <div class="button-row">
                <button type="button" class="button primary" on:click=copy>"Copy link"</button>
            </div>
            <p role="status" class="data-message">{move || message.get()}</p>
            <QrCode text=link label="QR code of the assignment link, for phone cameras" />
        </div>
    }
}
