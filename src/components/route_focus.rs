//! Focus after moving to another screen: the new screen's `h1`, so a screen reader announces
//! where the student now is and the next Tab starts from the top of the new content instead of
//! from a link that has gone. Not on the first load (the browser starts at the top), and not
//! when the address names a place on the page (`#q-…`, `?evidence=…`): the page goes there.
//! A screen whose code is still being fetched (src/pages/lazy.rs) gets the focus when it
//! arrives instead.

use crate::platform::dom;
use crate::routes::names_a_place;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::Cell;

thread_local! {
    /// How many screens are waiting for their code (src/pages/lazy.rs).
    static FETCHING: Cell<u32> = const { Cell::new(0) };
    /// A navigation's focus, waiting for its screen's code.
    static WAITING_FOR_SCREEN: Cell<bool> = const { Cell::new(false) };
}

/// Held by a screen while its code is fetched (src/pages/lazy.rs): a navigation's focus waits
/// for it, and goes to the screen's heading when it has arrived and is drawn.
pub struct FetchingScreen(());

impl FetchingScreen {
    pub fn start() -> FetchingScreen {
        FETCHING.set(FETCHING.get() + 1);
        FetchingScreen(())
    }
}

impl Drop for FetchingScreen {
    fn drop(&mut self) {
        FETCHING.set(FETCHING.get() - 1);
        if FETCHING.get() == 0 && WAITING_FOR_SCREEN.replace(false) {
            // The router draws the screen before the next frame.
            request_animation_frame(dom::focus_main_heading);
        }
    }
}

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
            // After the new screen has rendered, or when it arrives.
            request_animation_frame(|| {
                if FETCHING.get() > 0 {
                    WAITING_FOR_SCREEN.set(true);
                } else {
                    dom::focus_main_heading();
                }
            });
        }
        path
    });
}
