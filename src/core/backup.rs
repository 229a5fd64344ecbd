//! The backup file a student downloads and later restores, on this device or another: one
//! profile's progress in a small JSON envelope that says what the file is.
//!
//! ```json
//! {
//!   "format": "lectern-backup",
//!   "version": 1,
//!   "app": "Lectern",
//!   "exported_at": 1764288000000.0,
//!   "profile": "Student",
//!   "progress": { "version": 2, "readings": { ... } }
//! }
//! ```
//!
//! A backup comes from outside the app (a student may pick any file), so [`parse`] checks it
//! step by step and refuses it with a plain-language [`BackupError`] before anything changes;
//! [`preview`] then says what it holds, and [`restore`] merges it in or replaces progress with it.

use crate::core::dates::date_from_ms;
use crate::core::limits::{human_size, FileHead, ImportLimits, LimitError};
use crate::core::merge::merge;
use crate::core::progress::{Progress, ProgressError};
use crate::core::slug::slug;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// The largest backup [`parse`] reads. A year of answers to every bundled question is a few
/// hundred kilobytes; anything much larger is the wrong file.
pub const MAX_BACKUP_BYTES: usize = 1_048_576;
/// How large and how deeply nested a backup may be. A real backup nests 7 levels (envelope,
/// progress, readings, reading, answers, answer, response).
pub const BACKUP_LIMITS: ImportLimits = ImportLimits {
    max_bytes: MAX_BACKUP_BYTES,
    max_depth: 32,
};
/// The envelope format this app writes, and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The `format` of every Lectern backup.
pub const BACKUP_FORMAT: &str = "lectern-backup";
/// The `app` of every Lectern backup (informative; not checked when reading).
pub const APP_NAME: &str = "Lectern";

/// A backup file's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    /// [`BACKUP_VERSION`] when written by this app.
    pub version: u32,
    /// Always [`APP_NAME`].
    pub app: String,
    /// When the backup was made, in milliseconds since the Unix epoch.
    pub exported_at: f64,
    /// The display name of the profile the progress belongs to.
    pub profile: String,
    pub progress: Progress,
}

/// The backup file's text for this progress: pretty JSON, so a teacher can read it.
pub fn export(progress: &Progress, profile: &str, now_ms: f64) -> String {
    let backup = Backup {
        format: BACKUP_FORMAT.to_string(),
        version: BACKUP_VERSION,
        app: APP_NAME.to_string(),
        exported_at: now_ms,
        profile: profile.to_string(),
        progress: Progress {
            version: Progress::VERSION,
            ..progress.clone()
        },
    };
    serde_json::to_string_pretty(&backup).expect("a backup always serializes")
}

/// A file name to suggest for the download: `lectern-backup-<profile>-<yyyy-mm-dd>.json`.
///
/// The date is the UTC date of `now_ms`; to name the file by the student's own date, pass the
/// time shifted by their time-zone offset.
pub fn file_name(profile: &str, now_ms: f64) -> String {
    let (year, month, day) = date_from_ms(now_ms);
    let date = format!("{year:04}-{month:02}-{day:02}");
    match slug(profile) {
        slug if slug.is_empty() => format!("{BACKUP_FORMAT}-{date}.json"),
        slug => format!("{BACKUP_FORMAT}-{slug}-{date}.json"),
    }
}

/// Why a file was not accepted as a backup. Each displays as a message for the student.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    /// Larger than [`MAX_BACKUP_BYTES`]; the size in bytes.
    TooLarge(usize),
    /// Not JSON at all; the parser's message.
    NotJson(String),
    /// JSON, but without `"format": "lectern-backup"`.
    NotABackup,
    /// A backup format newer than [`BACKUP_VERSION`].
    NewerBackup(u64),
    /// Progress saved in a format newer than [`Progress::VERSION`].
    NewerProgress(u32),
    /// Progress for readings this app does not have, by id.
    UnknownReadings(Vec<String>),
    /// A Lectern backup whose contents are not shaped as they should be; what is wrong.
    Broken(String),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge(bytes) => write!(
                f,
                "This file is {}, too large for a Lectern backup (at most {}). \
                 Check that you picked the right file.",
                human_size(*bytes),
                human_size(MAX_BACKUP_BYTES)
            ),
            BackupError::NotJson(detail) => write!(
                f,
                "This file is not a Lectern backup: it is not a backup file at all. \
                 Check that you picked the file Lectern saved. (Details: {detail})"
            ),
            BackupError::NotABackup => write!(
                f,
                "This file is not a Lectern backup. Check that you picked the file Lectern \
                 saved: its name starts with \"{BACKUP_FORMAT}\"."
            ),
            BackupError::NewerBackup(version) => write!(
                f,
                "This backup was made by a newer version of Lectern (backup format {version}; \
                 this one reads up to {BACKUP_VERSION}): update first, then restore it again."
            ),
            BackupError::NewerProgress(version) => write!(
                f,
                "The progress in this backup was saved by a newer version of Lectern \
                 (progress format {version}; this one reads up to {}): update first, then \
                 restore it again.",
                Progress::VERSION
            ),
            BackupError::UnknownReadings(ids) => write!(
                f,
                "This backup holds progress of {} this copy of Lectern does not have: {}. \
                 It may come from a different edition of the app.",
                if ids.len() == 1 {
                    "another reading"
                } else {
                    "other readings"
                },
                ids.join(", ")
            ),
            BackupError::Broken(detail) => write!(
                f,
                "This Lectern backup is damaged or incomplete, so it cannot be restored. \
                 (Details: {detail})"
            ),
        }
    }
}

impl std::error::Error for BackupError {}

/// Refuses a file by its size alone, so the caller can check before reading it into memory.
pub fn check_size(bytes: usize) -> Result<(), BackupError> {
    BACKUP_LIMITS.check_size(bytes).map_err(BackupError::from)
}

impl From<LimitError> for BackupError {
    fn from(error: LimitError) -> Self {
        match error {
            LimitError::TooLarge(bytes) => BackupError::TooLarge(bytes),
            LimitError::NotJson(detail) => BackupError::NotJson(detail),
            LimitError::TooDeep(levels) => {
                BackupError::Broken(format!("nested deeper than {levels} levels"))
            }
        }
    }
}

/// Reads a backup file's text, checking in order: its size, its nesting depth
/// ([`BACKUP_LIMITS`]), that it is JSON, that it is a
/// Lectern backup, that its format and its progress are not newer than this app, that it is
/// whole, and that every reading in it is one of `known_readings`. Never panics.
pub fn parse(text: &str, known_readings: &[&str]) -> Result<Backup, BackupError> {
    BACKUP_LIMITS.check_json(text)?;
    // Format first, so a stray JSON file is "not a backup" rather than "damaged"; then the
    // version, so a newer backup says "update" even if its other fields changed shape.
    let head = FileHead::read(text);
    check_format(&head)?;
    check_version(&head)?;
    let envelope: Envelope =
        serde_json::from_str(text).map_err(|e| BackupError::Broken(e.to_string()))?;
    let progress = read_progress(envelope.progress.get())?;
    check_readings(&progress, known_readings)?;
    Ok(Backup {
        format: envelope.format,
        version: envelope.version,
        app: envelope.app,
        exported_at: envelope.exported_at,
        profile: envelope.profile,
        progress,
    })
}

/// A backup with its progress not yet read (its text as it stands in the file), so that
/// progress errors are told apart.
#[derive(Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    // Informative only: a backup is not refused for naming the app differently.
    #[serde(default)]
    app: String,
    exported_at: f64,
    profile: String,
    progress: Box<RawValue>,
}

fn check_format(head: &FileHead) -> Result<(), BackupError> {
    match head.format.as_deref() {
        Some(BACKUP_FORMAT) => Ok(()),
        _ => Err(BackupError::NotABackup),
    }
}

fn check_version(head: &FileHead) -> Result<(), BackupError> {
    match head.version {
        Some(version) if version > u64::from(BACKUP_VERSION) => {
            Err(BackupError::NewerBackup(version))
        }
        // No version 0 was ever written.
        Some(0) => Err(BackupError::Broken("backup version 0".to_string())),
        Some(_) => Ok(()),
        None => Err(BackupError::Broken(
            "no backup version, or not a whole number".to_string(),
        )),
    }
}

/// Reads the progress inside (its JSON text) through [`Progress::from_json`], the one place that
/// knows which progress versions this app reads, and brings it to the current version.
fn read_progress(text: &str) -> Result<Progress, BackupError> {
    let progress = Progress::from_json(text).map_err(|e| match e {
        ProgressError::Newer(version) => BackupError::NewerProgress(version),
        ProgressError::Corrupt(detail) => BackupError::Broken(format!("progress: {detail}")),
    })?;
    Ok(Progress {
        version: Progress::VERSION,
        ..progress
    })
}

fn check_readings(progress: &Progress, known_readings: &[&str]) -> Result<(), BackupError> {
    let unknown: Vec<String> = progress
        .readings
        .keys()
        .filter(|id| !known_readings.contains(&id.as_str()))
        .cloned()
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(BackupError::UnknownReadings(unknown))
    }
}

/// What a backup holds, for the student to see before restoring it.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub profile: String,
    pub exported_at: f64,
    /// One per reading with any progress, in reading-id order.
    pub readings: Vec<ReadingSummary>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReadingSummary {
    /// The reading's id.
    pub reading: String,
    /// Questions answered.
    pub answered: usize,
    pub sections_read: usize,
    /// The latest answer's time, if any question was answered.
    pub last_answered_at: Option<f64>,
    /// Highlights (with or without a note).
    pub highlights: usize,
    /// Questions and terms in the review queue.
    pub reviews: usize,
}

pub fn preview(backup: &Backup) -> Preview {
    let readings = backup
        .progress
        .readings
        .iter()
        .map(|(id, progress)| ReadingSummary {
            reading: id.clone(),
            answered: progress.answers.len(),
            sections_read: progress.sections_read.len(),
            last_answered_at: progress
                .answers
                .values()
                .map(|r| r.last_answered_at)
                .reduce(f64::max),
            highlights: progress.highlights.items.len(),
            reviews: progress.review.len(),
        })
        .collect();
    Preview {
        profile: backup.profile.clone(),
        exported_at: backup.exported_at,
        readings,
    }
}

/// How a backup is restored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Keep what is here and add what the backup has, by the rules of [`crate::core::merge`].
    Merge,
    /// Throw away what is here and take the backup's progress.
    Replace,
}

/// The progress after restoring `backup` onto `current`.
pub fn restore(current: &Progress, backup: &Backup, mode: RestoreMode) -> Progress {
    match mode {
        RestoreMode::Merge => merge(current, &backup.progress),
        RestoreMode::Replace => Progress {
            version: Progress::VERSION,
            ..backup.progress.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::response::Response;
    use serde_json::Value;

    const KNOWN: &[&str] = &["adversaries-to-allies", "other"];
    /// 2025-11-28T00:00:00Z.
    const NOV_28: f64 = 1_764_288_000_000.0;

    fn sample() -> Progress {
        let mut p = Progress::new();
        let r = "adversaries-to-allies";
        p.record_answer(r, "q1", Response::Choice("ivanov".into()), 0.0, 1_000.0);
        p.record_answer(r, "q1", Response::Choice("putin".into()), 1.0, 3_000.0);
        p.record_answer(r, "q2", Response::Text("Syria".into()), 1.0, 2_000.0);
        p.visit_section(r, "intro");
        p.visit_section(r, "intelligence");
        p
    }

    /// A backup's text with its JSON changed by `edit`.
    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&export(&sample(), "Ana", NOV_28)).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn export_parse_restore_round_trip() {
        let progress = sample();
        let text = export(&progress, "Ana", NOV_28);
        assert!(
            text.contains("\n  \"format\": \"lectern-backup\""),
            "{text}"
        );
        let backup = parse(&text, KNOWN).unwrap();
        assert_eq!(backup.format, BACKUP_FORMAT);
        assert_eq!(backup.version, BACKUP_VERSION);
        assert_eq!(backup.app, APP_NAME);
        assert_eq!(backup.exported_at, NOV_28);
        assert_eq!(backup.profile, "Ana");
        assert_eq!(backup.progress, progress);

        assert_eq!(
            restore(&Progress::new(), &backup, RestoreMode::Replace),
            progress
        );
        assert_eq!(
            restore(&Progress::new(), &backup, RestoreMode::Merge),
            progress
        );
        assert_eq!(restore(&progress, &backup, RestoreMode::Merge), progress);
    }

    #[test]
    fn merge_keeps_what_is_here_and_replace_does_not() {
        let backup = parse(&export(&sample(), "Ana", NOV_28), KNOWN).unwrap();
        let mut here = Progress::new();
        here.record_answer("other", "q9", Response::TrueFalse(true), 1.0, 5_000.0);
        let merged = restore(&here, &backup, RestoreMode::Merge);
        assert!(merged.answer("other", "q9").is_some());
        assert!(merged.answer("adversaries-to-allies", "q1").is_some());
        let replaced = restore(&here, &backup, RestoreMode::Replace);
        assert!(replaced.answer("other", "q9").is_none());
        assert_eq!(replaced, sample());
    }

    /// The essay and its opening paragraph, to highlight.
    fn opening() -> (
        &'static lectern_content::Reading,
        crate::core::highlights::Span,
    ) {
        let reading = &crate::content::READINGS[0];
        let span = crate::core::highlights::Span::sentences(
            reading,
            "intriguing-question",
            "collaboration-real",
        );
        (reading, span.unwrap())
    }

    /// A highlight removed since the backup was made stays removed when the backup is merged
    /// back in; one made since stays.
    #[test]
    fn an_older_backup_does_not_bring_back_a_removed_highlight() {
        let (reading, span) = opening();
        let mut here = sample();
        here.add_highlight(reading, "old", &span, Default::default(), "", 4_000.0)
            .unwrap();
        let backup = parse(&export(&here, "Ana", NOV_28), KNOWN).unwrap();
        assert!(here.remove_highlight(&reading.id, "old", 5_000.0));
        here.add_highlight(reading, "new", &span, Default::default(), "", 6_000.0)
            .unwrap();
        let merged = restore(&here, &backup, RestoreMode::Merge);
        let highlights = &merged.reading(&reading.id).unwrap().highlights;
        assert_eq!(highlights.items.keys().collect::<Vec<_>>(), ["new"]);
        assert!(highlights.removed.contains_key("old"));
    }

    #[test]
    fn preview_summarizes_each_reading() {
        let mut progress = sample();
        progress.visit_section("other", "start");
        let (reading, span) = opening();
        progress
            .add_highlight(reading, "h", &span, Default::default(), "note", 4_000.0)
            .unwrap();
        progress.look_up_term(&reading.id, "nato", 4_000.0, crate::core::review::Day(1));
        let backup = parse(&export(&progress, "Ana", NOV_28), KNOWN).unwrap();
        assert_eq!(
            backup.progress, progress,
            "highlights and reviews are in the backup"
        );
        let preview = preview(&backup);
        assert_eq!(preview.profile, "Ana");
        assert_eq!(preview.exported_at, NOV_28);
        assert_eq!(
            preview.readings,
            vec![
                ReadingSummary {
                    reading: "adversaries-to-allies".into(),
                    answered: 2,
                    sections_read: 2,
                    last_answered_at: Some(3_000.0),
                    highlights: 1,
                    reviews: 1,
                },
                ReadingSummary {
                    reading: "other".into(),
                    answered: 0,
                    sections_read: 1,
                    last_answered_at: None,
                    highlights: 0,
                    reviews: 0,
                },
            ]
        );
    }

    /// The backup format of version 1, as written by this app: any later version must keep
    /// reading it.
    #[test]
    fn version_1_fixture_still_parses() {
        let fixture = r#"{
  "format": "lectern-backup",
  "version": 1,
  "app": "Lectern",
  "exported_at": 1764288000000.0,
  "profile": "Student",
  "progress": {
    "version": 1,
    "readings": {
      "adversaries-to-allies": {
        "answers": {
          "who-offered-intelligence": {
            "response": {
              "kind": "choice",
              "value": "ivanov"
            },
            "score": 1.0,
            "tries": 2,
            "first_try_correct": false,
            "first_try_score": 0.0,
            "first_answered_at": 1700000000000.0,
            "last_answered_at": 1700000060000.0
          }
        },
        "sections_read": [
          "intelligence"
        ],
        "last_section": "intelligence"
      }
    }
  }
}"#;
        let backup = parse(fixture, &["adversaries-to-allies"]).unwrap();
        assert_eq!(backup.profile, "Student");
        assert_eq!(backup.exported_at, 1_764_288_000_000.0);
        let record = backup
            .progress
            .answer("adversaries-to-allies", "who-offered-intelligence")
            .unwrap();
        assert_eq!(record.response, Response::Choice("ivanov".into()));
        assert_eq!((record.tries, record.first_try_correct), (2, false));
        assert_eq!(record.last_answered_at, 1_700_000_060_000.0);
        // Written back as version 2 with everything of version 1 where it was, and the
        // question right only after a retry in the review queue.
        let written = export(&backup.progress, &backup.profile, backup.exported_at);
        let old: Value = serde_json::from_str(fixture).unwrap();
        let new: Value = serde_json::from_str(&written).unwrap();
        assert!(
            crate::core::progress::tests::keeps_everything(&old, &new),
            "{written}"
        );
        assert_eq!(new["progress"]["version"], 2);
        assert_eq!(new["version"], 1, "the envelope is unchanged");
        let card = &backup
            .progress
            .reading("adversaries-to-allies")
            .unwrap()
            .review
            .questions["who-offered-intelligence"];
        assert_eq!(card.grade, crate::core::fsrs::Grade::Hard);
        assert_eq!(parse(&written, &["adversaries-to-allies"]).unwrap(), backup);
    }

    #[test]
    fn refuses_too_large() {
        let text = " ".repeat(MAX_BACKUP_BYTES + 1);
        let err = parse(&text, KNOWN).unwrap_err();
        assert_eq!(err, BackupError::TooLarge(MAX_BACKUP_BYTES + 1));
        assert_eq!(
            err.to_string(),
            "This file is 1.1 MB, too large for a Lectern backup (at most 1 MB). \
             Check that you picked the right file."
        );
        assert_eq!(check_size(MAX_BACKUP_BYTES), Ok(()));
        assert!(check_size(5 * 1024 * 1024 + 1).is_err());
        // Exactly at the cap, the size is fine (the text is simply not JSON).
        let at_cap = " ".repeat(MAX_BACKUP_BYTES);
        assert!(matches!(
            parse(&at_cap, KNOWN),
            Err(BackupError::NotJson(_))
        ));
    }

    #[test]
    fn refuses_a_deeply_nested_file_as_damaged() {
        let deep = edited(|v| {
            let mut nested = Value::Null;
            for _ in 0..40 {
                nested = Value::Array(vec![nested]);
            }
            v["extra"] = nested;
        });
        assert_eq!(
            parse(&deep, KNOWN),
            Err(BackupError::Broken(
                "nested deeper than 32 levels".to_string()
            ))
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in ["", "lectern", "{\"format\":", "PK\u{3}\u{4}zip", "{'a': 1}"] {
            let err = parse(text, KNOWN).unwrap_err();
            assert!(matches!(err, BackupError::NotJson(_)), "{text:?}: {err:?}");
            assert!(
                err.to_string()
                    .starts_with("This file is not a Lectern backup: it is not a backup file"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named_with_its_value_and_place() {
        let text = r#"{"format":"lectern-backup","version":1,"app":"Lectern","exported_at":"yesterday","profile":"x","progress":{}}"#;
        assert_eq!(
            parse(text, KNOWN).unwrap_err().to_string(),
            "This Lectern backup is damaged or incomplete, so it cannot be restored. (Details: \
             invalid type: string \"yesterday\", expected f64 at line 1 column 80)"
        );
    }

    #[test]
    fn refuses_json_that_is_not_a_backup() {
        let progress_alone = sample().to_json();
        let other_format = edited(|v| v["format"] = "lectern-progress".into());
        let no_format = edited(|v| {
            v.as_object_mut().unwrap().remove("format");
        });
        for text in [
            "null",
            "[1, 2]",
            "\"lectern-backup\"",
            "{}",
            r#"{"format": 1}"#,
            &progress_alone,
            &other_format,
            &no_format,
        ] {
            let err = parse(text, KNOWN).unwrap_err();
            assert_eq!(err, BackupError::NotABackup, "{text}");
        }
        assert_eq!(
            BackupError::NotABackup.to_string(),
            "This file is not a Lectern backup. Check that you picked the file Lectern saved: \
             its name starts with \"lectern-backup\"."
        );
    }

    #[test]
    fn refuses_a_newer_backup() {
        // Newer, even with a shape this app does not know.
        let newer = r#"{"format":"lectern-backup","version":2,"profiles":[]}"#;
        let err = parse(newer, KNOWN).unwrap_err();
        assert_eq!(err, BackupError::NewerBackup(2));
        assert_eq!(
            err.to_string(),
            "This backup was made by a newer version of Lectern (backup format 2; this one \
             reads up to 1): update first, then restore it again."
        );
        let huge = edited(|v| v["version"] = 10_000_000_000u64.into());
        assert_eq!(
            parse(&huge, KNOWN),
            Err(BackupError::NewerBackup(10_000_000_000))
        );
    }

    #[test]
    fn refuses_newer_progress() {
        let text = edited(|v| v["progress"]["version"] = 7.into());
        let err = parse(&text, KNOWN).unwrap_err();
        assert_eq!(err, BackupError::NewerProgress(7));
        assert_eq!(
            err.to_string(),
            "The progress in this backup was saved by a newer version of Lectern (progress \
             format 7; this one reads up to 2): update first, then restore it again."
        );
    }

    #[test]
    fn refuses_progress_of_unknown_readings() {
        let text = export(&sample(), "Ana", NOV_28);
        let err = parse(&text, &["other"]).unwrap_err();
        assert_eq!(
            err,
            BackupError::UnknownReadings(vec!["adversaries-to-allies".into()])
        );
        assert_eq!(
            err.to_string(),
            "This backup holds progress of another reading this copy of Lectern does not have: \
             adversaries-to-allies. It may come from a different edition of the app."
        );
        let mut two = sample();
        two.visit_section("zebra", "one");
        let err = parse(&export(&two, "Ana", NOV_28), &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This backup holds progress of other readings this copy of Lectern does not have: \
             adversaries-to-allies, zebra. It may come from a different edition of the app."
        );
    }

    #[test]
    fn refuses_a_broken_backup() {
        let cases = [
            edited(|v| v["version"] = "one".into()),
            edited(|v| v["version"] = (-1).into()),
            edited(|v| v["version"] = 0.into()),
            edited(|v| v["version"] = 1.5.into()),
            edited(|v| v["profile"] = Value::Null),
            edited(|v| {
                v.as_object_mut().unwrap().remove("progress");
            }),
            edited(|v| v["exported_at"] = "yesterday".into()),
            edited(|v| v["progress"] = "all of it".into()),
            edited(|v| v["progress"]["version"] = Value::Null),
            edited(|v| v["progress"]["readings"] = Value::Array(vec![])),
            edited(|v| {
                v["progress"]["readings"]["adversaries-to-allies"]["answers"]["q1"]["tries"] =
                    (-3).into()
            }),
            edited(|v| {
                v["progress"]["readings"]["adversaries-to-allies"]["answers"]["q2"]["response"]
                    ["kind"] = "telepathy".into()
            }),
        ];
        for text in &cases {
            let err = parse(text, KNOWN).unwrap_err();
            assert!(matches!(err, BackupError::Broken(_)), "{text}: {err:?}");
            assert!(
                err.to_string().starts_with(
                    "This Lectern backup is damaged or incomplete, so it cannot be restored. \
                     (Details: "
                ),
                "{err}"
            );
        }
    }

    #[test]
    fn an_other_app_name_or_older_progress_is_fine() {
        let text = edited(|v| {
            v["app"] = "Lectern Classroom".into();
            v["progress"]["version"] = 0.into();
        });
        let backup = parse(&text, KNOWN).unwrap();
        assert_eq!(backup.progress.version, Progress::VERSION);
        let no_app = edited(|v| {
            v.as_object_mut().unwrap().remove("app");
        });
        assert!(parse(&no_app, KNOWN).is_ok());
    }

    #[test]
    fn file_names() {
        assert_eq!(
            file_name("Student", NOV_28),
            "lectern-backup-student-2025-11-28.json"
        );
        assert_eq!(
            file_name("  Ana María O'Neil!  ", 0.0),
            "lectern-backup-ana-maría-o-neil-1970-01-01.json"
        );
        assert_eq!(file_name("", NOV_28), "lectern-backup-2025-11-28.json");
        assert_eq!(file_name("../..", NOV_28), "lectern-backup-2025-11-28.json");
        assert_eq!(
            file_name("Класс 7Б", NOV_28),
            "lectern-backup-класс-7б-2025-11-28.json"
        );
        let long = file_name(&"a".repeat(500), NOV_28);
        assert_eq!(
            long,
            format!("lectern-backup-{}-2025-11-28.json", "a".repeat(40))
        );
        assert_eq!(
            file_name("x", 1_795_824_000_000.0),
            "lectern-backup-x-2026-11-28.json"
        );
    }
}

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::response::Response;
    use proptest::collection::{btree_map, btree_set, vec};
    use proptest::option;
    use proptest::prelude::*;
    use serde_json::Value;

    const KNOWN: &[&str] = &["a", "b", "c"];

    fn answer() -> impl Strategy<Value = crate::core::progress::AnswerRecord> {
        (
            "\\PC{0,12}",
            0u8..=4,
            1u32..20,
            any::<bool>(),
            0u64..4_000_000_000_000,
            0u64..1_000_000_000,
        )
            .prop_map(|(text, score, tries, right, first, later)| {
                crate::core::progress::AnswerRecord {
                    response: Response::Text(text),
                    score: f32::from(score) / 4.0,
                    tries,
                    first_try_correct: right,
                    first_try_score: if right { 1.0 } else { 0.0 },
                    hinted: right && tries % 2 == 0,
                    first_answered_at: first as f64,
                    last_answered_at: (first + later) as f64,
                }
            })
    }

    fn progress() -> impl Strategy<Value = Progress> {
        let reading = (
            btree_map("[a-z0-9-]{1,12}", answer(), 0..5),
            btree_set("[a-z-]{1,8}", 0..4),
            option::of("[a-z-]{1,8}"),
            crate::core::merge::properties::highlights(),
        )
            .prop_map(|(answers, sections_read, last_section, highlights)| {
                let mut reading = crate::core::progress::ReadingProgress {
                    answers,
                    sections_read,
                    last_section,
                    highlights,
                    review: Default::default(),
                };
                // The review queue as study leaves it.
                crate::core::review::queue_from_answers(&mut reading);
                reading
            });
        btree_map("[abc]", reading, 0..4).prop_map(|readings| Progress {
            version: Progress::VERSION,
            readings,
            settings: Default::default(),
            assignments: Default::default(),
        })
    }

    /// Any JSON value, a few levels deep.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "\\PC{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(Value::Array),
                btree_map("[a-z_]{0,8}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Replaces the value at a path chosen by `picks` (a key or index at each level) with `new`.
    fn replace_somewhere(value: &mut Value, picks: &[usize], new: Value) {
        let child = match (picks.first(), &mut *value) {
            (Some(&pick), Value::Object(map)) if !map.is_empty() => {
                let key = map.keys().nth(pick % map.len()).cloned();
                key.and_then(|key| map.get_mut(&key))
            }
            (Some(&pick), Value::Array(items)) if !items.is_empty() => {
                let len = items.len();
                items.get_mut(pick % len)
            }
            _ => None,
        };
        match child {
            Some(child) => replace_somewhere(child, &picks[1..], new),
            None => *value = new,
        }
    }

    proptest! {
        #[test]
        fn export_then_parse_gives_it_back(p in progress(), profile in "\\PC{0,20}",
                                           at in 0u64..10_000_000_000_000) {
            let text = export(&p, &profile, at as f64);
            let backup = parse(&text, KNOWN).expect("an export always parses");
            prop_assert_eq!(&backup.progress, &p);
            prop_assert_eq!(&backup.profile, &profile);
            prop_assert_eq!(backup.exported_at, at as f64);
            prop_assert_eq!(restore(&Progress::new(), &backup, RestoreMode::Replace), p);
        }

        #[test]
        fn any_text_is_refused_without_panicking(text in "\\PC{0,200}") {
            let _ = parse(&text, KNOWN);
        }

        /// Any file's bytes, as the browser reads a chosen file (`File.text()` decodes UTF-8,
        /// replacing what is not).
        #[test]
        fn any_bytes_are_refused_without_panicking(bytes in vec(any::<u8>(), 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            prop_assert!(parse(&text, KNOWN).is_err());
        }

        #[test]
        fn json_like_text_is_refused_without_panicking(text in "[{}\\[\\]\":,0-9a-z_. -]{0,200}") {
            let _ = parse(&text, KNOWN);
        }

        #[test]
        fn mutated_text_never_panics(p in progress(), at in any::<prop::sample::Index>(),
                                     cut in 0usize..40, insert in "\\PC{0,6}") {
            let text = export(&p, "Ana", 0.0);
            let chars: Vec<char> = text.chars().collect();
            let start = at.index(chars.len());
            let end = (start + cut).min(chars.len());
            let mutated: String = chars[..start].iter().copied()
                .chain(insert.chars())
                .chain(chars[end..].iter().copied())
                .collect();
            if let Ok(backup) = parse(&mutated, KNOWN) {
                prop_assert!(backup.progress.readings.keys().all(|r| KNOWN.contains(&r.as_str())));
            }
        }

        #[test]
        fn mutated_json_never_panics(p in progress(), picks in vec(any::<usize>(), 0..7),
                                     new in json()) {
            let mut value: Value =
                serde_json::from_str(&export(&p, "Ana", 0.0)).expect("export is JSON");
            replace_somewhere(&mut value, &picks, new);
            if let Ok(backup) = parse(&value.to_string(), KNOWN) {
                prop_assert_eq!(backup.format, BACKUP_FORMAT);
                prop_assert!(backup.version <= BACKUP_VERSION);
                prop_assert_eq!(backup.progress.version, Progress::VERSION);
                prop_assert!(backup.progress.readings.keys().all(|r| KNOWN.contains(&r.as_str())));
            }
        }

        #[test]
        fn file_names_are_safe(profile in "\\PC{0,60}", at in any::<f64>()) {
            let name = file_name(&profile, at);
            prop_assert!(name.starts_with("lectern-backup-"));
            prop_assert!(name.ends_with(".json"));
            prop_assert!(!name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|', ' ']));
        }
    }
}
