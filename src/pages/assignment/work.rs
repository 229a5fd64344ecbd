//! The work: each chosen section's text and its questions in this student's order, the timer,
//! and "Hand in".

use super::sections_of;
use crate::components::assignment_question::AssignmentQuestion;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::countdown::Countdown;
use crate::components::field::derived;
use crate::components::focus::ElementRef;
use crate::components::inputs::OptionSalt;
use crate::components::page_title::set_page_title;
use crate::components::question_pair::question_units;
use crate::components::read_aloud::ReadAloud;
use crate::components::section_text::{show_evidence, SectionText};
use crate::core::assignment::Assignment;
use crate::core::handin::HandIn;
use crate::core::progress::HandedIn;
use crate::platform::dom;
use crate::state::{use_store, Store};
use lectern_content::{Question, Reading, Section};
use leptos::prelude::*;

#[component]
pub fn Work(assignment: Assignment, reading: &'static Reading) -> impl IntoView {
    let store = use_store();
    let key = assignment.key();
    let progress = store
        .progress
        .with_untracked(|p| p.assignments.get(&key).cloned())
        .expect("Work is shown only once started");
    let salt = assignment.option_salt(&progress.student);
    provide_context(OptionSalt(salt));
    let questions = assignment.questions_for(reading, &progress.student);
    let total = questions.len();
    let highlighted = RwSignal::new(Vec::<String>::new());
    let on_show_evidence = show_evidence(highlighted);
    let deadline = assignment
        .time_allowed_ms()
        .map(|allowed| progress.started_at + allowed);
    let (title, mode) = (assignment.title.clone(), assignment.mode);
    let assignment = StoredValue::new(assignment);
    let on_zero = Callback::new(move |()| {
        assignment.with_value(|a| hand_in(store, a, reading, true));
    });

    // Numbered in this student's order, across the sections.
    let numbered: Vec<(usize, &'static Question)> = questions
        .iter()
        .copied()
        .enumerate()
        .map(|(i, q)| (i + 1, q))
        .collect();
    let parts = assignment
        .with_value(|a| sections_of(a, reading))
        .into_iter()
        .map(|section| {
            let cards: Vec<(usize, &'static Question)> = numbered
                .iter()
                .copied()
                .filter(|(_, q)| q.section == section.id)
                .collect();
            // A pair is asked together (the student's order keeps it together), as one unit.
            let cards = question_units(&cards, &|number, question| {
                view! {
                    <AssignmentQuestion
                        reading=reading
                        question=question
                        number=number
                        key=key.clone()
                        mode=mode
                        salt=salt
                        on_show_evidence=on_show_evidence
                    />
                }
                .into_any()
            });
            view! {
                <AssignmentPart reading=reading section=section highlighted=highlighted>
                    {cards}
                </AssignmentPart>
            }
        })
        .collect_view();

    set_page_title(&format!("{title} · Assignment"));
    view! {
        <article class="page assignment-page">
            <p class="eyebrow">{format!("Assignment · {}", mode.label())}</p>
            <h1>{title}</h1>
            <p>{format!("Working as {}. {}", progress.student, mode.explain())}</p>
            {deadline
                .map(|deadline_ms| view! { <Countdown deadline_ms=deadline_ms on_zero=on_zero /> })}
            {parts}
            <HandInSection assignment=assignment reading=reading total=total />
        </article>
    }
}

/// One section of the assignment: its text, with Read aloud, then its questions (`children`).
#[component]
fn AssignmentPart(
    reading: &'static Reading,
    section: &'static Section,
    /// The evidence sentences to highlight.
    highlighted: RwSignal<Vec<String>>,
    /// The section's question cards.
    children: Children,
) -> impl IntoView {
    let heading_id = format!("part-{}", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="assignment-part"
            id=format!("text-{}", section.id)
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>{section.heading.as_ref()}</h2>
            <ReadAloud
                selector=format!("#text-{} .section-text .sentence", section.id)
                label=format!("Read aloud: {}", section.heading)
            />
            <div class="reading-text">
                <SectionText reading=reading section=section highlighted=highlighted />
            </div>
            <div class="questions">{children()}</div>
        </section>
    }
}

/// How many questions have an answer, and "Hand in…", which asks first.
#[component]
fn HandInSection(
    assignment: StoredValue<Assignment>,
    reading: &'static Reading,
    /// How many questions the assignment asks.
    total: usize,
) -> impl IntoView {
    let store = use_store();
    let key = assignment.with_value(Assignment::key);
    let answered = Memo::new(move |_| {
        store.progress.with(|p| {
            p.assignments.get(&key).map_or(0, |a| {
                a.answers
                    .values()
                    .filter(|r| !r.response.is_blank())
                    .count()
            })
        })
    });
    let confirming = RwSignal::new(false);
    let opener = ElementRef::new();
    let question = derived(move || {
        let left = total - answered.get().min(total);
        let unanswered = if left > 0 {
            format!("{left} questions have no answer. ")
        } else {
            String::new()
        };
        format!("{unanswered}After handing in you cannot change your answers. Hand in now?")
    });
    let on_yes = Callback::new(move |()| {
        assignment.with_value(|a| hand_in(store, a, reading, false));
    });
    view! {
        <section class="hand-in" aria-labelledby="hand-in-heading">
            <h2 id="hand-in-heading">"Hand in"</h2>
            <p>{move || format!("You have answered {} of {total} questions.", answered.get())}</p>
            <button
                type="button"
                class="button primary"
                node_ref=opener
                on:click=move |_| confirming.set(true)
            >
                "Hand in…"
            </button>
            <ConfirmDialog
                open=confirming
                question=question
                yes="Yes, hand in"
                no="Not yet"
                removes=false
                on_yes=on_yes
                return_focus=opener
            />
        </section>
    }
}

/// Hands the assignment in, once: works out the result from the answers as they stand.
/// When the timer hands in for a student who came back after the time ran out, the hand-in is
/// dated at the end of the time, not when they came back.
fn hand_in(store: Store, assignment: &Assignment, reading: &'static Reading, auto: bool) {
    let key = assignment.key();
    let now = dom::now_ms();
    store.update_assignments(|all| {
        let Some(progress) = all.get_mut(&key) else {
            return;
        };
        if progress.handed_in.is_some() {
            return;
        }
        let at = match assignment.time_allowed_ms() {
            Some(allowed) if auto => now.min(progress.started_at + allowed),
            _ => now,
        };
        let result = HandIn::from_progress(assignment, reading, progress, at, auto);
        progress.handed_in = Some(HandedIn {
            at,
            auto,
            code: result.to_code(),
        });
    });
    // Only now, handed in, do its missed questions join the review queue.
    store.queue_handed_in(assignment);
    request_animation_frame(dom::focus_main_heading);
}
