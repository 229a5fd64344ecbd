//! A reading's questions in Moodle's question formats, for teachers who want them in a Moodle
//! quiz: GIFT ([`gift`]) and Moodle XML ([`moodle_xml`]).
//!
//! Each kind of question goes to Moodle's nearest type ([`MoodleQuestion`], shared by both
//! writers), with its explanation as the general feedback:
//!
//! | Lectern | Moodle XML | GIFT |
//! | --- | --- | --- |
//! | single choice | multiple choice, one answer | `{=right ~wrong}` |
//! | choose all that apply | multiple choice, several answers: each right option +100/n %, each wrong one −100/n % (n right options), as Lectern scores it | `~%50%` weights |
//! | true or false | true/false | `{TRUE}` / `{FALSE}` |
//! | short answer | short answer (case-insensitive); near misses as 0 % answers with their feedback | `{=a =b =%0%near}` |
//! | matching | matching; distractors as answers with no question | `{=left -> right = -> distractor}` |
//! | put in order | ordering (Moodle 4.4's standard type; a plugin before), graded by absolute position, as Lectern | matching of each item to its place (`1`, `2`, …): GIFT readers do not know Moodle's ordering extension |
//! | find the evidence | multiple choice of the section's sentences, weighted as "choose all that apply" (one answer when one sentence is the evidence) | the same |
//! | fill in the blanks | Cloze (embedded answers), one short answer per blank, a catch-all `*` with the feedback | one "missing word" question per blank (GIFT holds one blank per question), the other blanks shown as `_____` |
//!
//! What is lost on the way is listed in `docs/classroom.md`: Lectern's forgiving comparison of
//! typed answers (Moodle compares short answers exactly, apart from case), the reading's text
//! itself (the questions refer to it), "Show in text", and in GIFT hints and the feedback for a
//! wrong matching or ordering.

pub mod gift;
pub mod moodle_xml;

use lectern_content::{Answer, Question, Reading, Sentence};

/// What to export: questions of a reading, in order. A file may hold several readings, each in
/// its own category.
pub type Selection<'a> = (&'a Reading, Vec<&'a Question>);

/// Every question of every reading.
pub fn everything(readings: &[Reading]) -> Vec<Selection<'_>> {
    readings
        .iter()
        .map(|r| (r, r.questions.iter().collect()))
        .collect()
}

/// An assignment's questions, in its order: the ones it chose (retired ones too, for a link
/// made before the bank changed). `None` when its reading is not among `readings`.
pub fn assignment_questions<'a>(
    assignment: &crate::core::assignment::Assignment,
    readings: &'a [Reading],
) -> Option<Selection<'a>> {
    let reading = readings.iter().find(|r| r.id == assignment.reading)?;
    let questions = assignment
        .questions
        .iter()
        .filter_map(|id| reading.any_question(id))
        .collect();
    Some((reading, questions))
}

/// The two files Moodle's question bank imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Gift,
    MoodleXml,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Gift, Format::MoodleXml];

    pub fn label(self) -> &'static str {
        match self {
            Format::Gift => "GIFT",
            Format::MoodleXml => "Moodle XML",
        }
    }

    /// The file's text.
    pub fn export(self, selections: &[Selection]) -> String {
        match self {
            Format::Gift => gift::export(selections),
            Format::MoodleXml => moodle_xml::export(selections),
        }
    }

    /// The file's name for `stem`: GIFT as `.txt`, the extension Moodle's GIFT import expects.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Format::Gift => format!("{stem}.gift.txt"),
            Format::MoodleXml => format!("{stem}.moodle.xml"),
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Gift => "text/plain",
            Format::MoodleXml => "application/xml",
        }
    }
}

fn count(selections: &[Selection]) -> String {
    let n: usize = selections.iter().map(|(_, q)| q.len()).sum();
    let readings: Vec<String> = selections
        .iter()
        .map(|(r, _)| format!("\"{}\" ({})", r.title, r.id))
        .collect();
    format!(
        "{n} question{} from Lectern's {} {}",
        if n == 1 { "" } else { "s" },
        if readings.len() == 1 {
            "reading"
        } else {
            "readings"
        },
        readings.join(", ")
    )
}

/// One answer of a multiple-choice question, with its grade as Moodle writes fractions (a
/// percent, "100", "-33.33333") and the feedback shown when it is picked.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedChoice<'a> {
    pub text: &'a str,
    pub percent: String,
    pub correct: bool,
    pub feedback: Option<&'a str>,
}

/// A question as Moodle's nearest type holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum MoodleQuestion<'a> {
    MultipleChoice {
        /// One answer (radio buttons), or several (checkboxes).
        single: bool,
        choices: Vec<WeightedChoice<'a>>,
    },
    TrueFalse {
        answer: bool,
        /// Shown for the wrong value.
        feedback: &'a str,
    },
    ShortAnswer {
        accepted: Vec<&'a str>,
        /// Tempting wrong answers and their feedback (0 %).
        near_misses: Vec<(&'a str, &'a str)>,
    },
    Matching {
        pairs: Vec<(&'a str, &'a str)>,
        distractors: Vec<&'a str>,
        feedback: &'a str,
    },
    Ordering {
        /// In the right order.
        items: Vec<&'a str>,
        feedback: &'a str,
    },
    FillBlanks {
        /// One more than `blanks`.
        parts: Vec<&'a str>,
        /// Each blank's accepted answers.
        blanks: Vec<Vec<&'a str>>,
        feedback: &'a str,
    },
}

/// `question` as Moodle's nearest type.
pub fn moodle_question<'a>(reading: &'a Reading, question: &'a Question) -> MoodleQuestion<'a> {
    match &question.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            let right = options.iter().filter(|o| o.correct).count();
            MoodleQuestion::MultipleChoice {
                single: matches!(question.answer, Answer::SingleChoice { .. }),
                choices: options
                    .iter()
                    .map(|o| {
                        let single = matches!(question.answer, Answer::SingleChoice { .. });
                        WeightedChoice {
                            text: &o.text,
                            percent: if single {
                                if o.correct { "100" } else { "0" }.to_string()
                            } else {
                                share(right, o.correct)
                            },
                            correct: o.correct,
                            feedback: o.feedback.as_deref(),
                        }
                    })
                    .collect(),
            }
        }
        Answer::TrueFalse { answer, feedback } => MoodleQuestion::TrueFalse {
            answer: *answer,
            feedback,
        },
        Answer::ShortAnswer {
            accepted,
            near_misses,
        } => MoodleQuestion::ShortAnswer {
            accepted: accepted.iter().map(|a| a.as_ref()).collect(),
            near_misses: near_misses
                .iter()
                .map(|n| (n.answer.as_ref(), n.feedback.as_ref()))
                .collect(),
        },
        Answer::Matching {
            pairs,
            distractors,
            feedback,
        } => MoodleQuestion::Matching {
            pairs: pairs
                .iter()
                .map(|p| (p.left.as_ref(), p.right.as_ref()))
                .collect(),
            distractors: distractors.iter().map(|d| d.as_ref()).collect(),
            feedback,
        },
        Answer::Ordering { items, feedback } => MoodleQuestion::Ordering {
            items: items.iter().map(|i| i.as_ref()).collect(),
            feedback,
        },
        Answer::EvidenceSelection { feedback } => {
            let sentences = section_sentences(reading, question);
            let right = sentences
                .iter()
                .filter(|s| question.evidence.contains(&s.id))
                .count();
            let single = right == 1;
            MoodleQuestion::MultipleChoice {
                single,
                choices: sentences
                    .iter()
                    .map(|s| {
                        let correct = question.evidence.contains(&s.id);
                        WeightedChoice {
                            text: &s.text,
                            percent: if single {
                                if correct { "100" } else { "0" }.to_string()
                            } else {
                                share(right, correct)
                            },
                            correct,
                            // Lectern's feedback for a wrong answer, on each wrong pick.
                            feedback: (!correct).then_some(feedback.as_ref()),
                        }
                    })
                    .collect(),
            }
        }
        Answer::FillBlank {
            parts,
            blanks,
            feedback,
        } => MoodleQuestion::FillBlanks {
            parts: parts.iter().map(|p| p.as_ref()).collect(),
            blanks: blanks
                .iter()
                .map(|b| b.accepted.iter().map(|a| a.as_ref()).collect())
                .collect(),
            feedback,
        },
    }
}

/// The sentences of the section a question is asked after, in reading order.
pub fn section_sentences<'a>(reading: &'a Reading, question: &Question) -> Vec<&'a Sentence> {
    reading
        .section(&question.section)
        .map(|s| {
            s.paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .collect()
        })
        .unwrap_or_default()
}

/// A right option's (or, negated, a wrong option's) share when `right` options are right:
/// 100/right percent with up to five decimals, as Moodle lists its grades ("33.33333").
/// Moodle's list has 1/1 to 1/10, 1/20: more right options than that have no exact grade.
fn share(right: usize, correct: bool) -> String {
    let right = right.max(1) as u64;
    // In hundred-thousandths of a percent, rounded.
    let units = (10_000_000 + right / 2) / right;
    let whole = units / 100_000;
    let fraction = format!("{:05}", units % 100_000);
    let fraction = fraction.trim_end_matches('0');
    let sign = if correct { "" } else { "-" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// The category the questions go into in Moodle's question bank: `Lectern/<reading title>`
/// under the course, with `/` in the title doubled (Moodle reads a single `/` as a
/// subcategory).
fn category(reading: &Reading) -> String {
    format!("$course$/top/Lectern/{}", reading.title.replace('/', "//"))
}

/// The tags each exported question carries: where it comes from and what it trains.
fn tags(reading: &Reading, question: &Question) -> [String; 4] {
    [
        "lectern".to_string(),
        reading.id.to_string(),
        question.skill.key().to_string(),
        question.difficulty.key().to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;

    #[test]
    fn an_assignments_questions_are_exported_in_its_order_in_either_format() {
        let reading = &READINGS[0];
        let mut assignment = crate::core::test_fixtures::lms_assignment(
            crate::core::assignment::StudentIdKind::NameOnly,
        );
        assignment.reading = reading.id.to_string();
        assignment.questions = vec![
            reading.questions[2].id.to_string(),
            reading.questions[0].id.to_string(),
            "no-such-question".to_string(),
        ];
        let (found, questions) = assignment_questions(&assignment, READINGS).unwrap();
        assert_eq!(found.id, reading.id);
        let ids: Vec<&str> = questions.iter().map(|q| q.id.as_ref()).collect();
        assert_eq!(
            ids,
            [
                reading.questions[2].id.as_ref(),
                reading.questions[0].id.as_ref()
            ]
        );
        let selection = [(found, questions)];
        assert_eq!(Format::Gift.export(&selection), gift::export(&selection));
        assert_eq!(
            Format::MoodleXml.export(&selection),
            moodle_xml::export(&selection)
        );
        assignment.reading = "gone".into();
        assert!(assignment_questions(&assignment, READINGS).is_none());
    }

    #[test]
    fn each_format_has_its_own_file() {
        assert_eq!(Format::Gift.file_name("q"), "q.gift.txt");
        assert_eq!(Format::MoodleXml.file_name("q"), "q.moodle.xml");
        assert_eq!(Format::Gift.mime(), "text/plain");
        assert_eq!(Format::MoodleXml.mime(), "application/xml");
        assert_eq!(Format::ALL.map(Format::label), ["GIFT", "Moodle XML"]);
    }

    #[test]
    fn shares_are_moodles_grades() {
        let shares: Vec<String> = (1..=10).map(|n| share(n, true)).collect();
        assert_eq!(
            shares,
            [
                "100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111",
                "10"
            ]
        );
        assert_eq!(share(2, false), "-50");
        assert_eq!(share(3, false), "-33.33333");
    }

    /// Every bundled question maps, and no choice question has more right answers than
    /// Moodle's grades can share exactly.
    #[test]
    fn every_bundled_question_has_a_moodle_form() {
        for reading in READINGS {
            for q in reading.questions.iter() {
                match moodle_question(reading, q) {
                    MoodleQuestion::MultipleChoice { single, choices } => {
                        let right = choices.iter().filter(|c| c.correct).count();
                        assert!((1..=10).contains(&right), "{}", q.id);
                        let expected = match q.answer {
                            Answer::SingleChoice { .. } => true,
                            Answer::MultipleSelect { .. } => false,
                            _ => right == 1,
                        };
                        assert_eq!(single, expected, "{}", q.id);
                        if matches!(q.answer, Answer::EvidenceSelection { .. }) {
                            assert_eq!(choices.len(), section_sentences(reading, q).len());
                        }
                    }
                    MoodleQuestion::Ordering { items, .. } => assert!(items.len() >= 2),
                    MoodleQuestion::Matching { pairs, .. } => {
                        // Moodle's matching needs two questions; GIFT's `->` cannot be escaped.
                        assert!(pairs.len() >= 2, "{}", q.id);
                        assert!(pairs.iter().all(|(l, _)| !l.contains("->")), "{}", q.id);
                    }
                    _ => {}
                }
            }
        }
        assert_eq!(
            category(&READINGS[0]),
            "$course$/top/Lectern/Adversaries to Allies?"
        );
    }
}
