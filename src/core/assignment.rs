//! A classroom assignment, carried whole in the link a teacher shares: which reading and
//! questions, the mode, due date, time limit, shuffling and pass mark. There is no server, so the
//! link *is* the assignment; [`Assignment::to_code`] and [`Assignment::from_code`] turn it into
//! and out of the compact, versioned, checksummed text of [`crate::core::codec`].
//!
//! # Record (format 1, prefix `LA1.`)
//!
//! | field | encoding |
//! | --- | --- |
//! | id | 4 bytes, big-endian |
//! | flags | 1 byte: 1 = assessment, 2 = shuffle questions, 4 = shuffle options |
//! | seed | 4 bytes |
//! | reading id | text (≤ 64 bytes) |
//! | fingerprint of the reading's question ids | 4 bytes (CRC-32) |
//! | chosen questions | bytes: a bitset over the reading's questions in their order |
//! | due | varint: minutes since the Unix epoch, 0 for none |
//! | time limit | varint: minutes, 0 for none |
//! | extra time | varint: percent added to the time limit |
//! | pass mark | 1 byte: percent |
//! | title | text (≤ 120 bytes) |
//!
//! # Format 2 (prefix `LA2.`)
//!
//! Format 1's fields, then one byte for what the student gives besides their name
//! ([`StudentIdKind`]: 1 = a student ID, 2 = a school email). A link is written in format 2 only
//! when the teacher asks for one of them, so every other link stays format 1 and opens in any
//! Lectern since links began; both formats are read.
//!
//! Questions are named by their place in a question bank, which keeps links short. The
//! fingerprint names the bank: the current one, or an earlier one the reading keeps
//! (`history.toml`: each earlier bank's ids, in order, and its retired questions, whole). So a
//! link made before the bank changed still opens with exactly its questions, and one made for a
//! bank this app does not know is refused rather than read as the wrong questions. The record
//! itself never changed, so every `LA1` link ever made reads the same.
//!
//! The two parts of a paired evidence question stay together and in order: a teacher's choice
//! is completed with the other part ([`complete_pairs`]), and a shuffle moves a pair as one.

use crate::core::codec::{crc32, CodeError, Kind, Reader, Writer};
use crate::core::credit::units;
use crate::core::shuffle::{permutation, seed_from};
use lectern_content::Text;
use lectern_content::{Question, Reading};
use std::fmt;

/// The kind of code an assignment link carries (its newest format; format 1 is still read).
pub const LINK: Kind = Kind {
    tag: "LA",
    version: 2,
};
/// The longest student ID or school email kept, in bytes.
pub const MAX_STUDENT_ID_BYTES: usize = 100;
/// The longest title kept in a link, in bytes.
pub const MAX_TITLE_BYTES: usize = 120;
const MAX_READING_ID_BYTES: usize = 64;

/// Practice gives feedback and retries as in free study; an assessment shows nothing until
/// hand-in and takes each answer once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Practice,
    Assessment,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Practice => "Practice",
            Mode::Assessment => "Assessment",
        }
    }

    /// What the mode means for the student, in one sentence.
    pub fn explain(self) -> &'static str {
        match self {
            Mode::Practice => "You see whether each answer is right as you go, and can try again.",
            Mode::Assessment => {
                "You see no marks until you hand in. You can change an answer until then."
            }
        }
    }
}

/// What a student gives besides their name, so that their result can be matched with them in a
/// school's gradebook (a Moodle grade import, a Canvas gradebook): the teacher chooses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StudentIdKind {
    /// Only the name.
    #[default]
    NameOnly,
    /// The student's ID number at school (Moodle's "ID number", Canvas's "SIS User ID").
    Number,
    /// The student's school email address (Moodle's "Email address"; often Canvas's
    /// "SIS Login ID").
    Email,
}

impl StudentIdKind {
    pub const ALL: [StudentIdKind; 3] = [
        StudentIdKind::NameOnly,
        StudentIdKind::Number,
        StudentIdKind::Email,
    ];

    /// The byte format 2 links carry.
    fn byte(self) -> u8 {
        match self {
            StudentIdKind::NameOnly => 0,
            StudentIdKind::Number => 1,
            StudentIdKind::Email => 2,
        }
    }

    fn from_byte(byte: u8) -> Option<StudentIdKind> {
        StudentIdKind::ALL.into_iter().find(|k| k.byte() == byte)
    }

    /// The field's label for the student (and the teacher's choice).
    pub fn label(self) -> &'static str {
        match self {
            StudentIdKind::NameOnly => "Name only",
            StudentIdKind::Number => "Student ID",
            StudentIdKind::Email => "School email",
        }
    }

    /// What the student typed, as it is kept: trimmed, an email in lower case (school systems
    /// store them so, and Moodle's grade import compares them exactly); or why it cannot be used.
    pub fn check(self, typed: &str) -> Result<String, &'static str> {
        let text = typed.trim();
        match self {
            StudentIdKind::NameOnly => Ok(String::new()),
            _ if text.is_empty() => Err(match self {
                StudentIdKind::Email => "Type your school email.",
                _ => "Type your student ID.",
            }),
            _ if text.len() > MAX_STUDENT_ID_BYTES => {
                Err("That is too long for an ID or an email.")
            }
            _ if text.chars().any(|c| c.is_control()) => {
                Err("That has characters an ID never has.")
            }
            StudentIdKind::Number if text.chars().any(char::is_whitespace) => {
                Err("A student ID has no spaces.")
            }
            StudentIdKind::Number => Ok(text.to_string()),
            StudentIdKind::Email => {
                let well_formed = !text.chars().any(char::is_whitespace)
                    && text.split_once('@').is_some_and(|(local, domain)| {
                        !local.is_empty()
                            && !domain.contains('@')
                            && domain.contains('.')
                            && !domain.starts_with('.')
                            && !domain.ends_with('.')
                    });
                if well_formed {
                    Ok(text.to_lowercase())
                } else {
                    Err("That is not an email address (like name@school.org).")
                }
            }
        }
    }
}

/// An assignment as the teacher set it.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Random, chosen when the teacher creates it; ties hand-in codes to it. Links that differ
    /// only in extra time share it.
    pub id: u32,
    pub title: String,
    pub reading: String,
    /// The chosen questions' ids, in the order of their bank.
    pub questions: Vec<String>,
    /// The version of the question bank the link names questions in: the reading's current
    /// bank for a new assignment, an earlier one for a link made before the bank changed.
    pub bank: u16,
    pub mode: Mode,
    pub shuffle_questions: bool,
    pub shuffle_options: bool,
    /// Seeds every student's shuffled order, together with their name.
    pub seed: u32,
    /// Minutes since the Unix epoch.
    pub due_minutes: Option<u64>,
    pub time_limit_minutes: Option<u32>,
    /// Extra time for students who need it (WCAG 2.2.1): percent added to the time limit.
    pub extra_time_percent: u32,
    /// Percent needed to pass.
    pub pass_mark: u8,
    /// What each student gives besides their name.
    pub student_id_kind: StudentIdKind,
}

/// Why an assignment link cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Code(CodeError),
    /// The reading is not in this version of Lectern.
    UnknownReading(String),
    /// The reading's questions have changed since the link was made.
    QuestionsChanged,
    NoQuestions,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Code(e) => write!(f, "This assignment link cannot be read: {e}."),
            LinkError::UnknownReading(id) => write!(
                f,
                "This assignment is for a reading (“{id}”) that this version of Lectern does not have."
            ),
            LinkError::QuestionsChanged => write!(
                f,
                "This assignment was made for another version of the reading's questions. Ask your teacher for a new link."
            ),
            LinkError::NoQuestions => write!(f, "This assignment has no questions."),
        }
    }
}

impl From<CodeError> for LinkError {
    fn from(e: CodeError) -> Self {
        LinkError::Code(e)
    }
}

const ASSESSMENT: u8 = 1;
const SHUFFLE_QUESTIONS: u8 = 2;
const SHUFFLE_OPTIONS: u8 = 4;

/// A CRC-32 of a reading's current question ids in order: changes whenever questions are
/// added, removed, renamed or moved.
pub fn questions_fingerprint(reading: &Reading) -> u32 {
    let ids: Vec<&str> = reading.questions.iter().map(|q| q.id.as_ref()).collect();
    fingerprint(&ids)
}

/// A CRC-32 of a bank's question ids in order.
pub fn fingerprint(ids: &[&str]) -> u32 {
    crc32(ids.join("\n").as_bytes())
}

/// Every bank a link may name: the current one first, then the earlier ones, newest first.
fn banks(reading: &Reading) -> impl Iterator<Item = (u16, Vec<&str>)> {
    let current = (
        reading.bank_version(),
        reading.questions.iter().map(|q| q.id.as_ref()).collect(),
    );
    let earlier = reading.earlier_banks.iter().rev().map(|bank| {
        let ids: Vec<&str> = bank.questions.iter().map(Text::as_ref).collect();
        (bank.version, ids)
    });
    std::iter::once(current).chain(earlier)
}

/// The chosen ids with the other part of every pair added, in the reading's order: a Part A
/// without its Part B, or the reverse, means nothing to a student.
pub fn complete_pairs(reading: &Reading, chosen: &[String]) -> Vec<String> {
    let partner = |q: &Question| -> Option<String> {
        q.supports
            .as_ref()
            .map(|a| a.to_string())
            .or_else(|| reading.part_b_of(&q.id).map(|b| b.id.to_string()))
    };
    reading
        .questions
        .iter()
        .filter(|q| {
            chosen.iter().any(|id| *id == q.id) || partner(q).is_some_and(|p| chosen.contains(&p))
        })
        .map(|q| q.id.to_string())
        .collect()
}

impl Assignment {
    /// The key of this assignment's progress and gradebook entry: its id in hex.
    pub fn key(&self) -> String {
        key_of(self.id)
    }

    /// The link's code (what follows `/assignment/`), naming the questions in the
    /// assignment's bank (the current one if the reading does not know it).
    pub fn to_code(&self, reading: &Reading) -> String {
        let ids = reading
            .bank_ids(self.bank)
            .unwrap_or_else(|| reading.questions.iter().map(|q| q.id.as_ref()).collect());
        let mut chosen = vec![0u8; ids.len().div_ceil(8)];
        for (i, id) in ids.iter().enumerate() {
            if self.questions.iter().any(|q| q == id) {
                chosen[i / 8] |= 1 << (i % 8);
            }
        }
        let mut flags = 0;
        if self.mode == Mode::Assessment {
            flags |= ASSESSMENT;
        }
        if self.shuffle_questions {
            flags |= SHUFFLE_QUESTIONS;
        }
        if self.shuffle_options {
            flags |= SHUFFLE_OPTIONS;
        }
        let mut record = Writer::new();
        record
            .u32_fixed(self.id)
            .byte(flags)
            .u32_fixed(self.seed)
            .text(&self.reading, MAX_READING_ID_BYTES)
            .u32_fixed(fingerprint(&ids))
            .bytes(&chosen)
            .varint(self.due_minutes.unwrap_or(0))
            .varint(u64::from(self.time_limit_minutes.unwrap_or(0)))
            .varint(u64::from(self.extra_time_percent))
            .byte(self.pass_mark.min(100))
            .text(&self.title, MAX_TITLE_BYTES);
        // Format 1 whenever it can say it all: such a link opens in every Lectern.
        if self.student_id_kind == StudentIdKind::NameOnly {
            LINK.at_version(1).encode(&record.finish())
        } else {
            let record = record.byte(self.student_id_kind.byte()).finish();
            LINK.encode(&record)
        }
    }

    /// Reads a link's code (format 1 or 2) against the readings this app has.
    pub fn from_code(code: &str, readings: &[Reading]) -> Result<Assignment, LinkError> {
        let (version, record) = LINK.decode_since(code, 1)?;
        let mut r = Reader::new(&record);
        let id = r.u32_fixed()?;
        let flags = r.byte()?;
        let seed = r.u32_fixed()?;
        let reading_id = r.text(MAX_READING_ID_BYTES)?;
        let fingerprint = r.u32_fixed()?;
        let chosen = r.bytes(1 << 16)?.to_vec();
        let due = r.varint()?;
        let limit = r.varint()?;
        let extra = r.varint()?;
        let pass_mark = r.byte()?;
        let title = r.text(MAX_TITLE_BYTES)?;
        let student_id_kind = if version >= 2 {
            match StudentIdKind::from_byte(r.byte()?) {
                // Format 2 is written only to ask for something: "nothing" is not a format 2 link.
                Some(StudentIdKind::NameOnly) | None => {
                    return Err(CodeError::Malformed("unknown student ID kind").into())
                }
                Some(kind) => kind,
            }
        } else {
            StudentIdKind::NameOnly
        };
        r.end()?;
        if flags & !(ASSESSMENT | SHUFFLE_QUESTIONS | SHUFFLE_OPTIONS) != 0 {
            return Err(CodeError::Malformed("unknown settings").into());
        }
        if pass_mark > 100 {
            return Err(CodeError::Malformed("pass mark over 100%").into());
        }
        let limit = u32::try_from(limit).map_err(|_| CodeError::Malformed("time limit"))?;
        let extra = u32::try_from(extra).map_err(|_| CodeError::Malformed("extra time"))?;
        let reading = readings
            .iter()
            .find(|r| r.id == reading_id.as_str())
            .ok_or_else(|| LinkError::UnknownReading(reading_id.clone()))?;
        let (bank, ids) = banks(reading)
            .find(|(_, ids)| {
                self::fingerprint(ids) == fingerprint && chosen.len() == ids.len().div_ceil(8)
            })
            .ok_or(LinkError::QuestionsChanged)?;
        let questions: Vec<String> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| chosen[i / 8] & (1 << (i % 8)) != 0)
            .map(|(_, id)| id.to_string())
            .collect();
        if questions
            .iter()
            .any(|id| reading.any_question(id).is_none())
        {
            // The content checks rule this out: every id of an earlier bank is kept.
            return Err(LinkError::QuestionsChanged);
        }
        if questions.is_empty() {
            return Err(LinkError::NoQuestions);
        }
        Ok(Assignment {
            id,
            title,
            reading: reading_id,
            questions,
            bank,
            mode: if flags & ASSESSMENT != 0 {
                Mode::Assessment
            } else {
                Mode::Practice
            },
            shuffle_questions: flags & SHUFFLE_QUESTIONS != 0,
            shuffle_options: flags & SHUFFLE_OPTIONS != 0,
            seed,
            due_minutes: (due > 0).then_some(due),
            time_limit_minutes: (limit > 0).then_some(limit),
            extra_time_percent: extra,
            pass_mark,
            student_id_kind,
        })
    }

    /// The time the student has, extra time included, in milliseconds.
    pub fn time_allowed_ms(&self) -> Option<f64> {
        self.time_limit_minutes.map(|minutes| {
            f64::from(minutes) * 60_000.0 * (100.0 + f64::from(self.extra_time_percent)) / 100.0
        })
    }

    pub fn due_ms(&self) -> Option<f64> {
        self.due_minutes.map(|m| m as f64 * 60_000.0)
    }

    /// The chosen questions in the order this student sees them: section by section, as in the
    /// reading, in their bank's order within a section, shuffled within each section when the
    /// teacher asked for it, a pair's Part B always right after its Part A. The order depends
    /// only on the assignment's seed and the student's name, so a teacher can reproduce it.
    pub fn questions_for<'r>(&self, reading: &'r Reading, student: &str) -> Vec<&'r Question> {
        let chosen: Vec<&Question> = self
            .questions
            .iter()
            .filter_map(|id| reading.any_question(id))
            .collect();
        let mut ordered = Vec::new();
        for section in reading.sections.iter() {
            // What is shuffled: single questions, and pairs as one.
            let in_section: Vec<&Question> = chosen
                .iter()
                .copied()
                .filter(|q| q.section == section.id)
                .collect();
            let units: Vec<&[&Question]> = units(&in_section)
                .into_iter()
                .map(|unit| &in_section[unit])
                .collect();
            if self.shuffle_questions {
                let seed = self.student_seed(student, &section.id);
                ordered.extend(
                    permutation(units.len(), seed)
                        .into_iter()
                        .flat_map(|i| units[i].iter().copied()),
                );
            } else {
                ordered.extend(units.into_iter().flatten());
            }
        }
        ordered
    }

    /// Mixed into every option order this student sees, or 0 (the order everyone sees in free
    /// study) when options are not shuffled.
    pub fn option_salt(&self, student: &str) -> u64 {
        if self.shuffle_options {
            self.student_seed(student, "options")
        } else {
            0
        }
    }

    fn student_seed(&self, student: &str, what: &str) -> u64 {
        seed_from(&format!("{}:{}:{what}", self.seed, normalize_name(student)))
    }

    /// Whether a score (percent) passes.
    pub fn passes(&self, percent: u32) -> bool {
        percent >= u32::from(self.pass_mark)
    }
}

/// The hex key of an assignment id.
pub fn key_of(id: u32) -> String {
    format!("{id:08x}")
}

/// A name as it is compared: trimmed, inner spaces collapsed, lower case. "Ana  Lima " and
/// "ana lima" are the same student.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use proptest::prelude::*;

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    pub fn sample() -> Assignment {
        let reading = essay();
        Assignment {
            id: 0x1234_abcd,
            title: "Week 3: Adversaries to Allies?".into(),
            reading: reading.id.to_string(),
            questions: reading
                .questions
                .iter()
                .filter(|q| {
                    q.section == reading.sections[1].id || q.section == reading.sections[2].id
                })
                .map(|q| q.id.to_string())
                .collect(),
            bank: reading.bank_version(),
            mode: Mode::Assessment,
            shuffle_questions: true,
            shuffle_options: true,
            seed: 42,
            due_minutes: Some(29_500_000),
            time_limit_minutes: Some(20),
            extra_time_percent: 50,
            pass_mark: 60,
            student_id_kind: StudentIdKind::NameOnly,
        }
    }

    #[test]
    fn a_link_round_trips_and_stays_short() {
        let a = sample();
        let code = a.to_code(essay());
        assert!(code.starts_with("LA1."), "{code}");
        assert!(code.len() < 120, "{} chars: {code}", code.len());
        assert_eq!(Assignment::from_code(&code, READINGS).unwrap(), a);
    }

    #[test]
    fn a_link_that_asks_for_an_id_is_format_2_and_format_1_still_reads() {
        for kind in [StudentIdKind::Number, StudentIdKind::Email] {
            let a = Assignment {
                student_id_kind: kind,
                ..sample()
            };
            let code = a.to_code(essay());
            assert!(code.starts_with("LA2."), "{code}");
            assert_eq!(Assignment::from_code(&code, READINGS).unwrap(), a);
        }
        // A format 1 link written before format 2 existed (this exact text), still read.
        let old = sample().to_code(essay());
        assert_eq!(
            Assignment::from_code(&old, READINGS)
                .unwrap()
                .student_id_kind,
            StudentIdKind::NameOnly
        );
        // A format 2 record that asks for nothing, or for an unknown kind, is refused.
        let record = LINK.at_version(1).decode(&old).unwrap();
        for byte in [0u8, 3] {
            let mut with_kind = record.clone();
            with_kind.push(byte);
            assert_eq!(
                Assignment::from_code(&LINK.encode(&with_kind), READINGS),
                Err(LinkError::Code(CodeError::Malformed(
                    "unknown student ID kind"
                )))
            );
        }
        // A format 1 record with a trailing byte is not read as format 2.
        let mut longer = record;
        longer.push(1);
        assert!(Assignment::from_code(&LINK.at_version(1).encode(&longer), READINGS).is_err());
    }

    #[test]
    fn typed_ids_and_emails_are_checked() {
        use StudentIdKind::*;
        assert_eq!(Number.check("  S-1024 "), Ok("S-1024".to_string()));
        assert_eq!(
            Email.check(" Ana.Lima@School.ORG "),
            Ok("ana.lima@school.org".into())
        );
        assert_eq!(NameOnly.check("anything"), Ok(String::new()));
        for (kind, typed) in [
            (Number, ""),
            (Number, "12 34"),
            (Email, ""),
            (Email, "ana"),
            (Email, "ana@school"),
            (Email, "@school.org"),
            (Email, "ana@@school.org"),
            (Email, "ana @school.org"),
            (Email, "ana@school.org."),
            (Number, "a\u{7}b"),
        ] {
            assert!(kind.check(typed).is_err(), "{kind:?} {typed:?}");
        }
        assert!(Number.check(&"9".repeat(MAX_STUDENT_ID_BYTES + 1)).is_err());
        assert!(Number.check(&"9".repeat(MAX_STUDENT_ID_BYTES)).is_ok());
    }

    #[test]
    fn changed_questions_and_unknown_readings_are_refused() {
        let a = sample();
        let mut other = essay().clone();
        other.questions.to_mut().pop();
        let code = a.to_code(essay());
        let other_readings = [other];
        assert_eq!(
            Assignment::from_code(&code, &other_readings),
            Err(LinkError::QuestionsChanged)
        );
        let mut elsewhere = a.clone();
        elsewhere.reading = "moby-dick".into();
        let code = elsewhere.to_code(essay());
        assert_eq!(
            Assignment::from_code(&code, READINGS),
            Err(LinkError::UnknownReading("moby-dick".into()))
        );
        let mut none = a;
        none.questions.clear();
        assert_eq!(
            Assignment::from_code(&none.to_code(essay()), READINGS),
            Err(LinkError::NoQuestions)
        );
    }

    #[test]
    fn the_order_is_per_student_reproducible_and_keeps_sections_together() {
        let a = sample();
        let reading = essay();
        let ana: Vec<&str> = a
            .questions_for(reading, "Ana")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        let again: Vec<&str> = a
            .questions_for(reading, " ana ")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        assert_eq!(
            ana, again,
            "same student (names compared loosely), same order"
        );
        let ben: Vec<&str> = a
            .questions_for(reading, "Ben")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        assert_ne!(ana, ben, "another student, another order");
        let mut sorted = ana.clone();
        sorted.sort();
        let mut chosen: Vec<&str> = a.questions.iter().map(String::as_str).collect();
        chosen.sort();
        assert_eq!(sorted, chosen, "every chosen question once");
        // Sections stay in reading order.
        let sections: Vec<&str> = a
            .questions_for(reading, "Ana")
            .iter()
            .map(|q| q.section.as_ref())
            .collect();
        let first_of_second = sections
            .iter()
            .position(|s| *s == reading.sections[2].id)
            .unwrap();
        assert!(sections[..first_of_second]
            .iter()
            .all(|s| *s == reading.sections[1].id));

        let unshuffled = Assignment {
            shuffle_questions: false,
            shuffle_options: false,
            ..a
        };
        let plain: Vec<&str> = unshuffled
            .questions_for(reading, "Ana")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        assert_eq!(
            plain,
            unshuffled
                .questions
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        assert_eq!(unshuffled.option_salt("Ana"), 0);
    }

    /// The essay as a later bank would have it: its first question retired, a new one asked,
    /// and its first bank kept in the history.
    fn rebuilt() -> Reading {
        let mut reading = essay().clone();
        let bank_1 = lectern_content::Bank {
            version: 1,
            questions: reading
                .questions
                .iter()
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
                .into(),
        };
        let retired = reading.questions.to_mut().remove(0);
        let mut new = reading.questions[0].clone();
        new.id = "q-new".into();
        reading.questions.to_mut().push(new);
        reading.retired = vec![retired].into();
        reading.earlier_banks = vec![bank_1].into();
        reading
    }

    #[test]
    fn a_link_for_an_earlier_bank_opens_with_its_questions() {
        let old = Assignment {
            questions: essay()
                .questions
                .iter()
                .take(3)
                .map(|q| q.id.to_string())
                .collect(),
            ..sample()
        };
        let code = old.to_code(essay());
        let readings = [rebuilt()];
        let opened = Assignment::from_code(&code, &readings).unwrap();
        assert_eq!(opened.bank, 1);
        assert_eq!(opened.questions, old.questions, "the retired question too");
        let shown: Vec<&str> = opened
            .questions_for(&readings[0], "Ana")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        let before: Vec<&str> = old
            .questions_for(essay(), "Ana")
            .iter()
            .map(|q| q.id.as_ref())
            .collect();
        assert_eq!(shown, before, "the same order as before the bank changed");
        assert_eq!(
            opened.to_code(&readings[0]),
            code,
            "shown again, the same link"
        );

        // A new assignment names the current bank; a bank the app does not know is refused.
        let new = Assignment {
            questions: vec!["q-new".into()],
            bank: readings[0].bank_version(),
            ..sample()
        };
        assert_eq!(new.bank, 2);
        let opened = Assignment::from_code(&new.to_code(&readings[0]), &readings).unwrap();
        assert_eq!(
            (opened.bank, opened.questions),
            (2, vec!["q-new".to_string()])
        );
        let mut forgotten = rebuilt();
        forgotten.earlier_banks = Vec::new().into();
        assert_eq!(
            Assignment::from_code(&code, &[forgotten]),
            Err(LinkError::QuestionsChanged)
        );
    }

    /// The essay with its second question made Part B of its first.
    fn with_pair() -> Reading {
        let mut reading = essay().clone();
        let part_a = reading.questions[0].id.clone();
        let questions = reading.questions.to_mut();
        questions[1].supports = Some(part_a);
        questions[1].section = questions[0].section.clone();
        reading
    }

    #[test]
    fn a_pair_is_chosen_whole_and_shuffled_as_one() {
        let reading = with_pair();
        let (a, b) = (
            reading.questions[0].id.to_string(),
            reading.questions[1].id.to_string(),
        );
        assert_eq!(
            complete_pairs(&reading, std::slice::from_ref(&b)),
            vec![a.clone(), b.clone()]
        );
        assert_eq!(
            complete_pairs(&reading, std::slice::from_ref(&a)),
            vec![a.clone(), b.clone()]
        );
        let section = reading.questions[0].section.to_string();
        let assignment = Assignment {
            questions: reading
                .questions
                .iter()
                .filter(|q| q.section == section)
                .map(|q| q.id.to_string())
                .collect(),
            ..sample()
        };
        let mut moved = false;
        for student in ["Ana", "Ben", "Cy", "Di", "Ed", "Flo", "Gus", "Hu"] {
            let order: Vec<&str> = assignment
                .questions_for(&reading, student)
                .iter()
                .map(|q| q.id.as_ref())
                .collect();
            let at = order.iter().position(|id| *id == a).unwrap();
            assert_eq!(order[at + 1], b, "{student}: Part B right after Part A");
            moved |= at != 0;
        }
        assert!(moved, "the pair is shuffled with the other questions");
    }

    #[test]
    fn extra_time_extends_the_limit() {
        let a = sample();
        assert_eq!(a.time_allowed_ms(), Some(30.0 * 60_000.0));
        let none = Assignment {
            time_limit_minutes: None,
            ..a
        };
        assert_eq!(none.time_allowed_ms(), None);
    }

    fn arbitrary_assignment() -> impl Strategy<Value = Assignment> {
        let count = essay().questions.len();
        (
            any::<u32>(),
            ".{0,40}",
            proptest::collection::vec(any::<bool>(), count),
            any::<(bool, bool, bool)>(),
            any::<u32>(),
            proptest::option::of(1u64..100_000_000),
            proptest::option::of(1u32..600),
            0u32..300,
            (0u8..=100, 0usize..3),
        )
            .prop_filter("at least one question", |t| t.2.iter().any(|b| *b))
            .prop_map(
                |(id, title, chosen, flags, seed, due, limit, extra, (pass, kind))| Assignment {
                    id,
                    title,
                    reading: essay().id.to_string(),
                    questions: essay()
                        .questions
                        .iter()
                        .zip(chosen)
                        .filter(|(_, c)| *c)
                        .map(|(q, _)| q.id.to_string())
                        .collect(),
                    bank: essay().bank_version(),
                    mode: if flags.0 {
                        Mode::Assessment
                    } else {
                        Mode::Practice
                    },
                    shuffle_questions: flags.1,
                    shuffle_options: flags.2,
                    seed,
                    due_minutes: due,
                    time_limit_minutes: limit,
                    extra_time_percent: extra,
                    pass_mark: pass,
                    student_id_kind: StudentIdKind::ALL[kind],
                },
            )
    }

    proptest! {
        #[test]
        fn any_assignment_round_trips(a in arbitrary_assignment()) {
            prop_assert_eq!(Assignment::from_code(&a.to_code(essay()), READINGS).unwrap(), a);
        }

        #[test]
        fn every_truncated_link_is_refused(a in arbitrary_assignment(), cut in 1usize..200) {
            let code = a.to_code(essay());
            let keep = code.len().saturating_sub(cut);
            prop_assert!(Assignment::from_code(&code[..keep], READINGS).is_err());
        }

        #[test]
        fn every_changed_character_is_refused(a in arbitrary_assignment(), at in any::<usize>(), with in any::<char>()) {
            let code = a.to_code(essay());
            let mut chars: Vec<char> = code.chars().collect();
            let at = at % chars.len();
            prop_assume!(chars[at] != with && !with.is_whitespace());
            chars[at] = with;
            let changed: String = chars.into_iter().collect();
            match Assignment::from_code(&changed, READINGS) {
                Err(_) => {}
                // Only a change to base64's unused last bits can leave the bytes as they were.
                Ok(decoded) => prop_assert_eq!(decoded, a),
            }
        }

        #[test]
        fn arbitrary_links_never_panic(text in "(LA[12]\\.)?[A-Za-z0-9_-]{0,160}") {
            let _ = Assignment::from_code(&text, READINGS);
        }
    }
}
