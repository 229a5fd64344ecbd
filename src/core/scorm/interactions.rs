//! One `cmi.interactions.n` entry per question at hand-in, in SCORM 1.2's formats (RTE 3.4.2.7):
//!
//! | element | value |
//! | --- | --- |
//! | `id` | the question's id (a CMIIdentifier: letters, digits, `-` and `_`; anything else becomes `_`) |
//! | `type` | `true-false`, `choice`, `fill-in`, `matching`, `sequencing` or, past 36 choices, `performance` |
//! | `student_response` | in the type's format, below; empty when unanswered |
//! | `result` | `correct` (100 %), `wrong` (0 % or unanswered), or the percent of a partly right answer (a CMIDecimal) |
//! | `correct_responses.0.pattern` | the right answer in the same format |
//!
//! Formats (RTE 3.4.2.7.5): a true-false is `t` or `f`; a choice is single-character identifiers
//! separated by commas, the options (or, for evidence, the section's sentences) named `a`…`z`
//! then `0`…`9` in their order in the content; a matching is `left.right` pairs separated by
//! commas, the left items `1`…`9` then `a`…`z`, the right items (pairs' then distractors') `a`…;
//! a sequencing is the items' letters in the student's order (the content lists them in the right
//! order); a fill-in is the typed text (blanks joined by `; `), cut to 255 characters
//! (UTF-16 code units, as the LMS's JavaScript counts them). A question with more than 36 choices
//! is a `performance` with 1-based numbers instead.
//!
//! The response is the answer as it stands at hand-in; the result is what counted (in practice,
//! the first try).

use crate::core::assignment::Assignment;
use crate::core::grading::correct_response;
use crate::core::handin::HandIn;
use crate::core::progress::AssignmentProgress;
use crate::core::question_export::section_sentences;
use crate::core::response::Response;
use lectern_content::{Answer, Question, Reading};

/// Identifiers of choices, in order: SCORM 1.2 allows one character, `0-9` or `a-z`.
const CHOICES: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// Identifiers of a matching's left items.
const LEFT: &[u8; 35] = b"123456789abcdefghijklmnopqrstuvwxyz";

/// One interaction, ready to set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interaction {
    pub id: String,
    pub kind: &'static str,
    pub student_response: String,
    pub result: String,
    pub correct_pattern: String,
}

impl Interaction {
    /// The elements to set for interaction number `n`, in order.
    pub fn elements(&self, n: usize) -> Vec<(String, String)> {
        let at = |field: &str| format!("cmi.interactions.{n}.{field}");
        vec![
            (at("id"), self.id.clone()),
            (at("type"), self.kind.to_string()),
            (at("student_response"), self.student_response.clone()),
            (at("result"), self.result.clone()),
            (
                at("correct_responses.0.pattern"),
                self.correct_pattern.clone(),
            ),
        ]
    }
}

/// The interactions of a hand-in, in the assignment's question order.
pub fn for_hand_in(
    assignment: &Assignment,
    reading: &Reading,
    progress: &AssignmentProgress,
    hand_in: &HandIn,
) -> Vec<Interaction> {
    assignment
        .questions
        .iter()
        .zip(&hand_in.scores)
        .filter_map(|(id, score)| {
            let question = reading.question(id)?;
            let response = progress
                .answers
                .get(id)
                .map(|r| &r.response)
                .filter(|r| !r.is_blank());
            Some(interaction(reading, question, response, *score))
        })
        .collect()
}

/// One question's interaction: `response` is `None` when unanswered, `score` the percent that
/// counted.
pub fn interaction(
    reading: &Reading,
    question: &Question,
    response: Option<&Response>,
    score: Option<u8>,
) -> Interaction {
    let (kind, correct_pattern) = formatted(reading, question, &correct_response(question));
    let (student_response, result) = match (response, score) {
        (None, _) | (_, None) => (String::new(), "wrong".to_string()),
        (Some(response), Some(score)) => (
            formatted(reading, question, response).1,
            match score {
                100 => "correct".to_string(),
                0 => "wrong".to_string(),
                partly => partly.to_string(),
            },
        ),
    };
    Interaction {
        id: identifier(&question.id),
        kind,
        student_response,
        result,
        correct_pattern,
    }
}

/// The interaction type of `question` and `response` in its format (empty when the response
/// is not of the question's kind).
fn formatted(
    reading: &Reading,
    question: &Question,
    response: &Response,
) -> (&'static str, String) {
    match &question.answer {
        Answer::TrueFalse { .. } => (
            "true-false",
            match response {
                Response::TrueFalse(value) => if *value { "t" } else { "f" }.to_string(),
                _ => String::new(),
            },
        ),
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            let index = |id: &str| options.iter().position(|o| o.id == id);
            let given: Vec<usize> = match response {
                Response::Choice(id) => index(id).into_iter().collect(),
                Response::Choices(ids) => ids.iter().filter_map(|id| index(id)).collect(),
                _ => Vec::new(),
            };
            choice(options.len(), &given)
        }
        Answer::EvidenceSelection { .. } => {
            let sentences = section_sentences(reading, question);
            let given: Vec<usize> = match response {
                Response::Sentences(ids) => ids
                    .iter()
                    .filter_map(|id| sentences.iter().position(|s| s.id == *id))
                    .collect(),
                _ => Vec::new(),
            };
            choice(sentences.len(), &given)
        }
        Answer::ShortAnswer { .. } => (
            "fill-in",
            match response {
                Response::Text(text) => fill_in(text.trim()),
                _ => String::new(),
            },
        ),
        Answer::FillBlank { .. } => (
            "fill-in",
            match response {
                Response::Blanks(typed) => fill_in(
                    &typed
                        .iter()
                        .map(|t| t.trim())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                _ => String::new(),
            },
        ),
        Answer::Matching {
            pairs, distractors, ..
        } => {
            let rights: Vec<&str> = pairs
                .iter()
                .map(|p| p.right.as_ref())
                .chain(distractors.iter().map(|d| d.as_ref()))
                .collect();
            let right_id = |text: &str| {
                rights
                    .iter()
                    .position(|r| *r == text)
                    .and_then(|i| CHOICES.get(i))
            };
            (
                "matching",
                match response {
                    Response::Matching(chosen) => chosen
                        .iter()
                        .enumerate()
                        .filter_map(|(left, right)| {
                            Some(format!(
                                "{}.{}",
                                *LEFT.get(left)? as char,
                                *right_id(right.as_deref()?)? as char
                            ))
                        })
                        .collect::<Vec<_>>()
                        .join(","),
                    _ => String::new(),
                },
            )
        }
        Answer::Ordering { items, .. } => (
            if items.len() <= CHOICES.len() {
                "sequencing"
            } else {
                "performance"
            },
            match response {
                Response::Order(order) => order
                    .iter()
                    .map(|&i| match CHOICES.get(i) {
                        Some(c) if items.len() <= CHOICES.len() => (*c as char).to_string(),
                        _ => (i + 1).to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(","),
                _ => String::new(),
            },
        ),
    }
}

/// A choice's type and the picks: sorted letters, or 1-based numbers past 36 choices.
fn choice(count: usize, given: &[usize]) -> (&'static str, String) {
    let named = count <= CHOICES.len();
    let mut sorted = given.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let list = sorted
        .iter()
        .map(|&i| {
            if named {
                (CHOICES[i] as char).to_string()
            } else {
                (i + 1).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    (if named { "choice" } else { "performance" }, list)
}

/// Text as a CMIString255: at most 255 UTF-16 code units (as JavaScript counts), never cutting
/// a character.
fn fill_in(text: &str) -> String {
    let mut units = 0;
    text.chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= super::STRING_255
        })
        .collect()
}

/// A question id as a CMIIdentifier: letters, digits, `-` and `_`, at most 255.
fn identifier(id: &str) -> String {
    id.chars()
        .take(super::STRING_255)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::grading::grade;

    fn reading() -> &'static Reading {
        &READINGS[0]
    }

    fn of_kind(kind: &str) -> &'static Question {
        reading()
            .questions
            .iter()
            .find(|q| q.answer.kind_key() == kind)
            .unwrap()
    }

    /// The SCORM 1.2 formats, as regular expressions would say them, for every kind and every
    /// bundled question's right answer.
    #[test]
    fn every_right_answer_is_in_its_types_format() {
        let one = |s: &str| s.len() == 1 && s.bytes().all(|b| CHOICES.contains(&b));
        for q in reading().questions.iter() {
            let right = correct_response(q);
            let i = interaction(reading(), q, Some(&right), Some(100));
            assert_eq!(i.result, "correct", "{}", q.id);
            assert_eq!(
                i.student_response, i.correct_pattern,
                "{}: the right answer is the pattern",
                q.id
            );
            assert!(i
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            let r = &i.student_response;
            match i.kind {
                "true-false" => assert!(r == "t" || r == "f"),
                "choice" | "sequencing" => {
                    assert!(!r.is_empty() && r.split(',').all(one), "{}: {r}", q.id)
                }
                "matching" => assert!(
                    r.split(',')
                        .all(|pair| pair.split_once('.').is_some_and(|(l, rr)| one(rr)
                            && l.len() == 1
                            && LEFT.contains(&l.as_bytes()[0]))),
                    "{}: {r}",
                    q.id
                ),
                "fill-in" => assert!(r.encode_utf16().count() <= 255 && !r.is_empty()),
                other => panic!("{}: unexpected type {other}", q.id),
            }
        }
    }

    #[test]
    fn answers_are_named_by_their_place_in_the_content() {
        let q = of_kind("multiple");
        let Answer::MultipleSelect { options } = &q.answer else {
            unreachable!()
        };
        // Ticking the last option then the first: sorted letters.
        let response = Response::Choices(vec![
            options.last().unwrap().id.to_string(),
            options[0].id.to_string(),
        ]);
        let score = (grade(q, &response).score * 100.0).round() as u8;
        let i = interaction(reading(), q, Some(&response), Some(score));
        let last = (b'a' + options.len() as u8 - 1) as char;
        assert_eq!(i.student_response, format!("a,{last}"));
        assert_eq!(i.kind, "choice");

        let q = of_kind("ordering");
        let Answer::Ordering { items, .. } = &q.answer else {
            unreachable!()
        };
        let mut reversed: Vec<usize> = (0..items.len()).collect();
        reversed.reverse();
        let i = interaction(reading(), q, Some(&Response::Order(reversed)), Some(0));
        assert_eq!(i.kind, "sequencing");
        assert_eq!(i.result, "wrong");
        assert!(i
            .student_response
            .starts_with((b'a' + items.len() as u8 - 1) as char));

        let q = of_kind("true-false");
        let i = interaction(reading(), q, Some(&Response::TrueFalse(false)), Some(0));
        assert_eq!((i.student_response.as_str(), i.kind), ("f", "true-false"));
    }

    #[test]
    fn partial_and_missing_answers() {
        let q = of_kind("matching");
        let Answer::Matching { pairs, .. } = &q.answer else {
            unreachable!()
        };
        let mut chosen: Vec<Option<String>> =
            pairs.iter().map(|p| Some(p.right.to_string())).collect();
        chosen[0] = None;
        let i = interaction(reading(), q, Some(&Response::Matching(chosen)), Some(67));
        assert_eq!(i.result, "67");
        assert!(
            !i.student_response.starts_with("1."),
            "the unmatched item is left out"
        );
        let unanswered = interaction(reading(), q, None, None);
        assert_eq!(
            (
                unanswered.student_response.as_str(),
                unanswered.result.as_str()
            ),
            ("", "wrong")
        );
    }

    #[test]
    fn typed_text_fits_255_units_and_ids_are_identifiers() {
        let long = "é".repeat(200) + &"😀".repeat(100);
        let cut = fill_in(&long);
        assert!(cut.encode_utf16().count() <= 255);
        assert_eq!(cut.encode_utf16().count(), 255 - 1, "an emoji is not split");
        assert_eq!(identifier("q one/two"), "q_one_two");
        let q = of_kind("short");
        let i = interaction(
            reading(),
            q,
            Some(&Response::Text(format!("  {long}  "))),
            Some(0),
        );
        assert!(i.student_response.starts_with('é'));
        assert_eq!(choice(40, &[39, 0]), ("performance", "1,40".to_string()));
        assert_eq!(choice(3, &[2, 0, 2]), ("choice", "a,c".to_string()));
    }
}
