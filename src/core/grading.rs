//! Grading a student's [`Response`] to a [`Question`]: a score, the feedback for the mistakes
//! made, and which parts of the response were right.
//!
//! # How each kind of question is scored
//!
//! Every score is between 0 (nothing right) and 1 (fully right); only 1 counts as correct.
//!
//! | kind | score |
//! | --- | --- |
//! | single choice | 1 for the right option, 0 otherwise |
//! | true or false | 1 for the right value, 0 otherwise |
//! | short answer | 1 if the answer matches an accepted form, 0 otherwise |
//! | choose all that apply | (right ticks − wrong ticks) ÷ number of right options, never below 0 |
//! | find the evidence | as "choose all that apply", over the text's sentences; with one right sentence, all or nothing |
//! | matching | pairs matched right ÷ number of pairs |
//! | put in order | items in their right place ÷ number of items |
//! | fill in the blanks | blanks right ÷ number of blanks |
//!
//! Taking a tick off for each wrong tick means that ticking everything earns nothing: with 2 right
//! options out of 5, ticking all 5 scores (2 − 3) ÷ 2, so 0; ticking 1 right and 1 wrong scores
//! (1 − 1) ÷ 2, so 0; ticking just 1 right scores ½.
//!
//! Typed answers (short answers and blanks) are compared with [`close_enough`]: case, spacing,
//! punctuation, accents and a leading article do not matter, and a small typo in a word of 5 or
//! more letters is forgiven, but never in a number or a shorter word (see
//! [`crate::core::normalize`] for the exact rules). A short answer is also compared with the
//! author's tempting wrong answers ("near misses"): one typed exactly (after normalization) is
//! wrong even if it is also one typo away from an accepted form (`Ivanova` when `Ivanov` is
//! accepted); otherwise an accepted form wins over a near miss. An empty answer is never right.
//!
//! # Feedback
//!
//! After a wrong answer the student sees, in the order the question lists them and without
//! repeats: the feedback of each option they got wrong (ticked when wrong, or left unticked when
//! right), the feedback of the near miss their short answer matches, or, for the other kinds, the
//! question's own feedback whenever the score is below 1.
//!
//! # Responses that do not fit
//!
//! A response of another kind than the question (a typed text for a single-choice question), with
//! an option or a right-hand item the question does not have, with a different number of blanks or
//! pairs, or an order that is not an order of the question's items, scores 0 with no feedback and
//! no marks. This happens when stored progress outlives a change to the question; it never panics.
//! (Sentence ids cannot be checked here, as the question does not know its section's sentences:
//! an unknown sentence counts as a wrong pick.)

use crate::core::normalize::{close_enough, normalize};
use crate::core::response::Response;
use lectern_content::{Answer, Blank, Choice, NearMiss, Pair, Question, Text};

/// The result of grading one response.
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// 0.0 ..= 1.0
    pub score: f32,
    /// Fully right (score == 1.0).
    pub correct: bool,
    /// Feedback for the specific mistakes the student made, in the question's order, no repeats;
    /// empty when the answer is right.
    pub feedback: Vec<String>,
    /// Which parts of the response were right, so the view can mark them.
    pub parts: Parts,
}

/// Which parts of a student's response were right.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Parts {
    /// Nothing to mark part by part: a true-or-false or short answer, or a response that did not
    /// fit the question.
    #[default]
    Whole,
    /// Options (single choice, choose all that apply) or sentences (find the evidence), by id.
    Picks {
        /// Ids the student picked and was right to pick, in the order picked.
        right: Vec<String>,
        /// Ids the student picked but should not have, in the order picked.
        wrong: Vec<String>,
        /// Ids the student should have picked but did not, in the question's order.
        missed: Vec<String>,
    },
    /// One mark per position, `true` when right: the pairs in the question's order (matching),
    /// the items in the student's order (ordering), the blanks in order (fill in the blanks).
    Positions(Vec<bool>),
}

impl Parts {
    /// Whether the student was right to pick `id`: `None` if they did not pick it (or the kind
    /// has no picks).
    pub fn picked(&self, id: &str) -> Option<bool> {
        let Parts::Picks { right, wrong, .. } = self else {
            return None;
        };
        if right.iter().any(|r| r == id) {
            Some(true)
        } else if wrong.iter().any(|w| w == id) {
            Some(false)
        } else {
            None
        }
    }

    /// Whether the student's part at `index` was right: `None` past the end, or if the kind has
    /// no positions.
    pub fn at(&self, index: usize) -> Option<bool> {
        match self {
            Parts::Positions(marks) => marks.get(index).copied(),
            _ => None,
        }
    }

    /// The ids the student should have picked but did not.
    pub fn missed(&self) -> &[String] {
        match self {
            Parts::Picks { missed, .. } => missed,
            _ => &[],
        }
    }
}

impl Grade {
    /// A grade with this score (kept within 0..=1), feedback and marks.
    fn new(score: f32, feedback: Vec<String>, parts: Parts) -> Grade {
        let score = if score.is_nan() {
            0.0
        } else {
            score.clamp(0.0, 1.0)
        };
        Grade {
            score,
            correct: score == 1.0,
            feedback,
            parts,
        }
    }

    /// The grade of a response that does not fit its question.
    fn unfit() -> Grade {
        Grade::new(0.0, Vec::new(), Parts::Whole)
    }
}

/// Grades `response` as an answer to `question`; see the [module documentation](self) for the
/// rules.
pub fn grade(question: &Question, response: &Response) -> Grade {
    let graded = match (&question.answer, response) {
        (Answer::SingleChoice { options }, Response::Choice(id)) => single_choice(options, id),
        (Answer::MultipleSelect { options }, Response::Choices(ids)) => {
            multiple_select(options, ids)
        }
        (Answer::TrueFalse { answer, feedback }, Response::TrueFalse(given)) => {
            Some(true_false(*answer, feedback, *given))
        }
        (
            Answer::ShortAnswer {
                accepted,
                near_misses,
            },
            Response::Text(text),
        ) => Some(short_answer(accepted, near_misses, text)),
        (
            Answer::Matching {
                pairs,
                distractors,
                feedback,
            },
            Response::Matching(chosen),
        ) => matching(pairs, distractors, feedback, chosen),
        (Answer::Ordering { items, feedback }, Response::Order(order)) => {
            ordering(items.len(), feedback, order)
        }
        (Answer::EvidenceSelection { feedback }, Response::Sentences(ids)) => {
            Some(evidence(&question.evidence, feedback, ids))
        }
        (
            Answer::FillBlank {
                blanks, feedback, ..
            },
            Response::Blanks(typed),
        ) => fill_blank(blanks, feedback, typed),
        _ => None,
    };
    graded.unwrap_or_else(Grade::unfit)
}

/// The fully right response to `question`, as a student would give it: the right option or
/// options, the first accepted form of each typed answer, the pairs and items in order, the
/// evidence sentences. Used for answer keys and tests; [`grade`] scores it 1.
pub fn correct_response(question: &Question) -> Response {
    match &question.answer {
        Answer::SingleChoice { options } => Response::Choice(
            correct_ids(options)
                .next()
                .map(str::to_string)
                .unwrap_or_default(),
        ),
        Answer::MultipleSelect { options } => {
            Response::Choices(correct_ids(options).map(str::to_string).collect())
        }
        Answer::TrueFalse { answer, .. } => Response::TrueFalse(*answer),
        Answer::ShortAnswer { accepted, .. } => Response::Text(first_typeable(accepted)),
        Answer::Matching { pairs, .. } => {
            Response::Matching(pairs.iter().map(|p| Some(p.right.to_string())).collect())
        }
        Answer::Ordering { items, .. } => Response::Order((0..items.len()).collect()),
        Answer::EvidenceSelection { .. } => {
            Response::Sentences(question.evidence.iter().map(|e| e.to_string()).collect())
        }
        Answer::FillBlank { blanks, .. } => {
            Response::Blanks(blanks.iter().map(|b| first_typeable(&b.accepted)).collect())
        }
    }
}

/// The ids of the right options, in the question's order.
fn correct_ids(options: &[Choice]) -> impl Iterator<Item = &str> {
    options.iter().filter(|o| o.correct).map(|o| o.id.as_ref())
}

/// The first accepted form that is more than punctuation (an empty answer is never right).
fn first_typeable(accepted: &[Text]) -> String {
    accepted
        .iter()
        .find(|a| !normalize(a).is_empty())
        .map(|a| a.to_string())
        .unwrap_or_default()
}

fn single_choice(options: &[Choice], id: &str) -> Option<Grade> {
    let chosen = options.iter().find(|o| o.id == id)?;
    let score = if chosen.correct { 1.0 } else { 0.0 };
    let picked = [id];
    let correct: Vec<&str> = correct_ids(options).collect();
    Some(Grade::new(
        score,
        option_feedback(options, &picked),
        picks_parts(&picked, &correct),
    ))
}

/// `None` if a ticked id is not an option of the question.
fn multiple_select(options: &[Choice], ids: &[String]) -> Option<Grade> {
    let picked = distinct(ids);
    if !picked.iter().all(|id| options.iter().any(|o| o.id == *id)) {
        return None;
    }
    let correct: Vec<&str> = correct_ids(options).collect();
    Some(Grade::new(
        picks_score(&picked, &correct),
        option_feedback(options, &picked),
        picks_parts(&picked, &correct),
    ))
}

fn true_false(answer: bool, feedback: &str, given: bool) -> Grade {
    let right = answer == given;
    Grade::new(
        if right { 1.0 } else { 0.0 },
        feedback_when(!right, feedback),
        Parts::Whole,
    )
}

/// Exact matches come first, so that a near miss the author listed is caught even when it is
/// one typo away from an accepted form (the text says "Ivanov"; "Ivanova" is someone else).
fn short_answer(accepted: &[Text], near_misses: &[NearMiss], text: &str) -> Grade {
    let given = normalize(text);
    if given.is_empty() {
        return short_answer_wrong(None);
    }
    let same = |form: &str| normalize(form) == given;
    let close = |form: &str| close_enough(&given, form);
    if accepted.iter().any(|a| same(a)) {
        return Grade::new(1.0, Vec::new(), Parts::Whole);
    }
    if let Some(miss) = near_misses.iter().find(|n| same(&n.answer)) {
        return short_answer_wrong(Some(miss));
    }
    if accepted.iter().any(|a| close(a)) {
        return Grade::new(1.0, Vec::new(), Parts::Whole);
    }
    short_answer_wrong(near_misses.iter().find(|n| close(&n.answer)))
}

fn short_answer_wrong(near_miss: Option<&NearMiss>) -> Grade {
    let feedback = near_miss
        .map(|n| feedback_when(true, &n.feedback))
        .unwrap_or_default();
    Grade::new(0.0, feedback, Parts::Whole)
}

/// `None` if the number of pairs differs, or a chosen item is not one the question offers.
fn matching(
    pairs: &[Pair],
    distractors: &[Text],
    feedback: &str,
    chosen: &[Option<String>],
) -> Option<Grade> {
    let offered =
        |item: &str| pairs.iter().any(|p| p.right == item) || distractors.iter().any(|d| d == item);
    if chosen.len() != pairs.len() || !chosen.iter().flatten().all(|c| offered(c)) {
        return None;
    }
    let marks = pairs
        .iter()
        .zip(chosen)
        .map(|(pair, choice)| choice.as_deref() == Some(pair.right.as_ref()))
        .collect();
    Some(positions_grade(marks, feedback))
}

/// `order` holds, for each place, the index of the item the student put there; item `i`
/// belongs in place `i`. `None` unless it is an order of exactly the question's items.
fn ordering(items: usize, feedback: &str, order: &[usize]) -> Option<Grade> {
    if !is_permutation(order, items) {
        return None;
    }
    let marks = order
        .iter()
        .enumerate()
        .map(|(place, &item)| place == item)
        .collect();
    Some(positions_grade(marks, feedback))
}

/// Whether `order` holds each of `0..len` exactly once.
fn is_permutation(order: &[usize], len: usize) -> bool {
    let mut seen = vec![false; len];
    order.len() == len
        && order
            .iter()
            .all(|&i| seen.get_mut(i).is_some_and(|s| !std::mem::replace(s, true)))
}

/// `evidence` is the question's list of supporting sentences: the ones to pick.
fn evidence(evidence: &[Text], feedback: &str, ids: &[String]) -> Grade {
    let picked = distinct(ids);
    let correct = distinct(evidence);
    let score = picks_score(&picked, &correct);
    Grade::new(
        score,
        feedback_when(score < 1.0, feedback),
        picks_parts(&picked, &correct),
    )
}

/// `None` if the number of blanks differs.
fn fill_blank(blanks: &[Blank], feedback: &str, typed: &[String]) -> Option<Grade> {
    if typed.len() != blanks.len() {
        return None;
    }
    let marks = blanks
        .iter()
        .zip(typed)
        .map(|(blank, text)| blank_is_right(blank, text))
        .collect();
    Some(positions_grade(marks, feedback))
}

fn blank_is_right(blank: &Blank, text: &str) -> bool {
    let given = normalize(text);
    !given.is_empty() && blank.accepted.iter().any(|a| close_enough(&given, a))
}

/// The grade of a kind scored by positions: the share of right positions.
fn positions_grade(marks: Vec<bool>, feedback: &str) -> Grade {
    let right = marks.iter().filter(|&&m| m).count();
    let score = share(right as f32, marks.len());
    Grade::new(
        score,
        feedback_when(score < 1.0, feedback),
        Parts::Positions(marks),
    )
}

/// (right picks − wrong picks) ÷ number of ids to pick, before the floor at 0 in
/// [`Grade::new`]. Both lists are without repeats.
fn picks_score(picked: &[&str], correct: &[&str]) -> f32 {
    let right = picked.iter().filter(|id| correct.contains(id)).count();
    let wrong = picked.len() - right;
    share(right as f32 - wrong as f32, correct.len())
}

/// `part ÷ whole`. A question with nothing to get right (which the content checks rule out) is
/// fully right when nothing was got wrong.
fn share(part: f32, whole: usize) -> f32 {
    if whole == 0 {
        if part >= 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        part / whole as f32
    }
}

/// The marks for picks, given the ids picked and the ids to pick (in the question's order), both
/// without repeats.
fn picks_parts(picked: &[&str], correct: &[&str]) -> Parts {
    let (right, wrong): (Vec<&str>, Vec<&str>) = picked.iter().partition(|id| correct.contains(id));
    let missed = correct.iter().filter(|id| !picked.contains(id)).copied();
    Parts::Picks {
        right: to_strings(right),
        wrong: to_strings(wrong),
        missed: to_strings(missed),
    }
}

/// The feedback of every option the student got wrong, ticked when wrong or left unticked when
/// right (as the content model documents it), in the question's order, without repeats.
fn option_feedback(options: &[Choice], picked: &[&str]) -> Vec<String> {
    let mut feedback: Vec<String> = Vec::new();
    for option in options {
        let mistaken = picked.contains(&option.id.as_ref()) != option.correct;
        let text = option.feedback.as_deref().filter(|_| mistaken);
        for text in text.into_iter().filter(|t| !t.trim().is_empty()) {
            if !feedback.iter().any(|f| f == text) {
                feedback.push(text.to_string());
            }
        }
    }
    feedback
}

/// `feedback` as a list, if the answer was wrong and the feedback says something.
fn feedback_when(wrong: bool, feedback: &str) -> Vec<String> {
    if wrong && !feedback.trim().is_empty() {
        vec![feedback.to_string()]
    } else {
        Vec::new()
    }
}

/// The ids, each once, in the order first given: ticking an option twice is ticking it once.
fn distinct<S: AsRef<str>>(ids: &[S]) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::with_capacity(ids.len());
    for id in ids.iter().map(AsRef::as_ref) {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

fn to_strings<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    ids.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests;

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
