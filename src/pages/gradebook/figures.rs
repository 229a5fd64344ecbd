//! The class's figures: each question's results, most missed first, and how the scores spread.

use crate::components::score_chart::{Bar, ScoreChart};
use crate::core::gradebook::QuestionStat;
use lectern_content::Reading;
use leptos::prelude::*;

/// Each question's share of fully right answers and its average score, most missed first.
/// Part B of a pair names its Part A, which may be far from it in this order, and says that its
/// figures count it only when Part A was right (as the hand-in did).
#[component]
pub fn QuestionStats(stats: Vec<QuestionStat>, reading: &'static Reading) -> impl IntoView {
    let number_of = |id: &str| stats.iter().find(|s| s.id == id).map(|s| s.number);
    let prompts: Vec<String> = stats
        .iter()
        .map(|s| {
            let Some(q) = reading.any_question(&s.id) else {
                return String::new();
            };
            match q.supports.as_deref().and_then(number_of) {
                Some(n) => format!(
                    "{} (Part B of Q{n}: counted only when Part A was right)",
                    q.prompt
                ),
                None => q.prompt.to_string(),
            }
        })
        .collect();
    let rows = stats
        .into_iter()
        .zip(prompts)
        .map(|(s, prompt)| {
            view! {
                <tr>
                    <th scope="row">{format!("Q{}", s.number)}</th>
                    <td>{prompt}</td>
                    <td>{format!("{}%", s.percent_correct)}</td>
                    <td>{format!("{}%", s.mean_percent)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions, most missed first"</h2>
            // Like the results table: on a narrow screen it scrolls sideways on its own, so
            // the page does not; focusable, so the keyboard can scroll it.
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label="Questions table (scrolls sideways)"
            >
                <table class="question-stats">
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Prompt"</th>
                            <th scope="col">"Fully right"</th>
                            <th scope="col">"Average score"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// How many students scored in each band of ten percent: a chart, and the table it pictures.
#[component]
pub fn Distribution(
    /// Students per band, 0–9% first.
    bins: [usize; 10],
) -> impl IntoView {
    let most = bins.iter().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = bins
        .iter()
        .enumerate()
        .map(|(i, &count)| Bar {
            label: band(i),
            percent: (count * 100 / most) as u32,
            value: format!("{count}"),
        })
        .collect();
    let rows = bins
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            view! {
                <tr>
                    <th scope="row">{band(i)}</th>
                    <td>{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="spread-heading">
            <h2 id="spread-heading">"Score distribution"</h2>
            <ScoreChart bars=bars />
            <table class="distribution">
                <caption>"Students per score band"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Score"</th>
                        <th scope="col">"Students"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// The name of a band of ten percent: "30–39%", and "90–100%" for the last.
fn band(i: usize) -> String {
    if i == 9 {
        "90–100%".into()
    } else {
        format!("{}–{}%", i * 10, i * 10 + 9)
    }
}
