//! For teachers (`/teach`): build an assignment and share its link (copy, or a QR code), with
//! other links giving extra time; and the assignments made on this device.

use crate::components::share_link::ShareLink;
use crate::content::{find_reading, READINGS};
use crate::core::assignment::{complete_pairs, Assignment, Mode, MAX_TITLE_BYTES};
use crate::pages::app_url;
use crate::platform::dom;
use crate::state::TeacherStore;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

/// The gradebook of one assignment.
pub fn gradebook_url(key: &str) -> String {
    app_url(&format!("/gradebook/{key}"))
}

#[component]
pub fn TeachPage() -> impl IntoView {
    dom::set_title("Make an assignment · For teachers · Lectern");
    let teacher = TeacherStore::load();
    let created: RwSignal<Option<Assignment>> = RwSignal::new(None);
    view! {
        <article class="page teach-page">
            <p class="eyebrow">"For teachers"</p>
            <h1>"Make an assignment"</h1>
            <p>
                "Choose the questions and how they are asked. Lectern makes a link to send to your class: "
                "students open it, work and hand in a short code or a file, and you collect those in the "
                <A href=app_url("/gradebook")>"gradebook"</A>
                ". Nothing goes through a server; your assignments and results stay on this device."
            </p>
            <AssignmentForm teacher=teacher created=created />
            {move || created.get().map(|a| view! {
                <section class="created" aria-labelledby="created-heading" id="created">
                    <h2 id="created-heading" tabindex="-1">{format!("“{}” is ready", a.title)}</h2>
                    <ShareLink assignment=a.clone() id_prefix="created" />
                    <p><A href=gradebook_url(&a.key())>"Open its gradebook"</A></p>
                </section>
            })}
            <p class="field-problem" role="alert">{move || teacher.problem.get()}</p>
            <MyAssignments teacher=teacher />
        </article>
    }
}

#[component]
fn AssignmentForm(teacher: TeacherStore, created: RwSignal<Option<Assignment>>) -> impl IntoView {
    let reading = READINGS.first().expect("at least one reading is bundled");
    let title = RwSignal::new(String::new());
    let sections: RwSignal<BTreeSet<String>> =
        RwSignal::new(reading.sections.iter().map(|s| s.id.to_string()).collect());
    let choose = RwSignal::new(false);
    let chosen: RwSignal<BTreeSet<String>> =
        RwSignal::new(reading.questions.iter().map(|q| q.id.to_string()).collect());
    let mode = RwSignal::new(Mode::Practice);
    let due = RwSignal::new(String::new());
    let limit = RwSignal::new(String::new());
    let shuffle_questions = RwSignal::new(true);
    let shuffle_options = RwSignal::new(true);
    let pass_mark = RwSignal::new("60".to_string());
    let problem = RwSignal::new(String::new());

    let selected = move || -> Vec<String> {
        let (sections, chosen) = (sections.get(), chosen.get());
        reading
            .questions
            .iter()
            .filter(|q| sections.contains(q.section.as_ref()))
            .filter(|q| !choose.get() || chosen.contains(q.id.as_ref()))
            .map(|q| q.id.to_string())
            .collect()
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fail = |message: &str, field: &'static str| {
            problem.set(message.to_string());
            request_animation_frame(move || dom::focus(field));
        };
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            return fail("Give the assignment a title.", "assignment-title");
        }
        // The two parts of a pair go together.
        let questions = complete_pairs(reading, &selected());
        if questions.is_empty() {
            return fail("Choose at least one question.", "section-0");
        }
        let limit_text = limit.get_untracked();
        let time_limit_minutes = match limit_text.trim() {
            "" | "0" => None,
            text => match text.parse::<u32>() {
                Ok(m) if m <= 600 => Some(m),
                _ => {
                    return fail(
                        "The time limit is a whole number of minutes, at most 600.",
                        "time-limit",
                    )
                }
            },
        };
        let pass = match pass_mark.get_untracked().trim().parse::<u8>() {
            Ok(p) if p <= 100 => p,
            _ => return fail("The pass mark is a percentage from 0 to 100.", "pass-mark"),
        };
        let due_text = due.get_untracked();
        let due_minutes = match dom::local_datetime_ms(&due_text) {
            None if due_text.is_empty() => None,
            None => return fail("The due date is not a date and time.", "due"),
            Some(ms) => Some((ms / 60_000.0).round().max(1.0) as u64),
        };
        let assignment = Assignment {
            id: dom::random_u32(),
            title: crate::core::codec::truncate(&name, MAX_TITLE_BYTES).to_string(),
            reading: reading.id.to_string(),
            questions,
            bank: reading.bank_version(),
            mode: mode.get_untracked(),
            shuffle_questions: shuffle_questions.get_untracked(),
            shuffle_options: shuffle_options.get_untracked(),
            seed: dom::random_u32(),
            due_minutes,
            time_limit_minutes,
            extra_time_percent: 0,
            pass_mark: pass,
            student_id_kind: crate::core::assignment::StudentIdKind::NameOnly,
        };
        problem.set(String::new());
        let code = assignment.to_code(reading);
        teacher.change(|t| t.add_assignment(&assignment, &code, dom::now_ms()));
        created.set(Some(assignment));
        request_animation_frame(|| {
            dom::scroll_to("created");
            dom::focus("created-heading");
        });
    };

    let section_boxes = reading
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let id: &'static str = section.id.as_ref();
            let box_id = format!("section-{i}");
            let count = reading.questions_for(id).count();
            let questions = reading
                .questions_for(id)
                .map(|q| {
                    let qid: &'static str = q.id.as_ref();
                    let input_id = format!("pick-{qid}");
                    view! {
                        <li>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(qid))
                                on:change=move |ev| set_member(chosen, qid, event_target_checked(&ev))
                            />
                            <label for=input_id>
                                {format!("{} ({})", q.prompt, q.answer.kind_label())}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        prop:checked=move || sections.with(|s| s.contains(id))
                        on:change=move |ev| set_member(sections, id, event_target_checked(&ev))
                    />
                    <label for=box_id>{format!("{} ({count} questions)", section.heading)}</label>
                    <ul
                        class="question-picks"
                        hidden=move || !choose.get() || !sections.with(|s| s.contains(id))
                    >
                        {questions}
                    </ul>
                </li>
            }
        })
        .collect_view();

    let radio = move |name: &'static str, id: &'static str, label: &'static str, value: Mode| {
        view! {
            <li>
                <input
                    type="radio"
                    name=name
                    id=id
                    prop:checked=move || mode.get() == value
                    on:change=move |_| mode.set(value)
                />
                <label for=id>{label}</label>
            </li>
        }
    };

    view! {
        <form class="assignment-form" on:submit=submit novalidate>
            <p class="field">
                <label for="assignment-title">"Title"</label>
                <input
                    id="assignment-title"
                    type="text"
                    maxlength="120"
                    required
                    placeholder="Week 3: Adversaries to Allies?"
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            </p>
            <p class="field">
                <label for="assignment-reading">"Reading"</label>
                <select id="assignment-reading">
                    {READINGS.iter().map(|r| view! { <option value=r.id.as_ref()>{r.title.as_ref()}</option> }).collect_view()}
                </select>
            </p>
            <fieldset>
                <legend>"Sections"</legend>
                <ul class="plain-list">{section_boxes}</ul>
                <p>
                    <input
                        type="checkbox"
                        id="choose-questions"
                        prop:checked=move || choose.get()
                        on:change=move |ev| choose.set(event_target_checked(&ev))
                    />
                    <label for="choose-questions">"Choose questions one by one (otherwise: all questions of the chosen sections)"</label>
                </p>
                <p class="field-help">{move || format!("{} questions chosen.", selected().len())}</p>
            </fieldset>
            <fieldset>
                <legend>"Mode"</legend>
                <ul class="plain-list">
                    {radio("mode", "mode-practice", "Practice: feedback and retries as students go", Mode::Practice)}
                    {radio("mode", "mode-assessment", "Assessment: no feedback until hand-in, one answer each", Mode::Assessment)}
                </ul>
            </fieldset>
            <p class="field">
                <label for="due">"Due (optional)"</label>
                <input id="due" type="datetime-local" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
            </p>
            <p class="field">
                <label for="time-limit">"Time limit in minutes (optional)"</label>
                <input
                    id="time-limit"
                    type="number"
                    min="0"
                    max="600"
                    inputmode="numeric"
                    aria-describedby="time-limit-help"
                    prop:value=move || limit.get()
                    on:input=move |ev| limit.set(event_target_value(&ev))
                />
                <span id="time-limit-help" class="field-help">"Students who need more time can get a link with extra time once the assignment is made."</span>
            </p>
            <p>
                <input type="checkbox" id="shuffle-questions" prop:checked=move || shuffle_questions.get() on:change=move |ev| shuffle_questions.set(event_target_checked(&ev)) />
                <label for="shuffle-questions">"Shuffle the question order within each section (each student's order is fixed by their name)"</label>
            </p>
            <p>
                <input type="checkbox" id="shuffle-options" prop:checked=move || shuffle_options.get() on:change=move |ev| shuffle_options.set(event_target_checked(&ev)) />
                <label for="shuffle-options">"Shuffle the answer options"</label>
            </p>
            <p class="field">
                <label for="pass-mark">"Pass mark (%)"</label>
                <input id="pass-mark" type="number" min="0" max="100" inputmode="numeric" prop:value=move || pass_mark.get() on:input=move |ev| pass_mark.set(event_target_value(&ev)) />
            </p>
            <p class="field-problem" role="alert">{move || problem.get()}</p>
            <button type="submit" class="button primary">"Make the assignment link"</button>
        </form>
    }
}

/// Puts `id` in the set, or takes it out: what ticking or unticking its checkbox means.
fn set_member(set: RwSignal<BTreeSet<String>>, id: &str, member: bool) {
    set.update(|s| {
        if member {
            s.insert(id.to_string());
        } else {
            s.remove(id);
        }
    });
}

/// The assignments made (or opened as a teacher) on this device.
#[component]
fn MyAssignments(teacher: TeacherStore) -> impl IntoView {
    move || match teacher.data.get() {
        Err(message) => view! { <p role="alert">{message}</p> }.into_any(),
        Ok(data) if data.assignments.is_empty() => ().into_any(),
        Ok(data) => {
            let list = data.newest_first(READINGS);
            view! {
                <section aria-labelledby="mine-heading">
                    <h2 id="mine-heading">"Your assignments"</h2>
                    <ul class="assignment-list">
                        {list
                            .into_iter()
                            .map(|(a, results)| {
                                let reading = find_reading(&a.reading).map_or("", |r| r.title.as_ref());
                                view! {
                                    <li>
                                        <h3>{a.title.clone()}</h3>
                                        <p>
                                            {format!(
                                                "{} · {} · {} questions · {results} results collected",
                                                reading,
                                                a.mode.label(),
                                                a.questions.len()
                                            )}
                                        </p>
                                        <details>
                                            <summary>"Link and QR code"</summary>
                                            <ShareLink assignment=a.clone() id_prefix=format!("saved-{}", a.key()) />
                                        </details>
                                        <p><A href=gradebook_url(&a.key())>{format!("Gradebook for “{}”", a.title)}</A></p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
            .into_any()
        }
    }
}
