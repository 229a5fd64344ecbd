//! What a student has done, kept between visits: every answer with its tries and first-try result,
//! the sections read and where they left off. Pure data and pure functions; the browser side
//! (local storage) lives in `crate::platform::storage`.
//!
//! The stored form is JSON with a `version` field ([`Progress::VERSION`]). Questions and sections
//! are named by their stable content ids, so stored progress survives app updates. Version 2
//! added, per reading, the student's highlights and notes ([`crate::core::highlights`]) and
//! review queue ([`crate::core::review`]), whether the hint was open at an answer's first try,
//! and the daily number of reviews; [`Progress::from_json`] brings version 1 up to date.

use crate::core::credit::{credits, partner};
use crate::core::highlights::Highlights;
use crate::core::response::Response;
use crate::core::review::ReviewQueue;
pub use crate::core::settings::Settings;
use lectern_content::{Question, Reading};
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
                hinted: false,
                first_answered_at: now_ms,
                last_answered_at: now_ms,
            });
        record.response = response;
        record.score = score;
        record.last_answered_at = now_ms;
    }

    /// One press of "Check" in a practice assignment, as in free study. It never touches the
    /// review queue: an assignment's questions join it only once handed in
    /// ([`Progress::queue_handed_in`]).
    pub fn record_check(&mut self, question: &str, response: Response, score: f32, now_ms: f64) {
        if self.handed_in.is_some() {
            return;
        }
        record_check(&mut self.answers, question, response, score, false, now_ms);
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
    /// Highlights and notes in the text, with the ids of those removed (since version 2; left
    /// out while empty).
    #[serde(default, skip_serializing_if = "Highlights::is_empty")]
    pub highlights: Highlights,
    /// Questions and glossary terms to review on later days (since version 2; left out while
    /// empty).
    #[serde(default, skip_serializing_if = "ReviewQueue::is_empty")]
    pub review: ReviewQueue,
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
    /// Whether the hint was open at the first try (since version 2; left out while false): a
    /// first try right with the hint is "right after a hint" for the review queue.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hinted: bool,
    /// Milliseconds since the Unix epoch of the first and latest tries.
    pub first_answered_at: f64,
    pub last_answered_at: f64,
}

impl AnswerRecord {
    pub fn is_correct(&self) -> bool {
        self.score >= 1.0
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Progress {
    /// The format this app writes, and the newest it reads. Version 2 added, per reading,
    /// highlights, the review queue and `hinted`; the daily number of reviews; and an
    /// assignment's `student_id`. See `docs/storage.md`.
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
    /// counts and replaces the latest response. Neither the hint nor the review queue:
    /// [`Progress::record_study_check`] records both.
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
            false,
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

    /// The `version` of stored progress (or of anything stored in its format, such as
    /// `core::journal`'s changes): unreadable text is `Corrupt`, a version newer than this
    /// app's is `Newer`, so the caller keeps the text aside or leaves it alone.
    pub fn known_version(text: &str) -> Result<u32, ProgressError> {
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
        Ok(version)
    }

    /// Reads stored progress and brings it up to the current version. Anything that is not
    /// valid progress of a version this app knows is an error, so the caller can keep the text
    /// aside instead of overwriting it.
    pub fn from_json(text: &str) -> Result<Progress, ProgressError> {
        Self::known_version(text)?;
        let progress: Progress =
            serde_json::from_str(text).map_err(|e| ProgressError::Corrupt(e.to_string()))?;
        Ok(progress.upgraded())
    }

    /// Brings progress read from an older version up to [`Progress::VERSION`]. Every version's
    /// fields are a subset of the next one's, with defaults for what is new, so reading keeps
    /// everything; what an upgrade adds is derived from what is there.
    fn upgraded(mut self) -> Progress {
        if self.version < 2 {
            // Version 1 kept no review queue: the questions missed so far start one.
            for reading in self.readings.values_mut() {
                crate::core::review::queue_from_answers(reading);
            }
        }
        self.version = Self::VERSION;
        self
    }
}

/// Records one press of "Check": the first try fixes the first-try result (and whether the hint
/// was open then), every try counts and replaces the latest response.
pub(crate) fn record_check(
    answers: &mut BTreeMap<String, AnswerRecord>,
    question: &str,
    response: Response,
    score: f32,
    hinted: bool,
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
                    hinted,
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
/// Each answered question counts its first try, and Part B of a pair only when its Part A was
/// right the first time ([`crate::core::credit`]). Answers to retired questions are kept in
/// the stored progress but are not questions of the reading any more, so they never count.
pub fn tally(
    reading: &Reading,
    progress: Option<&ReadingProgress>,
    section: Option<&str>,
) -> Tally {
    let mut tally = Tally::default();
    let all: Vec<&Question> = reading.questions.iter().collect();
    let credits = first_try_credits(&all, progress);
    for (question, credit) in all.iter().zip(credits) {
        if section.is_some_and(|s| question.section != s) {
            continue;
        }
        tally.questions += 1;
        if let Some(credit) = credit {
            tally.answered += 1;
            tally.points += credit;
            if credit >= 1.0 {
                tally.right_first_time += 1;
            }
        }
    }
    tally
}

/// Each question's first-try credit, `None` while unanswered.
fn first_try_credits(
    questions: &[&Question],
    progress: Option<&ReadingProgress>,
) -> Vec<Option<f32>> {
    credits(questions, |q| {
        progress
            .and_then(|p| p.answers.get(q.id.as_ref()))
            .map(|r| r.first_try_score)
    })
}

/// The questions a student missed: answered, but not right the first time (Part B: not
/// credited, see [`crate::core::credit`]) or not right now. A pair is practised whole, so a
/// missed part brings its partner.
pub fn missed_questions<'a>(
    reading: &'a Reading,
    progress: Option<&ReadingProgress>,
) -> Vec<&'a str> {
    let all: Vec<&Question> = reading.questions.iter().collect();
    let credits = first_try_credits(&all, progress);
    let missed: Vec<&str> = all
        .iter()
        .zip(&credits)
        .filter(|(q, credit)| {
            let now_right = progress
                .and_then(|p| p.answers.get(q.id.as_ref()))
                .is_some_and(AnswerRecord::is_correct);
            credit.is_some_and(|c| c < 1.0 || !now_right)
        })
        .map(|(q, _)| q.id.as_ref())
        .collect();
    all.iter()
        .filter(|q| {
            missed.contains(&q.id.as_ref())
                || partner(reading, q).is_some_and(|p| missed.contains(&p.id.as_ref()))
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
pub(crate) mod tests {
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
            Some(
                "readings"
                    | "answers"
                    | "assignments"
                    | "items"
                    | "removed"
                    | "questions"
                    | "terms"
            )
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
            reviews_per_day: crate::core::settings::ReviewsPerDay::Fifty,
        };
        let reading = &crate::content::READINGS[0];
        let first = reading.sections[0].paragraphs[0].sentences[0]
            .id
            .to_string();
        let span = crate::core::highlights::Span {
            start: crate::core::highlights::Anchor {
                sentence: first.clone(),
                offset: 0,
            },
            end: crate::core::highlights::Anchor {
                sentence: first,
                offset: 3,
            },
        };
        let colour = crate::core::highlights::Colour::Green;
        p.add_highlight(reading, "h1", &span, colour, "a note", 1.0)
            .unwrap();
        p.add_highlight(reading, "h2", &span, colour, "", 1.0)
            .unwrap();
        assert!(p.remove_highlight(&reading.id, "h2", 2.0));
        let today = crate::core::review::Day(20_000);
        p.record_study_check(
            &reading.id,
            "q",
            Response::Text("x".into()),
            1.0,
            true,
            1.0,
            today,
        );
        p.look_up_term(&reading.id, "nato", 1.0, today);
        let mut work = AssignmentProgress::new("LA1.x".into(), "Ana".into(), 1.0);
        work.student_id = "S-1".into();
        work.save_response("q", Response::Text("t".into()), 1.0, 2.0);
        // Never set by an assignment today, but a field of the record all the same.
        work.answers.get_mut("q").unwrap().hinted = true;
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
                "hinted",
                "last_answered_at",
                "response",
                "score",
                "tries",
            ]
            .map(|field| format!("{prefix}.answers.*.{field}"))
        };
        let card = |kind: &str| {
            [
                "",
                ".difficulty",
                ".due",
                ".grade",
                ".last_review",
                ".lapses",
                ".reps",
                ".reviewed_at",
                ".stability",
            ]
            .map(|field| format!("readings.*.review.{kind}.*{field}"))
            .into_iter()
            .skip(1)
            .chain([format!("readings.*.review.{kind}")])
        };
        let highlight = [
            "colour",
            "created_at",
            "end",
            "end.offset",
            "end.sentence",
            "note",
            "quote",
            "section",
            "start",
            "start.offset",
            "start.sentence",
            "updated_at",
        ]
        .map(|field| format!("readings.*.highlights.items.*.{field}"));
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
            "readings.*.highlights",
            "readings.*.highlights.items",
            "readings.*.highlights.removed",
            "readings.*.last_section",
            "readings.*.review",
            "readings.*.sections_read",
            "settings",
            "settings.easy_letters",
            "settings.line_spacing",
            "settings.read_aloud_speed",
            "settings.reviews_per_day",
            "settings.text_size",
            "settings.theme",
            "version",
        ]
        .map(String::from)
        .into_iter()
        .chain(answer("assignments.*"))
        .chain(answer("readings.*"))
        .chain(highlight)
        .chain(card("questions"))
        .chain(card("terms"))
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

    /// Every leaf of a JSON value with its path, for checking that nothing was lost.
    fn leaves(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, serde_json::Value)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, child) in map {
                    leaves(&format!("{prefix}/{key}"), child, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    leaves(&format!("{prefix}/{i}"), child, out);
                }
            }
            leaf => out.push((prefix.to_string(), leaf.clone())),
        }
    }

    /// Whether every leaf of `old` but its version is in `new`, unchanged.
    pub(crate) fn keeps_everything(old: &serde_json::Value, new: &serde_json::Value) -> bool {
        let mut old_leaves = Vec::new();
        leaves("", old, &mut old_leaves);
        old_leaves
            .iter()
            .all(|(path, value)| path.ends_with("/version") || new.pointer(path) == Some(value))
    }

    /// The stored format of version 1, as a fixture: any later version must keep reading it,
    /// and bring it up to date without losing anything. Its missed questions start the review
    /// queue: on the UTC day of their latest try, graded by how they went.
    #[test]
    fn version_1_fixture_still_reads_and_migrates_whole() {
        let fixture = r#"{"version":1,"readings":{"adversaries-to-allies":{"answers":{"who-offered-intelligence":{"response":{"kind":"choice","value":"ivanov"},"score":1.0,"tries":1,"first_try_correct":true,"first_try_score":1.0,"first_answered_at":1700000000000.0,"last_answered_at":1700000000000.0},"bases-where":{"response":{"kind":"text","value":"Uzbekistan"},"score":1.0,"tries":2,"first_try_correct":false,"first_try_score":0.0,"first_answered_at":1700000000000.0,"last_answered_at":1700000060000.0},"nato-ties":{"response":{"kind":"true-false","value":true},"score":0.0,"tries":1,"first_try_correct":false,"first_try_score":0.0,"first_answered_at":1700090000000.0,"last_answered_at":1700090000000.0}},"sections_read":["intelligence"],"last_section":"intelligence"}},"settings":{"theme":"dark","text_size":"large","easy_letters":true},"assignments":{"1234abcd":{"code":"LA1.x","student":"Ana","started_at":1700000000000.0,"answers":{"q":{"response":{"kind":"text","value":"t"},"score":0.0,"tries":0,"first_try_correct":false,"first_try_score":0.0,"first_answered_at":1700000000000.0,"last_answered_at":1700000001000.0}},"handed_in":{"at":1700000900000.0,"auto":false,"code":"LR1.x"}}}}"#;
        let p = Progress::from_json(fixture).unwrap();
        assert_eq!(p.version, Progress::VERSION);
        let r = p.reading("adversaries-to-allies").unwrap();
        assert_eq!(r.last_section.as_deref(), Some("intelligence"));
        assert_eq!(r.answers.len(), 3);
        assert_eq!(p.settings.text_size, TextSize::Large);
        assert_eq!(p.assignments["1234abcd"].answers.len(), 1);

        // Nothing lost: every value of version 1 is where it was.
        let old: serde_json::Value = serde_json::from_str(fixture).unwrap();
        let new: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert!(keeps_everything(&old, &new), "{new}");
        assert_eq!(new["version"], 2);

        // The missed questions are in the review queue, the one right first time is not.
        use crate::core::fsrs::Grade;
        use crate::core::review::Day;
        let queue = &r.review.questions;
        assert_eq!(
            queue.keys().collect::<Vec<_>>(),
            ["bases-where", "nato-ties"]
        );
        let retried = &queue["bases-where"];
        assert_eq!(retried.grade, Grade::Hard);
        // 1700000060000 ms is 2023-11-14 (UTC), day 19675.
        assert_eq!(retried.last_review, Day(19_675));
        assert_eq!(retried.reviewed_at, 1_700_000_060_000.0);
        let wrong = &queue["nato-ties"];
        assert_eq!(
            (wrong.grade, wrong.last_review, wrong.due),
            (Grade::Again, Day(19_676), Day(19_677))
        );
        assert!(r.review.terms.is_empty() && r.highlights.is_empty());
        // Reading the migrated text again changes nothing.
        assert_eq!(Progress::from_json(&p.to_json()).unwrap(), p);
    }

    /// The stored format of version 2, as a fixture: highlights (one removed), a note with
    /// markup in it, a review queue, a hint, and the daily number of reviews.
    #[test]
    fn version_2_fixture_reads() {
        let fixture = r#"{"version":2,"readings":{"adversaries-to-allies":{"answers":{"bases-where":{"response":{"kind":"text","value":"Uzbekistan"},"score":1.0,"tries":1,"first_try_correct":true,"first_try_score":1.0,"hinted":true,"first_answered_at":1700000000000.0,"last_answered_at":1700000000000.0}},"sections_read":[],"last_section":null,"highlights":{"items":{"h-1":{"section":"question","start":{"sentence":"intriguing-question","offset":0},"end":{"sentence":"collaboration-real","offset":8},"colour":"blue","note":"<script>alert(1)</script> *not bold*","quote":"One of the most intriguing questions in the wake of the September 11 terrorist attacks is the potential for U.S.-Russian military cooperation. Although","created_at":1700000000000.0,"updated_at":1700000005000.0}},"removed":{"h-0":1700000004000.0}},"review":{"questions":{"bases-where":{"stability":2.3065,"difficulty":2.118103970459016,"due":19677,"last_review":19675,"reps":1,"lapses":0,"grade":"good","reviewed_at":1700000000000.0}},"terms":{"nato":{"stability":0.212,"difficulty":6.4133,"due":19676,"last_review":19675,"reps":1,"lapses":0,"grade":"again","reviewed_at":1700000000000.0}}}}},"settings":{"theme":"system","text_size":"normal","reviews_per_day":"30"}}"#;
        let p = Progress::from_json(fixture).unwrap();
        assert_eq!(p.to_json(), fixture, "read and written back unchanged");
        let r = p.reading("adversaries-to-allies").unwrap();
        let h = &r.highlights.items["h-1"];
        assert_eq!(h.note, "<script>alert(1)</script> *not bold*");
        assert_eq!(h.colour, crate::core::highlights::Colour::Blue);
        assert!(r.highlights.removed.contains_key("h-0"));
        assert!(r.answers["bases-where"].hinted);
        assert_eq!(
            r.review.questions["bases-where"].grade,
            crate::core::fsrs::Grade::Good
        );
        assert_eq!(r.review.terms.len(), 1);
        assert_eq!(p.settings.reviews_per_day.count(), 30);
        let placement = crate::core::highlights::resolve(essay(), h);
        assert!(matches!(
            placement,
            crate::core::highlights::Placement::InText { .. }
        ));
    }

    /// Version 2 as a fixture: an assignment with a student ID; version 1's assignments (no ID)
    /// still read, with none.
    #[test]
    fn version_2_fixture_with_a_student_id_round_trips() {
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
        // A section without pairs: how pairs count has a test of its own.
        let section = reading
            .sections
            .iter()
            .find(|s| {
                reading
                    .questions_for(&s.id)
                    .all(|q| q.supports.is_none() && reading.part_b_of(&q.id).is_none())
            })
            .expect("a section without pairs");
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
    fn part_b_counts_only_after_a_right_first_try_at_part_a() {
        let mut reading = essay().clone();
        let part_a = reading.questions[0].id.clone();
        reading.questions.to_mut()[1].supports = Some(part_a.clone());
        let part_b = reading.questions[1].id.clone();
        let section = Some(reading.questions[0].section.as_ref());
        let r = reading.id.as_ref();
        let tally_of = |p: &Progress| tally(&reading, p.reading(r), None);

        // Part B alone: answered, but Part A is not, so it earns nothing yet.
        let mut p = Progress::new();
        p.record_answer(r, &part_b, Response::Text("b".into()), 1.0, 1.0);
        let t = tally_of(&p);
        assert_eq!((t.answered, t.right_first_time, t.points), (1, 0, 0.0));
        // Part A wrong first: Part B still earns nothing, and the pair is practised whole.
        p.record_answer(r, &part_a, Response::Text("a".into()), 0.0, 2.0);
        p.record_answer(r, &part_a, Response::Text("a".into()), 1.0, 3.0);
        let t = tally_of(&p);
        assert_eq!((t.answered, t.right_first_time, t.points), (2, 0, 0.0));
        assert_eq!(
            missed_questions(&reading, p.reading(r)),
            vec![part_a.as_ref(), part_b.as_ref()]
        );
        // Part A right first: both count (2 of 2).
        let mut p = Progress::new();
        p.record_answer(r, &part_a, Response::Text("a".into()), 1.0, 1.0);
        p.record_answer(r, &part_b, Response::Text("b".into()), 1.0, 2.0);
        let t = tally(&reading, p.reading(r), section);
        assert_eq!((t.answered, t.right_first_time, t.points), (2, 2, 2.0));
        assert!(missed_questions(&reading, p.reading(r)).is_empty());
        // Part A right, Part B wrong: 1 of 2, and the pair is practised whole.
        p.record_answer(r, &part_b, Response::Text("b".into()), 0.0, 3.0);
        let mut q = Progress::new();
        q.record_answer(r, &part_a, Response::Text("a".into()), 1.0, 1.0);
        q.record_answer(r, &part_b, Response::Text("b".into()), 0.0, 2.0);
        let t = tally_of(&q);
        assert_eq!((t.right_first_time, t.points), (1, 1.0));
        assert_eq!(
            missed_questions(&reading, q.reading(r)),
            vec![part_a.as_ref(), part_b.as_ref()]
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
