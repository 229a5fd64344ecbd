//! What a student has done, kept between visits: every answer with its tries and first-try result,
//! the sections read and where they left off. Pure data and pure functions; the browser side
//! (local storage) lives in `crate::platform::storage`.
//!
//! The stored form is JSON with a `version` field ([`Progress::VERSION`]). Questions and sections
//! are named by their stable content ids, so stored progress survives app updates.

use crate::core::response::Response;
pub use crate::core::settings::Settings;
use lectern_content::Reading;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One profile's progress in every reading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub readings: BTreeMap<String, ReadingProgress>,
    /// How this student likes to read; kept with their progress, so each profile has its own.
    /// Left out of the JSON while it is the default, so older files stay byte for byte the same.
    #[serde(default, skip_serializing_if = "Settings::is_default")]
    pub settings: Settings,
    /// Classroom assignments, by assignment key: kept apart from free study, so an assignment's
    /// answers never count in the reading's results and free study never fills in an
    /// assessment. Left out while empty, like `settings`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assignments: BTreeMap<String, AssignmentProgress>,
}

/// A student's work on one assignment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignmentProgress {
    /// The assignment link's code, so the assignment can be listed and reopened.
    pub code: String,
    /// The name the student gave; it goes on the hand-in and seeds their question order.
    pub student: String,
    /// The student ID or school email the assignment asked for (version 2); empty, and left
    /// out of the JSON, when it asked for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub student_id: String,
    /// When the student pressed Start, in milliseconds since the Unix epoch (the timer runs
    /// from here, across reloads).
    pub started_at: f64,
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerRecord>,
    #[serde(default)]
    pub handed_in: Option<HandedIn>,
}

/// A hand-in, kept so the student can see and pass on their result again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandedIn {
    pub at: f64,
    /// Handed in by the timer.
    pub auto: bool,
    /// The hand-in code.
    pub code: String,
}

impl AssignmentProgress {
    pub fn new(code: String, student: String, started_at: f64) -> Self {
        AssignmentProgress {
            code,
            student,
            student_id: String::new(),
            started_at,
            answers: BTreeMap::new(),
            handed_in: None,
        }
    }

    /// Keeps an assessment answer as it stands (no check, no try counted): saved on every
    /// change so that nothing typed is lost, graded only at hand-in.
    pub fn save_response(&mut self, question: &str, response: Response, score: f32, now_ms: f64) {
        if self.handed_in.is_some() {
            return;
        }
        let record = self
            .answers
            .entry(question.to_string())
            .or_insert_with(|| AnswerRecord {
                response: response.clone(),
                score,
                tries: 0,
                first_try_correct: false,
                first_try_score: 0.0,
                first_answered_at: now_ms,
                last_answered_at: now_ms,
            });
        record.response = response;
        record.score = score;
        record.last_answered_at = now_ms;
    }

    /// One press of "Check" in a practice assignment, as in free study.
    pub fn record_check(&mut self, question: &str, response: Response, score: f32, now_ms: f64) {
        if self.handed_in.is_some() {
            return;
        }
        record_check(&mut self.answers, question, response, score, now_ms);
    }
}

/// Progress in one reading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadingProgress {
    /// The latest answer to each question, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerRecord>,
    /// Sections the student has opened.
    #[serde(default)]
    pub sections_read: BTreeSet<String>,
    /// The section the student was last in, for "Continue where you left off".
    #[serde(default)]
    pub last_section: Option<String>,
}

/// A question's answering history, compressed to what the app shows and a teacher asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The latest response.
    pub response: Response,
    /// The latest response's score, 0.0 ..= 1.0.
    pub score: f32,
    /// How many times the student pressed "Check".
    pub tries: u32,
    /// Whether the first try was fully right: the figure results are based on.
    pub first_try_correct: bool,
    /// The first try's score.
    pub first_try_score: f32,
    /// Milliseconds since the Unix epoch of the first and latest tries.
    pub first_answered_at: f64,
    pub last_answered_at: f64,
}

impl AnswerRecord {
    pub fn is_correct(&self) -> bool {
        self.score >= 1.0
    }
}

impl Progress {
    /// 2 added an assignment's `student_id`; version 1 progress reads as it is.
    pub const VERSION: u32 = 2;

    pub fn new() -> Self {
        Progress {
            version: Self::VERSION,
            readings: BTreeMap::new(),
            settings: Settings::default(),
            assignments: BTreeMap::new(),
        }
    }

    pub fn reading(&self, reading: &str) -> Option<&ReadingProgress> {
        self.readings.get(reading)
    }

    fn reading_mut(&mut self, reading: &str) -> &mut ReadingProgress {
        self.readings.entry(reading.to_string()).or_default()
    }

    pub fn answer(&self, reading: &str, question: &str) -> Option<&AnswerRecord> {
        self.reading(reading)?.answers.get(question)
    }

    /// Records one press of "Check": the first try fixes the first-try result, every try
    /// counts and replaces the latest response.
    pub fn record_answer(
        &mut self,
        reading: &str,
        question: &str,
        response: Response,
        score: f32,
        now_ms: f64,
    ) {
        record_check(
            &mut self.reading_mut(reading).answers,
            question,
            response,
            score,
            now_ms,
        );
    }

    /// Marks a section as opened and remembers it as the place to continue from.
    pub fn visit_section(&mut self, reading: &str, section: &str) {
        let progress = self.reading_mut(reading);
        progress.sections_read.insert(section.to_string());
        progress.last_section = Some(section.to_string());
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress always serializes")
    }

    /// Reads stored progress. Anything that is not valid progress of a version this app knows is
    /// an error, so the caller can keep the text aside instead of overwriting it.
    pub fn from_json(text: &str) -> Result<Progress, ProgressError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        let version = serde_json::from_str::<VersionOnly>(text)
            .map_err(|e| ProgressError::Corrupt(e.to_string()))?
            .version;
        if version > Self::VERSION {
            return Err(ProgressError::Newer(version));
        }
        let progress: Progress =
            serde_json::from_str(text).map_err(|e| ProgressError::Corrupt(e.to_string()))?;
        // Every older version reads as the current one (version 2 only added an optional
        // field), and is saved as the current one, so an older app never drops what it added.
        Ok(Progress {
            version: Self::VERSION,
            ..progress
        })
    }
}

/// Records one press of "Check": the first try fixes the first-try result, every try counts and
/// replaces the latest response.
fn record_check(
    answers: &mut BTreeMap<String, AnswerRecord>,
    question: &str,
    response: Response,
    score: f32,
    now_ms: f64,
) {
    match answers.get_mut(question) {
        Some(record) => {
            record.response = response;
            record.score = score;
            record.tries += 1;
            record.last_answered_at = now_ms;
        }
        None => {
            answers.insert(
                question.to_string(),
                AnswerRecord {
                    response,
                    score,
                    tries: 1,
                    first_try_correct: score >= 1.0,
                    first_try_score: score,
                    first_answered_at: now_ms,
                    last_answered_at: now_ms,
                },
            );
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProgressError {
    /// Not JSON, or not shaped like progress.
    Corrupt(String),
    /// Written by a newer Lectern, with this format version.
    Newer(u32),
}

/// Where a student stands in a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Done,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Not started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Done => "Done",
        }
    }
}

/// A summary of a set of questions: how many, answered, right first time, and the score.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub questions: usize,
    pub answered: usize,
    pub right_first_time: usize,
    /// Sum of first-try scores (partial credit included).
    pub points: f32,
}

impl Tally {
    /// The first-try score as a whole percentage of all the questions (unanswered count as 0).
    pub fn percent(&self) -> u32 {
        if self.questions == 0 {
            return 0;
        }
        (self.points / self.questions as f32 * 100.0).round() as u32
    }

    pub fn status(&self, visited: bool) -> SectionStatus {
        if self.questions > 0 && self.answered == self.questions {
            SectionStatus::Done
        } else if self.answered > 0 || visited {
            SectionStatus::InProgress
        } else {
            SectionStatus::NotStarted
        }
    }
}

/// Tallies the questions of one section, or of the whole reading when `section` is `None`.
pub fn tally(
    reading: &Reading,
    progress: Option<&ReadingProgress>,
    section: Option<&str>,
) -> Tally {
    let mut tally = Tally::default();
    for question in reading.questions.iter() {
        if section.is_some_and(|s| question.section != s) {
            continue;
        }
        tally.questions += 1;
        if let Some(record) = progress.and_then(|p| p.answers.get(question.id.as_ref())) {
            tally.answered += 1;
            tally.points += record.first_try_score;
            if record.first_try_correct {
                tally.right_first_time += 1;
            }
        }
    }
    tally
}

/// The questions a student missed: answered, but not right the first time or not right now.
pub fn missed_questions<'a>(
    reading: &'a Reading,
    progress: Option<&ReadingProgress>,
) -> Vec<&'a str> {
    reading
        .questions
        .iter()
        .filter(|q| {
            progress
                .and_then(|p| p.answers.get(q.id.as_ref()))
                .is_some_and(|r| !r.first_try_correct || !r.is_correct())
        })
        .map(|q| q.id.as_ref())
        .collect()
}

/// Where "Continue where you left off" goes: the last section visited, else the first section
/// with an unanswered question, else the first section.
pub fn continue_section<'a>(reading: &'a Reading, progress: Option<&ReadingProgress>) -> &'a str {
    if let Some(last) = progress.and_then(|p| p.last_section.as_deref()) {
        if let Some(section) = reading.section(last) {
            return &section.id;
        }
    }
    let unanswered = reading
        .questions
        .iter()
        .find(|q| !progress.is_some_and(|p| p.answers.contains_key(q.id.as_ref())));
    match unanswered {
        Some(q) => &q.section,
        None => &reading.sections[0].id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::settings::{TextSize, Theme};

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    #[test]
    fn first_try_is_kept_and_tries_counted() {
        let mut p = Progress::new();
        p.record_answer("r", "q", Response::Choice("wrong".into()), 0.0, 10.0);
        p.record_answer("r", "q", Response::Choice("right".into()), 1.0, 20.0);
        let record = p.answer("r", "q").unwrap();
        assert_eq!(record.tries, 2);
        assert!(!record.first_try_correct);
        assert_eq!(record.first_try_score, 0.0);
        assert!(record.is_correct());
        assert_eq!(record.response, Response::Choice("right".into()));
        assert_eq!(
            (record.first_answered_at, record.last_answered_at),
            (10.0, 20.0)
        );
    }

    /// Every field of `value`, as paths (`readings.*.answers.*.tries`: `*` for an id), sorted.
    fn field_paths(prefix: &str, value: &serde_json::Value, out: &mut Vec<String>) {
        let Some(object) = value.as_object() else {
            return;
        };
        let keyed_by_id = matches!(
            prefix.rsplit('.').next(),
            Some("readings" | "answers" | "assignments")
        );
        for (key, child) in object {
            let name = if keyed_by_id { "*" } else { key.as_str() };
            let path = if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            };
            if !keyed_by_id {
                out.push(path.clone());
            }
            // A response is one value, whatever its kind.
            if name != "response" {
                field_paths(&path, child, out);
            }
        }
        out.sort();
        out.dedup();
    }

    /// An app keeps only the fields of stored progress it knows and writes the rest away on its
    /// next save. So a new field must come with a new [`Progress::VERSION`], which older apps
    /// refuse to overwrite (`ProgressError::Newer`), never silently: this test pins the fields
    /// of this version, and fails for a field added without a thought.
    #[test]
    fn the_stored_fields_are_pinned_to_the_version() {
        let mut p = Progress::new();
        p.record_answer("r", "q", Response::Choice("a".into()), 1.0, 1.0);
        p.visit_section("r", "s");
        p.settings = Settings {
            theme: Theme::Dark,
            text_size: TextSize::Larger,
            line_spacing: crate::core::settings::LineSpacing::Wide,
            easy_letters: true,
            read_aloud_speed: crate::core::settings::ReadAloudSpeed::Faster,
        };
        let mut work = AssignmentProgress::new("LA1.x".into(), "Ana".into(), 1.0);
        work.student_id = "S-1".into();
        work.save_response("q", Response::Text("t".into()), 1.0, 2.0);
        work.handed_in = Some(HandedIn {
            at: 3.0,
            auto: false,
            code: "LR1.x".into(),
        });
        p.assignments.insert("k".into(), work);
        let value: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        let mut paths = Vec::new();
        field_paths("", &value, &mut paths);
        let answer = |prefix: &str| {
            [
                "first_answered_at",
                "first_try_correct",
                "first_try_score",
                "last_answered_at",
                "response",
                "score",
                "tries",
            ]
            .map(|field| format!("{prefix}.answers.*.{field}"))
        };
        let mut expected: Vec<String> = [
            "assignments",
            "assignments.*.answers",
            "assignments.*.code",
            "assignments.*.handed_in",
            "assignments.*.handed_in.at",
            "assignments.*.handed_in.auto",
            "assignments.*.handed_in.code",
            "assignments.*.started_at",
            "assignments.*.student",
            "assignments.*.student_id",
            "readings",
            "readings.*.answers",
            "readings.*.last_section",
            "readings.*.sections_read",
            "settings",
            "settings.easy_letters",
            "settings.line_spacing",
            "settings.read_aloud_speed",
            "settings.text_size",
            "settings.theme",
            "version",
        ]
        .map(String::from)
        .into_iter()
        .chain(answer("assignments.*"))
        .chain(answer("readings.*"))
        .collect();
        expected.sort();
        assert_eq!(
            paths, expected,
            "stored progress changed shape: give it a new Progress::VERSION (and read the old \
             one in from_json), then pin its fields here"
        );
        assert_eq!(Progress::VERSION, 2, "pin the new version's fields above");
    }

    #[test]
    fn json_round_trip_and_version_checks() {
        let mut p = Progress::new();
        p.record_answer("r", "q", Response::Text("Ivanov".into()), 1.0, 1.0);
        p.visit_section("r", "bases");
        let json = p.to_json();
        assert_eq!(Progress::from_json(&json).unwrap(), p);
        assert!(json.contains("\"version\":2"));

        assert_eq!(
            Progress::from_json(r#"{"version":99,"readings":{}}"#),
            Err(ProgressError::Newer(99))
        );
        for corrupt in [
            "",
            "not json",
            "{}",
            r#"{"version":"one"}"#,
            r#"{"version":1,"readings":[1]}"#,
        ] {
            assert!(
                matches!(Progress::from_json(corrupt), Err(ProgressError::Corrupt(_))),
                "{corrupt:?} should be corrupt"
            );
        }
    }

    #[test]
    fn settings_default_when_absent_or_unknown() {
        let p = Progress::from_json(r#"{"version":1,"readings":{}}"#).unwrap();
        assert_eq!(p.settings, Settings::default());
        let p = Progress::from_json(
            r#"{"version":1,"settings":{"theme":"sepia","text_size":"larger"}}"#,
        )
        .unwrap();
        assert_eq!(p.settings.theme, Theme::System);
        assert_eq!(p.settings.text_size, TextSize::Larger);
        let mut p = Progress::new();
        p.settings.theme = Theme::Dark;
        assert!(p
            .to_json()
            .contains(r#""settings":{"theme":"dark","text_size":"normal"}"#));
    }

    /// The stored format of version 1, as a fixture: any later version must keep reading it.
    #[test]
    fn version_1_fixture_still_reads() {
        let fixture = r#"{"version":1,"readings":{"adversaries-to-allies":{"answers":{"who-offered-intelligence":{"response":{"kind":"choice","value":"ivanov"},"score":1.0,"tries":1,"first_try_correct":true,"first_try_score":1.0,"first_answered_at":1700000000000.0,"last_answered_at":1700000000000.0}},"sections_read":["intelligence"],"last_section":"intelligence"}}}"#;
        let p = Progress::from_json(fixture).unwrap();
        let r = p.reading("adversaries-to-allies").unwrap();
        assert_eq!(r.last_section.as_deref(), Some("intelligence"));
        assert_eq!(r.answers.len(), 1);
        // Read as the current version, so it is saved as one.
        assert_eq!(p.version, Progress::VERSION);
        assert!(p.to_json().starts_with("{\"version\":2,"));
    }

    /// Version 2 as a fixture: an assignment with a student ID; version 1's assignments (no ID)
    /// still read, with none.
    #[test]
    fn version_2_fixture_reads_and_round_trips() {
        let fixture = r#"{"version":2,"readings":{},"assignments":{"0000002a":{"code":"LA2.x","student":"Ana","student_id":"ana@school.org","started_at":1700000000000.0,"answers":{},"handed_in":null}}}"#;
        let p = Progress::from_json(fixture).unwrap();
        assert_eq!(p.assignments["0000002a"].student_id, "ana@school.org");
        assert_eq!(p.to_json(), fixture);
        let v1 = fixture
            .replace("\"version\":2", "\"version\":1")
            .replace("\"student_id\":\"ana@school.org\",", "");
        assert_eq!(
            Progress::from_json(&v1).unwrap().assignments["0000002a"].student_id,
            ""
        );
    }

    #[test]
    fn tally_status_and_missed() {
        let reading = essay();
        let section = &reading.sections[0];
        let questions: Vec<_> = reading.questions_for(&section.id).collect();
        let mut p = Progress::new();
        assert_eq!(
            tally(reading, None, Some(&section.id)).status(false),
            SectionStatus::NotStarted
        );
        assert_eq!(
            tally(reading, None, Some(&section.id)).status(true),
            SectionStatus::InProgress
        );

        // First question right, second wrong then right, the rest right.
        p.record_answer(
            &reading.id,
            &questions[0].id,
            Response::Text("x".into()),
            1.0,
            1.0,
        );
        p.record_answer(
            &reading.id,
            &questions[1].id,
            Response::Text("x".into()),
            0.0,
            1.0,
        );
        p.record_answer(
            &reading.id,
            &questions[1].id,
            Response::Text("y".into()),
            1.0,
            2.0,
        );
        let partial = tally(reading, p.reading(&reading.id), Some(&section.id));
        assert_eq!(partial.answered, 2);
        assert_eq!(partial.right_first_time, 1);
        assert_eq!(partial.status(false), SectionStatus::InProgress);
        for q in &questions[2..] {
            p.record_answer(&reading.id, &q.id, Response::Text("x".into()), 1.0, 3.0);
        }
        let done = tally(reading, p.reading(&reading.id), Some(&section.id));
        assert_eq!(done.status(true), SectionStatus::Done);
        assert_eq!(done.right_first_time, questions.len() - 1);
        let expected =
            ((questions.len() - 1) as f32 / questions.len() as f32 * 100.0).round() as u32;
        assert_eq!(done.percent(), expected);
        assert_eq!(
            missed_questions(reading, p.reading(&reading.id)),
            vec![questions[1].id.as_ref()]
        );
    }

    #[test]
    fn continue_goes_to_last_section_or_first_unanswered() {
        let reading = essay();
        assert_eq!(continue_section(reading, None), reading.sections[0].id);
        let mut p = Progress::new();
        for q in reading.questions_for(&reading.sections[0].id) {
            p.record_answer(&reading.id, &q.id, Response::Text("x".into()), 1.0, 1.0);
        }
        assert_eq!(
            continue_section(reading, p.reading(&reading.id)),
            reading.sections[1].id
        );
        p.visit_section(&reading.id, &reading.sections[3].id);
        assert_eq!(
            continue_section(reading, p.reading(&reading.id)),
            reading.sections[3].id
        );
    }
}
