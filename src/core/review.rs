//! Spaced review: the questions a student missed (or got right only after a hint or a retry) and
//! the glossary terms they looked up come back on later days, scheduled by FSRS
//! ([`crate::core::fsrs`]), a few a day.
//!
//! # Rules
//!
//! - **What goes in.** A free-study check whose [`Outcome`] is not "right first time" adds the
//!   question ([`Progress::record_study_check`]); looking up a glossary term adds the term
//!   ([`Progress::look_up_term`]). That first encounter is the item's first FSRS rating, so a
//!   missed question is due the next day. Checks later on the same day grade that encounter
//!   again (wrong, then right after a retry, is Hard, not Again); from the next day on only the
//!   Review screen changes an item's schedule ([`Progress::record_review`]), so answering again
//!   in free study or practice never moves a review.
//! - **Assignments stay out until handed in.** Nothing an assignment records touches the queue;
//!   once it is handed in, [`Progress::queue_handed_in`] adds the questions answered wrong (or,
//!   in practice mode, right only after a retry).
//! - **Grades come from the app's own check** ([`Outcome::grade`]): wrong → Again, right after a
//!   retry → Hard, right first time after opening the hint → Good, right first time → Easy.
//! - **Days are the device's local days** ([`Day`]), passed in by the platform: an item due
//!   "tomorrow" is due from local midnight, whatever the time of the review.
//! - **A daily cap** ([`crate::core::settings::ReviewsPerDay`]): at most that many reviews a day,
//!   counting those done today, the longest-waiting first; the rest wait for the next day.
//! - **Reviews are not answers.** A review changes only the item's schedule, never
//!   `answers`, tallies or results.
//!
//! The queue lives with the progress, per reading (`readings.<id>.review`); merging keeps, for
//! each item, the side with the later review ([`crate::core::merge`]).

use crate::core::assignment::{Assignment, Mode};
use crate::core::fsrs::{Fsrs, Grade, Memory};
use crate::core::progress::{AnswerRecord, Progress, ReadingProgress};
use crate::core::response::Response;
use crate::core::shuffle::permutation;
use lectern_content::terms::whole_word_matches;
use lectern_content::{Answer, Choice, Difficulty, GlossaryEntry, Question, Reading, Skill, Text};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A calendar day, counted from 1970-01-01: the device's local day for anything new, so that
/// "due today" turns over at the student's midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub i32);

const MS_PER_DAY: f64 = 86_400_000.0;

impl Day {
    /// The local day at `now_ms` (milliseconds since the Unix epoch) for a time zone
    /// `offset_minutes` behind UTC, as JavaScript's `Date.prototype.getTimezoneOffset` gives it
    /// (−120 in UTC+2). Times that are not finite count as the epoch.
    pub fn from_local_ms(now_ms: f64, offset_minutes: f64) -> Day {
        Day::from_utc_ms(now_ms - offset_minutes * 60_000.0)
    }

    /// The UTC day of a time. Used for answers kept before days were recorded, whose time zone
    /// is not known.
    pub fn from_utc_ms(ms: f64) -> Day {
        // `as` saturates, and turns NaN into 0.
        Day((ms / MS_PER_DAY).floor() as i32)
    }

    pub fn plus(self, days: u32) -> Day {
        Day(self
            .0
            .saturating_add(i32::try_from(days).unwrap_or(i32::MAX)))
    }

    /// Whole days from `earlier` to this day; 0 if `earlier` is not earlier.
    pub fn days_since(self, earlier: Day) -> u32 {
        u32::try_from(i64::from(self.0) - i64::from(earlier.0)).unwrap_or(0)
    }
}

/// How a student did on a question, by the app's own check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    RightFirstTime,
    /// Right at the first try, with the hint open.
    RightAfterHint,
    /// Wrong at first, right later (hint or not).
    RightAfterRetry,
    Wrong,
}

impl Outcome {
    /// `right`: the latest check is fully right; `right_first_try`: the first check was;
    /// `hinted`: the hint was open at the first check.
    pub fn of(right: bool, right_first_try: bool, hinted: bool) -> Outcome {
        match (right, right_first_try, hinted) {
            (false, _, _) => Outcome::Wrong,
            (true, false, _) => Outcome::RightAfterRetry,
            (true, true, true) => Outcome::RightAfterHint,
            (true, true, false) => Outcome::RightFirstTime,
        }
    }

    pub fn of_record(record: &AnswerRecord) -> Outcome {
        Outcome::of(record.is_correct(), record.first_try_correct, record.hinted)
    }

    /// The FSRS grade of this outcome: the four outcomes, worst to best, are the four grades.
    pub fn grade(self) -> Grade {
        match self {
            Outcome::Wrong => Grade::Again,
            Outcome::RightAfterRetry => Grade::Hard,
            Outcome::RightAfterHint => Grade::Good,
            Outcome::RightFirstTime => Grade::Easy,
        }
    }
}

/// One item's schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    /// FSRS's memory state: days until recall falls to 90 %, and 1 ..= 10.
    pub stability: f64,
    pub difficulty: f64,
    /// The day it is due.
    pub due: Day,
    /// The day of the latest rating.
    pub last_review: Day,
    /// Ratings so far, the first encounter included (so 1 until the first review).
    pub reps: u32,
    /// Reviews graded Again.
    pub lapses: u32,
    /// The latest grade.
    pub grade: Grade,
    /// When the latest rating was made, in milliseconds since the Unix epoch: merging keeps the
    /// later one.
    pub reviewed_at: f64,
}

impl ReviewCard {
    /// An item first met today with this grade.
    pub fn first(grade: Grade, today: Day, now_ms: f64) -> ReviewCard {
        let next = Fsrs::default().review(None, 0, grade);
        ReviewCard {
            stability: next.memory.stability,
            difficulty: next.memory.difficulty,
            due: today.plus(next.interval),
            last_review: today,
            reps: 1,
            lapses: 0,
            grade,
            reviewed_at: now_ms,
        }
    }

    /// The card after a review today with this grade.
    pub fn reviewed(&self, grade: Grade, today: Day, now_ms: f64) -> ReviewCard {
        let memory = Memory {
            stability: self.stability,
            difficulty: self.difficulty,
        };
        let next = Fsrs::default().review(Some(memory), today.days_since(self.last_review), grade);
        ReviewCard {
            stability: next.memory.stability,
            difficulty: next.memory.difficulty,
            due: today.plus(next.interval),
            last_review: today,
            reps: self.reps.saturating_add(1),
            lapses: self.lapses + u32::from(grade == Grade::Again),
            grade,
            reviewed_at: now_ms,
        }
    }

    pub fn is_due(&self, today: Day) -> bool {
        self.due <= today
    }

    /// Whether this card was reviewed (not first met) on `day`.
    pub fn reviewed_on(&self, day: Day) -> bool {
        self.reps > 1 && self.last_review == day
    }
}

/// A reading's review items: questions and glossary terms, by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, ReviewCard>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, ReviewCard>,
}

impl ReviewQueue {
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.terms.is_empty()
    }

    pub fn len(&self) -> usize {
        self.questions.len() + self.terms.len()
    }

    pub fn card(&self, item: &Item) -> Option<&ReviewCard> {
        match item {
            Item::Question(id) => self.questions.get(id),
            Item::Term(id) => self.terms.get(id),
        }
    }

    fn cards_mut<'a>(
        &'a mut self,
        item: &'a Item,
    ) -> (&'a mut BTreeMap<String, ReviewCard>, &'a str) {
        match item {
            Item::Question(id) => (&mut self.questions, id),
            Item::Term(id) => (&mut self.terms, id),
        }
    }

    /// A first encounter today: adds the item, or grades today's first encounter again; an
    /// item already scheduled on an earlier day, or reviewed, is left as it is.
    fn meet(&mut self, item: &Item, grade: Grade, today: Day, now_ms: f64) {
        let (cards, id) = self.cards_mut(item);
        match cards.get(id) {
            Some(card) if card.reps > 1 || card.last_review != today => {}
            _ => {
                cards.insert(id.to_string(), ReviewCard::first(grade, today, now_ms));
            }
        }
    }
}

/// An item in the queue, by its kind and content id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Question(String),
    Term(String),
}

/// An item due today, with its content.
#[derive(Clone, Debug, PartialEq)]
pub struct DueItem<'a> {
    pub reading: &'a Reading,
    pub content: DueContent<'a>,
    pub due: Day,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DueContent<'a> {
    Question(&'a Question),
    Term(&'a GlossaryEntry),
}

impl DueItem<'_> {
    /// The key to pass to [`Progress::record_review`].
    pub fn item(&self) -> Item {
        match self.content {
            DueContent::Question(q) => Item::Question(q.id.to_string()),
            DueContent::Term(t) => Item::Term(t.id.to_string()),
        }
    }
}

/// Today's reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewsToday<'a> {
    /// What to review now, the longest-waiting first, at most the daily cap less `done`.
    pub due: Vec<DueItem<'a>>,
    /// Reviews already done today.
    pub done: usize,
    /// Items due today or before that the cap holds back until another day.
    pub held_back: usize,
}

impl Progress {
    /// One press of "Check" in free study: records the answer as [`Progress::record_answer`]
    /// does, with whether the hint was open (it counts at the first try), then puts the
    /// question in the review queue unless it was right first time without the hint.
    #[allow(clippy::too_many_arguments)]
    pub fn record_study_check(
        &mut self,
        reading: &str,
        question: &str,
        response: Response,
        score: f32,
        hinted: bool,
        now_ms: f64,
        today: Day,
    ) {
        let progress = self.readings.entry(reading.to_string()).or_default();
        crate::core::progress::record_check(
            &mut progress.answers,
            question,
            response,
            score,
            hinted,
            now_ms,
        );
        let outcome = Outcome::of_record(&progress.answers[question]);
        if outcome != Outcome::RightFirstTime {
            let item = Item::Question(question.to_string());
            progress.review.meet(&item, outcome.grade(), today, now_ms);
        }
    }

    /// The student opened a glossary term's definition: they did not know it, so it is met
    /// as Again (due tomorrow). A term already in the queue stays as it is.
    pub fn look_up_term(&mut self, reading: &str, term: &str, now_ms: f64, today: Day) {
        let queue = &mut self.readings.entry(reading.to_string()).or_default().review;
        if !queue.terms.contains_key(term) {
            queue.meet(&Item::Term(term.to_string()), Grade::Again, today, now_ms);
        }
    }

    /// After an assignment is handed in, its missed questions join the reading's review queue:
    /// in an assessment the answers not fully right (Again), in practice mode as in free
    /// study. Questions left unanswered are not added. Before the hand-in nothing is added
    /// (returns 0), so an assessment never shows a review of its own questions while it is
    /// open. Adding again changes nothing. Returns how many items were added.
    pub fn queue_handed_in(&mut self, assignment: &Assignment, today: Day) -> usize {
        let Some(work) = self.assignments.get(&assignment.key()) else {
            return 0;
        };
        let Some(handed_in) = &work.handed_in else {
            return 0;
        };
        let grades: Vec<(String, Grade)> = work
            .answers
            .iter()
            .filter(|(id, _)| assignment.questions.contains(id))
            .filter_map(|(id, record)| {
                let outcome = match assignment.mode {
                    Mode::Assessment if record.is_correct() => Outcome::RightFirstTime,
                    Mode::Assessment => Outcome::Wrong,
                    Mode::Practice => Outcome::of_record(record),
                };
                (outcome != Outcome::RightFirstTime).then(|| (id.clone(), outcome.grade()))
            })
            .collect();
        let at = handed_in.at;
        let queue = &mut self
            .readings
            .entry(assignment.reading.clone())
            .or_default()
            .review;
        let mut added = 0;
        for (id, grade) in grades {
            if let std::collections::btree_map::Entry::Vacant(entry) = queue.questions.entry(id) {
                entry.insert(ReviewCard::first(grade, today, at));
                added += 1;
            }
        }
        added
    }

    /// A review on the Review screen, graded by the check ([`Outcome::grade`]): reschedules the
    /// item and returns its new card (`None` if it is not in the queue).
    pub fn record_review(
        &mut self,
        reading: &str,
        item: &Item,
        grade: Grade,
        now_ms: f64,
        today: Day,
    ) -> Option<ReviewCard> {
        let queue = &mut self.readings.get_mut(reading)?.review;
        let (cards, id) = queue.cards_mut(item);
        let card = cards.get_mut(id)?;
        *card = card.reviewed(grade, today, now_ms);
        Some(card.clone())
    }

    /// Today's reviews across `readings`, capped by the student's daily number. Items whose
    /// question or term a reading no longer has are kept in the queue but never shown.
    pub fn reviews_today<'a>(&self, readings: &'a [Reading], today: Day) -> ReviewsToday<'a> {
        let cap = self.settings.reviews_per_day.count();
        let mut due = Vec::new();
        let mut done = 0;
        for (order, reading) in readings.iter().enumerate() {
            let Some(progress) = self.readings.get(reading.id.as_ref()) else {
                continue;
            };
            for (place, question) in reading.questions.iter().enumerate() {
                if let Some(card) = progress.review.questions.get(question.id.as_ref()) {
                    done += usize::from(card.reviewed_on(today));
                    if card.is_due(today) {
                        due.push((
                            (card.due, order, 0, place),
                            reading,
                            DueContent::Question(question),
                        ));
                    }
                }
            }
            for (place, term) in reading.glossary.iter().enumerate() {
                if let Some(card) = progress.review.terms.get(term.id.as_ref()) {
                    done += usize::from(card.reviewed_on(today));
                    if card.is_due(today) {
                        due.push(((card.due, order, 1, place), reading, DueContent::Term(term)));
                    }
                }
            }
        }
        // The longest-waiting first; then reading, questions before terms, text order.
        due.sort_by_key(|(key, _, _)| *key);
        let room = cap.saturating_sub(done);
        let held_back = due.len().saturating_sub(room);
        due.truncate(room);
        ReviewsToday {
            due: due
                .into_iter()
                .map(|((day, ..), reading, content)| DueItem {
                    reading,
                    content,
                    due: day,
                })
                .collect(),
            done,
            held_back,
        }
    }
}

impl ReadingProgress {
    /// The schedule of one item, if it is in the queue.
    pub fn review_card(&self, item: &Item) -> Option<&ReviewCard> {
        self.review.card(item)
    }
}

/// How many options a glossary review offers (fewer if the glossary is smaller).
const TERM_OPTIONS: usize = 4;

/// A glossary term as a single-choice question that the question card and
/// [`crate::core::grading`] take as they are: its definition, with the term and its forms
/// blanked out, asks which term it defines, among up to four of the reading's terms in an order
/// seeded by `seed`. Its section is the first where the term occurs, so the text is at hand.
/// `None` if the reading has no such term.
pub fn term_question(reading: &Reading, term: &str, seed: u64) -> Option<Question> {
    let index = reading.glossary.iter().position(|t| t.id == term)?;
    let entry = &reading.glossary[index];
    let others: Vec<usize> = (0..reading.glossary.len())
        .filter(|&i| i != index)
        .collect();
    let mut chosen: Vec<usize> = permutation(others.len(), seed)
        .into_iter()
        .take(TERM_OPTIONS - 1)
        .map(|i| others[i])
        .collect();
    chosen.push(index);
    let order = permutation(chosen.len(), seed.rotate_left(17));
    let options: Vec<Choice> = order
        .into_iter()
        .map(|i| {
            let option = &reading.glossary[chosen[i]];
            Choice {
                id: owned(&option.id),
                text: owned(&option.term),
                correct: chosen[i] == index,
                feedback: None,
            }
        })
        .collect();
    let section = first_section_with(reading, entry).unwrap_or(&reading.sections[0].id);
    Some(Question {
        id: Cow::Owned(format!("term-{}", entry.id)),
        section: Cow::Owned(section.to_string()),
        prompt: Cow::Owned(format!(
            "Which term does this explain? “{}”",
            blank_out(entry)
        )),
        hint: Cow::Owned(match reading.section(section) {
            Some(s) => format!("It is used in the section “{}”.", s.heading),
            None => "It is used in the text.".to_string(),
        }),
        explanation: Cow::Owned(format!("{}: {}", entry.term, entry.definition)),
        evidence: Cow::Owned(Vec::new()),
        skill: Skill::Vocabulary,
        difficulty: Difficulty::Medium,
        answer: Answer::SingleChoice {
            options: Cow::Owned(options),
        },
        supports: None,
    })
}

fn owned(text: &Text) -> Text {
    Cow::Owned(text.to_string())
}

/// The term's forms, longest first, so that a longer form is blanked whole.
fn forms(entry: &GlossaryEntry) -> Vec<&str> {
    let mut forms: Vec<&str> = std::iter::once(entry.term.as_ref())
        .chain(entry.forms.iter().map(|f| f.as_ref()))
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
}

/// The definition with every word that is, or begins with, the term or one of its forms
/// replaced by "…" ("Uzbek" also blanks "Uzbekistan"), so the clue does not give the answer away.
fn blank_out(entry: &GlossaryEntry) -> String {
    let mut text = entry.definition.to_string();
    for form in forms(entry) {
        let ranges: Vec<_> = words_beginning_with(&text, form).collect();
        for range in ranges.into_iter().rev() {
            text.replace_range(range, "…");
        }
    }
    text
}

/// Byte ranges of the words (or phrases, for a form of several words) in `text` that begin with
/// `form` at a word start, up to the end of the word the form ends in.
fn words_beginning_with<'a>(
    text: &'a str,
    form: &'a str,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(form)
        .filter(move |(start, _)| !text[..*start].chars().next_back().is_some_and(is_word_char))
        .map(move |(start, _)| {
            let rest = &text[start + form.len()..];
            let tail = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            start..start + form.len() + tail
        })
}

fn first_section_with<'a>(reading: &'a Reading, entry: &GlossaryEntry) -> Option<&'a str> {
    let forms = forms(entry);
    reading
        .sections
        .iter()
        .find(|section| {
            section
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .any(|s| {
                    forms
                        .iter()
                        .any(|form| whole_word_matches(&s.text, form).next().is_some())
                })
        })
        .map(|section| section.id.as_ref())
}

/// Missed answers kept before the review queue existed (progress version 1) become cards as if
/// met on the UTC day of their latest try, so a student's earlier misses are reviewed too.
pub(crate) fn queue_from_answers(progress: &mut ReadingProgress) {
    for (id, record) in &progress.answers {
        let outcome = Outcome::of_record(record);
        if outcome != Outcome::RightFirstTime && !progress.review.questions.contains_key(id) {
            let day = Day::from_utc_ms(record.last_answered_at);
            let card = ReviewCard::first(outcome.grade(), day, record.last_answered_at);
            progress.review.questions.insert(id.clone(), card);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::{Assignment, Mode};
    use crate::core::progress::{AssignmentProgress, HandedIn};
    use crate::core::settings::ReviewsPerDay;

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    fn question(i: usize) -> &'static str {
        &essay().questions[i].id
    }

    fn text(t: &str) -> Response {
        Response::Text(t.into())
    }

    const TODAY: Day = Day(20_000);

    fn card<'a>(p: &'a Progress, question: &str) -> Option<&'a ReviewCard> {
        p.reading(&essay().id)?.review.questions.get(question)
    }

    #[test]
    fn days_are_local() {
        // 2023-11-14T23:30:00Z.
        let late = 1_700_004_600_000.0;
        assert_eq!(Day::from_utc_ms(late), Day(19_675));
        // In UTC+2 (offset −120) it is already 01:30 on the 15th.
        assert_eq!(Day::from_local_ms(late, -120.0), Day(19_676));
        // In UTC−5 (offset 300) it is 18:30 on the 14th.
        assert_eq!(Day::from_local_ms(late, 300.0), Day(19_675));
        assert_eq!(Day::from_local_ms(f64::NAN, 0.0), Day(0));
        assert_eq!(Day(10).days_since(Day(7)), 3);
        assert_eq!(Day(7).days_since(Day(10)), 0);
        assert_eq!(Day(7).plus(3), Day(10));
        assert_eq!(Day(i32::MAX - 1).plus(5), Day(i32::MAX));
    }

    #[test]
    fn outcomes_map_to_the_four_grades() {
        assert_eq!(Outcome::of(true, true, false), Outcome::RightFirstTime);
        assert_eq!(Outcome::of(true, true, true), Outcome::RightAfterHint);
        assert_eq!(Outcome::of(true, false, false), Outcome::RightAfterRetry);
        assert_eq!(Outcome::of(true, false, true), Outcome::RightAfterRetry);
        assert_eq!(Outcome::of(false, true, false), Outcome::Wrong);
        assert_eq!(Outcome::of(false, false, true), Outcome::Wrong);
        let grades = [
            Outcome::Wrong,
            Outcome::RightAfterRetry,
            Outcome::RightAfterHint,
            Outcome::RightFirstTime,
        ]
        .map(Outcome::grade);
        assert_eq!(grades, Grade::ALL);
    }

    #[test]
    fn right_first_time_without_the_hint_is_not_queued() {
        let mut p = Progress::new();
        p.record_study_check(&essay().id, question(0), text("x"), 1.0, false, 1.0, TODAY);
        assert!(card(&p, question(0)).is_none());
        assert!(
            p.answer(&essay().id, question(0)).is_some(),
            "the answer is kept"
        );
    }

    #[test]
    fn missed_questions_come_back_by_how_they_went() {
        let mut p = Progress::new();
        let r = &essay().id;
        // Wrong, and left wrong: due tomorrow.
        p.record_study_check(r, question(0), text("x"), 0.0, false, 1.0, TODAY);
        // Right at once, with the hint open: Good.
        p.record_study_check(r, question(1), text("x"), 1.0, true, 2.0, TODAY);
        // Wrong, then right after a retry, the same day: Hard (the encounter graded again).
        p.record_study_check(r, question(2), text("x"), 0.0, false, 3.0, TODAY);
        assert_eq!(card(&p, question(2)).unwrap().grade, Grade::Again);
        p.record_study_check(r, question(2), text("y"), 1.0, false, 4.0, TODAY);

        let wrong = card(&p, question(0)).unwrap();
        assert_eq!(
            (wrong.grade, wrong.due, wrong.reps),
            (Grade::Again, TODAY.plus(1), 1)
        );
        let hinted = card(&p, question(1)).unwrap();
        assert_eq!((hinted.grade, hinted.due), (Grade::Good, TODAY.plus(3)));
        assert!(p.answer(r, question(1)).unwrap().hinted);
        let retried = card(&p, question(2)).unwrap();
        assert_eq!(
            (retried.grade, retried.due, retried.reps),
            (Grade::Hard, TODAY.plus(2), 1)
        );
        assert_eq!(retried.reviewed_at, 4.0);
    }

    #[test]
    fn later_study_never_moves_a_scheduled_review() {
        let mut p = Progress::new();
        let r = &essay().id;
        p.record_study_check(r, question(0), text("x"), 0.0, false, 1.0, TODAY);
        let before = card(&p, question(0)).unwrap().clone();
        // The next day, answered again in free study (or practice), right.
        p.record_study_check(r, question(0), text("y"), 1.0, false, 2.0, TODAY.plus(1));
        assert_eq!(card(&p, question(0)), Some(&before));
        // Answered right first time long ago, wrong today: now it is missed.
        p.record_study_check(r, question(1), text("x"), 1.0, false, 3.0, Day(10));
        assert!(card(&p, question(1)).is_none());
        p.record_study_check(r, question(1), text("z"), 0.0, false, 4.0, TODAY);
        assert_eq!(card(&p, question(1)).unwrap().grade, Grade::Again);
    }

    #[test]
    fn reviews_reschedule_further_out_and_lapses_come_back_sooner() {
        let mut p = Progress::new();
        let r = &essay().id;
        let item = Item::Question(question(0).to_string());
        p.record_study_check(r, question(0), text("x"), 0.0, false, 1.0, TODAY);
        let day = TODAY.plus(1);
        let first = p.record_review(r, &item, Grade::Easy, 2.0, day).unwrap();
        assert_eq!((first.reps, first.last_review, first.lapses), (2, day, 0));
        assert!(first.due.days_since(day) > 1, "{first:?}");
        let day = first.due;
        let second = p.record_review(r, &item, Grade::Good, 3.0, day).unwrap();
        assert!(second.due.days_since(day) > first.due.days_since(TODAY.plus(1)));
        let day = second.due;
        let lapse = p.record_review(r, &item, Grade::Again, 4.0, day).unwrap();
        assert_eq!((lapse.lapses, lapse.reps), (1, 4));
        // Forgotten: back much sooner than the interval it had reached.
        let interval = second.due.days_since(first.due);
        assert!(
            lapse.due.days_since(day) < interval / 2,
            "{lapse:?} after {interval}"
        );
        assert!(lapse.stability < second.stability);
        assert_eq!(card(&p, question(0)), Some(&lapse));
        assert_eq!(
            p.record_review(r, &Item::Term("nato".into()), Grade::Good, 5.0, day),
            None
        );
        assert_eq!(p.record_review("other", &item, Grade::Good, 5.0, day), None);
        // A review is not an answer: the first try and the results stay as they were.
        let record = p.answer(r, question(0)).unwrap();
        assert_eq!((record.tries, record.score), (1, 0.0));
    }

    #[test]
    fn looked_up_terms_are_due_tomorrow() {
        let mut p = Progress::new();
        let r = &essay().id;
        p.look_up_term(r, "nato", 1.0, TODAY);
        let term = |p: &Progress| p.reading(r).unwrap().review.terms["nato"].clone();
        let first = term(&p);
        assert_eq!((first.grade, first.due), (Grade::Again, TODAY.plus(1)));
        p.look_up_term(r, "nato", 2.0, TODAY.plus(5));
        assert_eq!(term(&p), first, "looked up again: unchanged");
        let today = p.reviews_today(READINGS, TODAY.plus(1));
        assert_eq!(today.due.len(), 1);
        assert_eq!(today.due[0].content, DueContent::Term(&essay().glossary[0]));
        assert_eq!(today.due[0].item(), Item::Term("nato".into()));
    }

    #[test]
    fn what_is_due_today_longest_waiting_first() {
        let mut p = Progress::new();
        let r = &essay().id;
        p.record_study_check(r, question(3), text("x"), 0.0, false, 1.0, Day(100));
        p.record_study_check(r, question(1), text("x"), 0.0, false, 1.0, Day(101));
        p.record_study_check(r, question(2), text("x"), 0.0, false, 1.0, Day(101));
        p.look_up_term(r, "taliban", 1.0, Day(101));
        p.record_study_check(r, question(4), text("x"), 0.0, false, 1.0, Day(102));
        // An item whose question the reading no longer has is kept, never shown.
        p.readings
            .get_mut(r.as_ref())
            .unwrap()
            .review
            .questions
            .insert(
                "gone-question".into(),
                ReviewCard::first(Grade::Again, Day(1), 1.0),
            );
        let today = p.reviews_today(READINGS, Day(102));
        let order: Vec<Item> = today.due.iter().map(DueItem::item).collect();
        assert_eq!(
            order,
            [
                Item::Question(question(3).into()),
                Item::Question(question(1).into()),
                Item::Question(question(2).into()),
                Item::Term("taliban".into()),
            ]
        );
        assert_eq!(today.due[0].due, Day(101));
        assert_eq!((today.done, today.held_back), (0, 0));
        assert!(p
            .reading(r)
            .unwrap()
            .review
            .questions
            .contains_key("gone-question"));
        assert!(p.reviews_today(READINGS, Day(100)).due.is_empty());
    }

    #[test]
    fn back_after_weeks_a_daily_cap_not_hundreds() {
        let mut p = Progress::new();
        let r = &essay().id;
        let questions = essay().questions.len();
        assert!(questions > 40, "the essay has {questions} questions");
        for (i, q) in essay().questions.iter().enumerate() {
            p.record_study_check(r, &q.id, text("x"), 0.0, false, i as f64, TODAY);
        }
        // Six weeks later, every one is due; the default cap is 20.
        let later = TODAY.plus(42);
        let today = p.reviews_today(READINGS, later);
        assert_eq!(
            (today.due.len(), today.done, today.held_back),
            (20, 0, questions - 20)
        );
        let first: Vec<Item> = today.due.iter().take(5).map(DueItem::item).collect();
        for item in &first {
            p.record_review(r, item, Grade::Good, 100.0, later);
        }
        let today = p.reviews_today(READINGS, later);
        assert_eq!(
            (today.due.len(), today.done),
            (15, 5),
            "done today counts against the cap"
        );
        assert!(today.due.iter().all(|d| !first.contains(&d.item())));
        // The cap is the student's to set.
        p.settings.reviews_per_day = ReviewsPerDay::Fifty;
        let today = p.reviews_today(READINGS, later);
        let (waiting, room) = (questions - 5, 50 - 5);
        assert_eq!(
            (today.due.len(), today.held_back),
            (waiting.min(room), waiting.saturating_sub(room))
        );
        // The next day the count starts again.
        p.settings.reviews_per_day = ReviewsPerDay::Ten;
        let tomorrow = p.reviews_today(READINGS, later.plus(1));
        assert_eq!((tomorrow.due.len(), tomorrow.done), (10, 0));
    }

    fn assignment(mode: Mode, questions: &[&str]) -> Assignment {
        Assignment {
            id: 0x00c0_ffee,
            title: "Check".into(),
            reading: essay().id.to_string(),
            questions: questions.iter().map(|q| q.to_string()).collect(),
            bank: essay().bank_version(),
            mode,
            shuffle_questions: false,
            shuffle_options: false,
            seed: 1,
            due_minutes: None,
            time_limit_minutes: None,
            extra_time_percent: 0,
            pass_mark: 50,
            student_id_kind: crate::core::assignment::StudentIdKind::NameOnly,
        }
    }

    #[test]
    fn assessments_add_nothing_until_handed_in() {
        let qs = [question(0), question(1), question(2)];
        let set = assignment(Mode::Assessment, &qs);
        let mut p = Progress::new();
        let mut work = AssignmentProgress::new("LA1.x".into(), "Ana".into(), 1.0);
        work.save_response(qs[0], text("wrong"), 0.0, 2.0);
        work.save_response(qs[1], text("right"), 1.0, 3.0);
        // qs[2] left unanswered.
        p.assignments.insert(set.key(), work);
        assert_eq!(p.queue_handed_in(&set, TODAY), 0);
        assert!(
            p.readings.is_empty(),
            "nothing in free study or the queue: {p:?}"
        );
        assert!(p.reviews_today(READINGS, TODAY.plus(30)).due.is_empty());

        p.assignments.get_mut(&set.key()).unwrap().handed_in = Some(HandedIn {
            at: 9.0,
            auto: false,
            code: "LR1.x".into(),
        });
        assert_eq!(p.queue_handed_in(&set, TODAY), 1);
        let missed = card(&p, qs[0]).unwrap().clone();
        assert_eq!(
            (missed.grade, missed.due, missed.reviewed_at),
            (Grade::Again, TODAY.plus(1), 9.0)
        );
        assert!(card(&p, qs[1]).is_none() && card(&p, qs[2]).is_none());
        assert!(
            p.reading(&essay().id).unwrap().answers.is_empty(),
            "results untouched"
        );
        assert_eq!(
            p.queue_handed_in(&set, TODAY.plus(3)),
            0,
            "again: nothing new"
        );
        assert_eq!(card(&p, qs[0]), Some(&missed));
    }

    #[test]
    fn practice_assignments_are_graded_as_free_study_once_handed_in() {
        let qs = [question(0), question(1)];
        let set = assignment(Mode::Practice, &qs);
        let mut p = Progress::new();
        let mut work = AssignmentProgress::new("LA1.x".into(), "Ana".into(), 1.0);
        work.record_check(qs[0], text("a"), 0.0, 2.0);
        work.record_check(qs[0], text("b"), 1.0, 3.0);
        work.record_check(qs[1], text("c"), 1.0, 4.0);
        work.handed_in = Some(HandedIn {
            at: 9.0,
            auto: false,
            code: "LR1.x".into(),
        });
        p.assignments.insert(set.key(), work);
        assert_eq!(p.queue_handed_in(&set, TODAY), 1);
        assert_eq!(card(&p, qs[0]).unwrap().grade, Grade::Hard);
        assert!(card(&p, qs[1]).is_none());
        assert_eq!(
            p.queue_handed_in(&assignment(Mode::Practice, &[]), TODAY),
            0
        );
    }

    #[test]
    fn a_glossary_term_as_a_question() {
        let reading = essay();
        for entry in reading.glossary.iter() {
            let q = term_question(reading, &entry.id, 7).unwrap();
            let Answer::SingleChoice { options } = &q.answer else {
                panic!("single choice");
            };
            assert_eq!(options.len(), TERM_OPTIONS);
            let right: Vec<_> = options.iter().filter(|o| o.correct).collect();
            assert_eq!(right.len(), 1);
            assert_eq!(
                (right[0].id.as_ref(), right[0].text.as_ref()),
                (entry.id.as_ref(), entry.term.as_ref())
            );
            let ids: std::collections::BTreeSet<_> =
                options.iter().map(|o| o.id.as_ref()).collect();
            assert_eq!(ids.len(), TERM_OPTIONS, "no option twice");
            for form in forms(entry) {
                assert!(
                    whole_word_matches(&q.prompt, form).next().is_none(),
                    "{}: the clue gives away {form:?}: {}",
                    entry.id,
                    q.prompt
                );
            }
            for form in forms(entry) {
                assert!(
                    !q.prompt.contains(form),
                    "{}: the clue still holds {form:?}: {}",
                    entry.id,
                    q.prompt
                );
            }
            // Its section is one where the term is used.
            let section = reading.section(&q.section).unwrap();
            let used = section
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .any(|s| {
                    forms(entry)
                        .iter()
                        .any(|f| whole_word_matches(&s.text, f).next().is_some())
                });
            assert!(used, "{} not in {}", entry.id, section.id);
            // The question card's grading takes it as it is.
            let pick = |id: &str| crate::core::grading::grade(&q, &Response::Choice(id.into()));
            assert!(pick(&entry.id).correct);
            let wrong = options.iter().find(|o| !o.correct).unwrap();
            assert!(!pick(&wrong.id).correct);
            assert_eq!(
                term_question(reading, &entry.id, 7),
                Some(q.clone()),
                "same seed, same question"
            );
        }
        // Different seeds give different orders for some term.
        let orders: std::collections::BTreeSet<Vec<String>> = (0..8)
            .map(|seed| {
                let q = term_question(reading, "nato", seed).unwrap();
                let Answer::SingleChoice { options } = q.answer else {
                    unreachable!()
                };
                options.iter().map(|o| o.id.to_string()).collect()
            })
            .collect();
        assert!(orders.len() > 1);
        assert_eq!(term_question(reading, "no-such-term", 1), None);
        // NATO's definition names it in full: blanked out.
        let nato = term_question(reading, "nato", 1).unwrap();
        assert!(
            nato.prompt.contains("The …, a military alliance"),
            "{}",
            nato.prompt
        );
    }
}
