//! The stores against the real local storage of headless Chromium: every fault keeps the app
//! working and loses nothing (corrupt data, data from a newer version, a full storage), and a
//! change the browser does not save is always told.
#![cfg(target_arch = "wasm32")]

use lectern::core::journal::Changes;
use lectern::core::profiles::{ProfileError, Profiles};
use lectern::core::progress::Progress;
use lectern::core::response::Response;
use lectern::platform::storage;
use lectern::state::{
    ProfilesError, StorageState, Store, CHANGES_FROM, CHANGES_UP_TO, PROFILES_KEY, PROGRESS_KEY,
};
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

/// The key of what changed in the first profile's progress.
const CHANGES_KEY: &str = "lectern:changes:default";

/// Stores, whole, a progress longer than [`CHANGES_FROM`]; returns its text.
fn store_large_progress() -> String {
    let mut progress = Progress::new();
    let mut i = 0;
    while progress.to_json().len() < CHANGES_FROM + 1024 {
        for _ in 0..50 {
            progress.record_answer(
                "generated",
                &format!("g{i}"),
                Response::Text(format!("answer {i}")),
                1.0,
                1_000.0 + i as f64,
            );
            i += 1;
        }
    }
    let text = progress.to_json();
    raw().set_item(PROGRESS_KEY, &text).unwrap();
    text
}

fn answer_to(store: &Store, question: &str) {
    store.record_answer(
        "adversaries-to-allies",
        question,
        Response::Text(question.into()),
        1.0,
    );
}

fn stored_changes() -> Changes {
    Changes::from_json(&raw().get_item(CHANGES_KEY).unwrap().unwrap()).unwrap()
}

/// A large progress is not written whole for one answer: only what changed is, and a new
/// store reads both back as one.
#[wasm_bindgen_test]
fn with_a_large_progress_a_save_writes_only_what_changed() {
    clear_lectern_keys();
    let whole = store_large_progress();
    let store = Store::load();
    answer(&store);
    assert_eq!(store.storage.get_untracked(), StorageState::Saving);
    assert_eq!(raw().get_item(PROGRESS_KEY).unwrap(), Some(whole));
    let changes = stored_changes();
    let answers: Vec<&String> = changes.readings["adversaries-to-allies"]
        .answers
        .keys()
        .collect();
    assert_eq!(answers, ["q1"]);
    assert_eq!(changes.readings.len(), 1);
    let again = Store::load();
    assert_eq!(
        again.progress.get_untracked(),
        store.progress.get_untracked()
    );
    clear_lectern_keys();
}

/// Two tabs answering different questions of a large progress both keep their answers: each
/// merges what the other wrote before writing its own.
#[wasm_bindgen_test]
fn two_tabs_changes_are_merged_before_writing() {
    clear_lectern_keys();
    store_large_progress();
    let one = Store::load();
    let two = Store::load();
    answer_to(&one, "q1");
    answer_to(&two, "q2");
    answer_to(&one, "q3");
    let after = Store::load().progress.get_untracked();
    for q in ["q1", "q2", "q3"] {
        assert!(after.answer("adversaries-to-allies", q).is_some(), "{q}");
    }
    assert!(after.answer("generated", "g0").is_some());
    clear_lectern_keys();
}

/// Once what changed grows long, the progress is written whole again and the changes go.
#[wasm_bindgen_test]
fn long_changes_are_folded_into_a_whole_write() {
    clear_lectern_keys();
    let whole = store_large_progress();
    let store = Store::load();
    answer(&store);
    assert!(raw().get_item(CHANGES_KEY).unwrap().is_some());
    let long = "w".repeat(CHANGES_UP_TO);
    store.record_answer("adversaries-to-allies", "q2", Response::Text(long), 0.0);
    assert_eq!(raw().get_item(CHANGES_KEY).unwrap(), None);
    let stored = raw().get_item(PROGRESS_KEY).unwrap().unwrap();
    assert_ne!(stored, whole);
    assert_eq!(
        Progress::from_json(&stored).unwrap(),
        store.progress.get_untracked()
    );
    // And the next answer writes what changed again.
    answer_to(&store, "q3");
    assert!(stored_changes().readings["adversaries-to-allies"]
        .answers
        .contains_key("q3"));
    clear_lectern_keys();
}

/// Unreadable changes are kept aside as unreadable progress is; the next save writes over
/// them, and the copy kept aside stays.
#[wasm_bindgen_test]
fn corrupt_changes_are_kept_aside() {
    clear_lectern_keys();
    store_large_progress();
    let corrupt = "{ not changes";
    raw().set_item(CHANGES_KEY, corrupt).unwrap();
    let store = Store::load();
    let StorageState::Quarantined(key) = store.storage.get_untracked() else {
        panic!(
            "expected quarantine, got {:?}",
            store.storage.get_untracked()
        );
    };
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some(corrupt));
    assert!(store
        .progress
        .get_untracked()
        .answer("generated", "g0")
        .is_some());
    answer(&store);
    assert!(stored_changes()
        .readings
        .contains_key("adversaries-to-allies"));
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some(corrupt));
    clear_lectern_keys();
}

/// Changes written by a newer Lectern are left untouched, and so is the whole progress.
#[wasm_bindgen_test]
fn changes_from_a_newer_version_are_left_untouched() {
    clear_lectern_keys();
    let whole = store_large_progress();
    let newer = r#"{"version":99,"readings":{"x":"unknown to this version"}}"#;
    raw().set_item(CHANGES_KEY, newer).unwrap();
    let store = Store::load();
    assert_eq!(store.storage.get_untracked(), StorageState::Newer(99));
    answer(&store);
    assert_eq!(raw().get_item(CHANGES_KEY).unwrap().as_deref(), Some(newer));
    assert_eq!(raw().get_item(PROGRESS_KEY).unwrap(), Some(whole.clone()));

    // Written by a newer tab while this one was open: found at the next save.
    raw().remove_item(CHANGES_KEY).unwrap();
    let store = Store::load();
    assert_eq!(store.storage.get_untracked(), StorageState::Saving);
    raw().set_item(CHANGES_KEY, newer).unwrap();
    answer(&store);
    assert_eq!(store.storage.get_untracked(), StorageState::Newer(99));
    assert_eq!(raw().get_item(CHANGES_KEY).unwrap().as_deref(), Some(newer));
    assert_eq!(raw().get_item(PROGRESS_KEY).unwrap(), Some(whole));
    clear_lectern_keys();
}

/// A full storage refuses the changes too: told, kept in memory, saved when there is room.
#[wasm_bindgen_test]
fn a_full_storage_refuses_the_changes_and_saves_them_later() {
    clear_lectern_keys();
    store_large_progress();
    let store = Store::load();
    let fillers = fill_storage();
    answer(&store);
    assert_eq!(store.storage.get_untracked(), StorageState::WriteFailed);
    assert_eq!(raw().get_item(CHANGES_KEY).unwrap(), None);
    empty_fillers(fillers);
    answer(&store);
    assert_eq!(store.storage.get_untracked(), StorageState::Saving);
    let tries = stored_changes().readings["adversaries-to-allies"].answers["q1"].tries;
    assert_eq!(tries, 2);
    clear_lectern_keys();
}

/// Replacing the progress (a restored backup, "Delete my data") writes it whole and drops
/// the changes, so they cannot bring back what was replaced.
#[wasm_bindgen_test]
fn replacing_the_progress_drops_the_changes() {
    clear_lectern_keys();
    store_large_progress();
    let store = Store::load();
    answer(&store);
    assert!(raw().get_item(CHANGES_KEY).unwrap().is_some());
    store.replace_progress(Progress::new());
    assert_eq!(raw().get_item(CHANGES_KEY).unwrap(), None);
    assert_eq!(Store::load().progress.get_untracked(), Progress::new());
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
