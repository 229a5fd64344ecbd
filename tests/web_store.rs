//! The stores against the real local storage of headless Chromium: every fault keeps the app
//! working and loses nothing (corrupt data, data from a newer version, a full storage), and a
//! change the browser does not save is always told.
#![cfg(target_arch = "wasm32")]

use lectern::core::profiles::{ProfileError, Profiles};
use lectern::core::progress::Progress;
use lectern::core::response::Response;
use lectern::platform::storage;
use lectern::state::{ProfilesError, StorageState, Store, PROFILES_KEY, PROGRESS_KEY};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{empty_fillers, fill_storage, raw};

/// Removes every key Lectern wrote, so each test starts from an empty origin.
fn clear_lectern_keys() {
    let s = raw();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect();
    for key in keys
        .into_iter()
        .filter(|k| k.starts_with(storage::KEY_PREFIX) || k.starts_with("filler"))
    {
        s.remove_item(&key).unwrap();
    }
}

fn answer(store: &Store) {
    store.record_answer(
        "adversaries-to-allies",
        "q1",
        Response::Text("Ivanov".into()),
        1.0,
    );
}

#[wasm_bindgen_test]
fn storage_is_available_and_round_trips_raw_text() {
    clear_lectern_keys();
    assert!(storage::is_available());
    storage::write("lectern:test", "{\"a\":1}").unwrap();
    assert_eq!(storage::read("lectern:test").as_deref(), Some("{\"a\":1}"));
    storage::remove("lectern:test");
    assert_eq!(storage::read("lectern:test"), None);
}

#[wasm_bindgen_test]
fn an_answer_is_written_at_once_and_read_back_by_a_new_store() {
    clear_lectern_keys();
    let store = Store::load();
    assert_eq!(store.storage.get_untracked(), StorageState::Saving);
    answer(&store);
    let stored = Progress::from_json(&raw().get_item(PROGRESS_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(
        stored.answer("adversaries-to-allies", "q1").unwrap().tries,
        1
    );
    let again = Store::load();
    assert_eq!(again.progress.get_untracked(), stored);
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_aside_and_never_overwritten() {
    clear_lectern_keys();
    let corrupt = "{ this is not progress";
    raw().set_item(PROGRESS_KEY, corrupt).unwrap();
    let store = Store::load();
    let StorageState::Quarantined(key) = store.storage.get_untracked() else {
        panic!(
            "expected quarantine, got {:?}",
            store.storage.get_untracked()
        );
    };
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some(corrupt));
    answer(&store);
    // The new answer is saved, and the quarantined text is still there, untouched.
    assert!(Progress::from_json(&raw().get_item(PROGRESS_KEY).unwrap().unwrap()).is_ok());
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some(corrupt));
    assert!(store
        .storage
        .get_untracked()
        .notice()
        .unwrap()
        .contains("kept aside"));
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_left_untouched() {
    clear_lectern_keys();
    let newer = r#"{"version":99,"readings":{"x":{"shape":"unknown to this version"}}}"#;
    raw().set_item(PROGRESS_KEY, newer).unwrap();
    let store = Store::load();
    assert_eq!(store.storage.get_untracked(), StorageState::Newer(99));
    answer(&store);
    assert_eq!(
        raw().get_item(PROGRESS_KEY).unwrap().as_deref(),
        Some(newer)
    );
    // The answer is kept in memory for this visit.
    assert!(store
        .progress
        .get_untracked()
        .answer("adversaries-to-allies", "q1")
        .is_some());
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_answer_in_memory_and_saves_when_it_can() {
    clear_lectern_keys();
    let store = Store::load();
    let fillers = fill_storage();
    // Whatever little room is left, a progress record of this size does not fit.
    let big = "y".repeat(64 * 1024);
    store.record_answer("adversaries-to-allies", "q1", Response::Text(big), 0.0);
    assert_eq!(store.storage.get_untracked(), StorageState::WriteFailed);
    // The refusal is said in words, as the browser names it (never a `Debug` dump).
    match storage::write("lectern:test", &"z".repeat(64 * 1024)) {
        Err(storage::WriteError::Refused(why)) => {
            assert!(why.starts_with("QuotaExceededError: "), "{why}")
        }
        other => panic!("a full storage accepted a write: {other:?}"),
    }
    assert!(store
        .progress
        .get_untracked()
        .answer("adversaries-to-allies", "q1")
        .is_some());

    empty_fillers(fillers);
    answer(&store);
    assert_eq!(store.storage.get_untracked(), StorageState::Saving);
    let stored = Progress::from_json(&raw().get_item(PROGRESS_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(
        stored.answer("adversaries-to-allies", "q1").unwrap().tries,
        2
    );
    clear_lectern_keys();
}

#[wasm_bindgen_test]
fn a_profiles_change_the_browser_does_not_save_is_kept_and_told() {
    clear_lectern_keys();
    let store = Store::load();
    let refused = store.update_profiles(|p| p.add("  ").map(|_| ()));
    assert_eq!(refused, Err(ProfilesError::Refused(ProfileError::NoName)));
    assert_eq!(store.profiles.get_untracked().list.len(), 1);

    let fillers = fill_storage();
    let result = store.update_profiles(|p| p.add("Ana").map(|_| ()));
    let Err(ProfilesError::NotSaved(_)) = &result else {
        panic!("a write the browser refused, told as such: {result:?}");
    };
    let told = result.unwrap_err().to_string();
    assert!(told.contains("did not save"), "{told}");
    // Kept for this tab: Ana is there and studying, though not on the device.
    assert_eq!(store.profiles.get_untracked().current().name, "Ana");
    assert_eq!(raw().get_item(PROFILES_KEY).unwrap(), None);

    empty_fillers(fillers);
    let renamed = store.update_profiles(|p| {
        let id = p.current().id.clone();
        p.rename(&id, "Ana B")
    });
    assert_eq!(renamed, Ok(()));
    let stored = Profiles::from_json(&raw().get_item(PROFILES_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(stored.current().name, "Ana B");
    clear_lectern_keys();
}
