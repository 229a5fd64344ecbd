//! How a question counts toward a result: its own score, except for Part B of a paired evidence
//! question.
//!
//! A pair is a claim question (Part A) and "Which sentence best supports your answer?" (Part B).
//! Each part is a question of its own, with its own id, answer and row in every table, and is
//! graded on its own ([`crate::core::grading`]). But Part B earns its score only when Part A is
//! fully right: a sentence picked in support of a wrong answer supports nothing. So a pair is
//! worth two questions: both right, 2; Part A right and Part B wrong, 1; Part A wrong, 0 (as
//! reading programmes score evidence-based selected responses). If Part A is not asked with
//! Part B (an assignment can only leave it out by hand-editing), Part B counts on its own.
//!
//! Free study, results and practice assignments count first tries; an assessment counts the
//! answers as they stand at hand-in. The rule is the same for each: Part A's counted score
//! decides Part B's.

use lectern_content::{Question, Reading};
use std::ops::Range;

/// The credit of a question with score `own`, given its Part A's score when it is a Part B
/// whose Part A is asked (`None` otherwise; `Some(0.0)` if Part A is unanswered).
pub fn credit(own: f32, part_a: Option<f32>) -> f32 {
    match part_a {
        Some(a) if a < 1.0 => 0.0,
        _ => own,
    }
}

/// The credit of each of `questions` (`None` while unanswered), from each one's own score
/// (`score_of`, `None` while unanswered). Part A is looked up among `questions`.
pub fn credits(
    questions: &[&Question],
    score_of: impl Fn(&Question) -> Option<f32>,
) -> Vec<Option<f32>> {
    questions
        .iter()
        .map(|q| {
            let own = score_of(q)?;
            let part_a = q.supports.as_ref().and_then(|a| {
                questions
                    .iter()
                    .find(|p| p.id == *a)
                    .map(|p| score_of(p).unwrap_or(0.0))
            });
            Some(credit(own, part_a))
        })
        .collect()
}

/// The other part of `question`'s pair, if it is a Part A or a Part B.
pub fn partner<'r>(reading: &'r Reading, question: &Question) -> Option<&'r Question> {
    match &question.supports {
        Some(part_a) => reading.any_question(part_a),
        None => reading.part_b_of(&question.id),
    }
}

/// How `questions` are shown and shuffled: each one alone, except a Part B right after its
/// Part A, which makes one unit with it. Each unit is the range of its places in `questions`
/// (one place, or two for a pair). A Part B whose Part A is not just before it stands alone.
pub fn units(questions: &[&Question]) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        match (units.last_mut(), &q.supports) {
            (Some(last), Some(part_a))
                if last.len() == 1 && questions[last.start].id == *part_a =>
            {
                last.end = i + 1
            }
            _ => units.push(i..i + 1),
        }
    }
    units
}

/// What a checked Part B tells the student about how it counts, from its Part A's counted
/// score (its first try; `None` while Part A has not been checked). It never says what Part A's
/// answer is.
pub fn part_b_note(part_a: Option<f32>) -> &'static str {
    match part_a {
        None => "Part B counts only when Part A is right: answer Part A as well.",
        Some(a) if a < 1.0 => {
            "Part A was not right the first time, so Part B does not count toward your score: it counts only when Part A is right."
        }
        Some(_) => "Part A was right the first time, so Part B counts toward your score.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;

    /// A question with the given id, Part B of `supports` if given.
    fn essay_question(id: &'static str, supports: Option<&'static str>) -> Question {
        let mut q = READINGS[0].questions[0].clone();
        q.id = id.into();
        q.supports = supports.map(Into::into);
        q
    }

    #[test]
    fn part_b_counts_only_after_a_right_part_a() {
        assert_eq!(credit(1.0, None), 1.0, "not a Part B");
        assert_eq!(credit(0.5, None), 0.5);
        assert_eq!(credit(1.0, Some(1.0)), 1.0, "both right: 2 of 2");
        assert_eq!(
            credit(0.0, Some(1.0)),
            0.0,
            "Part A right, Part B wrong: 1 of 2"
        );
        assert_eq!(
            credit(1.0, Some(0.0)),
            0.0,
            "Part A wrong: 0 of 2, whatever Part B"
        );
        assert_eq!(
            credit(1.0, Some(0.5)),
            0.0,
            "Part A partly right is not right"
        );
    }

    #[test]
    fn a_pair_is_one_unit_only_when_part_b_follows_its_part_a() {
        let a = essay_question("a", None);
        let b = essay_question("b", Some("a"));
        let c = essay_question("c", None);
        let units_of = |qs: &[&Question]| units(qs);
        assert_eq!(units_of(&[&a, &b, &c]), vec![0..2, 2..3]);
        assert_eq!(units_of(&[&c, &a, &b]), vec![0..1, 1..3]);
        // Part B apart from its Part A, or alone: a question of its own.
        assert_eq!(units_of(&[&a, &c, &b]), vec![0..1, 1..2, 2..3]);
        assert_eq!(units_of(&[&b]), vec![0..1]);
        assert!(units_of(&[]).is_empty());
    }

    #[test]
    fn part_b_says_whether_it_counts_without_part_a_s_answer() {
        assert!(part_b_note(None).contains("answer Part A"));
        assert!(part_b_note(Some(0.0)).contains("does not count"));
        assert!(part_b_note(Some(0.5)).contains("does not count"));
        assert!(part_b_note(Some(1.0)).contains("counts toward your score"));
        assert!(!part_b_note(Some(1.0)).contains("not"));
    }
}
