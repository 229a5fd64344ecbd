//! The time left in a timed assignment: shown as minutes and seconds, announced when 5 minutes
//! and 1 minute are left (not every second, which would drown a screen reader), and reporting
//! zero once.

use crate::core::durations::clock;
use crate::platform::dom;
use leptos::prelude::*;
use std::time::Duration;

/// The warning to announce when `left` seconds remain, if one is due, given the last one
/// announced: a warning at 5 minutes (when the time allowed is longer) and at 1 minute.
pub fn warning_due(left: u64, last_warned: Option<u64>) -> Option<u64> {
    [300, 60]
        .into_iter()
        .filter(|&mark| left <= mark && last_warned.is_none_or(|w| w > mark))
        .min()
}

#[component]
pub fn Countdown(
    /// When the time runs out, in milliseconds since the Unix epoch.
    deadline_ms: f64,
    /// Called once when the time has run out.
    on_zero: Callback<()>,
) -> impl IntoView {
    let seconds_left = move || ((deadline_ms - dom::now_ms()) / 1000.0).ceil().max(0.0) as u64;
    let left = RwSignal::new(seconds_left());
    // A student opening the page with less than 5 minutes left hears only what is still ahead.
    let warned = RwSignal::new(warning_due(left.get_untracked(), None));
    let announcement = RwSignal::new(String::new());
    let done = StoredValue::new(false);
    let tick =
        move || {
            let now_left = seconds_left();
            // The interval runs twice a second; redraw only when the shown second changes.
            if left.get_untracked() != now_left {
                left.set(now_left);
            }
            if let Some(mark) = warning_due(now_left, warned.get_untracked()) {
                warned.set(Some(mark));
                announcement.set(format!(
                "{} left. Your answers are saved; you will be handed in automatically at the end.",
                if mark >= 120 { format!("{} minutes", mark / 60) } else { "1 minute".to_string() }
            ));
            }
            if now_left == 0 && !done.get_value() {
                done.set_value(true);
                on_zero.run(());
            }
        };
    // The first tick waits for the page to be drawn: a student back after the time ran out is
    // handed in at once, and that changes what the page shows.
    request_animation_frame(tick);
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(500)) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <div class="countdown">
            <p role="timer" aria-live="off" aria-atomic="true">
                <span class="countdown-label">"Time left: "</span>
                <strong class:countdown-low=move || {
                    left.get() <= 60
                }>{move || clock(left.get())}</strong>
            </p>
            <p class="countdown-warning" role="status">
                {move || announcement.get()}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_come_once_each_and_skip_what_is_past() {
        assert_eq!(warning_due(600, None), None);
        assert_eq!(warning_due(300, None), Some(300));
        assert_eq!(warning_due(299, Some(300)), None);
        assert_eq!(warning_due(60, Some(300)), Some(60));
        assert_eq!(warning_due(59, Some(60)), None);
        assert_eq!(
            warning_due(30, None),
            Some(60),
            "opened late: only the last warning"
        );
    }
}
