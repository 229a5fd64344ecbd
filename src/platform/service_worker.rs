//! Registering the service worker (release builds) and offering its updates to the student.
//!
//! A new build's worker installs in the background and then waits. The page is told it is ready;
//! when the student chooses to reload, the waiting worker is told to take over, and the page
//! reloads once it has, so the JS glue and the wasm always come from one build.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's file, next to index.html (relative to the document's base URL).
const WORKER: &str = "sw.js";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts (plain http other than localhost) and some private modes.
    let present =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers the worker and watches for updates, calling `on_ready` when a new build waits.
/// Debug builds (`cargo xtask serve`) instead remove any worker, so none goes stale there.
/// A SCORM package registers none: it runs from the LMS's file path, on the LMS's origin.
pub fn start(on_ready: impl Fn() + Clone + 'static) {
    if crate::platform::scorm::in_package() {
        return;
    }
    let Some(container) = container() else { return };
    if cfg!(debug_assertions) {
        wasm_bindgen_futures::spawn_local(unregister_all(container));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register(WORKER)).await else {
            return;
        };
        // Something that blocks workers (a privacy tool, a test harness) may resolve the
        // registration to something else than a registration.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        watch_for_updates(&container, &registration, on_ready);
    });
}

fn watch_for_updates(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_ready: impl Fn() + Clone + 'static,
) {
    // A first install has no controller yet: nothing to update, it simply starts serving.
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        on_ready();
    }
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let has_controller = has_controller.clone();
        let on_ready = on_ready.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                on_ready();
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Tells the waiting worker to take over and reloads once it has (once only: no loops).
pub fn apply_update() {
    let Some(container) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let Some(waiting) = registration.waiting() else {
            return;
        };
        let reloaded = std::cell::Cell::new(false);
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            if !reloaded.replace(true) {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    });
}

async fn unregister_all(container: ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&list).iter() {
        if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
            if let Ok(promise) = registration.unregister() {
                let _ = JsFuture::from(promise).await;
            }
        }
    }
}
