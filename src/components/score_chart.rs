//! A bar chart (scores per section, or how many students scored in each band). The chart is a
//! picture of the table shown with it (its text equivalent), so it is hidden from screen
//! readers, which read the table.
//!
//! Labels and values are HTML text in a CSS grid, each in a cell of its own, so they wrap and
//! follow the student's text size instead of running into the bars (an SVG `<text>` cannot
//! wrap and scales with the drawing); each bar is a small SVG, since the page's policy allows
//! no style attributes to set a width.

use leptos::prelude::*;

/// One bar: a label, its length as a percentage of the track, and the value written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub percent: u32,
    pub value: String,
}

/// Horizontal bars, 0–100%, each with its label and value (see `.score-chart` in the style
/// sheet: the label above its bar on a narrow screen, beside it on a wide one).
#[component]
pub fn ScoreChart(
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    view! {
        <div class="score-chart" aria-hidden="true">
            {bars
                .into_iter()
                .map(|bar| {
                    view! {
                        <div class="chart-row">
                            <span class="chart-label">{bar.label}</span>
                            <svg
                                class="chart-track-box"
                                viewBox="0 0 100 10"
                                preserveAspectRatio="none"
                                focusable="false"
                            >
                                <rect class="chart-track" width="100" height="10"></rect>
                                <rect
                                    class="chart-bar"
                                    width=bar.percent.min(100)
                                    height="10"
                                ></rect>
                            </svg>
                            <span class="chart-value">{bar.value}</span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
