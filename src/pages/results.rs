//! Results: the first-try score per section and overall, as a table and a chart, the questions
//! missed with links back to them, and a way to practise just those. Mid-way, a section not
//! started says so and a started one is scored over what was answered (`core::standing`).

use crate::components::page_title::set_page_title;
use crate::components::score_chart::{Bar, ScoreChart};
use crate::core::progress::{missed_questions, tally};
use crate::core::standing::Standing;
use crate::pages::not_found::NotFound;
use crate::routes::{reading_from_route, Link};
use crate::state::use_store;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;

/// The route `/read/:reading/results`.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let reading = reading_from_route();
    move || match reading.get() {
        Some(reading) => view! { <Results reading=reading /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Results(reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let progress = move || store.progress.with(|p| p.reading(&reading.id).cloned());

    let table = move || {
        let p = progress();
        let overall = tally(reading, p.as_ref(), None);
        let rows = reading
            .sections
            .iter()
            .map(|s| {
                let t = tally(reading, p.as_ref(), Some(&s.id));
                let standing = Standing::of(&t);
                view! {
                    <tr>
                        <th scope="row">
                            <A href=Link::Section {
                                reading: &reading.id,
                                section: &s.id,
                            }
                                .url()>{s.heading.as_ref()}</A>
                        </th>
                        <td>{format!("{} of {}", t.answered, t.questions)}</td>
                        <td>{format!("{} of {}", t.right_first_time, t.questions)}</td>
                        <td>{standing.score()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            // With large text on a narrow screen the table scrolls sideways on its own (tables
            // are exempt from reflow, WCAG 1.4.10), so the page does not; focusable, so the
            // keyboard can scroll it.
            <div class="table-scroll" role="region" aria-labelledby="results-caption" tabindex="0">
                <table class="results-table">
                    <caption id="results-caption">
                        "Your score per section (first tries; partly right answers count in part)"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Section"</th>
                            <th scope="col">"Answered"</th>
                            <th scope="col">"Right first time"</th>
                            <th scope="col">"Score"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"Overall"</th>
                            <td>{format!("{} of {}", overall.answered, overall.questions)}</td>
                            <td>
                                {format!("{} of {}", overall.right_first_time, overall.questions)}
                            </td>
                            <td class="overall-score">{Standing::of(&overall).score()}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
    };
    let chart = move || {
        let p = progress();
        let bars = reading
            .sections
            .iter()
            .map(|s| {
                let standing = Standing::of(&tally(reading, p.as_ref(), Some(&s.id)));
                Bar {
                    label: s.heading.to_string(),
                    percent: standing.bar_percent(),
                    value: standing.score(),
                }
            })
            .collect::<Vec<_>>();
        view! { <ScoreChart bars=bars /> }
    };
    let missed = move || {
        let p = progress();
        let missed = missed_questions(reading, p.as_ref());
        if missed.is_empty() {
            return view! { <p>"No missed questions so far."</p> }.into_any();
        }
        view! {
            <ol class="missed-list">
                {missed
                    .into_iter()
                    .filter_map(|id| reading.question(id))
                    .map(|q| {
                        let href = Link::Question {
                            reading: &reading.id,
                            section: &q.section,
                            question: &q.id,
                        }
                            .url();
                        view! {
                            <li>
                                <A href=href>{q.prompt.as_ref()}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>
                <A href=Link::Practice(&reading.id).url() attr:class="button primary">
                    "Practise the ones I missed"
                </A>
            </p>
        }
        .into_any()
    };

    set_page_title(&format!("Results · {}", reading.title));
    view! {
        <article class="page results-page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <A href=Link::Reading(&reading.id).url()>{reading.title.as_ref()}</A>
            </nav>
            <h1>"Your results"</h1>
            <p class="overall-standing">
                {move || Standing::of(&tally(reading, progress().as_ref(), None)).summary()}
            </p>
            {table}
            <figure class="chart">
                {chart} <figcaption>"Score per section, as in the table above."</figcaption>
            </figure>
            <section aria-labelledby="missed-heading">
                <h2 id="missed-heading">"Questions you missed"</h2>
                {missed}
            </section>
        </article>
    }
}
