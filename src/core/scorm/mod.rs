//! SCORM 1.2: what an assignment package tells the LMS, in the data model's own formats.
//!
//! SCORM 1.2 is the one standard that puts a score straight into a school's gradebook with no
//! server of ours: the LMS hosts the package and puts an `API` object in the page
//! (`crate::platform::scorm` finds and calls it). Everything the package sets is worked out here,
//! as `(element, value)` pairs in the order to set them, checked against the SCORM 1.2 Run-Time
//! Environment's formats (RTE 3.4, appendix A):
//!
//! - while the student works ([`while_working`]): `cmi.core.lesson_status` `incomplete`,
//!   `cmi.core.lesson_location` (the question they are at), `cmi.suspend_data` (their work,
//!   [`suspend`]), `cmi.core.session_time` and `cmi.core.exit` `suspend`, so the LMS resumes the
//!   attempt next time;
//! - at hand-in ([`at_hand_in`]): `cmi.core.score.min`/`max`/`raw` (0, 100, the percent), one
//!   `cmi.interactions.n` entry per question ([`interactions`]), `cmi.core.lesson_status`
//!   `passed` or `failed` by the pass mark, `cmi.core.session_time`, the final
//!   `cmi.suspend_data` (with the hand-in, so reopening shows the result) and `cmi.core.exit` "".
//!
//! [`manifest`] writes `imsmanifest.xml` and [`package`] the whole package.

pub mod interactions;
pub mod manifest;
pub mod package;
pub mod session;
pub mod suspend;

use crate::core::assignment::Assignment;
use crate::core::handin::HandIn;
use crate::core::progress::AssignmentProgress;
use lectern_content::Reading;

/// `cmi.suspend_data` is a CMIString4096.
pub const SUSPEND_DATA_MAX: usize = 4096;
/// `cmi.core.lesson_location`, and every CMIString255.
pub const STRING_255: usize = 255;

/// The SCORM 1.2 element names Lectern sets or reads.
pub mod element {
    pub const STUDENT_NAME: &str = "cmi.core.student_name";
    pub const STUDENT_ID: &str = "cmi.core.student_id";
    pub const LESSON_STATUS: &str = "cmi.core.lesson_status";
    pub const LESSON_LOCATION: &str = "cmi.core.lesson_location";
    pub const ENTRY: &str = "cmi.core.entry";
    pub const EXIT: &str = "cmi.core.exit";
    pub const SESSION_TIME: &str = "cmi.core.session_time";
    pub const SCORE_RAW: &str = "cmi.core.score.raw";
    pub const SCORE_MIN: &str = "cmi.core.score.min";
    pub const SCORE_MAX: &str = "cmi.core.score.max";
    pub const SUSPEND_DATA: &str = "cmi.suspend_data";
    pub const INTERACTIONS_COUNT: &str = "cmi.interactions._count";
}

/// `cmi.core.lesson_status` as Lectern uses it (the vocabulary also has `completed`,
/// `browsed` and `not attempted`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonStatus {
    /// Started, not handed in.
    Incomplete,
    /// Handed in at or above the pass mark.
    Passed,
    /// Handed in below the pass mark.
    Failed,
}

impl LessonStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LessonStatus::Incomplete => "incomplete",
            LessonStatus::Passed => "passed",
            LessonStatus::Failed => "failed",
        }
    }

    /// The status of a student's work: incomplete until they hand in, then passed or failed by
    /// the assignment's pass mark.
    pub fn of(assignment: &Assignment, hand_in: Option<&HandIn>) -> LessonStatus {
        match hand_in {
            None => LessonStatus::Incomplete,
            Some(h) if assignment.passes(h.percent()) => LessonStatus::Passed,
            Some(_) => LessonStatus::Failed,
        }
    }
}

/// A duration as a CMITimespan, `HHHH:MM:SS.SS`: hours in two to four digits, minutes and
/// seconds in two, hundredths after the point. Negative or unknown times are 0; times past the
/// four digits' 9999:59:59.99 are that (SCORM has no larger timespan).
pub fn timespan(ms: f64) -> String {
    let hundredths = if ms.is_finite() && ms > 0.0 {
        ((ms / 10.0).round() as u64).min(9999 * 360_000 + 359_999)
    } else {
        0
    };
    let seconds = hundredths / 100;
    format!(
        "{:02}:{:02}:{:02}.{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        hundredths % 100
    )
}

/// `cmi.core.student_name` as a name to show and hand in: SCORM 1.2 gives it as
/// "Last, First" ("Lima, Ana" becomes "Ana Lima"); anything without a comma is kept as it is.
pub fn student_name(lms_name: &str) -> String {
    match lms_name.split_once(',') {
        Some((last, first)) if !first.trim().is_empty() && !last.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => lms_name.trim().to_string(),
    }
}

/// `cmi.core.lesson_location` for the question the student is at: its id (ids are short
/// ASCII), cut to 255 characters.
pub fn lesson_location(question_id: &str) -> String {
    crate::core::codec::truncate(question_id, STRING_255).to_string()
}

/// The question a `cmi.core.lesson_location` names, if it is one of the assignment's.
pub fn question_at<'a>(assignment: &'a Assignment, location: &str) -> Option<&'a str> {
    assignment
        .questions
        .iter()
        .find(|id| id.as_str() == location)
        .map(String::as_str)
}

/// What to set while the student works, and on every save: see the module documentation.
/// `session_ms` is the time since `LMSInitialize`; `location` the question the student is at.
pub fn while_working(
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
    session_ms: f64,
    location: Option<&str>,
) -> Result<Values, suspend::SuspendError> {
    let data = suspend::encode(assignment, reading, progress)?;
    let mut values = vec![(
        element::LESSON_STATUS,
        LessonStatus::Incomplete.as_str().to_string(),
    )];
    if let Some(location) = location {
        values.push((element::LESSON_LOCATION, lesson_location(location)));
    }
    values.extend([
        (element::SUSPEND_DATA, data.text),
        (element::SESSION_TIME, timespan(session_ms)),
        (element::EXIT, "suspend".to_string()),
    ]);
    Ok(Values {
        pairs: values
            .into_iter()
            .map(|(e, v)| (e.to_string(), v))
            .collect(),
        shortened: data.shortened,
    })
}

/// What to set at hand-in, from interaction number `first_interaction` on (the LMS's
/// `cmi.interactions._count`: interactions are numbered from 0 and only ever appended).
pub fn at_hand_in(
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
    hand_in: &HandIn,
    session_ms: f64,
    first_interaction: usize,
) -> Result<Values, suspend::SuspendError> {
    let data = suspend::encode(assignment, reading, progress)?;
    let mut pairs: Vec<(String, String)> = vec![
        (element::SCORE_MIN.into(), "0".into()),
        (element::SCORE_MAX.into(), "100".into()),
        (element::SCORE_RAW.into(), hand_in.percent().to_string()),
    ];
    for (i, interaction) in interactions::for_hand_in(assignment, reading, progress, hand_in)
        .iter()
        .enumerate()
    {
        pairs.extend(interaction.elements(first_interaction + i));
    }
    pairs.extend([
        (
            element::LESSON_STATUS.into(),
            LessonStatus::of(assignment, Some(hand_in)).as_str().into(),
        ),
        (element::SESSION_TIME.into(), timespan(session_ms)),
        (element::SUSPEND_DATA.into(), data.text),
        (element::EXIT.into(), String::new()),
    ]);
    Ok(Values {
        pairs,
        shortened: data.shortened,
    })
}

/// Values to set, in order, and the questions whose typed answers had to be shortened to fit
/// `cmi.suspend_data` (they are kept whole on the device).
#[derive(Clone, Debug, PartialEq)]
pub struct Values {
    pub pairs: Vec<(String, String)>,
    pub shortened: Vec<String>,
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::StudentIdKind;
    use crate::core::grading::{correct_response, grade};
    use crate::core::test_fixtures::lms_assignment;
    use proptest::prelude::*;

    #[test]
    fn timespans_are_cmi_timespans() {
        assert_eq!(timespan(0.0), "00:00:00.00");
        assert_eq!(timespan(754_321.0), "00:12:34.32");
        assert_eq!(timespan(754_326.0), "00:12:34.33");
        assert_eq!(timespan(3_600_000.0 * 26.0 + 61_000.0), "26:01:01.00");
        assert_eq!(timespan(3_600_000.0 * 123.0), "123:00:00.00");
        assert_eq!(timespan(-5.0), "00:00:00.00");
        assert_eq!(timespan(f64::NAN), "00:00:00.00");
        assert_eq!(timespan(1e15), "9999:59:59.99");
    }

    proptest! {
        /// scorm-again's CMITimespan check, with SCORM 1.2's two to four hour digits.
        #[test]
        fn every_timespan_has_the_format(ms in 0f64..1e14) {
            let text = timespan(ms);
            let (h, rest) = text.split_once(':').unwrap();
            prop_assert!((2..=4).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
            let bytes = rest.as_bytes();
            prop_assert_eq!(bytes.len(), 8);
            prop_assert!(bytes[2] == b':' && bytes[5] == b'.');
            let minutes: u32 = rest[0..2].parse().unwrap();
            let seconds: u32 = rest[3..5].parse().unwrap();
            prop_assert!(minutes < 60 && seconds < 60);
        }
    }

    #[test]
    fn lms_names_are_turned_around() {
        assert_eq!(student_name("Lima, Ana"), "Ana Lima");
        assert_eq!(student_name(" Ortiz ,  Ben Jr. "), "Ben Jr. Ortiz");
        assert_eq!(student_name("Plato"), "Plato");
        assert_eq!(student_name("Odd,"), "Odd,");
    }

    fn progress_with(
        assignment: &Assignment,
        reading: &Reading,
        right: usize,
    ) -> AssignmentProgress {
        let mut p = AssignmentProgress::new("LA1.x".into(), "Ana Lima".into(), 1_000.0);
        for (i, id) in assignment.questions.iter().enumerate() {
            let q = reading.question(id).unwrap();
            let response = if i < right {
                correct_response(q)
            } else {
                crate::core::response::Response::initial_for(q)
            };
            let score = grade(q, &response).score;
            p.save_response(id, response, score, 2_000.0 + i as f64);
        }
        p
    }

    #[test]
    fn status_follows_the_pass_mark() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        assert_eq!(LessonStatus::of(&a, None), LessonStatus::Incomplete);
        for (right, status) in [(4, LessonStatus::Passed), (2, LessonStatus::Failed)] {
            let p = progress_with(&a, reading, right);
            let h = HandIn::from_progress(&a, reading, &p, 90_000.0, false);
            assert_eq!(LessonStatus::of(&a, Some(&h)), status, "{right} right");
        }
    }

    #[test]
    fn the_values_come_in_order() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let p = progress_with(&a, reading, 3);
        let working = while_working(&a, reading, &p, 65_000.0, Some(&a.questions[2])).unwrap();
        let names: Vec<&str> = working.pairs.iter().map(|(e, _)| e.as_str()).collect();
        assert_eq!(
            names,
            [
                "cmi.core.lesson_status",
                "cmi.core.lesson_location",
                "cmi.suspend_data",
                "cmi.core.session_time",
                "cmi.core.exit"
            ]
        );
        assert_eq!(working.pairs[0].1, "incomplete");
        assert_eq!(working.pairs[1].1, a.questions[2]);
        assert_eq!(working.pairs[3].1, "00:01:05.00");
        assert_eq!(working.pairs[4].1, "suspend");

        let h = HandIn::from_progress(&a, reading, &p, 90_000.0, false);
        let done = at_hand_in(&a, reading, &p, &h, 70_000.0, 2).unwrap();
        let get = |name: &str| {
            done.pairs
                .iter()
                .find(|(e, _)| e == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("cmi.core.score.raw"), Some("75"));
        assert_eq!(get("cmi.core.score.min"), Some("0"));
        assert_eq!(get("cmi.core.score.max"), Some("100"));
        assert_eq!(get("cmi.core.lesson_status"), Some("passed"));
        assert_eq!(get("cmi.core.exit"), Some(""));
        // Interactions are numbered on from the LMS's count.
        assert_eq!(get("cmi.interactions.2.id"), Some(a.questions[0].as_str()));
        assert_eq!(get("cmi.interactions.5.result"), Some("wrong"));
        assert_eq!(get("cmi.interactions.6.id"), None);
        assert_eq!(done.pairs[0].0, "cmi.core.score.min");
        assert_eq!(done.pairs.last().unwrap().0, "cmi.core.exit");
    }

    #[test]
    fn locations_name_the_assignments_questions() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        assert_eq!(
            question_at(&a, &lesson_location(&a.questions[1])),
            Some(a.questions[1].as_str())
        );
        assert_eq!(question_at(&a, "q-not-here"), None);
        assert_eq!(lesson_location(&"x".repeat(300)).len(), 255);
    }
}
