//! A bar chart (scores per section, or how many students scored in each band), drawn as inline SVG. The chart is a picture of the table
//! shown with it (its text equivalent), so it is hidden from screen readers, which read the table.

use leptos::prelude::*;

/// One bar: a label, its length as a percentage of the track, and the value written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub percent: u32,
    pub value: String,
}

impl Bar {
    /// A bar whose value is its percentage.
    pub fn percent(label: impl Into<String>, percent: u32) -> Bar {
        Bar {
            label: label.into(),
            percent,
            value: format!("{percent}%"),
        }
    }
}

const BAR_HEIGHT: u32 = 28;
const GAP: u32 = 12;
const LABEL_WIDTH: u32 = 190;
const CHART_WIDTH: u32 = 600;

/// Horizontal bars, one per section, 0–100%.
#[component]
pub fn ScoreChart(
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let height = bars.len() as u32 * (BAR_HEIGHT + GAP);
    let plot = CHART_WIDTH - LABEL_WIDTH - 50;
    view! {
        <svg
            class="score-chart"
            viewBox=format!("0 0 {CHART_WIDTH} {height}")
            aria-hidden="true"
            focusable="false"
        >
            {bars
                .into_iter()
                .enumerate()
                .map(|(i, bar)| {
                    let y = i as u32 * (BAR_HEIGHT + GAP);
                    let width = plot * bar.percent.min(100) / 100;
                    view! {
                        <text class="chart-label" x="0" y=y + BAR_HEIGHT * 2 / 3>
                            {bar.label}
                        </text>
                        <rect
                            class="chart-track"
                            x=LABEL_WIDTH
                            y=y
                            width=plot
                            height=BAR_HEIGHT
                            rx="4"
                        ></rect>
                        <rect
                            class="chart-bar"
                            x=LABEL_WIDTH
                            y=y
                            width=width
                            height=BAR_HEIGHT
                            rx="4"
                        ></rect>
                        <text class="chart-value" x=LABEL_WIDTH + plot + 8 y=y + BAR_HEIGHT * 2 / 3>
                            {bar.value}
                        </text>
                    }
                })
                .collect_view()}
        </svg>
    }
}
