//! Focus after moving to another screen: the new screen's `h1`, so a screen reader announces
//! where the student now is and the next Tab starts from the top of the new content instead of
//! from a link that has gone. Not on the first load (the browser starts at the top), and not
//! when the address names a place on the page (`#q-…`, `?evidence=…`): the page goes there.

use crate::platform::dom;
use crate::routes::names_a_place;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Put inside the `<Router>`, once.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let to_a_place = names_a_place(
            &location.hash.get_untracked(),
            &location.search.get_untracked(),
        );
        if previous.is_some_and(|p| p != path) && !to_a_place {
            // After the new screen has rendered.
            request_animation_frame(dom::focus_main_heading);
        }
        path
    });
}
