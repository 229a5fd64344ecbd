//! Every assignment on this device, and a way to add one made on another device.

use crate::components::field::bound;
use crate::components::page_title::set_page_title;
use crate::components::status_message::StatusMessage;
use crate::content::READINGS;
use crate::core::assignment::Assignment;
use crate::core::gradebook::TeacherData;
use crate::platform::dom;
use crate::routes::{code_from_link, Link};
use crate::state::use_teacher_store;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn GradebookIndex(
    /// The teacher's data as it is now.
    data: TeacherData,
) -> impl IntoView {
    let list = data.newest_first(READINGS);
    let assignments = if list.is_empty() {
        view! { <p>"No assignments on this device yet."</p> }.into_any()
    } else {
        view! {
            <ul class="assignment-list">
                {list
                    .into_iter()
                    .map(|(a, results)| {
                        view! {
                            <li>
                                <A href=Link::ClassGradebook(&a.key()).url()>{a.title.clone()}</A>
                                {format!(" · {} · {results} results", a.mode.label())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    set_page_title("Gradebook · For teachers");
    view! {
        <h1>"Gradebook"</h1>
        <p>
            "Choose an assignment to collect and read its results. "
            <A href=Link::Teach.url()>"Make a new assignment"</A> "."
        </p>
        {assignments}
        <AddAssignment />
    }
}

/// "Add an assignment made on another device": its link, pasted.
#[component]
fn AddAssignment() -> impl IntoView {
    let teacher = use_teacher_store();
    let link = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let navigate = use_navigate();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = code_from_link(&link.get_untracked()).to_string();
        match Assignment::from_code(&code, READINGS) {
            Err(e) => message.set(e.to_string()),
            Ok(assignment) => {
                teacher.change(|t| t.add_assignment(&assignment, &code, dom::now_ms()));
                navigate(
                    &Link::ClassGradebook(&assignment.key()).url(),
                    Default::default(),
                );
            }
        }
    };
    view! {
        <form class="add-assignment" on:submit=add>
            <p class="field">
                <label for="assignment-link">
                    "Add an assignment made on another device: paste its link"
                </label>
                <input id="assignment-link" type="text" spellcheck="false" bind:value=bound(link) />
            </p>
            <button type="submit" class="button">
                "Add"
            </button>
            <StatusMessage message=message />
        </form>
    }
}
