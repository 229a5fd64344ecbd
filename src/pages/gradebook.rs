//! The teacher's gradebook (`/gradebook` and `/gradebook/<assignment key>`): collect hand-in
//! codes (pasted, one per line) and result files (chosen or dropped), each checked on its own,
//! then read the class table, the per-question figures and the score distribution, and export
//! CSV. Everything stays on the teacher's device.

use crate::components::hand_in_result::duration_text;
use crate::components::score_chart::{Bar, ScoreChart};
use crate::components::share_link::assignment_link;
use crate::content::{find_reading, READINGS};
use crate::core::assignment::Assignment;
use crate::core::backup::slug;
use crate::core::gradebook::{
    class_rows, csv, distribution, pasted_entries, question_stats, Entry, EntryReport, Source,
    TeacherData,
};
use crate::core::handin::RESULT_LIMITS;
use crate::pages::app_url;
use crate::pages::assignment::code_from_link;
use crate::pages::teach::gradebook_url;
use crate::platform::{dom, files};
use crate::state::TeacherStore;
use lectern_content::Reading;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn GradebookPage() -> impl IntoView {
    let params = use_params_map();
    let teacher = TeacherStore::load();
    // Kept here, not in the class view, which is drawn again whenever the data changes.
    let reports: RwSignal<Vec<EntryReport>> = RwSignal::new(Vec::new());
    let body = move || {
        let key = params.with(|p| p.get("key"));
        match (teacher.data.get(), key) {
            (Err(message), _) => {
                view! { <h1>"Gradebook"</h1><p role="alert">{message}</p> }.into_any()
            }
            (Ok(data), None) => {
                dom::set_title("Gradebook · For teachers · Lectern");
                view! { <GradebookIndex data=data teacher=teacher /> }.into_any()
            }
            (Ok(data), Some(key)) => match data
                .assignments
                .get(&key)
                .and_then(|a| Assignment::from_code(&a.code, READINGS).ok())
            {
                None => view! {
                    <h1>"Gradebook"</h1>
                    <p role="alert">"This device has no assignment with this address."</p>
                    <p><A href=app_url("/gradebook")>"All assignments"</A></p>
                }
                .into_any(),
                Some(assignment) => {
                    let results = data.assignments[&key].results.clone();
                    view! { <ClassGradebook assignment=assignment results=results teacher=teacher reports=reports /> }
                        .into_any()
                }
            },
        }
    };
    view! {
        <article class="page gradebook-page">
            <p class="eyebrow">"For teachers"</p>
            {body}
            <p class="field-problem" role="alert">{move || teacher.problem.get()}</p>
        </article>
    }
}

/// Every assignment on this device, and a way to add one from its link.
#[component]
fn GradebookIndex(
    /// The teacher's data as it is now.
    data: TeacherData,
    teacher: TeacherStore,
) -> impl IntoView {
    let link = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let navigate = use_navigate();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = link.get_untracked();
        let code = code_from_link(&text).to_string();
        match Assignment::from_code(&code, READINGS) {
            Err(e) => message.set(e.to_string()),
            Ok(assignment) => {
                teacher.change(|t| t.add_assignment(&assignment, &code, dom::now_ms()));
                navigate(&gradebook_url(&assignment.key()), Default::default());
            }
        }
    };
    let list = data.newest_first(READINGS);
    view! {
        <h1>"Gradebook"</h1>
        <p>"Choose an assignment to collect and read its results. "<A href=app_url("/teach")>"Make a new assignment"</A>"."</p>
        {if list.is_empty() {
            view! { <p>"No assignments on this device yet."</p> }.into_any()
        } else {
            view! {
                <ul class="assignment-list">
                    {list.into_iter().map(|(a, results)| view! {
                        <li>
                            <A href=gradebook_url(&a.key())>{a.title.clone()}</A>
                            {format!(" · {} · {results} results", a.mode.label())}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form class="add-assignment" on:submit=add>
            <p class="field">
                <label for="assignment-link">"Add an assignment made on another device: paste its link"</label>
                <input id="assignment-link" type="text" spellcheck="false" prop:value=move || link.get() on:input=move |ev| link.set(event_target_value(&ev)) />
            </p>
            <button type="submit" class="button">"Add"</button>
            <p role="status" class="data-message">{move || message.get()}</p>
        </form>
    }
}

/// One assignment's results.
#[component]
fn ClassGradebook(
    assignment: Assignment,
    /// Its collected hand-in codes.
    results: Vec<String>,
    teacher: TeacherStore,
    /// What happened to each entry last added.
    reports: RwSignal<Vec<EntryReport>>,
) -> impl IntoView {
    let reading: &'static Reading =
        find_reading(&assignment.reading).expect("checked when decoded");
    dom::set_title(&format!("{} · Gradebook · Lectern", assignment.title));
    let pasted = RwSignal::new(String::new());
    let assignment = StoredValue::new(assignment);
    let add_entries = move |entries: Vec<Entry>| {
        let mut outcome = Vec::new();
        teacher.change(|t| outcome = assignment.with_value(|a| t.add_results(a, &entries)));
        reports.set(outcome);
        request_animation_frame(|| dom::focus("entry-reports"));
    };
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add_entries(pasted_entries(&pasted.get_untracked()));
        pasted.set(String::new());
    };
    let add_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        wasm_bindgen_futures::spawn_local(async move {
            let mut entries = Vec::new();
            for file in chosen {
                let label = file.name();
                // Refuse a huge file by its size, before reading it into memory.
                let source = if RESULT_LIMITS.check_size(file.size() as usize).is_err() {
                    Source::TooLarge
                } else {
                    Source::File(files::read_text(&file).await.unwrap_or_default())
                };
                entries.push(Entry { label, source });
            }
            add_entries(entries);
        });
    };
    let on_file_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        add_files(input.files());
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add_files(ev.data_transfer().and_then(|d| d.files()));
    };

    let rows = assignment.with_value(|a| class_rows(a, &results));
    let stats = assignment.with_value(|a| question_stats(a, &rows));
    let bins = distribution(&rows);
    let csv_text = assignment.with_value(|a| csv(a, reading, &rows));
    let title = assignment.with_value(|a| a.title.clone());
    let message = RwSignal::new(String::new());
    let export = {
        let title = title.clone();
        move |_| {
            let name = format!("lectern-gradebook-{}.csv", slug(&title));
            message.set(match files::download(&name, &csv_text, "text/csv") {
                Ok(()) => format!("Saved as {name}."),
                Err(e) => format!("The file could not be saved: {e}."),
            });
        }
    };
    let removing: RwSignal<Option<(usize, String)>> = RwSignal::new(None);
    let removing_all = RwSignal::new(false);
    let navigate = use_navigate();
    let key = assignment.with_value(|a| a.key());

    let question_count = assignment.with_value(|a| a.questions.len());
    let header_cells = (1..=question_count)
        .map(|n| view! { <th scope="col">{format!("Q{n}")}</th> })
        .collect_view();
    let table_rows = rows
        .iter()
        .map(|row| {
            let r = &row.result;
            let (index, name) = (row.index, r.student.clone());
            let cells = r
                .scores
                .iter()
                .map(|s| view! { <td>{s.map_or("—".to_string(), |p| format!("{p}%"))}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{r.student.clone()}</th>
                    <td>{format!("{}%", row.percent)}</td>
                    <td>{if row.passed { "Yes" } else { "No" }}</td>
                    <td>{duration_text(r.time_on_task_s)}</td>
                    <td>
                        {dom::local_date_time(r.handed_in_at as f64 * 1000.0)}
                        {r.late.then_some(" (late)")}
                        {r.auto.then_some(" (time ran out)")}
                    </td>
                    {cells}
                    <td>
                        <button
                            type="button"
                            class="button small"
                            aria-label=format!("Remove {}'s result", r.student)
                            on:click=move |_| {
                                removing.set(Some((index, name.clone())));
                                request_animation_frame(|| dom::focus("remove-no"));
                            }
                        >
                            "Remove"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let stat_rows = stats
        .iter()
        .map(|s| {
            let prompt = reading
                .any_question(&s.id)
                .map_or("", |q| q.prompt.as_ref());
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
    let most = bins.iter().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = bins
        .iter()
        .enumerate()
        .map(|(i, &count)| Bar {
            label: if i == 9 {
                "90–100%".into()
            } else {
                format!("{}–{}%", i * 10, i * 10 + 9)
            },
            percent: (count * 100 / most) as u32,
            value: format!("{count}"),
        })
        .collect();
    let bands = bins
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let band = if i == 9 {
                "90–100%".into()
            } else {
                format!("{}–{}%", i * 10, i * 10 + 9)
            };
            view! { <tr><th scope="row">{band}</th><td>{count}</td></tr> }
        })
        .collect_view();
    let has_rows = !rows.is_empty();
    let student_link = assignment.with_value(assignment_link);

    view! {
        <h1>{format!("Gradebook: {title}")}</h1>
        <p>
            {assignment.with_value(|a| format!("{} · {} questions · pass mark {}%", a.mode.label(), a.questions.len(), a.pass_mark))}
            " · "
            <A href=app_url("/gradebook")>"All assignments"</A>
        </p>
        <details>
            <summary>"The students' link"</summary>
            <p class="code-box">{student_link}</p>
        </details>
        <section aria-labelledby="collect-heading" class="collect">
            <h2 id="collect-heading">"Add results"</h2>
            <form on:submit=add_pasted>
                <p class="field">
                    <label for="hand-in-codes">"Hand-in codes, one per line"</label>
                    <textarea
                        id="hand-in-codes"
                        rows="5"
                        spellcheck="false"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </p>
                <button type="submit" class="button primary">"Add codes"</button>
            </form>
            <div
                class="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            >
                <label for="result-files">"Result files (.json): choose them, or drop them here"</label>
                <input id="result-files" type="file" accept=".json,application/json" multiple on:change=on_file_input />
            </div>
            <div id="entry-reports" class="entry-reports" role="status" tabindex="-1">
                {move || {
                    let list = reports.get();
                    (!list.is_empty()).then(|| {
                        let added = list.iter().filter(|r| r.outcome.is_ok()).count();
                        view! {
                            <p><strong>{format!("{added} added, {} not added.", list.len() - added)}</strong></p>
                            <ul>
                                {list.into_iter().map(|r| {
                                    let text = match &r.outcome {
                                        Ok(name) => format!("{}: added {name}.", r.label),
                                        Err(why) => format!("{}: {why}.", r.label),
                                    };
                                    let class = if r.outcome.is_ok() { "report-ok" } else { "report-skipped" };
                                    view! { <li class=class>{text}</li> }
                                }).collect_view()}
                            </ul>
                        }
                    })
                }}
            </div>
        </section>
        {move || removing.get().map(|(index, name)| {
            let key = key.clone();
            view! {
                <div class="confirm" role="group" aria-labelledby="remove-question">
                    <p id="remove-question">{format!("Remove {name}'s result from this gradebook?")}</p>
                    <button type="button" class="button danger" id="remove-yes" on:click=move |_| {
                        teacher.change(|t| t.remove_result(&key, index));
                        removing.set(None);
                        request_animation_frame(|| dom::focus("class-heading"));
                    }>"Remove"</button>
                    <button type="button" class="button" id="remove-no" on:click=move |_| {
                        removing.set(None);
                        request_animation_frame(|| dom::focus("class-heading"));
                    }>"Cancel"</button>
                </div>
            }
        })}
        <section aria-labelledby="class-heading">
            <h2 id="class-heading" tabindex="-1">"Class"</h2>
            {if has_rows {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Class table (scrolls sideways)">
                        <table class="class-table">
                            <caption>{format!("{} results, by name. Scores per question in percent; — for no answer.", rows.len())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Student"</th>
                                    <th scope="col">"Score"</th>
                                    <th scope="col">"Passed"</th>
                                    <th scope="col">"Time"</th>
                                    <th scope="col">"Handed in"</th>
                                    {header_cells}
                                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr>
                            </thead>
                            <tbody>{table_rows}</tbody>
                        </table>
                    </div>
                    <div class="button-row">
                        <button type="button" class="button primary" on:click=export>"Export CSV"</button>
                    </div>
                    <p role="status" class="data-message">{move || message.get()}</p>
                }.into_any()
            } else {
                view! { <p>"No results yet. Paste hand-in codes or add result files above."</p> }.into_any()
            }}
        </section>
        {has_rows.then(|| view! {
            <section aria-labelledby="questions-heading">
                <h2 id="questions-heading">"Questions, most missed first"</h2>
                <table class="question-stats">
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Prompt"</th>
                            <th scope="col">"Fully right"</th>
                            <th scope="col">"Average score"</th>
                        </tr>
                    </thead>
                    <tbody>{stat_rows}</tbody>
                </table>
            </section>
            <section aria-labelledby="spread-heading">
                <h2 id="spread-heading">"Score distribution"</h2>
                <ScoreChart bars=bars />
                <table class="distribution">
                    <caption>"Students per score band"</caption>
                    <thead><tr><th scope="col">"Score"</th><th scope="col">"Students"</th></tr></thead>
                    <tbody>{bands}</tbody>
                </table>
            </section>
        })}
        <section aria-labelledby="remove-all-heading">
            <h2 id="remove-all-heading">"Remove this assignment"</h2>
            {move || if removing_all.get() {
                let navigate = navigate.clone();
                view! {
                    <div class="confirm" role="group" aria-labelledby="remove-all-question">
                        <p id="remove-all-question">"Remove this assignment and every result collected for it from this device? This cannot be undone."</p>
                        <button type="button" class="button danger" id="remove-all-yes" on:click=move |_| {
                            let key = assignment.with_value(|a| a.key());
                            teacher.change(|t| t.remove_assignment(&key));
                            navigate(&app_url("/gradebook"), Default::default());
                        }>"Remove everything"</button>
                        <button type="button" class="button" id="remove-all-no" on:click=move |_| {
                            removing_all.set(false);
                            request_animation_frame(|| dom::focus("remove-all-start"));
                        }>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button danger" id="remove-all-start" on:click=move |_| {
                        removing_all.set(true);
                        request_animation_frame(|| dom::focus("remove-all-no"));
                    }>"Remove assignment and results…"</button>
                }.into_any()
            }}
        </section>
    }
}
