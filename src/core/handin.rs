//! What a student hands in, and the two forms it travels in: a short hand-in code (text to paste
//! into an LMS, a chat or an e-mail) and a JSON result file. Both carry the assignment's id and
//! detect damage; the teacher's gradebook reads either.
//!
//! # Hand-in code (format 1, prefix `LR1.`)
//!
//! | field | encoding |
//! | --- | --- |
//! | assignment id | 4 bytes |
//! | flags | 1 byte: 1 = handed in automatically when time ran out, 2 = after the due date |
//! | handed in at | varint: seconds since the Unix epoch |
//! | time on task | varint: seconds |
//! | student | text (≤ 60 bytes) |
//! | scores | bytes: one per question in the assignment's order (the reading's), 0–100 percent, or 255 for unanswered |
//!
//! # Hand-in code, format 2 (prefix `LR2.`)
//!
//! Format 1's fields, then the student ID or school email the assignment asked for (text,
//! ≤ 100 bytes). Written only when there is one, so other hand-ins stay format 1; both are read.
//!
//! # Result file
//!
//! Pretty JSON with `format: "lectern-result"`, the hand-in code, a readable copy of every answer
//! (for the teacher's eyes; the gradebook trusts only the code), and `checksum`: the CRC-32, in
//! hex, of the file's JSON with `checksum` left empty. A file cut short is not JSON; a file changed
//! by hand fails the checksum. A result with a student ID or email is `version` 2 and carries it
//! as `student_id`; without one the file is exactly as version 1 wrote it.

use crate::core::answer_key::{answer_key, response_text};
use crate::core::assignment::{key_of, Assignment, Mode, MAX_STUDENT_ID_BYTES};
use crate::core::codec::{crc32, CodeError, Kind, Reader, Writer};
use crate::core::credit::credits;
use crate::core::dates::iso_utc;
use crate::core::grading::grade;
use crate::core::limits::{FileHead, ImportLimits, LimitError};
use crate::core::progress::AssignmentProgress;
use lectern_content::{Question, Reading};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of code a hand-in carries (its newest format; format 1 is still read).
pub const HAND_IN: Kind = Kind {
    tag: "LR",
    version: 2,
};
pub const MAX_NAME_BYTES: usize = 60;
pub const RESULT_FORMAT: &str = "lectern-result";
/// The newest result file version (2 adds `student_id`; version 1 files still read).
pub const RESULT_VERSION: u32 = 2;
/// What the gradebook reads of a result file: a result is a few kilobytes and a few levels
/// deep, so anything far larger or deeper is the wrong file (refused before it is parsed).
pub const RESULT_LIMITS: ImportLimits = ImportLimits {
    max_bytes: 262_144,
    max_depth: 8,
};

const AUTO: u8 = 1;
const LATE: u8 = 2;
const UNANSWERED: u8 = 255;

/// One student's handed-in result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandIn {
    pub assignment: u32,
    pub student: String,
    /// The student ID or school email the assignment asked for; empty when it asked for none.
    pub student_id: String,
    /// Seconds since the Unix epoch.
    pub handed_in_at: u64,
    pub time_on_task_s: u64,
    /// Handed in by the timer, when the time ran out.
    pub auto: bool,
    /// Handed in after the due date.
    pub late: bool,
    /// Per question, in the assignment's question order: percent, or `None` if unanswered.
    pub scores: Vec<Option<u8>>,
}

impl HandIn {
    /// Works out the result of an assignment from the student's answers. Practice counts each
    /// question's first try (retries are for learning); an assessment grades the answer as it
    /// stands at hand-in. Part B of a pair counts only when its Part A is right
    /// ([`crate::core::credit`]). The assignment's questions may be retired ones (a link made
    /// for an earlier bank): they are graded as they always were.
    pub fn from_progress(
        assignment: &Assignment,
        reading: &Reading,
        progress: &AssignmentProgress,
        now_ms: f64,
        auto: bool,
    ) -> HandIn {
        let questions: Vec<&Question> = assignment
            .questions
            .iter()
            .filter_map(|id| reading.any_question(id))
            .collect();
        let own_score = |question: &Question| -> Option<f32> {
            let record = progress.answers.get(question.id.as_ref())?;
            if record.response.is_blank() {
                return None;
            }
            match assignment.mode {
                Mode::Practice if record.tries > 0 => Some(record.first_try_score),
                Mode::Practice => None,
                Mode::Assessment => Some(grade(question, &record.response).score),
            }
        };
        let credited = credits(&questions, own_score);
        let scores = assignment
            .questions
            .iter()
            .map(|id| {
                let at = questions.iter().position(|q| q.id == id.as_str())?;
                credited[at].map(percent)
            })
            .collect();
        let started = progress.started_at.min(now_ms);
        HandIn {
            assignment: assignment.id,
            student: crate::core::codec::truncate(progress.student.trim(), MAX_NAME_BYTES)
                .to_string(),
            student_id: crate::core::codec::truncate(
                progress.student_id.trim(),
                MAX_STUDENT_ID_BYTES,
            )
            .to_string(),
            handed_in_at: (now_ms / 1000.0).max(0.0) as u64,
            time_on_task_s: ((now_ms - started) / 1000.0).max(0.0).round() as u64,
            auto,
            late: assignment.due_ms().is_some_and(|due| now_ms > due),
            scores,
        }
    }

    /// The overall score: the mean of the questions' percents, unanswered counting 0.
    pub fn percent(&self) -> u32 {
        if self.scores.is_empty() {
            return 0;
        }
        let total: u32 = self.scores.iter().map(|s| u32::from(s.unwrap_or(0))).sum();
        (f64::from(total) / self.scores.len() as f64).round() as u32
    }

    pub fn answered(&self) -> usize {
        self.scores.iter().filter(|s| s.is_some()).count()
    }

    pub fn assignment_key(&self) -> String {
        key_of(self.assignment)
    }

    pub fn to_code(&self) -> String {
        let mut flags = 0;
        if self.auto {
            flags |= AUTO;
        }
        if self.late {
            flags |= LATE;
        }
        let scores: Vec<u8> = self
            .scores
            .iter()
            .map(|s| s.map_or(UNANSWERED, |p| p.min(100)))
            .collect();
        let mut record = Writer::new();
        record
            .u32_fixed(self.assignment)
            .byte(flags)
            .varint(self.handed_in_at)
            .varint(self.time_on_task_s)
            .text(&self.student, MAX_NAME_BYTES)
            .bytes(&scores);
        // Format 1 whenever it can say it all, so such codes read in every Lectern.
        if self.student_id.is_empty() {
            HAND_IN.at_version(1).encode(&record.finish())
        } else {
            let record = record.text(&self.student_id, MAX_STUDENT_ID_BYTES).finish();
            HAND_IN.encode(&record)
        }
    }

    /// Reads a hand-in code of format 1 or 2.
    pub fn from_code(code: &str) -> Result<HandIn, CodeError> {
        let (version, record) = HAND_IN.decode_since(code, 1)?;
        let mut r = Reader::new(&record);
        let assignment = r.u32_fixed()?;
        let flags = r.byte()?;
        let handed_in_at = r.varint()?;
        let time_on_task_s = r.varint()?;
        let student = r.text(MAX_NAME_BYTES)?;
        let raw_scores = r.bytes(4096)?;
        let student_id = if version >= 2 {
            let id = r.text(MAX_STUDENT_ID_BYTES)?;
            if id.is_empty() {
                // Format 2 is written only to carry an ID.
                return Err(CodeError::Malformed("an empty student ID"));
            }
            id
        } else {
            String::new()
        };
        r.end()?;
        if flags & !(AUTO | LATE) != 0 {
            return Err(CodeError::Malformed("unknown flags"));
        }
        let scores = raw_scores
            .iter()
            .map(|&s| match s {
                UNANSWERED => Ok(None),
                0..=100 => Ok(Some(s)),
                _ => Err(CodeError::Malformed("a score over 100%")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(HandIn {
            assignment,
            student,
            student_id,
            handed_in_at,
            time_on_task_s,
            auto: flags & AUTO != 0,
            late: flags & LATE != 0,
            scores,
        })
    }
}

fn percent(score: f32) -> u8 {
    (score.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// The result file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub format: String,
    pub version: u32,
    /// The hand-in code: what the gradebook reads.
    pub code: String,
    pub assignment: String,
    pub assignment_id: String,
    pub student: String,
    /// The student ID or school email (version 2); left out when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub student_id: String,
    /// ISO 8601, UTC.
    pub handed_in_at: String,
    pub time_on_task_seconds: u64,
    pub score_percent: u32,
    pub questions: Vec<ResultQuestion>,
    /// CRC-32 in hex of this file with `checksum` empty.
    pub checksum: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultQuestion {
    pub number: usize,
    pub id: String,
    pub prompt: String,
    pub answer: String,
    pub correct_answer: String,
    /// Percent, or `None` when unanswered.
    pub score: Option<u8>,
}

/// Why a result file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultFileError {
    TooLarge,
    NotJson,
    NotAResult,
    Newer(u32),
    Damaged,
    Code(CodeError),
}

impl fmt::Display for ResultFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResultFileError::TooLarge => {
                write!(f, "the file is far too large to be a Lectern result")
            }
            ResultFileError::NotJson => write!(
                f,
                "the file is incomplete or not a Lectern result (it is not valid JSON)"
            ),
            ResultFileError::NotAResult => write!(f, "the file is not a Lectern result"),
            ResultFileError::Newer(v) => write!(
                f,
                "the file comes from a newer version of Lectern (format {v}); reload to update"
            ),
            ResultFileError::Damaged => write!(
                f,
                "the file was changed or damaged (its checksum does not match)"
            ),
            ResultFileError::Code(e) => write!(f, "its hand-in code cannot be read: {e}"),
        }
    }
}

/// Builds the result file's text.
pub fn result_file(
    hand_in: &HandIn,
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
) -> String {
    let questions = assignment
        .questions
        .iter()
        .zip(&hand_in.scores)
        .enumerate()
        .filter_map(|(i, (id, score))| {
            let question = reading.any_question(id)?;
            let answer = progress
                .answers
                .get(id)
                .map(|r| response_text(reading, question, &r.response))
                .unwrap_or_default();
            Some(ResultQuestion {
                number: i + 1,
                id: id.clone(),
                prompt: question.prompt.to_string(),
                answer,
                correct_answer: answer_key(reading, question),
                score: *score,
            })
        })
        .collect();
    let mut file = ResultFile {
        format: RESULT_FORMAT.into(),
        // Version 1 whenever it says it all, as for the code inside.
        version: if hand_in.student_id.is_empty() {
            1
        } else {
            RESULT_VERSION
        },
        code: hand_in.to_code(),
        assignment: assignment.title.clone(),
        assignment_id: assignment.key(),
        student: hand_in.student.clone(),
        student_id: hand_in.student_id.clone(),
        handed_in_at: iso_utc(hand_in.handed_in_at),
        time_on_task_seconds: hand_in.time_on_task_s,
        score_percent: hand_in.percent(),
        questions,
        checksum: String::new(),
    };
    file.checksum = file_checksum(&file);
    serde_json::to_string_pretty(&file).expect("a result always serializes")
}

fn file_checksum(file: &ResultFile) -> String {
    let blank = ResultFile {
        checksum: String::new(),
        ..file.clone()
    };
    let json = serde_json::to_string(&blank).expect("a result always serializes");
    format!("{:08x}", crc32(json.as_bytes()))
}

/// Reads a result file, checking size, shape, checksum and the code inside.
pub fn read_result_file(text: &str) -> Result<HandIn, ResultFileError> {
    RESULT_LIMITS.check_json(text).map_err(|e| match e {
        LimitError::TooLarge(_) => ResultFileError::TooLarge,
        LimitError::TooDeep(_) => ResultFileError::NotAResult,
        LimitError::NotJson(_) => ResultFileError::NotJson,
    })?;
    let head = FileHead::read(text);
    if head.format.as_deref() != Some(RESULT_FORMAT) {
        return Err(ResultFileError::NotAResult);
    }
    match head.version {
        Some(v) if v > u64::from(RESULT_VERSION) => {
            return Err(ResultFileError::Newer(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(_) => {}
        None => return Err(ResultFileError::NotAResult),
    }
    let file: ResultFile = serde_json::from_str(text).map_err(|_| ResultFileError::NotAResult)?;
    if file.checksum != file_checksum(&file) {
        return Err(ResultFileError::Damaged);
    }
    HandIn::from_code(&file.code).map_err(ResultFileError::Code)
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::response::Response;
    use proptest::prelude::*;

    fn sample() -> HandIn {
        HandIn {
            assignment: 0xcafe_f00d,
            student: "Zoë Ortiz".into(),
            student_id: String::new(),
            handed_in_at: 1_795_000_000,
            time_on_task_s: 754,
            auto: false,
            late: true,
            scores: vec![Some(100), Some(0), None, Some(50)],
        }
    }

    #[test]
    fn a_code_round_trips_and_is_short() {
        let h = sample();
        let code = h.to_code();
        assert!(code.starts_with("LR1."), "{code}");
        assert_eq!(HandIn::from_code(&code).unwrap(), h);
        assert_eq!(h.percent(), 38, "(100 + 0 + 0 + 50) / 4 = 37.5, rounded");
        assert_eq!(h.answered(), 3);
        let mut all = h.clone();
        all.scores = vec![Some(100); 52];
        assert!(all.to_code().len() < 120, "{}", all.to_code().len());
    }

    #[test]
    fn a_student_id_makes_a_format_2_code_and_format_1_still_reads() {
        let with_id = HandIn {
            student_id: "zoe.ortiz@school.org".into(),
            ..sample()
        };
        let code = with_id.to_code();
        assert!(code.starts_with("LR2."), "{code}");
        assert_eq!(HandIn::from_code(&code).unwrap(), with_id);
        assert!(code.len() < 150, "{}", code.len());
        // A format 1 code (the form every hand-in had before IDs) reads with no ID.
        let old = sample().to_code();
        assert!(old.starts_with("LR1."));
        assert_eq!(HandIn::from_code(&old).unwrap().student_id, "");
        // A format 2 code whose ID is empty is not one this app writes.
        let record = HAND_IN.at_version(1).decode(&old).unwrap();
        let mut empty_id = record.clone();
        empty_id.push(0);
        assert_eq!(
            HandIn::from_code(&HAND_IN.encode(&empty_id)),
            Err(CodeError::Malformed("an empty student ID"))
        );
        // A code from a newer Lectern says so.
        let newer = HAND_IN.at_version(3).encode(&record);
        assert_eq!(HandIn::from_code(&newer), Err(CodeError::Newer(3)));
    }

    #[test]
    fn an_assignment_link_is_not_a_hand_in_code() {
        let link = crate::core::codec::Kind {
            tag: "LA",
            version: 1,
        }
        .encode(b"whatever");
        assert_eq!(HandIn::from_code(&link), Err(CodeError::WrongKind));
    }

    fn assessment() -> (Assignment, &'static Reading) {
        let reading = &READINGS[0];
        let questions: Vec<String> = reading
            .questions
            .iter()
            .take(3)
            .map(|q| q.id.to_string())
            .collect();
        (
            Assignment {
                id: 7,
                title: "Quiz".into(),
                reading: reading.id.to_string(),
                questions,
                bank: reading.bank_version(),
                mode: Mode::Assessment,
                shuffle_questions: false,
                shuffle_options: false,
                seed: 1,
                due_minutes: Some(1_000),
                time_limit_minutes: None,
                extra_time_percent: 0,
                pass_mark: 50,
                student_id_kind: crate::core::assignment::StudentIdKind::NameOnly,
            },
            reading,
        )
    }

    #[test]
    fn scores_come_from_the_answers_by_mode() {
        let (mut a, reading) = assessment();
        let right = crate::core::grading::correct_response(&reading.questions[0]);
        let mut progress = AssignmentProgress::new("code".into(), "Ana".into(), 60_000.0);
        progress.save_response(&reading.questions[0].id, right.clone(), 1.0, 61_000.0);
        progress.save_response(
            &reading.questions[1].id,
            Response::Text(String::new()),
            0.0,
            62_000.0,
        );
        let h = HandIn::from_progress(&a, reading, &progress, 120_000.0, true);
        assert_eq!(h.scores, vec![Some(100), None, None]);
        assert_eq!(h.time_on_task_s, 60);
        assert!(h.auto);
        assert!(!h.late, "due at minute 1000, handed in at minute 2");
        let late = HandIn::from_progress(&a, reading, &progress, 1_000.0 * 60_000.0 + 1.0, false);
        assert!(late.late);

        // Practice: the first try counts, even after a right retry.
        a.mode = Mode::Practice;
        let mut practice = AssignmentProgress::new("code".into(), "Ana".into(), 0.0);
        practice.record_check(
            &reading.questions[0].id,
            Response::Text("wrong".into()),
            0.0,
            1.0,
        );
        practice.record_check(&reading.questions[0].id, right, 1.0, 2.0);
        let h = HandIn::from_progress(&a, reading, &practice, 3.0, false);
        assert_eq!(h.scores[0], Some(0));
    }

    #[test]
    fn part_b_scores_only_when_part_a_is_right() {
        let (a, essay) = assessment();
        let mut reading = essay.clone();
        let part_a = reading.questions[0].id.clone();
        reading.questions.to_mut()[1].supports = Some(part_a);
        let [q0, q1] = [&reading.questions[0], &reading.questions[1]];
        let right = |q| crate::core::grading::correct_response(q);
        let wrong = |q: &lectern_content::Question| match &q.answer {
            lectern_content::Answer::SingleChoice { options } => {
                Response::Choice(options.iter().find(|o| !o.correct).unwrap().id.to_string())
            }
            lectern_content::Answer::TrueFalse { answer, .. } => Response::TrueFalse(!answer),
            _ => Response::Text("no".into()),
        };
        let scores = |part_a: Response, part_b: Response| {
            let mut work = AssignmentProgress::new("code".into(), "Ana".into(), 0.0);
            work.save_response(&q0.id, part_a, 0.0, 1.0);
            work.save_response(&q1.id, part_b, 0.0, 2.0);
            HandIn::from_progress(&a, &reading, &work, 3.0, false).scores[..2].to_vec()
        };
        assert_eq!(scores(right(q0), right(q1)), [Some(100), Some(100)]);
        assert_eq!(scores(right(q0), wrong(q1)), [Some(100), Some(0)]);
        assert_eq!(
            scores(wrong(q0), right(q1)),
            [Some(0), Some(0)],
            "a right Part B after a wrong Part A"
        );

        // Practice: Part A's first try decides, even after a right retry.
        let practice = Assignment {
            mode: Mode::Practice,
            ..a.clone()
        };
        let mut work = AssignmentProgress::new("code".into(), "Ana".into(), 0.0);
        work.record_check(&q0.id, wrong(q0), 0.0, 1.0);
        work.record_check(&q0.id, right(q0), 1.0, 2.0);
        work.record_check(&q1.id, right(q1), 1.0, 3.0);
        let h = HandIn::from_progress(&practice, &reading, &work, 4.0, false);
        assert_eq!(h.scores[..2], [Some(0), Some(0)]);
    }

    #[test]
    fn a_result_file_round_trips_and_detects_changes() {
        let (a, reading) = assessment();
        let mut progress = AssignmentProgress::new("code".into(), "Ana <b>".into(), 0.0);
        progress.save_response(
            &reading.questions[0].id,
            crate::core::grading::correct_response(&reading.questions[0]),
            1.0,
            1.0,
        );
        let h = HandIn::from_progress(&a, reading, &progress, 90_000.0, false);
        let text = result_file(&h, &a, reading, &progress);
        assert_eq!(read_result_file(&text), Ok(h.clone()));
        let file: ResultFile = serde_json::from_str(&text).unwrap();
        assert_eq!(file.questions.len(), 3);
        assert_eq!(file.questions[0].score, Some(100));
        assert!(!file.questions[0].answer.is_empty());

        let changed = text.replace("\"score_percent\": 33", "\"score_percent\": 100");
        assert_ne!(changed, text);
        assert_eq!(read_result_file(&changed), Err(ResultFileError::Damaged));
        assert_eq!(
            read_result_file(&text[..text.len() / 2]),
            Err(ResultFileError::NotJson)
        );
        assert_eq!(
            read_result_file("{\"format\":\"lectern-backup\"}"),
            Err(ResultFileError::NotAResult)
        );
        assert_eq!(
            read_result_file("{\"format\":\"lectern-result\",\"version\":9}"),
            Err(ResultFileError::Newer(9))
        );
        assert_eq!(
            read_result_file(&" ".repeat(RESULT_LIMITS.max_bytes + 1)),
            Err(ResultFileError::TooLarge)
        );
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(read_result_file(&deep), Err(ResultFileError::NotAResult));
        // Without an ID the file is version 1, byte for byte as before IDs: no `student_id`.
        assert_eq!(file.version, 1);
        assert!(!text.contains("student_id"), "{text}");
    }

    #[test]
    fn a_result_file_carries_the_student_id_as_version_2() {
        let (a, reading) = assessment();
        let mut progress = AssignmentProgress::new("code".into(), "Ana".into(), 0.0);
        progress.student_id = "S-1024".into();
        let h = HandIn::from_progress(&a, reading, &progress, 90_000.0, false);
        assert_eq!(h.student_id, "S-1024");
        let text = result_file(&h, &a, reading, &progress);
        let file: ResultFile = serde_json::from_str(&text).unwrap();
        assert_eq!((file.version, file.student_id.as_str()), (2, "S-1024"));
        assert!(file.code.starts_with("LR2."));
        assert_eq!(read_result_file(&text), Ok(h));
        let changed = text.replace("S-1024", "S-9999");
        assert_eq!(read_result_file(&changed), Err(ResultFileError::Damaged));
    }

    fn arbitrary_hand_in() -> impl Strategy<Value = HandIn> {
        (
            any::<u32>(),
            ("\\PC{0,20}", "[!-~]{0,30}"),
            0u64..5_000_000_000,
            0u64..1_000_000,
            any::<(bool, bool)>(),
            proptest::collection::vec(proptest::option::of(0u8..=100), 0..80),
        )
            .prop_map(
                |(assignment, (student, id), at, time, flags, scores)| HandIn {
                    assignment,
                    student: crate::core::codec::truncate(&student, MAX_NAME_BYTES).to_string(),
                    student_id: id,
                    handed_in_at: at,
                    time_on_task_s: time,
                    auto: flags.0,
                    late: flags.1,
                    scores,
                },
            )
    }

    proptest! {
        #[test]
        fn any_hand_in_round_trips(h in arbitrary_hand_in()) {
            prop_assert_eq!(HandIn::from_code(&h.to_code()).unwrap(), h);
        }

        #[test]
        fn every_truncated_code_is_refused(h in arbitrary_hand_in(), cut in 1usize..300) {
            let code = h.to_code();
            let keep = code.len().saturating_sub(cut);
            prop_assert!(HandIn::from_code(&code[..keep]).is_err());
        }

        #[test]
        fn every_changed_character_is_refused(h in arbitrary_hand_in(), at in any::<usize>(), with in any::<char>()) {
            let code = h.to_code();
            let mut chars: Vec<char> = code.chars().collect();
            let at = at % chars.len();
            prop_assume!(chars[at] != with && !with.is_whitespace());
            chars[at] = with;
            let changed: String = chars.into_iter().collect();
            match HandIn::from_code(&changed) {
                Err(_) => {}
                Ok(decoded) => prop_assert_eq!(decoded, h),
            }
        }

        #[test]
        fn arbitrary_codes_and_files_never_panic(text in "\\PC{0,300}") {
            let _ = HandIn::from_code(&text);
            let _ = read_result_file(&text);
        }
    }
}
