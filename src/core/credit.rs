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

#[cfg(test)]
mod tests {
    use super::*;

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
}
