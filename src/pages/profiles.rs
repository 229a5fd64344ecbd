//! "Who is studying?": named profiles on a shared device, each with its own progress. Add,
//! switch, rename and remove; no passwords.

use crate::core::profiles::MAX_NAME_CHARS;
use crate::platform::dom;
use crate::routes::Link;
use crate::state::use_store;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProfilesPage() -> impl IntoView {
    dom::set_title("Who is studying? · Lectern");
    let store = use_store();
    let message = RwSignal::new(String::new());
    let report = move |result: Result<(), String>, done: String| {
        message.set(match result {
            Ok(()) => done,
            Err(why) => why,
        });
    };
    let new_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let result = store.update_profiles(|p| p.add(&name).map(|_| ()));
        if result.is_ok() {
            new_name.set(String::new());
        }
        let now = store.profiles.with_untracked(|p| p.current().name.clone());
        report(
            result,
            format!("Added {now}. You are now studying as {now}."),
        );
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
                view! { <ProfileRow profile_id=profile.id name=profile.name is_current=is_current only_one=only_one message=message /> }
            })
            .collect_view()
    };
    view! {
        <article class="page profiles-page">
            <h1>"Who is studying?"</h1>
            <p>
                "On a shared computer, each student can have a profile, so that everyone's answers stay apart. "
                "Profiles have no passwords: they keep work apart, they do not lock it."
            </p>
            <ul class="profile-list">{list}</ul>
            <p id="profiles-message" role="status" aria-live="polite" class="data-message" tabindex="-1">{move || message.get()}</p>
            <form class="profile-form" on:submit=add>
                <label for="new-profile">"Add someone: name"</label>
                <input
                    id="new-profile"
                    type="text"
                    maxlength=MAX_NAME_CHARS
                    autocomplete="off"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                />
                <button type="submit" class="button primary">"Add and switch"</button>
            </form>
            <p><A href=Link::Home.url()>"Back to the reading"</A></p>
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
) -> impl IntoView {
    let store = use_store();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(name.clone());
    let id = StoredValue::new(profile_id);
    let shown = StoredValue::new(name);
    let input_id = format!("rename-{}", id.get_value());
    let remove_id = format!("remove-{}", id.get_value());
    let cancel_id = format!("{remove_id}-cancel");
    // Focus follows the dialog: into it (on Cancel, the safe choice) when it opens, back to the
    // Remove button when it closes.
    let confirm = {
        let (remove_id, cancel_id) = (remove_id.clone(), cancel_id.clone());
        move |open: bool| {
            confirming.set(open);
            let target = if open {
                cancel_id.clone()
            } else {
                remove_id.clone()
            };
            request_animation_frame(move || crate::platform::dom::focus(&target));
        }
    };

    let switch = move |_| {
        let result = store.update_profiles(|p| p.switch_to(&id.get_value()));
        message.set(match result {
            Ok(()) => format!("You are now studying as {}.", shown.get_value()),
            Err(why) => why,
        });
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = draft.get_untracked();
        match store.update_profiles(|p| p.rename(&id.get_value(), &new)) {
            Ok(()) => {
                renaming.set(false);
                message.set("Renamed.".into());
            }
            Err(why) => message.set(why),
        }
    };
    let remove = move |_| {
        let result = store.delete_profile(&id.get_value());
        confirming.set(false);
        // The profile's row is gone: focus goes to the message saying what happened.
        request_animation_frame(|| crate::platform::dom::focus("profiles-message"));
        message.set(match result {
            Ok(()) => format!(
                "{} and their answers were removed from this device.",
                shown.get_value()
            ),
            Err(why) => why,
        });
    };
    view! {
        <li class="profile" class:current=is_current>
            <span class="profile-name">
                {shown.get_value()}
                {is_current.then_some(" (studying now)")}
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
                <button type="button" class="button" aria-expanded=move || renaming.get().to_string() on:click=move |_| renaming.update(|r| *r = !*r)>
                    {format!("Rename {}", shown.get_value())}
                </button>
                {(!only_one)
                    .then(|| {
                        view! {
                            <button type="button" class="button" id=remove_id.clone() on:click={
                                let confirm = confirm.clone();
                                move |_| confirm(true)
                            }>
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
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button primary">"Save name"</button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <div role="alertdialog" aria-label="Remove profile" class="confirm">
                    <p>{format!("Remove {} and all their answers on this device? This cannot be undone.", shown.get_value())}</p>
                    <button type="button" class="button danger" on:click=remove>"Yes, remove"</button>
                    <button type="button" class="button" id=cancel_id.clone() on:click={
                        let confirm = confirm.clone();
                        move |_| confirm(false)
                    }>"Cancel"</button>
                </div>
            </Show>
        </li>
    }
}

/// The header's reminder of who is studying, linking to the profiles page.
#[component]
pub fn StudyingAs() -> impl IntoView {
    let store = use_store();
    let name = move || store.profiles.with(|p| p.current().name.clone());
    view! {
        <A href=Link::Profiles.url() attr:class="studying-as">
            {move || format!("Studying as {}", name())}
        </A>
    }
}
