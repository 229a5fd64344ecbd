//! The app's shared state: the student's progress, loaded from local storage at start and saved
//! on every change, and what the app must tell the student about storage; and the teacher's
//! data. Views read them through read-only signals and change them only through their
//! methods, so every write goes through the merge with other tabs and every failure is told.

use crate::core::fsrs::Grade;
use crate::core::gradebook::{TeacherData, TeacherDataError};
use crate::core::highlights::{Colour, HighlightError, Span};
use crate::core::journal::Changes;
use crate::core::merge::merge;
use crate::core::profiles::{ProfileError, Profiles};
use crate::core::progress::{AssignmentProgress, Progress, ProgressError};
use crate::core::response::Response;
use crate::core::review::{Item, ReviewCard};
use crate::platform::{dom, storage};
use lectern_content::Reading;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::fmt;

/// The key of the first profile's progress (the only key before profiles existed).
pub const PROGRESS_KEY: &str = "lectern:progress:default";
/// The key of the list of profiles.
pub const PROFILES_KEY: &str = "lectern:profiles";

/// From this length of the whole stored progress (in bytes of JSON), a save writes only what
/// changed since it was last written whole ([`Changes`], under [`Profiles::changes_key`]);
/// below it, writing it whole costs a few milliseconds and is simpler.
pub const CHANGES_FROM: usize = 32 * 1024;
/// Once what changed would be longer than this, the save writes the progress whole again.
pub const CHANGES_UP_TO: usize = 16 * 1024;

/// What this tab knows of the stored progress of the current profile: the progress as last
/// written whole (or read at start), its length, and the text of the changes last written or
/// read, so that a save can tell when another tab has written changes since.
#[derive(Clone, Debug, Default)]
struct Saved {
    whole: Progress,
    whole_len: usize,
    changes: Option<String>,
}

/// Whether progress is being kept, and if not, why: shown to the student in plain words.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageState {
    Saving,
    /// The browser offers no local storage: progress lives in memory only.
    Unavailable,
    /// The last write failed (storage full or refused); it is retried on the next change.
    WriteFailed,
    /// What was stored could not be read; it was kept aside under this key.
    Quarantined(String),
    /// What was stored could not be read nor kept aside: it is left as it is and nothing is
    /// written over it.
    Unreadable,
    /// Stored data comes from a newer Lectern: it is left untouched and nothing is written.
    Newer(u32),
}

impl StorageState {
    /// The notice for the student, or `None` when all is well.
    pub fn notice(&self) -> Option<String> {
        match self {
            StorageState::Saving => None,
            StorageState::Unavailable => Some(
                "This browser is not letting Lectern save. You can keep working, but your answers will be lost when you close this tab.".into(),
            ),
            StorageState::WriteFailed => Some(
                "Your last answer could not be saved: the browser's storage may be full. It is kept while this tab is open, and saving will try again.".into(),
            ),
            StorageState::Quarantined(_) => Some(
                "Saved progress on this device could not be read, so Lectern started afresh. The old data was kept aside, not deleted.".into(),
            ),
            StorageState::Unreadable => Some(
                "Saved progress on this device could not be read. Lectern is leaving it untouched, so your answers now are kept only while this tab is open.".into(),
            ),
            StorageState::Newer(_) => Some(
                "Your progress was saved by a newer version of Lectern. To keep it safe, this version will not change it: reload to get the newer version.".into(),
            ),
        }
    }

    fn may_write(&self) -> bool {
        matches!(
            self,
            StorageState::Saving | StorageState::WriteFailed | StorageState::Quarantined(_)
        )
    }
}

/// Why a change to the profiles did not fully happen.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfilesError {
    /// Refused; nothing changed.
    Refused(ProfileError),
    /// Made, but the browser did not save it.
    NotSaved(storage::WriteError),
}

impl fmt::Display for ProfilesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfilesError::Refused(why) => write!(f, "{why}"),
            ProfilesError::NotSaved(_) => write!(
                f,
                "This browser did not save the change, so it lasts only while this tab is open."
            ),
        }
    }
}

/// Handle to the shared state; cheap to copy into closures. Its signals are read-only: every
/// change goes through a method, which saves it (merging other tabs' saves first).
#[derive(Clone, Copy)]
pub struct Store {
    /// Who is studying on this device, and who is now.
    pub profiles: ReadSignal<Profiles>,
    /// The current profile's progress.
    pub progress: ReadSignal<Progress>,
    /// Whether progress is being kept, and if not, why.
    pub storage: ReadSignal<StorageState>,
    set_profiles: WriteSignal<Profiles>,
    set_progress: WriteSignal<Progress>,
    set_storage: WriteSignal<StorageState>,
    saved: StoredValue<Saved>,
}

impl Store {
    /// Loads the profiles and the current profile's progress from local storage.
    pub fn load() -> Store {
        let profiles = storage::read(PROFILES_KEY)
            .and_then(|text| Profiles::from_json(&text))
            .unwrap_or_default();
        let (progress, state, saved) = load_progress(&profiles.current);
        let (profiles, set_profiles) = signal(profiles);
        let (progress, set_progress) = signal(progress);
        let (storage, set_storage) = signal(state);
        Store {
            profiles,
            progress,
            storage,
            set_profiles,
            set_progress,
            set_storage,
            saved: StoredValue::new(saved),
        }
    }

    /// The storage key of the current profile's progress.
    fn key(&self) -> String {
        self.profiles
            .with_untracked(|p| Profiles::progress_key(&p.current().id))
    }

    /// The storage key of what changed in the current profile's progress.
    fn changes_key(&self) -> String {
        self.profiles
            .with_untracked(|p| Profiles::changes_key(&p.current().id))
    }

    /// Changes the profiles (add, rename, switch, remove) and saves the list. A refused change
    /// changes nothing; a change the browser does not save is kept for this tab, and said so.
    pub fn update_profiles(
        &self,
        change: impl FnOnce(&mut Profiles) -> Result<(), ProfileError>,
    ) -> Result<(), ProfilesError> {
        let mut profiles = self.profiles.get_untracked();
        change(&mut profiles).map_err(ProfilesError::Refused)?;
        let saved = storage::write(PROFILES_KEY, &profiles.to_json());
        self.show_profiles(profiles);
        saved.map_err(ProfilesError::NotSaved)
    }

    /// Shows this list of profiles. When the current profile changes, its progress is loaded
    /// in place of the previous one's (which was saved with every answer).
    fn show_profiles(&self, profiles: Profiles) {
        let before = self.profiles.with_untracked(|p| p.current().id.clone());
        let after = profiles.current().id.clone();
        self.set_profiles.set(profiles);
        if after != before {
            let (progress, state, saved) = load_progress(&after);
            self.saved.set_value(saved);
            self.set_progress.set(progress);
            self.set_storage.set(state);
        }
    }

    /// Removes a profile and its progress.
    pub fn delete_profile(&self, id: &str) -> Result<(), ProfilesError> {
        let result = self.update_profiles(|p| p.remove(id));
        if !matches!(result, Err(ProfilesError::Refused(_))) {
            storage::remove(&Profiles::progress_key(id));
            storage::remove(&Profiles::changes_key(id));
        }
        result
    }

    /// Writes the current progress, if it may; records a failure for the notice. Another tab
    /// may have saved since this one last read: its answers are merged in first (newest answer
    /// per question wins), so neither tab's are lost; a newer version's data is never written
    /// over. A large progress is written as what changed since it was last written whole
    /// ([`Changes`]), until that grows past [`CHANGES_UP_TO`].
    fn save(&self) {
        if !self.storage.get_untracked().may_write() {
            return;
        }
        if self.saved.with_value(|s| s.whole_len) >= CHANGES_FROM {
            match self.save_changes() {
                Saving::Done => return,
                Saving::Whole => {}
            }
        }
        self.save_whole();
    }

    /// Writes what changed since the progress was last written whole, after merging the
    /// changes another tab wrote since this one last read them; or says to write it whole.
    fn save_changes(&self) -> Saving {
        let key = self.changes_key();
        let stored = storage::read(&key);
        let known = self.saved.with_value(|s| s.changes == stored);
        if !known {
            match stored.as_deref().map(Changes::from_json) {
                None => {}
                Some(Ok(theirs)) => self.merge_in(&theirs.as_progress()),
                Some(Err(ProgressError::Newer(version))) => {
                    self.set_storage.set(StorageState::Newer(version));
                    return Saving::Done;
                }
                // Kept aside (or left alone) by the whole write.
                Some(Err(ProgressError::Corrupt(_))) => return Saving::Whole,
            }
        }
        let json = self.progress.with_untracked(|ours| {
            self.saved
                .with_value(|s| Changes::between(ours, &s.whole).to_json())
        });
        if json.len() > CHANGES_UP_TO {
            return Saving::Whole;
        }
        let written = storage::write(&key, &json);
        if written.is_ok() {
            self.saved.update_value(|s| s.changes = Some(json));
        }
        self.written(written);
        Saving::Done
    }

    /// Writes the progress whole, after merging what another tab stored since (whole, and
    /// changes); then the changes are folded in and their key removed.
    fn save_whole(&self) {
        match storage::read(&self.key()).map(|text| Progress::from_json(&text)) {
            Some(Ok(stored)) => self.merge_in(&stored),
            Some(Err(ProgressError::Newer(version))) => {
                self.set_storage.set(StorageState::Newer(version));
                return;
            }
            // Nothing stored yet, or unreadable text that was already kept aside at start.
            _ => {}
        }
        let changes_key = self.changes_key();
        if let Some(text) = storage::read(&changes_key) {
            if self.saved.with_value(|s| s.changes.as_ref() != Some(&text)) {
                match Changes::from_json(&text) {
                    Ok(theirs) => self.merge_in(&theirs.as_progress()),
                    Err(ProgressError::Newer(version)) => {
                        self.set_storage.set(StorageState::Newer(version));
                        return;
                    }
                    Err(ProgressError::Corrupt(_)) => match keep_aside(&text, "-changes") {
                        Some(aside) => self.set_storage.set(StorageState::Quarantined(aside)),
                        None => {
                            self.set_storage.set(StorageState::Unreadable);
                            return;
                        }
                    },
                }
            }
        }
        self.write_progress();
    }

    /// Writes the current progress whole under the current profile's key, and removes the
    /// changes it now holds; keeps the storage state true to what happened (a write that
    /// works again clears a failure).
    fn write_progress(&self) {
        let json = self.progress.with_untracked(Progress::to_json);
        let written = storage::write(&self.key(), &json);
        if written.is_ok() {
            storage::remove(&self.changes_key());
            let whole = self.progress.get_untracked();
            self.saved.set_value(Saved {
                whole,
                whole_len: json.len(),
                changes: None,
            });
        }
        self.written(written);
    }

    /// Keeps the storage state true to a write (one that works again clears a failure).
    fn written(&self, result: Result<(), storage::WriteError>) {
        match result {
            Ok(()) if self.storage.get_untracked() == StorageState::WriteFailed => {
                self.set_storage.set(StorageState::Saving)
            }
            Ok(()) => {}
            Err(storage::WriteError::Unavailable) => {
                self.set_storage.set(StorageState::Unavailable)
            }
            Err(storage::WriteError::Refused(_)) => self.set_storage.set(StorageState::WriteFailed),
        }
    }

    /// Merges another copy of this profile's progress (another tab's save) into this tab's.
    fn merge_in(&self, theirs: &Progress) {
        let merged = self.progress.with_untracked(|ours| merge(ours, theirs));
        if self.progress.with_untracked(|ours| *ours != merged) {
            self.set_progress.set(merged);
        }
    }

    pub fn record_answer(&self, reading: &str, question: &str, response: Response, score: f32) {
        let now = dom::now_ms();
        self.set_progress
            .update(|p| p.record_answer(reading, question, response, score, now));
        self.save();
        // Once the student has started, ask the browser not to clear their data under pressure.
        storage::request_persistence_once();
    }

    /// Changes the progress through one of the core's methods and saves it; returns what the
    /// method returned.
    fn change<R>(&self, change: impl FnOnce(&mut Progress) -> R) -> R {
        let mut result = None;
        self.set_progress.update(|p| result = Some(change(p)));
        self.save();
        result.expect("update runs its closure")
    }

    /// A check in free study: the answer, and the review queue (see `core::review`).
    pub fn record_study_check(
        &self,
        reading: &str,
        question: &str,
        response: Response,
        score: f32,
        hinted: bool,
    ) {
        let now = dom::now_ms();
        self.change(|p| {
            p.record_study_check(
                reading,
                question,
                response,
                score,
                hinted,
                now,
                dom::today(),
            )
        });
        storage::request_persistence_once();
    }

    /// The student opened a glossary term's definition in free study.
    pub fn look_up_term(&self, reading: &str, term: &str) {
        let already = self.progress.with_untracked(|p| {
            p.reading(reading)
                .is_some_and(|r| r.review.terms.contains_key(term))
        });
        if !already {
            self.change(|p| p.look_up_term(reading, term, dom::now_ms(), dom::today()));
        }
    }

    /// After a hand-in: the assignment's missed questions join the review queue.
    pub fn queue_handed_in(&self, assignment: &crate::core::assignment::Assignment) {
        self.change(|p| p.queue_handed_in(assignment, dom::today()));
    }

    /// A review on the Review screen; returns the item's new schedule.
    pub fn record_review(&self, reading: &str, item: &Item, grade: Grade) -> Option<ReviewCard> {
        self.change(|p| p.record_review(reading, item, grade, dom::now_ms(), dom::today()))
    }

    /// A new highlight, under a fresh id; refused (changing nothing) with the reason.
    pub fn add_highlight(
        &self,
        reading: &Reading,
        span: &Span,
        colour: Colour,
        note: &str,
    ) -> Result<(), HighlightError> {
        let id = format!("h{:08x}{:08x}", dom::random_u32(), dom::random_u32());
        let now = dom::now_ms();
        // Made on a copy, so a refusal neither changes nor saves anything.
        let mut progress = self.progress.get_untracked();
        progress.add_highlight(reading, &id, span, colour, note, now)?;
        self.set_progress.set(progress);
        self.save();
        Ok(())
    }

    /// Changes a highlight's colour and note.
    pub fn edit_highlight(
        &self,
        reading: &str,
        id: &str,
        colour: Colour,
        note: &str,
    ) -> Result<(), HighlightError> {
        let mut progress = self.progress.get_untracked();
        progress.edit_highlight(reading, id, colour, note, dom::now_ms())?;
        self.set_progress.set(progress);
        self.save();
        Ok(())
    }

    /// Removes a highlight and its note.
    pub fn remove_highlight(&self, reading: &str, id: &str) {
        self.change(|p| p.remove_highlight(reading, id, dom::now_ms()));
    }

    /// Changes a reading setting (theme, text size) of the current profile and saves it.
    pub fn update_settings(&self, change: impl FnOnce(&mut crate::core::progress::Settings)) {
        self.set_progress.update(|p| change(&mut p.settings));
        self.save();
    }

    /// Replaces the progress (a restored backup, or "Delete my data") and saves it at once.
    pub fn replace_progress(&self, progress: Progress) {
        self.set_progress.set(progress);
        // Written whole and as is, not merged, and what changed before is dropped: a
        // replacement must not bring back what it replaced.
        if self.storage.get_untracked().may_write() {
            self.write_progress();
        }
    }

    /// Follows changes other tabs make: their saved progress is merged into this tab's, so an
    /// answer given in one tab shows in the other.
    pub fn follow_other_tabs(&self) {
        let store = *self;
        storage::on_other_tab_change(move |key, text| {
            if key == PROFILES_KEY {
                if let Some(mut theirs) = Profiles::from_json(&text) {
                    // Another tab added, renamed or removed someone: show the same list, but
                    // keep studying as the same profile here if it still exists. Not written
                    // back: the other tab saved it, and writing this tab's choice of profile
                    // would send the two tabs' choices back and forth for ever.
                    let current = store.profiles.with_untracked(|p| p.current.clone());
                    if theirs.list.iter().any(|p| p.id == current) {
                        theirs.current = current;
                    }
                    store.show_profiles(theirs);
                }
                return;
            }
            if key == store.changes_key() {
                if let Ok(theirs) = Changes::from_json(&text) {
                    store.merge_in(&theirs.as_progress());
                    // Merged: the next save need not read them again.
                    store.saved.update_value(|s| s.changes = Some(text));
                }
                return;
            }
            if key != store.key() {
                return;
            }
            if let Ok(theirs) = Progress::from_json(&text) {
                store.merge_in(&theirs);
            }
        });
    }

    /// Changes the current profile's assignments (start, answer, hand in) and saves at once:
    /// an assessment's answers must survive a closed tab or a flat battery.
    pub fn update_assignments(
        &self,
        change: impl FnOnce(&mut BTreeMap<String, AssignmentProgress>),
    ) {
        self.set_progress.update(|p| change(&mut p.assignments));
        self.save();
        storage::request_persistence_once();
    }

    pub fn visit_section(&self, reading: &str, section: &str) {
        let already = self.progress.with_untracked(|p| {
            p.reading(reading)
                .is_some_and(|r| r.last_section.as_deref() == Some(section))
        });
        if !already {
            self.set_progress
                .update(|p| p.visit_section(reading, section));
            self.save();
        }
    }
}

/// What a save did: written (or refused, and said), or the progress must be written whole.
enum Saving {
    Done,
    Whole,
}

/// Copies unreadable text aside under a key of its own; `None` if that could not be written.
fn keep_aside(text: &str, what: &str) -> Option<String> {
    let aside = format!("lectern:quarantine:{}{what}", dom::now_ms() as u64);
    storage::write(&aside, text).ok().map(|()| aside)
}

/// Reads one profile's progress (whole, with what changed since), never losing what is there:
/// unreadable data is copied aside before anything new is written, and data from a newer
/// version is not touched.
fn load_progress(profile: &str) -> (Progress, StorageState, Saved) {
    let (whole, state, whole_len) = load_whole(&Profiles::progress_key(profile));
    if matches!(state, StorageState::Unavailable | StorageState::Newer(_)) {
        return (whole, state, Saved::default());
    }
    let Some(text) = storage::read(&Profiles::changes_key(profile)) else {
        let saved = Saved {
            whole: whole.clone(),
            whole_len,
            changes: None,
        };
        return (whole, state, saved);
    };
    let (progress, state) = match Changes::from_json(&text) {
        Ok(changes) => (changes.apply(&whole), state),
        Err(ProgressError::Newer(version)) => {
            return (
                Progress::new(),
                StorageState::Newer(version),
                Saved::default(),
            )
        }
        Err(ProgressError::Corrupt(_)) => match keep_aside(&text, "-changes") {
            // Kept aside: the next save writes over it.
            Some(aside) => (whole.clone(), StorageState::Quarantined(aside)),
            None => (whole.clone(), StorageState::Unreadable),
        },
    };
    let saved = Saved {
        whole,
        whole_len,
        changes: Some(text),
    };
    (progress, state, saved)
}

/// Reads one profile's whole progress, with the length of its text.
fn load_whole(key: &str) -> (Progress, StorageState, usize) {
    if !storage::exposed() {
        return (Progress::new(), StorageState::Unavailable, 0);
    }
    // Exposed but refusing writes (full, or a browser that forbids them): read what is there,
    // and keep trying to save.
    let writable = if storage::is_available() {
        StorageState::Saving
    } else {
        StorageState::WriteFailed
    };
    match storage::read(key) {
        None => (Progress::new(), writable, 0),
        Some(text) => match Progress::from_json(&text) {
            Ok(progress) => (progress, writable, text.len()),
            Err(ProgressError::Newer(version)) => {
                (Progress::new(), StorageState::Newer(version), 0)
            }
            Err(ProgressError::Corrupt(_)) => match keep_aside(&text, "") {
                Some(aside) => (Progress::new(), StorageState::Quarantined(aside), 0),
                // Could not copy it aside: leave the original where it is.
                None => (Progress::new(), StorageState::Unreadable, 0),
            },
        },
    }
}

/// The key of the teacher's assignments and collected results (one per device, not per
/// profile: the teacher's gradebook is not a student's progress).
pub const TEACHER_KEY: &str = "lectern:teacher";

/// The teacher's stored data cannot be used; it is left as it is, and nothing is written over it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableGradebook(pub TeacherDataError);

impl fmt::Display for UnreadableGradebook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The gradebook saved on this device cannot be read ({}). It is left untouched.",
            self.0
        )
    }
}

/// The browser did not save the teacher's last change.
#[derive(Clone, Debug, PartialEq)]
pub struct GradebookNotSaved(pub storage::WriteError);

impl fmt::Display for GradebookNotSaved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            storage::WriteError::Unavailable => write!(
                f,
                "This browser is not letting Lectern save, so the gradebook lasts only while this tab is open."
            ),
            storage::WriteError::Refused(_) => write!(
                f,
                "The gradebook could not be saved: the browser's storage may be full."
            ),
        }
    }
}

/// The teacher's data on this device.
fn load_teacher_data() -> Result<TeacherData, UnreadableGradebook> {
    match storage::read(TEACHER_KEY) {
        None => Ok(TeacherData::new()),
        Some(text) => TeacherData::from_json(&text).map_err(UnreadableGradebook),
    }
}

/// The teacher's data for the teacher's pages, with what went wrong saving it; provided by
/// `App` (with the `teacher` feature) like [`Store`], read-only, changed through `change`.
#[derive(Clone, Copy)]
pub struct TeacherStore {
    /// The data, or why it cannot be read (then nothing is written over it).
    pub data: ReadSignal<Result<TeacherData, UnreadableGradebook>>,
    /// Why the last change was not saved; `None` when it was.
    pub problem: ReadSignal<Option<GradebookNotSaved>>,
    set_data: WriteSignal<Result<TeacherData, UnreadableGradebook>>,
    set_problem: WriteSignal<Option<GradebookNotSaved>>,
}

impl TeacherStore {
    pub fn load() -> TeacherStore {
        let (data, set_data) = signal(load_teacher_data());
        let (problem, set_problem) = signal(None);
        TeacherStore {
            data,
            problem,
            set_data,
            set_problem,
        }
    }

    /// Changes the data and saves it at once; does nothing when it could not be read.
    pub fn change(&self, change: impl FnOnce(&mut TeacherData)) {
        let set_problem = self.set_problem;
        self.set_data.update(|data| {
            if let Ok(data) = data {
                change(data);
                let saved = storage::write(TEACHER_KEY, &data.to_json());
                set_problem.set(saved.err().map(GradebookNotSaved));
            }
        });
    }

    /// Follows the teacher's other tabs: what one saves, the others show.
    pub fn follow_other_tabs(&self) {
        let set_data = self.set_data;
        storage::on_other_tab_change(move |key, _| {
            if key == TEACHER_KEY {
                set_data.set(load_teacher_data());
            }
        });
    }
}

/// The teacher's store provided by `App`.
pub fn use_teacher_store() -> TeacherStore {
    expect_context::<TeacherStore>()
}

/// The store provided by `App`.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Progress stored before profiles existed is the first profile's.
    #[test]
    fn the_first_profile_keeps_the_original_progress_key() {
        assert_eq!(Profiles::progress_key(Profiles::DEFAULT_ID), PROGRESS_KEY);
    }
}
