//! A reading's figures, for `cargo xtask content-report`: its questions by kind, skill and
//! difficulty, the answer-pattern figures the item-quality checks watch, how many questions test
//! each paragraph, and every warning.

use super::quality::{self, MAX_LENGTH_RATIO};
use super::Compiled;
use crate::model::{Answer, Difficulty, Reading, Skill};
use std::fmt;

/// The figures of one compiled reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub reading: String,
    pub title: String,
    pub questions: usize,
    pub bank_version: u16,
    pub retired: usize,
    pub pairs: usize,
    /// Every kind, in the content format's order, with its count (zeros included).
    pub kinds: Vec<(&'static str, usize)>,
    pub skills: Vec<(&'static str, usize)>,
    pub difficulties: Vec<(&'static str, usize)>,
    /// True-or-false questions, and how many of them are true.
    pub true_false: (usize, usize),
    /// Single-choice questions, and in how many the right option is strictly the longest.
    pub longest_right: (usize, usize),
    /// Single-choice questions whose right option is over 1.5 × the longest wrong one, with
    /// the ratio.
    pub long_right: Vec<(String, f64)>,
    /// Per paragraph (in reading order): its id and the questions whose evidence lies in it.
    pub paragraphs: Vec<(String, Vec<String>)>,
    pub warnings: Vec<String>,
}

impl Report {
    pub fn of(compiled: &Compiled) -> Report {
        let reading = &compiled.reading;
        let count = |f: &dyn Fn(&crate::model::Question) -> bool| {
            reading.questions.iter().filter(|q| f(q)).count()
        };
        let kinds = super::questions::KINDS
            .iter()
            .map(|kind| (*kind, count(&|q| q.answer.kind_key() == *kind)))
            .collect();
        let skills = Skill::ALL
            .iter()
            .map(|skill| (skill.key(), count(&|q| q.skill == *skill)))
            .collect();
        let difficulties = Difficulty::ALL
            .iter()
            .map(|d| (d.key(), count(&|q| q.difficulty == *d)))
            .collect();
        let true_false = (
            count(&|q| matches!(q.answer, Answer::TrueFalse { .. })),
            count(&|q| matches!(q.answer, Answer::TrueFalse { answer: true, .. })),
        );
        let mut longest_right = (0, 0);
        let mut long_right = Vec::new();
        for q in reading.questions.iter() {
            let Answer::SingleChoice { options } = &q.answer else {
                continue;
            };
            let length = |right: bool| {
                options
                    .iter()
                    .filter(|o| o.correct == right)
                    .map(|o| o.text.trim().chars().count())
                    .max()
                    .unwrap_or(0)
            };
            let (right, wrong) = (length(true), length(false));
            longest_right.0 += 1;
            if right > wrong {
                longest_right.1 += 1;
            }
            let ratio = right as f64 / wrong.max(1) as f64;
            if ratio > MAX_LENGTH_RATIO {
                long_right.push((q.id.to_string(), ratio));
            }
        }
        Report {
            reading: reading.id.to_string(),
            title: reading.title.to_string(),
            questions: reading.questions.len(),
            bank_version: reading.bank_version(),
            retired: reading.retired.len(),
            pairs: count(&|q| q.supports.is_some()),
            kinds,
            skills,
            difficulties,
            true_false,
            longest_right,
            long_right,
            paragraphs: paragraphs(reading),
            warnings: compiled.warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    /// The paragraphs no question tests.
    pub fn untested(&self) -> Vec<&str> {
        self.paragraphs
            .iter()
            .filter(|(_, questions)| questions.is_empty())
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The share of pure recall questions.
    pub fn recall_share(&self) -> f64 {
        let recall = self
            .skills
            .iter()
            .find(|(skill, _)| *skill == Skill::Recall.key())
            .map_or(0, |(_, n)| *n);
        share(recall, self.questions)
    }
}

fn paragraphs(reading: &Reading) -> Vec<(String, Vec<String>)> {
    reading
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .map(|p| {
            let testing = reading
                .questions
                .iter()
                .filter(|q| {
                    q.evidence
                        .iter()
                        .any(|e| p.sentences.iter().any(|s| s.id == *e))
                })
                .map(|q| q.id.to_string())
                .collect();
            (p.id.to_string(), testing)
        })
        .collect()
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn percent(part: usize, whole: usize) -> String {
    format!("{} %", (share(part, whole) * 100.0).round() as u32)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.questions;
        writeln!(f, "{} ({})", self.title, self.reading)?;
        writeln!(
            f,
            "  {n} questions (bank {}), {} pairs of Part A and Part B, {} retired",
            self.bank_version, self.pairs, self.retired
        )?;
        let table = |f: &mut fmt::Formatter<'_>, name: &str, rows: &[(&str, usize)]| {
            writeln!(f, "\n  by {name}:")?;
            for (key, count) in rows {
                writeln!(f, "    {key:<16} {count:>3}  {:>5}", percent(*count, n))?;
            }
            Ok(())
        };
        table(f, "kind", &self.kinds)?;
        table(f, "skill", &self.skills)?;
        table(f, "difficulty", &self.difficulties)?;

        let (tf, trues) = self.true_false;
        let (singles, longest) = self.longest_right;
        writeln!(f, "\n  answer patterns:")?;
        writeln!(
            f,
            "    true-or-false answered true   {trues} of {tf} ({}; keep 30–70 % once there are {})",
            percent(trues, tf),
            quality::MIN_TRUE_FALSE
        )?;
        writeln!(
            f,
            "    right option strictly longest {longest} of {singles} single-choice ({}; keep ≤ 40 %)",
            percent(longest, singles)
        )?;
        if self.long_right.is_empty() {
            writeln!(f, "    right option over 1.5 × the longest wrong one: none")?;
        } else {
            for (id, ratio) in &self.long_right {
                writeln!(
                    f,
                    "    right option {ratio:.1} × the longest wrong one: {id}"
                )?;
            }
        }
        writeln!(
            f,
            "    pure recall                   {} ({}; keep ≤ 40 %)",
            self.skills
                .iter()
                .find(|(s, _)| *s == Skill::Recall.key())
                .map_or(0, |(_, c)| *c),
            format_args!("{} %", (self.recall_share() * 100.0).round() as u32)
        )?;

        writeln!(f, "\n  questions per paragraph:")?;
        for (paragraph, questions) in &self.paragraphs {
            writeln!(f, "    {paragraph:<20} {:>3}", questions.len())?;
        }
        let untested = self.untested();
        if untested.is_empty() {
            writeln!(f, "  every paragraph is tested")?;
        } else {
            writeln!(f, "  paragraphs no question tests: {}", untested.join(", "))?;
        }

        if self.warnings.is_empty() {
            writeln!(f, "\n  no warnings")?;
        } else {
            writeln!(f, "\n  {} warning(s):", self.warnings.len())?;
            for warning in &self.warnings {
                writeln!(f, "    {warning}")?;
            }
        }
        Ok(())
    }
}
