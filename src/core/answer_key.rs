//! The answer key in words, for the printed worksheet (shown only when the teacher asks for it),
//! the result file, and (shorter) the student's report after handing in.

use crate::core::grading::correct_response;
use crate::core::response::Response;
use lectern_content::{Answer, Question, Reading};

/// The right answer to a question, as a short text a teacher can read on paper.
pub fn answer_key(reading: &Reading, question: &Question) -> String {
    let sentence = |id: &str| {
        reading
            .sentences()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| format!("“{}”", s.text))
    };
    match (&question.answer, correct_response(question)) {
        (Answer::SingleChoice { options } | Answer::MultipleSelect { options }, _) => options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.as_ref())
            .collect::<Vec<_>>()
            .join("; "),
        (Answer::TrueFalse { answer, .. }, _) => if *answer { "True" } else { "False" }.to_string(),
        (Answer::ShortAnswer { accepted, .. }, _) => accepted.join(" / "),
        (Answer::Matching { pairs, .. }, _) => pairs
            .iter()
            .map(|p| format!("{} → {}", p.left, p.right))
            .collect::<Vec<_>>()
            .join("; "),
        (Answer::Ordering { items, .. }, _) => items
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {item}", i + 1))
            .collect::<Vec<_>>()
            .join("  "),
        (Answer::EvidenceSelection { .. }, _) => question
            .evidence
            .iter()
            .map(|id| sentence(id))
            .collect::<Vec<_>>()
            .join(" "),
        (Answer::FillBlank { .. }, Response::Blanks(blanks)) => blanks.join("; "),
        (Answer::FillBlank { blanks, .. }, _) => blanks
            .iter()
            .map(|b| b.accepted.first().map_or("", |a| a.as_ref()))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The right answer as the student's report after handing in shows it: as [`answer_key`],
/// except that a short answer gives its first accepted wording and how many more count, not
/// every variant a teacher accepts (some have dozens, a wall of text to a student).
pub fn answer_for_student(reading: &Reading, question: &Question) -> String {
    match &question.answer {
        Answer::ShortAnswer { accepted, .. } if accepted.len() > 1 => {
            let others = accepted.len() - 1;
            let wordings = if others == 1 { "wording" } else { "wordings" };
            format!("{} ({others} other {wordings} accepted too)", accepted[0])
        }
        _ => answer_key(reading, question),
    }
}

/// What the student answered, as a short text for their printed report and result file.
/// Ids become the texts the student saw; anything that no longer fits the question is shown as
/// it was stored rather than dropped.
pub fn response_text(reading: &Reading, question: &Question, response: &Response) -> String {
    if response.is_blank() {
        return "(no answer)".to_string();
    }
    let option = |id: &str| match &question.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.text.to_string()),
        _ => id.to_string(),
    };
    let sentence = |id: &str| {
        reading
            .sentences()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| format!("“{}”", s.text))
    };
    match (response, &question.answer) {
        (Response::Choice(id), _) => option(id),
        (Response::Choices(ids), _) => ids
            .iter()
            .map(|id| option(id))
            .collect::<Vec<_>>()
            .join("; "),
        (Response::TrueFalse(value), _) => if *value { "True" } else { "False" }.to_string(),
        (Response::Text(text), _) => text.trim().to_string(),
        (Response::Matching(rights), Answer::Matching { pairs, .. }) => pairs
            .iter()
            .zip(rights)
            .map(|(pair, right)| format!("{} → {}", pair.left, right.as_deref().unwrap_or("?")))
            .collect::<Vec<_>>()
            .join("; "),
        (Response::Matching(rights), _) => rights
            .iter()
            .map(|r| r.as_deref().unwrap_or("?"))
            .collect::<Vec<_>>()
            .join("; "),
        (Response::Order(order), Answer::Ordering { items, .. }) => order
            .iter()
            .enumerate()
            .map(|(place, &i)| {
                format!(
                    "{}. {}",
                    place + 1,
                    items.get(i).map_or("?", |t| t.as_ref())
                )
            })
            .collect::<Vec<_>>()
            .join("  "),
        // Not `{:?}`: the same text, but a release build may one day print `Debug` as nothing
        // (docs/performance.md, "Panics and Debug").
        (Response::Order(order), _) => format!(
            "[{}]",
            order
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (Response::Sentences(ids), _) => ids
            .iter()
            .map(|id| sentence(id))
            .collect::<Vec<_>>()
            .join(" "),
        (Response::Blanks(blanks), _) => blanks
            .iter()
            .map(|b| b.trim())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;

    #[test]
    fn the_right_response_reads_like_the_key() {
        for reading in READINGS {
            for q in reading.questions.iter() {
                let text = response_text(reading, q, &correct_response(q));
                assert!(!text.trim().is_empty(), "{}", q.id);
                assert!(!text.contains("s-"), "{} shows an id: {text}", q.id);
                if !matches!(
                    q.answer,
                    Answer::FillBlank { .. } | Answer::ShortAnswer { .. }
                ) {
                    assert_eq!(text, answer_key(reading, q), "{}", q.id);
                }
            }
        }
        let q = &READINGS[0].questions[0];
        assert_eq!(
            response_text(&READINGS[0], q, &Response::initial_for(q)),
            "(no answer)"
        );
    }

    #[test]
    fn a_response_that_no_longer_fits_is_shown_as_stored() {
        let reading = &READINGS[0];
        let not_ordering = reading
            .questions
            .iter()
            .find(|q| !matches!(q.answer, Answer::Ordering { .. }))
            .unwrap();
        assert_eq!(
            response_text(reading, not_ordering, &Response::Order(vec![2, 0, 1])),
            "[2, 0, 1]"
        );
        assert_eq!(
            response_text(reading, not_ordering, &Response::Order(vec![7])),
            "[7]"
        );
    }

    #[test]
    fn every_bundled_question_has_a_readable_key() {
        for reading in READINGS {
            for q in reading.questions.iter() {
                let key = answer_key(reading, q);
                assert!(!key.trim().is_empty(), "{} has an empty key", q.id);
                assert!(!key.contains("s-"), "{} key shows an id: {key}", q.id);
            }
        }
    }

    #[test]
    fn a_student_reads_one_wording_of_a_short_answer_and_how_many_more_count() {
        let reading = &READINGS[0];
        let mut checked = 0;
        for q in reading.questions.iter() {
            let brief = answer_for_student(reading, q);
            match &q.answer {
                Answer::ShortAnswer { accepted, .. } if accepted.len() > 1 => {
                    let others = accepted.len() - 1;
                    let wordings = if others == 1 { "wording" } else { "wordings" };
                    assert_eq!(
                        brief,
                        format!("{} ({others} other {wordings} accepted too)", accepted[0])
                    );
                    assert!(!brief.contains(" / "), "{}", q.id);
                    checked += 1;
                }
                _ => assert_eq!(brief, answer_key(reading, q), "{}", q.id),
            }
        }
        assert!(
            checked > 0,
            "the bundled reading has short answers with variants"
        );
    }

    #[test]
    fn keys_name_the_right_answer() {
        let reading = &READINGS[0];
        for q in reading.questions.iter() {
            let key = answer_key(reading, q);
            match &q.answer {
                Answer::SingleChoice { options } => {
                    let right = options.iter().find(|o| o.correct).unwrap();
                    assert_eq!(key, right.text);
                }
                Answer::TrueFalse { answer, .. } => {
                    assert_eq!(key, if *answer { "True" } else { "False" })
                }
                Answer::EvidenceSelection { .. } => {
                    let first = reading.sentences().find(|s| s.id == q.evidence[0]).unwrap();
                    assert!(key.contains(first.text.as_ref()));
                }
                _ => {}
            }
        }
    }
}
