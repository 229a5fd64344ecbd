//! A reading's overview: title, authors, where it comes from, the contents with each section's
//! status and score, overall progress and "Continue where you left off".

use crate::components::field::derived;
use crate::components::page_title::set_page_title;
use crate::components::progress_bar::ProgressBar;
use crate::core::progress::{continue_section, tally};
use crate::pages::not_found::NotFound;
use crate::routes::{reading_from_route, Link};
use crate::state::use_store;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;

/// The route `/read/:reading`.
#[component]
pub fn ReadingPage() -> impl IntoView {
    let reading = reading_from_route();
    move || match reading.get() {
        Some(reading) => view! { <ReadingOverview reading=reading /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
pub fn ReadingOverview(reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let progress = move || store.progress.with(|p| p.reading(&reading.id).cloned());
    let answered = derived(move || tally(reading, progress().as_ref(), None).answered);
    let started = move || answered.get() > 0;
    let continue_to = move || {
        Link::Section {
            reading: &reading.id,
            section: continue_section(reading, progress().as_ref()),
        }
        .url()
    };

    set_page_title(&reading.title);
    view! {
        <article class="page reading-overview">
            <header class="reading-header">
                <p class="eyebrow">{reading.context.as_ref()}</p>
                <h1>{reading.title.as_ref()}</h1>
                <p class="byline">
                    {reading
                        .authors
                        .iter()
                        .map(|a| a.name.as_ref())
                        .collect::<Vec<_>>()
                        .join(" and ")}
                </p>
            </header>
            <section class="about" aria-labelledby="about-heading">
                <h2 id="about-heading">"About this reading"</h2>
                <p>{reading.about.as_ref()}</p>
                <dl class="facts">
                    <dt>"Published"</dt>
                    <dd>{format!("{}, {}", reading.publisher, reading.year)}</dd>
                    {reading
                        .series
                        .as_ref()
                        .map(|series| {
                            view! {
                                <dt>"Series"</dt>
                                <dd>{series.as_ref()}</dd>
                            }
                        })}
                    {(!reading.notice.is_empty())
                        .then(|| {
                            view! {
                                <dt>"Status"</dt>
                                <dd>{reading.notice.join(". ")}</dd>
                            }
                        })}
                </dl>
                <h3>"The authors"</h3>
                // The source's own note on its authors, word for word, as every sentence of the
                // text is; a reading without one lists each author with their role.
                {match reading.credits.as_ref() {
                    Some(credits) => view! { <p class="authors">{credits.as_ref()}</p> }.into_any(),
                    None => {
                        view! {
                            <ul class="authors">
                                {reading
                                    .authors
                                    .iter()
                                    .map(|a| {
                                        view! {
                                            <li>
                                                <strong>{a.name.as_ref()}</strong>
                                                {format!(": {}", a.role)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            </section>
            <section class="contents" aria-labelledby="contents-heading">
                <h2 id="contents-heading">"Contents"</h2>
                <ProgressBar
                    label="Questions answered"
                    done=answered
                    total=reading.questions.len()
                />
                <p>
                    <A href=continue_to attr:class="button primary">
                        {move || {
                            if started() { "Continue where you left off" } else { "Start reading" }
                        }}
                    </A>
                </p>
                <ol class="section-list">
                    {reading
                        .sections
                        .iter()
                        .map(|section| {
                            let id = section.id.as_ref();
                            let summary = move || {
                                let p = progress();
                                let t = tally(reading, p.as_ref(), Some(id));
                                let visited = p.is_some_and(|p| p.sections_read.contains(id));
                                let status = t.status(visited).label();
                                if t.answered == 0 {
                                    status.to_string()
                                } else {
                                    format!(
                                        "{status} · {} of {} right first time",
                                        t.right_first_time,
                                        t.questions,
                                    )
                                }
                            };
                            view! {
                                <li>
                                    <A href=Link::Section {
                                        reading: &reading.id,
                                        section: id,
                                    }
                                        .url()>{section.heading.as_ref()}</A>
                                    <span class="section-status">{summary}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p>
                    <A href=Link::Results(&reading.id).url()>"See your results"</A>
                    " · "
                    <A href=Link::Notes(&reading.id).url()>"My notes"</A>
                </p>
            </section>
        </article>
    }
}
