//! Where a student stands, in the words the results page uses. A score over every question is
//! only fair once every question is answered: before that, an untouched section is "not
//! started" (not 0 %), and a started one is scored over what was answered, next to how much is
//! left. The teacher's gradebook does not use this: an assignment handed in counts an
//! unanswered question as wrong (`core::handin`).

use crate::core::progress::Tally;

/// A tally read for the student: nothing answered, part answered, or all answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// No question answered yet (or there are none).
    NotStarted,
    /// Some answered: `right` of `answered` right first time, `percent` the first-try score
    /// over the answered ones only (partial credit counts in part), `to_go` still unanswered.
    SoFar {
        right: usize,
        answered: usize,
        to_go: usize,
        percent: u32,
    },
    /// Every question answered: the score over all of them.
    Complete {
        right: usize,
        questions: usize,
        percent: u32,
    },
}

impl Standing {
    /// How `tally` reads.
    pub fn of(tally: &Tally) -> Standing {
        if tally.answered == 0 || tally.questions == 0 {
            Standing::NotStarted
        } else if tally.answered < tally.questions {
            Standing::SoFar {
                right: tally.right_first_time,
                answered: tally.answered,
                to_go: tally.questions - tally.answered,
                percent: whole_percent(tally.points, tally.answered),
            }
        } else {
            Standing::Complete {
                right: tally.right_first_time,
                questions: tally.questions,
                percent: tally.percent(),
            }
        }
    }

    /// The score in a few words, for a table cell or beside a bar: "Not started", "67% so
    /// far", "85%".
    pub fn score(&self) -> String {
        match self {
            Standing::NotStarted => "Not started".to_string(),
            Standing::SoFar { percent, .. } => format!("{percent}% so far"),
            Standing::Complete { percent, .. } => format!("{percent}%"),
        }
    }

    /// The whole of it in a sentence: "Not started yet", "1 of 1 right so far · 51 to go",
    /// "85% · 44 of 52 right first time".
    pub fn summary(&self) -> String {
        match self {
            Standing::NotStarted => "Not started yet".to_string(),
            Standing::SoFar {
                right,
                answered,
                to_go,
                ..
            } => format!("{right} of {answered} right so far · {to_go} to go"),
            Standing::Complete {
                right,
                questions,
                percent,
            } => format!("{percent}% · {right} of {questions} right first time"),
        }
    }

    /// How long its bar is, as a percentage: the score so far while started, none before.
    pub fn bar_percent(&self) -> u32 {
        match self {
            Standing::NotStarted => 0,
            Standing::SoFar { percent, .. } | Standing::Complete { percent, .. } => *percent,
        }
    }
}

fn whole_percent(points: f32, of: usize) -> u32 {
    (points / of as f32 * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::progress::{tally, Progress};
    use crate::core::response::Response;

    fn counts(questions: usize, answered: usize, right: usize, points: f32) -> Tally {
        Tally {
            questions,
            answered,
            right_first_time: right,
            points,
        }
    }

    #[test]
    fn nothing_answered_is_not_started_not_zero() {
        let standing = Standing::of(&counts(5, 0, 0, 0.0));
        assert_eq!(standing, Standing::NotStarted);
        assert_eq!(standing.score(), "Not started");
        assert_eq!(standing.summary(), "Not started yet");
        assert_eq!(standing.bar_percent(), 0);
        // A set with no questions has nothing to start.
        assert_eq!(Standing::of(&counts(0, 0, 0, 0.0)), Standing::NotStarted);
    }

    #[test]
    fn part_answered_is_scored_over_the_answered_with_what_is_left() {
        let standing = Standing::of(&counts(52, 1, 1, 1.0));
        assert_eq!(standing.summary(), "1 of 1 right so far · 51 to go");
        assert_eq!(standing.score(), "100% so far");
        assert_eq!(standing.bar_percent(), 100);

        // Partial credit counts in part, over the answered ones only: (1 + 0.5 + 0) / 3.
        let standing = Standing::of(&counts(10, 3, 1, 1.5));
        assert_eq!(
            standing,
            Standing::SoFar {
                right: 1,
                answered: 3,
                to_go: 7,
                percent: 50
            }
        );
        assert_eq!(standing.summary(), "1 of 3 right so far · 7 to go");
        assert_eq!(standing.score(), "50% so far");
    }

    #[test]
    fn all_answered_is_the_whole_score() {
        let standing = Standing::of(&counts(4, 4, 3, 3.5));
        assert_eq!(
            standing,
            Standing::Complete {
                right: 3,
                questions: 4,
                percent: 88
            }
        );
        assert_eq!(standing.score(), "88%");
        assert_eq!(standing.summary(), "88% · 3 of 4 right first time");
        assert_eq!(standing.bar_percent(), 88);
    }

    /// The case a newcomer met: one question of the bundled reading answered, right. The
    /// reading reads "1 of 1 right so far" with the rest to go, its section is part done, and
    /// every other section is not started rather than 0 %.
    #[test]
    fn one_answer_in_the_bundled_reading() {
        let reading = &READINGS[0];
        let first = &reading.questions[0];
        let mut progress = Progress::new();
        progress.record_answer(&reading.id, &first.id, Response::Text("x".into()), 1.0, 1.0);
        let p = progress.reading(&reading.id);
        let total = reading.questions.len();
        assert_eq!(
            Standing::of(&tally(reading, p, None)).summary(),
            format!("1 of 1 right so far · {} to go", total - 1)
        );
        for section in reading.sections.iter() {
            let standing = Standing::of(&tally(reading, p, Some(&section.id)));
            if section.id == first.section {
                assert_eq!(standing.score(), "100% so far", "{}", section.id);
            } else {
                assert_eq!(standing, Standing::NotStarted, "{}", section.id);
            }
        }
    }
}
