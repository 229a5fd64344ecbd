//! "Who is studying?": named profiles on a shared device, each with its own progress. Add,
//! switch, rename and remove; no passwords.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::field::bound;
use crate::components::focus::ElementRef;
use crate::components::page_title::set_page_title;
use crate::core::profiles::MAX_NAME_CHARS;
use crate::routes::Link;
use crate::state::{use_store, ProfilesError};
use leptos::prelude::*;
use leptos_router::components::A;

/// What to tell the student after a change: `done`, or why it did not happen, or `done` and
/// that it was not saved.
fn outcome(result: Result<(), ProfilesError>, done: String) -> String {
    match result {
        Ok(()) => done,
        Err(ProfilesError::Refused(why)) => why.to_string(),
        Err(not_saved) => format!("{done} {not_saved}"),
    }
}

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(String::new());
    let message_region = ElementRef::new();
    let new_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let result = store.update_profiles(|p| p.add(&name).map(|_| ()));
        if !matches!(result, Err(ProfilesError::Refused(_))) {
            new_name.set(String::new());
        }
        let now = store.profiles.with_untracked(|p| p.current().name.clone());
        message.set(outcome(
            result,
            format!("Added {now}. You are now studying as {now}."),
        ));
    };
    let list = move || {
        let profiles = store.profiles.get();
        let current = profiles.current().id.clone();
        let only_one = profiles.list.len() == 1;
        profiles
            .list
            .into_iter()
            .map(|profile| {
                let is_current = profile.id == current;
                view! {
                    <ProfileRow
                        profile_id=profile.id
                        name=profile.name
                        is_current=is_current
                        only_one=only_one
                        message=message
                        message_region=message_region
                    />
                }
            })
            .collect_view()
    };
    set_page_title("Who is studying?");
    view! {
        <article class="page profiles-page">
            <h1>"Who is studying?"</h1>
            <p>
                "On a shared computer, each student can have a profile, so that everyone's answers stay apart. "
                "Profiles have no passwords: they keep work apart, they do not lock it."
            </p>
            <ul class="profile-list">{list}</ul>
            <p
                id="profiles-message"
                role="status"
                aria-live="polite"
                class="data-message"
                tabindex="-1"
                node_ref=message_region
            >
                {move || message.get()}
            </p>
            <form class="profile-form" on:submit=add>
                <label for="new-profile">"Add someone: name"</label>
                <input
                    id="new-profile"
                    type="text"
                    maxlength=MAX_NAME_CHARS
                    autocomplete="off"
                    bind:value=bound(new_name)
                />
                <button type="submit" class="button primary">
                    "Add and switch"
                </button>
            </form>
            <p>
                <A href=Link::Home.url()>"Back to the reading"</A>
            </p>
        </article>
    }
}

/// One profile: switch to it, rename it, or remove it (after confirmation).
#[component]
fn ProfileRow(
    profile_id: String,
    name: String,
    /// Whether this is the profile studying now.
    is_current: bool,
    /// Whether it is the only profile (which cannot be removed).
    only_one: bool,
    /// Where to say what happened.
    message: RwSignal<String>,
    /// The message's region, which takes focus when this row is gone.
    message_region: ElementRef,
) -> impl IntoView {
    let store = use_store();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(name.clone());
    let remove_button = ElementRef::new();
    let input_id = format!("rename-{profile_id}");
    let id = StoredValue::new(profile_id);
    let shown = StoredValue::new(name);

    let switch = move |_| {
        let result = store.update_profiles(|p| p.switch_to(&id.get_value()));
        message.set(outcome(
            result,
            format!("You are now studying as {}.", shown.get_value()),
        ));
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = draft.get_untracked();
        let result = store.update_profiles(|p| p.rename(&id.get_value(), &new));
        if !matches!(result, Err(ProfilesError::Refused(_))) {
            renaming.set(false);
        }
        message.set(outcome(result, "Renamed.".into()));
    };
    let remove = Callback::new(move |()| {
        let result = store.delete_profile(&id.get_value());
        // The profile's row is gone: focus goes to the message saying what happened.
        message_region.focus_soon();
        message.set(outcome(
            result,
            format!(
                "{} and their answers were removed from this device.",
                shown.get_value()
            ),
        ));
    });
    view! {
        <li class="profile" class:current=is_current>
            <span class="profile-name">
                {shown.get_value()} {is_current.then_some(" (studying now)")}
            </span>
            <span class="profile-actions">
                {(!is_current)
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=switch>
                                {format!("Switch to {}", shown.get_value())}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || renaming.get().to_string()
                    on:click=move |_| renaming.update(|r| *r = !*r)
                >
                    {format!("Rename {}", shown.get_value())}
                </button>
                {(!only_one)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                node_ref=remove_button
                                on:click=move |_| confirming.set(true)
                            >
                                {format!("Remove {}…", shown.get_value())}
                            </button>
                        }
                    })}
            </span>
            <Show when=move || renaming.get()>
                <form class="profile-form" on:submit=rename>
                    <label for=input_id.clone()>"New name"</label>
                    <input
                        id=input_id.clone()
                        type="text"
                        maxlength=MAX_NAME_CHARS
                        bind:value=bound(draft)
                    />
                    <button type="submit" class="button primary">
                        "Save name"
                    </button>
                </form>
            </Show>
            <ConfirmDialog
                open=confirming
                question=format!(
                    "Remove {} and all their answers on this device? This cannot be undone.",
                    shown.get_value(),
                )
                yes="Yes, remove"
                on_yes=remove
                return_focus=remove_button
            />
        </li>
    }
}
