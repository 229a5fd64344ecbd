//! A student's work on an assignment as `cmi.suspend_data`, which the LMS keeps and gives back
//! when the student reopens the package (on this device or another): at most 4,096 characters
//! (a CMIString4096), so a compact binary record in the text form of every Lectern code
//! (`LS1.` + base64url + CRC-32, [`crate::core::codec`]).
//!
//! # Record (format 1, prefix `LS1.`)
//!
//! | field | encoding |
//! | --- | --- |
//! | assignment id | 4 bytes |
//! | number of questions | varint (must be the assignment's) |
//! | started at | varint: milliseconds since the Unix epoch |
//! | answers | varint count, then each answer below |
//! | handed in | 0, or 1 then: at (varint, ms after the start), flag byte (1 = by the timer), the hand-in code (text) |
//!
//! An answer: the question's place in the assignment (varint); first answered and last answered
//! (varints: ms after the start, and after the first); tries (varint); when tried, the first
//! try's score (4 bytes, the `f32`'s bits); then the response: a tag byte and its value, with
//! options, sentences and right-hand items named by their place in the content:
//!
//! | tag | response | value |
//! | --- | --- | --- |
//! | 0 | a choice | varint: the option's place + 1 (0: none) |
//! | 1 | choices | bytes: a bitset over the options |
//! | 2 | true or false | byte |
//! | 3 | typed text | text |
//! | 4 | matching | bytes: per pair, the chosen right-hand item's place + 1 (0: none) |
//! | 5 | an order | bytes: the items' places |
//! | 6 | sentences | bytes: a bitset over the section's sentences |
//! | 7 | blanks | varint count, then each text |
//!
//! The latest response's score is not stored: it is graded again when read.
//!
//! # When it does not fit
//!
//! Only typed text can make the record long. If it would pass 4,096 characters, every typed
//! answer is cut to the longest length that fits (the same for all), and the questions cut are
//! named ([`Encoded::shortened`]) so the app can say so; the whole answers stay on the device,
//! where they are saved too, and the hand-in and its interactions are worked out from those.
//! If even answers cut to nothing do not fit (an assignment of a few hundred questions), it is
//! [`SuspendError::TooLarge`] and the work is kept on the device only.

use crate::core::assignment::Assignment;
use crate::core::codec::{truncate, CodeError, Kind, Reader, Writer};
use crate::core::grading::grade;
use crate::core::progress::{AnswerRecord, AssignmentProgress, HandedIn};
use crate::core::question_export::section_sentences;
use crate::core::response::Response;
use lectern_content::{Answer, Question, Reading};
use std::collections::BTreeMap;
use std::fmt;

/// The kind of code suspend data is.
pub const SUSPEND: Kind = Kind {
    tag: "LS",
    version: 1,
};
const MAX_CODE_BYTES: usize = 400;
const MAX_TEXT_BYTES: usize = 4096;

/// Suspend data, and the questions whose typed answers were cut to fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    pub text: String,
    pub shortened: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SuspendError {
    /// Too much to fit even with every typed answer cut.
    TooLarge,
    /// Suspend data that cannot be read.
    Code(CodeError),
    /// Suspend data of another assignment (the package was replaced).
    OtherAssignment,
}

impl fmt::Display for SuspendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuspendError::TooLarge => write!(
                f,
                "this assignment is too large for the LMS to keep your answers; they are kept on this device"
            ),
            SuspendError::Code(e) => write!(f, "the work the LMS kept cannot be read: {e}"),
            SuspendError::OtherAssignment => {
                write!(f, "the work the LMS kept belongs to another assignment")
            }
        }
    }
}

/// The suspend data of `progress`, within [`super::SUSPEND_DATA_MAX`] characters.
pub fn encode(
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
) -> Result<Encoded, SuspendError> {
    let longest = texts(progress).map(str::len).max().unwrap_or(0);
    let whole = encode_with(assignment, reading, progress, usize::MAX);
    if whole.len() <= super::SUSPEND_DATA_MAX {
        return Ok(Encoded {
            text: whole,
            shortened: Vec::new(),
        });
    }
    // The longest cut that fits: encoding is monotonic in the cut.
    let fits = |cut: usize| {
        encode_with(assignment, reading, progress, cut).len() <= super::SUSPEND_DATA_MAX
    };
    if !fits(0) {
        return Err(SuspendError::TooLarge);
    }
    let (mut low, mut high) = (0, longest);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let shortened = progress
        .answers
        .iter()
        .filter(|(_, r)| response_texts(&r.response).any(|t| t.len() > low))
        .map(|(id, _)| id.clone())
        .collect();
    Ok(Encoded {
        text: encode_with(assignment, reading, progress, low),
        shortened,
    })
}

fn texts(progress: &AssignmentProgress) -> impl Iterator<Item = &str> {
    progress
        .answers
        .values()
        .flat_map(|r| response_texts(&r.response))
}

fn response_texts(response: &Response) -> Box<dyn Iterator<Item = &str> + '_> {
    match response {
        Response::Text(t) => Box::new(std::iter::once(t.as_str())),
        Response::Blanks(blanks) => Box::new(blanks.iter().map(String::as_str)),
        _ => Box::new(std::iter::empty()),
    }
}

fn ms(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        value as u64
    } else {
        0
    }
}

fn encode_with(
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
    cut: usize,
) -> String {
    let started = ms(progress.started_at);
    let mut w = Writer::new();
    w.u32_fixed(assignment.id)
        .varint(assignment.questions.len() as u64)
        .varint(started);
    let answers: Vec<(usize, &Question, &AnswerRecord)> = assignment
        .questions
        .iter()
        .enumerate()
        .filter_map(|(place, id)| Some((place, reading.question(id)?, progress.answers.get(id)?)))
        .collect();
    w.varint(answers.len() as u64);
    for (place, question, record) in answers {
        let first = ms(record.first_answered_at).saturating_sub(started);
        let last = ms(record.last_answered_at)
            .saturating_sub(started)
            .saturating_sub(first);
        w.varint(place as u64)
            .varint(first)
            .varint(last)
            .varint(u64::from(record.tries));
        if record.tries > 0 {
            w.u32_fixed(record.first_try_score.to_bits());
        }
        write_response(&mut w, reading, question, &record.response, cut);
    }
    match &progress.handed_in {
        None => {
            w.byte(0);
        }
        Some(h) => {
            w.byte(1)
                .varint(ms(h.at).saturating_sub(started))
                .byte(u8::from(h.auto))
                .text(&h.code, MAX_CODE_BYTES);
        }
    }
    SUSPEND.encode(&w.finish())
}

/// The places (in `names`) of `ids`, as a bitset; ids not in `names` are left out.
fn bitset<'a>(names: impl Iterator<Item = &'a str>, ids: &[String]) -> Vec<u8> {
    let names: Vec<&str> = names.collect();
    let mut bits = vec![0u8; names.len().div_ceil(8)];
    for id in ids {
        if let Some(i) = names.iter().position(|n| n == id) {
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

fn unbitset<'a>(names: impl Iterator<Item = &'a str>, bits: &[u8]) -> Vec<String> {
    names
        .enumerate()
        .filter(|(i, _)| bits.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0))
        .map(|(_, n)| n.to_string())
        .collect()
}

fn options(question: &Question) -> Vec<&str> {
    match &question.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            options.iter().map(|o| o.id.as_ref()).collect()
        }
        _ => Vec::new(),
    }
}

fn right_items(question: &Question) -> Vec<&str> {
    match &question.answer {
        Answer::Matching {
            pairs, distractors, ..
        } => pairs
            .iter()
            .map(|p| p.right.as_ref())
            .chain(distractors.iter().map(|d| d.as_ref()))
            .collect(),
        _ => Vec::new(),
    }
}

fn sentences<'a>(reading: &'a Reading, question: &Question) -> Vec<&'a str> {
    section_sentences(reading, question)
        .into_iter()
        .map(|s| s.id.as_ref())
        .collect()
}

fn write_response(
    w: &mut Writer,
    reading: &Reading,
    question: &Question,
    response: &Response,
    cut: usize,
) {
    match response {
        Response::Choice(id) => {
            let place = options(question).iter().position(|o| o == id);
            w.byte(0).varint(place.map_or(0, |p| p as u64 + 1));
        }
        Response::Choices(ids) => {
            w.byte(1).bytes(&bitset(options(question).into_iter(), ids));
        }
        Response::TrueFalse(value) => {
            w.byte(2).byte(u8::from(*value));
        }
        Response::Text(text) => {
            w.byte(3).text(truncate(text, cut), MAX_TEXT_BYTES);
        }
        Response::Matching(chosen) => {
            let rights = right_items(question);
            let places: Vec<u8> = chosen
                .iter()
                .map(|c| {
                    c.as_deref()
                        .and_then(|c| rights.iter().position(|r| *r == c))
                        .map_or(0, |p| (p + 1).min(255) as u8)
                })
                .collect();
            w.byte(4).bytes(&places);
        }
        Response::Order(order) => {
            let places: Vec<u8> = order.iter().map(|&i| i.min(255) as u8).collect();
            w.byte(5).bytes(&places);
        }
        Response::Sentences(ids) => {
            w.byte(6)
                .bytes(&bitset(sentences(reading, question).into_iter(), ids));
        }
        Response::Blanks(blanks) => {
            w.byte(7).varint(blanks.len() as u64);
            for blank in blanks {
                w.text(truncate(blank, cut), MAX_TEXT_BYTES);
            }
        }
    }
}

fn read_response(
    r: &mut Reader,
    reading: &Reading,
    question: &Question,
) -> Result<Response, CodeError> {
    Ok(match r.byte()? {
        0 => {
            let place = r.varint()?;
            let options = options(question);
            Response::Choice(match place {
                0 => String::new(),
                p => options
                    .get(p as usize - 1)
                    .ok_or(CodeError::Malformed("an option the question does not have"))?
                    .to_string(),
            })
        }
        1 => Response::Choices(unbitset(options(question).into_iter(), r.bytes(64)?)),
        2 => Response::TrueFalse(r.byte()? != 0),
        3 => Response::Text(r.text(MAX_TEXT_BYTES)?),
        4 => {
            let rights = right_items(question);
            Response::Matching(
                r.bytes(256)?
                    .iter()
                    .map(|&p| match p {
                        0 => Ok(None),
                        p => rights
                            .get(usize::from(p) - 1)
                            .map(|r| Some(r.to_string()))
                            .ok_or(CodeError::Malformed("an item the question does not have")),
                    })
                    .collect::<Result<_, _>>()?,
            )
        }
        5 => Response::Order(r.bytes(256)?.iter().map(|&p| usize::from(p)).collect()),
        6 => Response::Sentences(unbitset(
            sentences(reading, question).into_iter(),
            r.bytes(512)?,
        )),
        7 => {
            let count = r.varint()?;
            if count > 256 {
                return Err(CodeError::Malformed("too many blanks"));
            }
            Response::Blanks(
                (0..count)
                    .map(|_| r.text(MAX_TEXT_BYTES))
                    .collect::<Result<_, _>>()?,
            )
        }
        _ => return Err(CodeError::Malformed("an unknown kind of answer")),
    })
}

/// The work in suspend data `text`, for the student the LMS names: `code` is the assignment
/// link's code (the package's), kept in the progress as the app keeps it.
pub fn decode(
    text: &str,
    assignment: &Assignment,
    reading: &Reading,
    code: &str,
    student: &str,
) -> Result<AssignmentProgress, SuspendError> {
    let record = SUSPEND.decode(text).map_err(SuspendError::Code)?;
    let mut r = Reader::new(&record);
    let read = |r: &mut Reader| -> Result<AssignmentProgress, CodeError> {
        if r.u32_fixed()? != assignment.id {
            return Err(CodeError::WrongKind);
        }
        if r.varint()? != assignment.questions.len() as u64 {
            return Err(CodeError::Malformed("another number of questions"));
        }
        let started = r.varint()?;
        let mut answers = BTreeMap::new();
        for _ in 0..r.varint()? {
            let place = r.varint()? as usize;
            let id = assignment.questions.get(place).ok_or(CodeError::Malformed(
                "a question the assignment does not have",
            ))?;
            let question = reading
                .question(id)
                .ok_or(CodeError::Malformed("a question the reading does not have"))?;
            let first = started.saturating_add(r.varint()?);
            let last = first.saturating_add(r.varint()?);
            let tries = u32::try_from(r.varint()?).map_err(|_| CodeError::Malformed("tries"))?;
            let first_try_score = if tries > 0 {
                f32::from_bits(r.u32_fixed()?)
            } else {
                0.0
            };
            if !(0.0..=1.0).contains(&first_try_score) {
                return Err(CodeError::Malformed("a score out of range"));
            }
            let response = read_response(r, reading, question)?;
            answers.insert(
                id.clone(),
                AnswerRecord {
                    score: grade(question, &response).score,
                    response,
                    tries,
                    first_try_correct: tries > 0 && first_try_score >= 1.0,
                    first_try_score,
                    // Assignments record no hints (see `AnswerRecord::hinted`).
                    hinted: false,
                    first_answered_at: first as f64,
                    last_answered_at: last as f64,
                },
            );
        }
        let handed_in = match r.byte()? {
            0 => None,
            1 => {
                let at = started.saturating_add(r.varint()?);
                let auto = r.byte()? != 0;
                Some(HandedIn {
                    at: at as f64,
                    auto,
                    code: r.text(MAX_CODE_BYTES)?,
                })
            }
            _ => return Err(CodeError::Malformed("hand-in flag")),
        };
        r.end()?;
        let mut progress =
            AssignmentProgress::new(code.to_string(), student.to_string(), started as f64);
        progress.answers = answers;
        progress.handed_in = handed_in;
        Ok(progress)
    };
    read(&mut r).map_err(|e| match e {
        CodeError::WrongKind => SuspendError::OtherAssignment,
        e => SuspendError::Code(e),
    })
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::{Mode, StudentIdKind};
    use crate::core::grading::correct_response;
    use crate::core::handin::HandIn;
    use proptest::prelude::*;

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    /// Every question of the essay, practice mode.
    fn everything() -> Assignment {
        Assignment {
            id: 77,
            title: "All of it".into(),
            reading: essay().id.to_string(),
            questions: essay().questions.iter().map(|q| q.id.to_string()).collect(),
            bank: essay().bank_version(),
            mode: Mode::Practice,
            shuffle_questions: false,
            shuffle_options: false,
            seed: 1,
            due_minutes: None,
            time_limit_minutes: None,
            extra_time_percent: 0,
            pass_mark: 50,
            student_id_kind: StudentIdKind::NameOnly,
        }
    }

    /// A student who answered every question (right, or with the initial response for every
    /// third), each checked once or twice, as the app records it.
    fn worked(assignment: &Assignment) -> AssignmentProgress {
        let mut p =
            AssignmentProgress::new("LA1.code".into(), "Ana Lima".into(), 1_764_000_000_123.0);
        for (i, id) in assignment.questions.iter().enumerate() {
            let q = essay().question(id).unwrap();
            let response = if i % 3 == 2 {
                Response::initial_for(q)
            } else {
                correct_response(q)
            };
            let score = grade(q, &response).score;
            let at = 1_764_000_000_123.0 + 1_000.0 * i as f64 + 17.0;
            p.record_check(id, response.clone(), score, at);
            if i % 2 == 0 {
                p.record_check(id, response, score, at + 5_432.0);
            }
        }
        p
    }

    #[test]
    fn a_whole_essay_of_work_round_trips_within_the_limit() {
        let a = everything();
        let p = worked(&a);
        let encoded = encode(&a, essay(), &p).unwrap();
        assert!(encoded.text.starts_with("LS1."));
        assert!(
            encoded.text.len() <= super::super::SUSPEND_DATA_MAX,
            "{}",
            encoded.text.len()
        );
        assert!(encoded.text.is_ascii());
        assert!(encoded.shortened.is_empty());
        let back = decode(&encoded.text, &a, essay(), "LA1.code", "Ana Lima").unwrap();
        assert_eq!(back, p);
        println!(
            "{} questions: {} characters",
            a.questions.len(),
            encoded.text.len()
        );
    }

    #[test]
    fn a_hand_in_is_kept_too() {
        let a = everything();
        let mut p = worked(&a);
        let h = HandIn::from_progress(&a, essay(), &p, 1_764_000_900_000.0, true);
        p.handed_in = Some(HandedIn {
            at: 1_764_000_900_000.0,
            auto: true,
            code: h.to_code(),
        });
        let text = encode(&a, essay(), &p).unwrap().text;
        assert_eq!(
            decode(&text, &a, essay(), "LA1.code", "Ana Lima").unwrap(),
            p
        );
    }

    #[test]
    fn long_typed_answers_are_cut_to_fit_and_named() {
        let a = everything();
        let mut p = worked(&a);
        let typed: Vec<String> = a
            .questions
            .iter()
            .filter(|id| {
                matches!(
                    essay().question(id).unwrap().answer,
                    Answer::ShortAnswer { .. }
                )
            })
            .cloned()
            .collect();
        for id in &typed {
            p.save_response(
                id,
                Response::Text("a very long answer ".repeat(40)),
                0.0,
                1e12,
            );
        }
        let encoded = encode(&a, essay(), &p).unwrap();
        assert!(encoded.text.len() <= super::super::SUSPEND_DATA_MAX);
        assert!(
            encoded.text.len() > super::super::SUSPEND_DATA_MAX - 40,
            "the cut is the longest that fits"
        );
        let mut expected = typed.clone();
        expected.sort();
        assert_eq!(encoded.shortened, expected);
        let back = decode(&encoded.text, &a, essay(), "LA1.code", "Ana Lima").unwrap();
        let Response::Text(kept) = &back.answers[&typed[0]].response else {
            panic!()
        };
        assert!(!kept.is_empty() && "a very long answer ".repeat(40).starts_with(kept.as_str()));
        // Everything else came back whole.
        for (id, record) in &p.answers {
            if !typed.contains(id) {
                assert_eq!(&back.answers[id], record, "{id}");
            }
        }
    }

    #[test]
    fn more_than_fits_even_cut_is_an_error() {
        // A reading with the essay's questions many times over, by asking for them all in an
        // assignment whose answers all carry first-try scores: the essay's questions fit easily, so
        // fake a huge assignment by repeating question ids.
        let mut a = everything();
        let ids = a.questions.clone();
        for _ in 0..12 {
            a.questions.extend(ids.iter().cloned());
        }
        let mut p = AssignmentProgress::new("c".into(), "s".into(), 0.0);
        for id in &ids {
            let q = essay().question(id).unwrap();
            p.record_check(id, correct_response(q), 1.0, 1.0);
        }
        // Each answer is stored once per place it has: repeated ids fill the record.
        assert_eq!(
            encode(&a, essay(), &p).map(|_| ()),
            Err(SuspendError::TooLarge)
        );
    }

    #[test]
    fn other_assignments_and_damage_are_refused() {
        let a = everything();
        let p = worked(&a);
        let text = encode(&a, essay(), &p).unwrap().text;
        let other = Assignment {
            id: 78,
            ..a.clone()
        };
        assert_eq!(
            decode(&text, &other, essay(), "c", "s"),
            Err(SuspendError::OtherAssignment)
        );
        let fewer = Assignment {
            questions: a.questions[1..].to_vec(),
            ..a.clone()
        };
        assert!(matches!(
            decode(&text, &fewer, essay(), "c", "s"),
            Err(SuspendError::Code(_))
        ));
        assert_eq!(
            decode(&text[..text.len() - 3], &a, essay(), "c", "s"),
            Err(SuspendError::Code(CodeError::Damaged))
        );
        assert!(matches!(
            decode("", &a, essay(), "c", "s"),
            Err(SuspendError::Code(CodeError::Empty))
        ));
    }

    proptest! {
        #[test]
        fn arbitrary_suspend_data_never_panics(text in "(LS1\\.)?[A-Za-z0-9_-]{0,300}") {
            let _ = decode(&text, &everything(), essay(), "c", "s");
        }

        /// Any typed text round-trips when it fits, and is cut (never split in a character)
        /// when it does not.
        #[test]
        fn typed_text_round_trips_or_is_cut(text in "\\PC{0,3000}") {
            let a = everything();
            let mut p = worked(&a);
            let id = a.questions.iter().find(|id| matches!(essay().question(id).unwrap().answer, Answer::ShortAnswer { .. })).unwrap().clone();
            p.save_response(&id, Response::Text(text.clone()), 0.0, 1e13);
            let encoded = encode(&a, essay(), &p).unwrap();
            prop_assert!(encoded.text.len() <= super::super::SUSPEND_DATA_MAX);
            let back = decode(&encoded.text, &a, essay(), "LA1.code", "Ana Lima").unwrap();
            let Response::Text(kept) = &back.answers[&id].response else { panic!() };
            prop_assert!(text.starts_with(kept.as_str()));
            prop_assert_eq!(encoded.shortened.is_empty(), kept == &text);
        }
    }
}
