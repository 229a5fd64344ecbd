//! A section: its text, comfortable to read, then its questions, then the way on.

use crate::components::field::field;
use crate::components::highlight_tool::{Annotating, HighlightTool};
use crate::components::notes_list::PrintNotes;
use crate::components::page_title::set_page_title;
use crate::components::question_card::QuestionCard;
use crate::components::question_pair::question_units;
use crate::components::read_aloud::ReadAloud;
use crate::components::section_text::{show_evidence, SectionText};
use crate::pages::not_found::NotFound;
use crate::platform::dom;
use crate::routes::{evidence_from_query, reading_from_route, section_from_route, Link};
use crate::state::use_store;
use lectern_content::{Question, Reading, Section};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The route `/read/:reading/section/:section`. `?evidence=<question id>` opens the section
/// with that question's evidence highlighted.
#[component]
pub fn SectionPage() -> impl IntoView {
    let reading = reading_from_route();
    let section_id = section_from_route();
    move || {
        // The section first: the reading is worked out from the same parameters, and when it
        // is read first, a change of section alone (same reading) is not seen (the reactive
        // graph finds the parameters already up to date by the time it checks them).
        let section_id = section_id();
        match reading
            .get()
            .and_then(|r| r.section(&section_id).map(|s| (r, s)))
        {
            Some((reading, section)) => {
                view! { <SectionView reading=reading section=section /> }.into_any()
            }
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
fn SectionView(reading: &'static Reading, section: &'static Section) -> impl IntoView {
    let store = use_store();
    store.visit_section(&reading.id, &section.id);
    let index = reading
        .sections
        .iter()
        .position(|s| s.id == section.id)
        .unwrap_or(0);

    let highlighted = RwSignal::new(Vec::<String>::new());
    let annotating = Annotating::new(reading, section);
    let show_evidence = show_evidence(highlighted);
    // Arriving from elsewhere with a question's evidence to show, or a link to a question.
    let evidence = evidence_from_query();
    let location = use_location();
    Effect::new(move |_| {
        let question = evidence();
        if let Some(q) = question.and_then(|id| reading.question(&id)) {
            show_evidence.run(q.evidence.iter().map(|e| e.to_string()).collect());
        } else {
            let hash = location.hash.get();
            if let Some(target) = hash.strip_prefix('#').filter(|t| !t.is_empty()) {
                dom::scroll_to(target);
            }
        }
    });

    let previous = index.checked_sub(1).map(|i| &reading.sections[i]);
    let next = reading.sections.get(index + 1);
    let numbered: Vec<(usize, &'static Question)> = reading
        .questions_for(&section.id)
        .enumerate()
        .map(|(i, q)| (i + 1, q))
        .collect();
    let cards = question_units(&numbered, &|number, q| {
        view! { <QuestionCard reading=reading question=q number=number on_show_evidence=show_evidence /> }
        .into_any()
    });

    set_page_title(&format!("{} · {}", section.heading, reading.title));
    view! {
        <article class="page section-page">
            <nav class="breadcrumbs" aria-label="Breadcrumbs">
                <A href=Link::Reading(&reading.id).url()>{reading.title.as_ref()}</A>
                <span aria-hidden="true">" › "</span>
                <span>{format!("Part {} of {}", index + 1, reading.sections.len())}</span>
            </nav>
            <h1>{section.heading.as_ref()}</h1>
            <ReadAloud
                selector=".section-text .sentence".to_string()
                label=format!("Read aloud: {}", section.heading)
                with_speed=true
            />
            <HighlightTool tool=annotating />
            <div class="reading-text">
                <SectionText
                    reading=reading
                    section=section
                    highlighted=highlighted
                    annotating=annotating
                />
                <p class="text-note">
                    "Underlined words have a short explanation: select one to show it."
                </p>
            </div>
            <section class="questions" aria-labelledby="questions-heading">
                <h2 id="questions-heading">"Questions"</h2>
                <PrintWorksheet reading=reading section=section />
                {cards}
            </section>
            <nav class="section-nav" aria-label="Sections">
                {previous
                    .map(|s| {
                        view! {
                            <A
                                href=Link::Section {
                                    reading: &reading.id,
                                    section: &s.id,
                                }
                                    .url()
                                attr:class="button"
                                attr:rel="prev"
                            >
                                {format!("← {}", s.heading)}
                            </A>
                        }
                    })}
                {match next {
                    Some(s) => {
                        view! {
                            <A
                                href=Link::Section {
                                    reading: &reading.id,
                                    section: &s.id,
                                }
                                    .url()
                                attr:class="button primary"
                                attr:rel="next"
                            >
                                {format!("{} →", s.heading)}
                            </A>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <A href=Link::Results(&reading.id).url() attr:class="button primary">
                                "See your results →"
                            </A>
                        }
                            .into_any()
                    }
                }}
            </nav>
        </article>
    }
}

/// "Print worksheet": the text and its questions on paper, with the answer key only if asked.
#[component]
fn PrintWorksheet(reading: &'static Reading, section: &'static Section) -> impl IntoView {
    let with_notes = RwSignal::new(false);
    let with_key = RwSignal::new(false);
    // The print styles read it from the page's root.
    let switch = field(
        move || with_key.get(),
        move |on| {
            with_key.set(on);
            dom::set_print_answer_key(on);
        },
    );
    // Leaving the page must not leave the key switched on for the next print.
    on_cleanup(|| dom::set_print_answer_key(false));
    view! {
        <div class="print-worksheet">
            <button type="button" class="button" on:click=move |_| dom::print()>
                "Print worksheet"
            </button>
            <label class="answer-key-switch">
                <input type="checkbox" bind:checked=switch />
                " Include the answer key"
            </label>
            <label class="answer-key-switch">
                <input type="checkbox" bind:checked=with_notes />
                " Include my notes"
            </label>
        </div>
        <Show when=move || with_notes.get()>
            <PrintNotes reading=reading section=section />
        </Show>
    }
}
