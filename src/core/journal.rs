//! What changed in a profile's progress since it was last written whole: kept in a small key of
//! its own beside the whole progress, so that a save with a large progress writes what changed,
//! not everything (issue 15; see `docs/storage.md` and `docs/performance.md`).
//!
//! A [`Changes`] is progress with only the entries that differ from a base: the answers,
//! highlights, removals and review cards that are not the same as the base's, the sections read
//! that the base lacks, the last section if it moved, the settings if they changed, and whole
//! the assignments that changed. Its entries are the same records as the progress's, so it is
//! put back with the merge's own rules ([`crate::core::merge`]): [`Changes::apply`] on the whole
//! progress gives the progress it was taken from, and on a whole progress another tab wrote
//! since, both tabs' work (newest answer per question wins, as always).
//!
//! The stored form is JSON with the progress's `version` ([`Progress::VERSION`]): one written
//! by a newer Lectern is [`ProgressError::Newer`], and nothing is written over it.

use crate::core::highlights::Highlights;
use crate::core::merge::merge;
use crate::core::progress::{AssignmentProgress, Progress, ProgressError, ReadingProgress};
use crate::core::review::ReviewQueue;
use crate::core::settings::Settings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The entries of a progress that differ from a base; see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub version: u32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub readings: BTreeMap<String, ReadingProgress>,
    /// The settings, when they are not the base's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assignments: BTreeMap<String, AssignmentProgress>,
}

impl Changes {
    /// What `ours` has that `base` has not, or has otherwise. Costs a comparison of every
    /// entry, and a copy of only those that changed.
    pub fn between(ours: &Progress, base: &Progress) -> Changes {
        let empty = ReadingProgress::default();
        let readings = ours
            .readings
            .iter()
            .map(|(id, r)| {
                (
                    id,
                    reading_changes(r, base.readings.get(id).unwrap_or(&empty)),
                )
            })
            .filter(|(_, r)| *r != empty)
            .map(|(id, r)| (id.clone(), r))
            .collect();
        Changes {
            version: Progress::VERSION,
            readings,
            settings: (ours.settings != base.settings).then(|| ours.settings.clone()),
            assignments: changed(&ours.assignments, &base.assignments),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.readings.is_empty() && self.settings.is_none() && self.assignments.is_empty()
    }

    /// The whole progress with these changes put back: merged by the merge's rules, the
    /// changes taking the place of "ours" (so they win ties and keep their last section), and
    /// their settings if they carry any.
    pub fn apply(&self, whole: &Progress) -> Progress {
        let mut progress = merge(&self.as_progress(), whole);
        progress.settings = self.settings.clone().unwrap_or(whole.settings.clone());
        progress
    }

    /// The changes as a progress of their own, to merge into a tab's progress (which keeps its
    /// own settings, as in every merge).
    pub fn as_progress(&self) -> Progress {
        Progress {
            version: Progress::VERSION,
            readings: self.readings.clone(),
            settings: self.settings.clone().unwrap_or_default(),
            assignments: self.assignments.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("changes always serialize")
    }

    /// Reads stored changes; anything that is not changes of a version this app knows is an
    /// error, so the caller can keep the text aside instead of overwriting it.
    pub fn from_json(text: &str) -> Result<Changes, ProgressError> {
        Progress::known_version(text)?;
        serde_json::from_str(text).map_err(|e| ProgressError::Corrupt(e.to_string()))
    }
}

fn reading_changes(ours: &ReadingProgress, base: &ReadingProgress) -> ReadingProgress {
    ReadingProgress {
        answers: changed(&ours.answers, &base.answers),
        sections_read: ours
            .sections_read
            .difference(&base.sections_read)
            .cloned()
            .collect(),
        last_section: if ours.last_section != base.last_section {
            ours.last_section.clone()
        } else {
            None
        },
        highlights: Highlights {
            items: changed(&ours.highlights.items, &base.highlights.items),
            removed: changed(&ours.highlights.removed, &base.highlights.removed),
        },
        review: ReviewQueue {
            questions: changed(&ours.review.questions, &base.review.questions),
            terms: changed(&ours.review.terms, &base.review.terms),
        },
    }
}

/// The entries of `ours` that `base` lacks or holds otherwise.
fn changed<V: Clone + PartialEq>(
    ours: &BTreeMap<String, V>,
    base: &BTreeMap<String, V>,
) -> BTreeMap<String, V> {
    ours.iter()
        .filter(|(key, value)| base.get(*key) != Some(*value))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::highlights::{Anchor, Colour, Span};
    use crate::core::response::Response;
    use crate::core::review::Day;
    use lectern_content::Reading;

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    fn answered(p: &mut Progress, question: &str, score: f32, at: f64) {
        p.record_answer("r", question, Response::Text(question.into()), score, at);
    }

    /// A progress with many answers, as a base.
    fn base() -> Progress {
        let mut p = Progress::new();
        for i in 0..50 {
            answered(&mut p, &format!("q{i}"), (i % 2) as f32, 1000.0 + i as f64);
        }
        p.visit_section("r", "s1");
        p
    }

    #[test]
    fn nothing_changed_is_empty_and_changes_nothing() {
        let b = base();
        let changes = Changes::between(&b, &b);
        assert!(changes.is_empty());
        assert_eq!(changes.to_json(), r#"{"version":2}"#);
        assert_eq!(changes.apply(&b), b);
    }

    #[test]
    fn an_answer_changes_only_its_own_entry() {
        let b = base();
        let mut ours = b.clone();
        answered(&mut ours, "q3", 1.0, 5000.0);
        answered(&mut ours, "new", 0.0, 5001.0);
        let changes = Changes::between(&ours, &b);
        let answers: Vec<&String> = changes.readings["r"].answers.keys().collect();
        assert_eq!(answers, ["new", "q3"]);
        assert!(changes.settings.is_none());
        assert_eq!(changes.apply(&b), ours);
        // Much smaller than the whole.
        assert!(changes.to_json().len() * 10 < ours.to_json().len());
    }

    #[test]
    fn every_kind_of_change_is_put_back() {
        let reading = essay();
        let id: &str = &reading.id;
        let mut b = base();
        let question: &str = &reading.questions[0].id;
        b.record_study_check(
            id,
            question,
            Response::Text("x".into()),
            0.0,
            true,
            10.0,
            Day(100),
        );
        let mut ours = b.clone();
        ours.visit_section(id, &reading.sections[1].id);
        ours.look_up_term(id, "term", 20.0, Day(101));
        ours.settings.text_size = crate::core::settings::TextSize::Large;
        ours.assignments.insert(
            "a1".into(),
            AssignmentProgress::new("code".into(), "Ana".into(), 30.0),
        );
        let changes = Changes::between(&ours, &b);
        assert!(changes.settings.is_some());
        assert_eq!(changes.apply(&b), ours);
        let back = Changes::from_json(&changes.to_json()).unwrap();
        assert_eq!(back, changes);
        assert_eq!(back.apply(&b), ours);
    }

    #[test]
    fn a_removed_highlight_stays_removed() {
        let reading = essay();
        let at = |offset| Anchor {
            sentence: "intriguing-question".into(),
            offset,
        };
        let span = Span {
            start: at(0),
            end: at(10),
        };
        let mut b = base();
        b.add_highlight(reading, "h1", &span, Colour::Yellow, "note", 10.0)
            .unwrap();
        let mut ours = b.clone();
        ours.remove_highlight(&reading.id, "h1", 20.0);
        let changes = Changes::between(&ours, &b);
        assert_eq!(changes.apply(&b), ours);
        assert!(changes.apply(&b).readings[&*reading.id]
            .highlights
            .items
            .is_empty());
    }

    /// Two tabs with the same base: the second merges the first's changes before writing its
    /// own, and the whole progress with its changes has both tabs' answers.
    #[test]
    fn two_tabs_keep_both_answers() {
        let b = base();
        let mut one = b.clone();
        answered(&mut one, "q1", 1.0, 5000.0);
        let first = Changes::between(&one, &b).to_json();

        let mut two = b.clone();
        answered(&mut two, "q2", 1.0, 5001.0);
        let theirs = Changes::from_json(&first).unwrap();
        let two = merge(&two, &theirs.as_progress());
        let second = Changes::between(&two, &b);
        let stored = second.apply(&b);
        assert_eq!(stored.answer("r", "q1").unwrap().tries, 2);
        assert_eq!(stored.answer("r", "q2").unwrap().tries, 2);
        // Put back on a whole progress another tab wrote since, nothing of either is lost.
        let mut other = b.clone();
        answered(&mut other, "q4", 1.0, 5002.0);
        let stored = second.apply(&other);
        for q in ["q1", "q2", "q4"] {
            assert_eq!(stored.answer("r", q).unwrap().tries, 2, "{q}");
        }
    }

    #[test]
    fn changes_from_a_newer_version_or_not_changes_are_refused() {
        assert_eq!(
            Changes::from_json(r#"{"version":3,"readings":{"r":"unknown"}}"#),
            Err(ProgressError::Newer(3))
        );
        assert!(matches!(
            Changes::from_json("{ not json"),
            Err(ProgressError::Corrupt(_))
        ));
        assert!(matches!(
            Changes::from_json(r#"{"version":2,"readings":7}"#),
            Err(ProgressError::Corrupt(_))
        ));
    }
}
