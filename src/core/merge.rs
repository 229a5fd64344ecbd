//! Combining two copies of one profile's progress into one, so that nothing a student did is lost:
//! used when another tab changed stored progress while this one had it open (the `storage`
//! event), and when a student restores a backup with "Merge".
//!
//! # Rules
//!
//! - **Readings and questions**: everything in either side is in the result. A reading or a
//!   question only one side has is taken as it is.
//! - **A question both sides answered**: the record with the later `last_answered_at` wins
//!   whole (its `response`, `score` and `last_answered_at`); on a tie, ours. But the first try
//!   is a fact about the first try, whichever side saw it, so `first_try_correct`,
//!   `first_try_score` and `first_answered_at` come from the record with the *earlier*
//!   `first_answered_at` (tie: ours).
//! - **`tries`** is the larger of the two, not the sum: the same record is often on both sides
//!   (a backup restored onto the device it came from, or two tabs that both loaded it), and
//!   nothing stored says which tries the two sides share, so summing would count them twice.
//!   The maximum can only undercount, when a student really did answer on two devices.
//! - **`sections_read`** is the union.
//! - **`last_section`**: ours if we have one, else theirs. "Continue where you left off" is
//!   about this tab or device; the other side's place is only a fallback.
//! - **Assignments**: as readings, every assignment either side has; for one both have, the
//!   answers merge as above, the earlier `started_at` stands (a timer never restarts), and a
//!   hand-in on either side stands (the earlier one if both handed in).
//! - **`hinted`** is a fact about the first try, so it comes with `first_try_correct`.
//! - **Highlights**: every highlight either side has, as answers are; for one both have, the
//!   later `updated_at` wins whole (tie: ours). Removals are united, keeping the later time of
//!   each; then a highlight goes if it was removed at or after its latest change, so an older
//!   copy (a tab that had not seen the removal, a backup) never brings it back, while a note
//!   edited after the removal in a tab that had not seen it is kept.
//! - **The review queue**: every item either side has; for one both have, the card with the
//!   later `reviewed_at` (the later review) wins whole (tie: ours).
//! - **`version`** is [`Progress::VERSION`]: both sides have been read by this app already.
//!
//! What follows from the rules (and is tested): merging a progress with itself changes nothing;
//! merging again with the same side changes nothing (`merge(merge(a, b), b) == merge(a, b)`);
//! how merges are grouped does not matter (`merge(merge(a, b), c) == merge(a, merge(b, c))`);
//! and swapping the sides changes only ties and `last_section`.

use crate::core::highlights::{Highlight, Highlights};
use crate::core::progress::{AnswerRecord, AssignmentProgress, Progress, ReadingProgress};
use crate::core::review::{ReviewCard, ReviewQueue};
use std::collections::BTreeMap;

/// Ours and theirs combined by the rules in the module documentation.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    Progress {
        version: Progress::VERSION,
        readings: merge_maps(&ours.readings, &theirs.readings, merge_reading),
        // Settings are not answers: the side doing the merge keeps its own.
        settings: ours.settings.clone(),
        assignments: merge_maps(&ours.assignments, &theirs.assignments, merge_assignment),
    }
}

/// An assignment both sides worked on: answers by the same rules as free study, the earlier
/// start (the timer must not restart), and a hand-in if either side handed in (the earlier).
pub fn merge_assignment(
    ours: &AssignmentProgress,
    theirs: &AssignmentProgress,
) -> AssignmentProgress {
    let handed_in = match (&ours.handed_in, &theirs.handed_in) {
        (Some(o), Some(t)) if t.at < o.at => Some(t.clone()),
        (Some(o), _) => Some(o.clone()),
        (None, t) => t.clone(),
    };
    AssignmentProgress {
        code: ours.code.clone(),
        student: ours.student.clone(),
        // The ID the student gave on either side (ours if both: they gave it once, at Start).
        student_id: if ours.student_id.is_empty() {
            theirs.student_id.clone()
        } else {
            ours.student_id.clone()
        },
        started_at: ours.started_at.min(theirs.started_at),
        answers: merge_maps(&ours.answers, &theirs.answers, merge_answer),
        handed_in,
    }
}

fn merge_reading(ours: &ReadingProgress, theirs: &ReadingProgress) -> ReadingProgress {
    ReadingProgress {
        answers: merge_maps(&ours.answers, &theirs.answers, merge_answer),
        sections_read: ours
            .sections_read
            .union(&theirs.sections_read)
            .cloned()
            .collect(),
        last_section: ours
            .last_section
            .clone()
            .or_else(|| theirs.last_section.clone()),
        highlights: merge_highlights(&ours.highlights, &theirs.highlights),
        review: ReviewQueue {
            questions: merge_maps(
                &ours.review.questions,
                &theirs.review.questions,
                later_review,
            ),
            terms: merge_maps(&ours.review.terms, &theirs.review.terms, later_review),
        },
    }
}

fn later_review(ours: &ReviewCard, theirs: &ReviewCard) -> ReviewCard {
    if theirs.reviewed_at > ours.reviewed_at {
        theirs.clone()
    } else {
        ours.clone()
    }
}

fn later_change(ours: &Highlight, theirs: &Highlight) -> Highlight {
    if theirs.updated_at > ours.updated_at {
        theirs.clone()
    } else {
        ours.clone()
    }
}

fn merge_highlights(ours: &Highlights, theirs: &Highlights) -> Highlights {
    let removed = merge_maps(&ours.removed, &theirs.removed, |o, t| o.max(*t));
    let mut items = merge_maps(&ours.items, &theirs.items, later_change);
    items.retain(|id, h| removed.get(id).is_none_or(|&at| h.updated_at > at));
    Highlights { items, removed }
}

fn merge_answer(ours: &AnswerRecord, theirs: &AnswerRecord) -> AnswerRecord {
    // `>` and `<`, not `>=` and `<=`: on a tie, ours stays.
    let latest = if theirs.last_answered_at > ours.last_answered_at {
        theirs
    } else {
        ours
    };
    let first = if theirs.first_answered_at < ours.first_answered_at {
        theirs
    } else {
        ours
    };
    AnswerRecord {
        tries: ours.tries.max(theirs.tries),
        first_try_correct: first.first_try_correct,
        first_try_score: first.first_try_score,
        hinted: first.hinted,
        first_answered_at: first.first_answered_at,
        ..latest.clone()
    }
}

/// Every key of either map; a key in both gets `both(ours, theirs)`.
fn merge_maps<V: Clone>(
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    both: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut merged = ours.clone();
    for (key, theirs) in theirs {
        let value = match ours.get(key) {
            Some(ours) => both(ours, theirs),
            None => theirs.clone(),
        };
        merged.insert(key.clone(), value);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::response::Response;

    fn record(response: &str, score: f32, tries: u32, first: f64, last: f64) -> AnswerRecord {
        AnswerRecord {
            response: Response::Text(response.into()),
            score,
            tries,
            first_try_correct: score >= 1.0,
            first_try_score: score,
            hinted: false,
            first_answered_at: first,
            last_answered_at: last,
        }
    }

    fn with_answer(reading: &str, question: &str, record: AnswerRecord) -> Progress {
        let mut p = Progress::new();
        p.readings
            .entry(reading.into())
            .or_default()
            .answers
            .insert(question.into(), record);
        p
    }

    #[test]
    fn later_answer_wins_but_first_try_comes_from_earlier() {
        // Ours: wrong at 10, still wrong at 20. Theirs (another tab): right at 15 and at 30.
        let ours = with_answer("r", "q", record("wrong", 0.0, 2, 10.0, 20.0));
        let theirs = with_answer("r", "q", record("right", 1.0, 3, 15.0, 30.0));
        let merged = merge(&ours, &theirs);
        let got = merged.answer("r", "q").unwrap();
        assert_eq!(got.response, Response::Text("right".into()));
        assert_eq!(got.score, 1.0);
        assert_eq!(got.last_answered_at, 30.0);
        assert!(!got.first_try_correct, "the first try, at 10, was wrong");
        assert_eq!(got.first_try_score, 0.0);
        assert_eq!(got.first_answered_at, 10.0);
        assert_eq!(got.tries, 3, "max, not sum");
        assert_eq!(merge(&theirs, &ours), merged, "no ties: the sides commute");
    }

    #[test]
    fn ties_keep_ours() {
        let ours = with_answer("r", "q", record("ours", 0.5, 1, 10.0, 20.0));
        let theirs = with_answer("r", "q", record("theirs", 1.0, 1, 10.0, 20.0));
        let got = merge(&ours, &theirs);
        assert_eq!(got, ours);
        assert_eq!(merge(&theirs, &ours), theirs);
    }

    #[test]
    fn questions_readings_and_sections_are_united() {
        let mut ours = with_answer("r", "a", record("x", 1.0, 1, 1.0, 1.0));
        ours.visit_section("r", "one");
        ours.visit_section("s", "intro");
        let mut theirs = with_answer("r", "b", record("y", 0.0, 1, 2.0, 2.0));
        theirs.visit_section("r", "two");
        theirs.visit_section("t", "end");
        let merged = merge(&ours, &theirs);

        let r = merged.reading("r").unwrap();
        assert_eq!(r.answers.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(r.sections_read.iter().collect::<Vec<_>>(), ["one", "two"]);
        assert_eq!(r.last_section.as_deref(), Some("one"), "ours when present");
        assert_eq!(merged.readings.keys().collect::<Vec<_>>(), ["r", "s", "t"]);
        assert_eq!(merged.reading("t"), theirs.reading("t"));
    }

    #[test]
    fn last_section_falls_back_to_theirs() {
        let mut ours = with_answer("r", "a", record("x", 1.0, 1, 1.0, 1.0));
        let mut theirs = Progress::new();
        theirs.visit_section("r", "two");
        let merged = merge(&ours, &theirs);
        assert_eq!(
            merged.reading("r").unwrap().last_section.as_deref(),
            Some("two")
        );
        ours.visit_section("r", "one");
        let merged = merge(&ours, &theirs);
        assert_eq!(
            merged.reading("r").unwrap().last_section.as_deref(),
            Some("one")
        );
    }

    #[test]
    fn the_hint_comes_with_the_first_try() {
        let mut first = record("x", 1.0, 1, 10.0, 10.0);
        first.hinted = true;
        let later = record("y", 1.0, 2, 20.0, 30.0);
        let ours = with_answer("r", "q", later);
        let theirs = with_answer("r", "q", first);
        assert!(merge(&ours, &theirs).answer("r", "q").unwrap().hinted);
        assert!(merge(&theirs, &ours).answer("r", "q").unwrap().hinted);
    }

    fn highlight(note: &str, updated_at: f64) -> Highlight {
        use crate::core::highlights::{Anchor, Colour};
        let anchor = |offset| Anchor {
            sentence: "s".into(),
            offset,
        };
        Highlight {
            section: "one".into(),
            start: anchor(0),
            end: anchor(4),
            colour: Colour::Yellow,
            note: note.into(),
            quote: "Some".into(),
            created_at: 1.0,
            updated_at,
        }
    }

    fn with_highlights(items: &[(&str, Highlight)], removed: &[(&str, f64)]) -> Progress {
        let mut p = Progress::new();
        let highlights = &mut p.readings.entry("r".into()).or_default().highlights;
        for (id, h) in items {
            highlights.items.insert(id.to_string(), h.clone());
        }
        for (id, at) in removed {
            highlights.removed.insert(id.to_string(), *at);
        }
        p
    }

    fn highlights(p: &Progress) -> &Highlights {
        &p.reading("r").unwrap().highlights
    }

    #[test]
    fn highlights_are_united_and_the_later_change_wins() {
        let ours = with_highlights(
            &[("a", highlight("mine", 5.0)), ("b", highlight("", 1.0))],
            &[],
        );
        let theirs = with_highlights(
            &[("a", highlight("edited", 9.0)), ("c", highlight("", 2.0))],
            &[],
        );
        let merged = merge(&ours, &theirs);
        let got = highlights(&merged);
        assert_eq!(got.items.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(got.items["a"].note, "edited");
        assert_eq!(merge(&theirs, &ours), merged, "no ties: the sides commute");
    }

    #[test]
    fn a_removed_highlight_does_not_come_back_from_an_older_copy() {
        // This tab removed "a" at 7; the other tab's copy (or a backup) still has it as it was
        // at 5.
        let ours = with_highlights(&[], &[("a", 7.0)]);
        let theirs = with_highlights(&[("a", highlight("old", 5.0))], &[]);
        for merged in [merge(&ours, &theirs), merge(&theirs, &ours)] {
            assert!(highlights(&merged).items.is_empty(), "{merged:?}");
            assert_eq!(highlights(&merged).removed["a"], 7.0);
        }
        // A note typed after the removal, in a tab that had not seen it, is not lost.
        let theirs = with_highlights(&[("a", highlight("typed later", 8.0))], &[]);
        let merged = merge(&ours, &theirs);
        assert_eq!(highlights(&merged).items["a"].note, "typed later");
        assert_eq!(
            merge(&merged, &ours),
            merged,
            "merging again changes nothing"
        );
    }

    #[test]
    fn the_later_review_of_each_item_wins() {
        use crate::core::fsrs::Grade;
        use crate::core::review::{Day, ReviewCard};
        let card = |grade, at| ReviewCard::first(grade, Day(100), at);
        let mut ours = Progress::new();
        let mut theirs = Progress::new();
        let mine = &mut ours.readings.entry("r".into()).or_default().review;
        mine.questions.insert("q".into(), card(Grade::Again, 10.0));
        mine.terms.insert("t".into(), card(Grade::Again, 30.0));
        let other = &mut theirs.readings.entry("r".into()).or_default().review;
        other.questions.insert("q".into(), card(Grade::Good, 20.0));
        other.terms.insert("t".into(), card(Grade::Easy, 25.0));
        other.terms.insert("u".into(), card(Grade::Hard, 1.0));
        let merged = merge(&ours, &theirs);
        let review = &merged.reading("r").unwrap().review;
        assert_eq!(review.questions["q"].grade, Grade::Good, "theirs is later");
        assert_eq!(review.terms["t"].grade, Grade::Again, "ours is later");
        assert_eq!(review.terms["u"].grade, Grade::Hard);
        assert_eq!(merge(&theirs, &ours), merged);
    }

    #[test]
    fn version_is_current() {
        let old = Progress {
            version: 0,
            readings: BTreeMap::new(),
            settings: Default::default(),
            assignments: Default::default(),
        };
        assert_eq!(merge(&old, &old).version, Progress::VERSION);
    }
}

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod properties {
    use super::*;
    use crate::core::response::Response;
    use proptest::collection::{btree_map, btree_set};
    use proptest::option;
    use proptest::prelude::*;

    /// Few ids and a narrow range of times, so that the two sides often share readings,
    /// questions and sections, and sometimes tie.
    fn id() -> impl Strategy<Value = String> {
        "[a-d]"
    }

    /// Whole milliseconds, as `Date.now()` gives.
    fn time() -> impl Strategy<Value = f64> {
        (0u32..40).prop_map(f64::from)
    }

    fn answer() -> impl Strategy<Value = AnswerRecord> {
        (
            "[a-z]{0,3}",
            0u8..=4,
            1u32..5,
            any::<bool>(),
            0u8..=4,
            time(),
            time(),
        )
            .prop_map(
                |(text, score, tries, first_try_correct, first_score, t1, t2)| AnswerRecord {
                    response: Response::Text(text),
                    score: f32::from(score) / 4.0,
                    tries,
                    first_try_correct,
                    first_try_score: f32::from(first_score) / 4.0,
                    hinted: first_try_correct && score % 2 == 0,
                    first_answered_at: t1.min(t2),
                    last_answered_at: t1.max(t2),
                },
            )
    }

    fn highlight() -> impl Strategy<Value = Highlight> {
        use crate::core::highlights::{Anchor, Colour};
        ("[a-z]{0,3}", 0usize..4, time(), time(), 0u32..5, 1u32..5).prop_map(
            |(note, colour, t1, t2, start, length)| Highlight {
                section: "s".into(),
                start: Anchor {
                    sentence: "x".into(),
                    offset: start,
                },
                end: Anchor {
                    sentence: "x".into(),
                    offset: start + length,
                },
                colour: Colour::ALL[colour],
                note,
                quote: "q".into(),
                created_at: t1.min(t2),
                updated_at: t1.max(t2),
            },
        )
    }

    /// Highlights as the app leaves them: none removed at or after its latest change.
    pub(crate) fn highlights() -> impl Strategy<Value = Highlights> {
        (
            btree_map(id(), highlight(), 0..4),
            btree_map(id(), time(), 0..3),
        )
            .prop_map(|(mut items, removed)| {
                items.retain(|id, h| removed.get(id).is_none_or(|&at| h.updated_at > at));
                Highlights { items, removed }
            })
    }

    fn card() -> impl Strategy<Value = ReviewCard> {
        use crate::core::fsrs::Grade;
        use crate::core::review::Day;
        (0usize..4, 1u32..4, time(), 0i32..20).prop_map(|(grade, reps, at, day)| {
            let first = ReviewCard::first(Grade::ALL[grade], Day(day), at);
            ReviewCard { reps, ..first }
        })
    }

    fn review() -> impl Strategy<Value = ReviewQueue> {
        (btree_map(id(), card(), 0..3), btree_map(id(), card(), 0..3))
            .prop_map(|(questions, terms)| ReviewQueue { questions, terms })
    }

    fn reading() -> impl Strategy<Value = ReadingProgress> {
        (
            btree_map(id(), answer(), 0..4),
            btree_set(id(), 0..4),
            option::of(id()),
            highlights(),
            review(),
        )
            .prop_map(
                |(answers, sections_read, last_section, highlights, review)| ReadingProgress {
                    answers,
                    sections_read,
                    last_section,
                    highlights,
                    review,
                },
            )
    }

    fn progress() -> impl Strategy<Value = Progress> {
        btree_map(id(), reading(), 0..4).prop_map(|readings| Progress {
            version: Progress::VERSION,
            readings,
            settings: Default::default(),
            assignments: Default::default(),
        })
    }

    /// Every (reading, question) pair present.
    fn questions(p: &Progress) -> Vec<(&str, &str)> {
        p.readings
            .iter()
            .flat_map(|(r, rp)| rp.answers.keys().map(move |q| (r.as_str(), q.as_str())))
            .collect()
    }

    /// Every (reading, highlight id) pair present or removed on a side.
    fn highlight_ids(p: &Progress) -> Vec<(&str, &str)> {
        p.readings
            .iter()
            .flat_map(|(r, rp)| {
                let h = &rp.highlights;
                h.items
                    .keys()
                    .chain(h.removed.keys())
                    .map(move |id| (r.as_str(), id.as_str()))
            })
            .collect()
    }

    fn highlight_of<'a>(p: &'a Progress, reading: &str, id: &str) -> Option<&'a Highlight> {
        p.reading(reading)?.highlights.items.get(id)
    }

    fn removed_at(p: &Progress, reading: &str, id: &str) -> Option<f64> {
        p.reading(reading)?.highlights.removed.get(id).copied()
    }

    /// Every (reading, "q" or "t", id) of a review card on a side, with its card.
    fn cards(p: &Progress) -> Vec<((&str, &str, &str), &ReviewCard)> {
        p.readings
            .iter()
            .flat_map(|(r, rp)| {
                let q = rp
                    .review
                    .questions
                    .iter()
                    .map(move |(id, c)| ((r.as_str(), "q", id.as_str()), c));
                let t = rp
                    .review
                    .terms
                    .iter()
                    .map(move |(id, c)| ((r.as_str(), "t", id.as_str()), c));
                q.chain(t)
            })
            .collect()
    }

    /// Whether the two sides' records of this question tie on either time, so that which side
    /// is "ours" decides.
    fn tied(a: &Progress, b: &Progress, reading: &str, question: &str) -> bool {
        match (a.answer(reading, question), b.answer(reading, question)) {
            (Some(x), Some(y)) => {
                x.last_answered_at == y.last_answered_at
                    || x.first_answered_at == y.first_answered_at
            }
            _ => false,
        }
    }

    proptest! {
        #[test]
        fn nothing_is_lost(a in progress(), b in progress()) {
            let m = merge(&a, &b);
            for (reading, question) in questions(&a).into_iter().chain(questions(&b)) {
                let got = m.answer(reading, question);
                prop_assert!(got.is_some(), "{reading}/{question} lost");
                let got = got.unwrap();
                let sides = [a.answer(reading, question), b.answer(reading, question)];
                let sides = sides.iter().flatten();
                let last = sides.clone().map(|r| r.last_answered_at).fold(f64::MIN, f64::max);
                let first = sides.clone().map(|r| r.first_answered_at).fold(f64::MAX, f64::min);
                let tries = sides.map(|r| r.tries).max().unwrap_or(0);
                prop_assert_eq!(got.last_answered_at, last);
                prop_assert_eq!(got.first_answered_at, first);
                prop_assert_eq!(got.tries, tries);
            }
            for side in [&a, &b] {
                for (reading, rp) in &side.readings {
                    let merged = &m.readings[reading];
                    prop_assert!(merged.sections_read.is_superset(&rp.sections_read));
                    prop_assert!(rp.last_section.is_none() || merged.last_section.is_some());
                }
            }
            let count = |p: &Progress| questions(p).len();
            prop_assert!(count(&m) <= count(&a) + count(&b));

            // A highlight stays, in its latest version, unless removed at or after that.
            for (reading, id) in highlight_ids(&a).into_iter().chain(highlight_ids(&b)) {
                let latest = [&a, &b]
                    .iter()
                    .filter_map(|p| highlight_of(p, reading, id))
                    .map(|h| h.updated_at)
                    .reduce(f64::max);
                let removed = [&a, &b]
                    .iter()
                    .filter_map(|p| removed_at(p, reading, id))
                    .reduce(f64::max);
                prop_assert_eq!(removed_at(&m, reading, id), removed);
                let kept = highlight_of(&m, reading, id).map(|h| h.updated_at);
                match (latest, removed) {
                    (Some(latest), Some(removed)) if removed >= latest => {
                        prop_assert_eq!(kept, None)
                    }
                    _ => prop_assert_eq!(kept, latest),
                }
            }
            // Every review card stays, with the later review.
            let merged = cards(&m);
            for (key, _) in cards(&a).into_iter().chain(cards(&b)) {
                let latest = cards(&a)
                    .into_iter()
                    .chain(cards(&b))
                    .filter(|(k, _)| *k == key)
                    .map(|(_, c)| c.reviewed_at)
                    .reduce(f64::max);
                let got = merged.iter().find(|(k, _)| *k == key).map(|(_, c)| c.reviewed_at);
                prop_assert_eq!(got, latest);
            }
        }

        #[test]
        fn merging_with_itself_or_nothing_changes_nothing(a in progress()) {
            prop_assert_eq!(&merge(&a, &a), &a);
            prop_assert_eq!(&merge(&a, &Progress::new()), &a);
            prop_assert_eq!(&merge(&Progress::new(), &a), &a);
        }

        #[test]
        fn merging_again_changes_nothing(a in progress(), b in progress()) {
            let m = merge(&a, &b);
            prop_assert_eq!(&merge(&m, &b), &m);
            prop_assert_eq!(&merge(&m, &a), &m);
            prop_assert_eq!(&merge(&b, &m), &merge(&b, &a));
        }

        #[test]
        fn grouping_does_not_matter(a in progress(), b in progress(), c in progress()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn swapping_sides_changes_only_ties_and_last_section(a in progress(), b in progress()) {
            let ab = merge(&a, &b);
            let ba = merge(&b, &a);
            prop_assert_eq!(questions(&ab), questions(&ba));
            for (reading, question) in questions(&ab) {
                if !tied(&a, &b, reading, question) {
                    prop_assert_eq!(ab.answer(reading, question), ba.answer(reading, question));
                }
            }
            for (reading, rp) in &ab.readings {
                let other = &ba.readings[reading];
                prop_assert_eq!(&rp.sections_read, &other.sections_read);
                prop_assert_eq!(rp.last_section.is_some(), other.last_section.is_some());
                prop_assert_eq!(&rp.highlights.removed, &other.highlights.removed);
                prop_assert_eq!(
                    rp.highlights.items.keys().collect::<Vec<_>>(),
                    other.highlights.items.keys().collect::<Vec<_>>()
                );
                for (id, h) in &rp.highlights.items {
                    let tie = [&a, &b]
                        .iter()
                        .filter_map(|p| highlight_of(p, reading, id))
                        .filter(|x| x.updated_at == h.updated_at)
                        .count()
                        > 1;
                    if !tie {
                        prop_assert_eq!(Some(h), other.highlights.items.get(id));
                    }
                }
            }
            let (ab_cards, ba_cards) = (cards(&ab), cards(&ba));
            prop_assert_eq!(ab_cards.len(), ba_cards.len());
            for ((key, card), (other_key, other)) in ab_cards.iter().zip(&ba_cards) {
                prop_assert_eq!(key, other_key);
                let tie = cards(&a)
                    .into_iter()
                    .chain(cards(&b))
                    .filter(|(k, c)| k == key && c.reviewed_at == card.reviewed_at)
                    .count()
                    > 1;
                if !tie {
                    prop_assert_eq!(card, other);
                }
            }
        }
    }
}
