//! The item-quality checks: flaws in how questions are written that let a test-wise student score
//! without reading (an answer pattern, a giveaway, an option no one would pick), or that make a
//! right answer count as wrong. Each has a stable name, used in its messages, in
//! `tests/content/cases/<name>/` and in docs/authoring.md.
//!
//! They run on a reading that has no error, over its current bank only (retired questions are
//! frozen: changing them would change old grades). Most are warnings: a teacher sees them and
//! decides; `strict = true` makes them stop the build. A few are errors, as the app cannot show
//! the question sensibly.
//!
//! Texts are compared as words: lower case, punctuation and spacing ignored, so "U.S.-Russian"
//! is `u s russian` wherever it is written.

use super::questions::Spans;
use super::{Diagnostic, Severity, SourceFile};
use crate::model::{Answer, Choice, Question, Reading, Skill};
use crate::terms::whole_word_matches;
use std::collections::BTreeSet;
use std::ops::Range;

/// The names of every check, in the order docs/authoring.md explains them.
pub const CHECKS: [&str; 19] = [
    TRUE_FALSE_BALANCE,
    LONGEST_OPTION,
    LONG_RIGHT_OPTION,
    ALL_OF_THE_ABOVE,
    ABSOLUTE_WORD,
    GRAMMATICAL_NUMBER,
    KEY_IN_HINT,
    HINT_KEY_WORDS,
    KEY_IN_EXPLANATION,
    GIVES_AWAY_LATER,
    GIVES_AWAY_IN_SECTION,
    GLOSSARY_VOCABULARY,
    MISQUOTE,
    SAME_TEST,
    RECALL_SHARE,
    NUMBER_FORMS,
    PAIR_EVIDENCE,
    DUPLICATE_OPTION,
    PAIR_PROMPT,
];

pub const TRUE_FALSE_BALANCE: &str = "true-false-balance";
pub const LONGEST_OPTION: &str = "longest-option";
pub const LONG_RIGHT_OPTION: &str = "long-right-option";
pub const ALL_OF_THE_ABOVE: &str = "all-of-the-above";
pub const ABSOLUTE_WORD: &str = "absolute-word";
pub const GRAMMATICAL_NUMBER: &str = "grammatical-number";
pub const KEY_IN_HINT: &str = "key-in-hint";
pub const HINT_KEY_WORDS: &str = "hint-key-words";
pub const KEY_IN_EXPLANATION: &str = "key-in-explanation";
pub const GIVES_AWAY_LATER: &str = "gives-away-later";
pub const GIVES_AWAY_IN_SECTION: &str = "gives-away-in-section";
pub const GLOSSARY_VOCABULARY: &str = "glossary-vocabulary";
pub const MISQUOTE: &str = "misquote";
pub const SAME_TEST: &str = "same-test";
pub const RECALL_SHARE: &str = "recall-share";
pub const NUMBER_FORMS: &str = "number-forms";
pub const PAIR_EVIDENCE: &str = "pair-evidence";
pub const DUPLICATE_OPTION: &str = "duplicate-option";
pub const PAIR_PROMPT: &str = "pair-prompt";

/// The share of true statements among a reading's true-or-false questions must lie in this
/// range, once it has [`MIN_TRUE_FALSE`] of them.
pub const TRUE_SHARE: (f64, f64) = (0.30, 0.70);
pub const MIN_TRUE_FALSE: usize = 4;
/// At most this share of single-choice questions may have the right option strictly longest,
/// once a reading has [`MIN_SINGLE`] of them.
pub const MAX_LONGEST_RIGHT: f64 = 0.40;
pub const MIN_SINGLE: usize = 4;
/// A right option longer than this many times the longest wrong one stands out.
pub const MAX_LENGTH_RATIO: f64 = 1.5;
/// At most this share of pure recall, once a reading has [`MIN_FOR_RECALL_SHARE`] questions.
pub const MAX_RECALL: f64 = 0.40;
pub const MIN_FOR_RECALL_SHARE: usize = 10;
/// Quoting this many words in a row of a sentence points at it.
pub const SENTENCE_WINDOW: usize = 6;
/// A quoted passage of this many words or more must be in the text word for word.
pub const MIN_QUOTE_WORDS: usize = 3;
/// A word shorter than this says too little to give an answer away in a hint.
pub const MIN_KEY_WORD: usize = 4;

/// Words that make a statement absolute: a test-wise student's cue that it is wrong.
pub const ABSOLUTE_WORDS: [&str; 18] = [
    "all",
    "always",
    "never",
    "none",
    "only",
    "every",
    "everyone",
    "everything",
    "nothing",
    "nobody",
    "entirely",
    "completely",
    "totally",
    "absolutely",
    "certain",
    "certainly",
    "impossible",
    "forever",
];

/// Words too common to be an answer on their own.
const STOP_WORDS: [&str; 72] = [
    "a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
    "those", "their", "his", "her", "not", "no", "but", "if", "than", "then", "so", "s", "he",
    "she", "they", "will", "would", "can", "could", "may", "might", "must", "should", "has",
    "have", "had", "do", "does", "did", "which", "who", "what", "when", "where", "how", "there",
    "here", "more", "most", "some", "any", "very", "also", "into", "about",
];

/// Runs every check over the current bank. `spans[i]` is where `reading.questions[i]` is
/// written in `file`.
pub fn check(reading: &Reading, spans: &[Spans], file: &SourceFile) -> Vec<Diagnostic> {
    let questions: Vec<Item> = reading
        .questions
        .iter()
        .zip(spans)
        .map(|(question, spans)| Item::new(reading, question, spans))
        .collect();
    let mut c = Checker {
        file,
        found: Vec::new(),
    };
    c.true_false_balance(&questions);
    c.longest_option(&questions);
    c.recall_share(&questions);
    for (i, item) in questions.iter().enumerate() {
        c.options(item);
        c.absolute_words(item);
        c.grammatical_number(item);
        c.key_in_own_texts(item);
        c.glossary_vocabulary(reading, item);
        c.misquotes(reading, item);
        c.number_forms(item);
        for later in &questions[i + 1..] {
            c.gives_away(item, later);
            if later.question.section == item.question.section {
                c.gives_away_in_section(item, later);
            }
            c.same_test(item, later);
        }
        if let Some(before) = i.checked_sub(1).map(|j| &questions[j]) {
            c.pair(before, item);
        }
    }
    c.found
        .sort_by_key(|d| (d.position, d.check.unwrap_or_default()));
    c.found
}

/// A question with what the checks need: its words, keys and places.
struct Item<'a> {
    question: &'a Question,
    spans: &'a Spans,
    /// What a student sees of the question, field by field.
    texts: Vec<Field<'a>>,
    keys: Vec<Key>,
    /// The other forms of a typed answer, of two words or more: a question shown beside this
    /// one must not hold any of them either.
    other_forms: Vec<Key>,
    /// Words that only the answer has: not in the prompt, nor in a wrong option, nor in
    /// another sentence of the section (see [`key_words`]).
    key_words: Vec<String>,
}

/// A text a student sees, where it is written, and its words.
struct Field<'a> {
    name: String,
    span: Range<usize>,
    text: std::borrow::Cow<'a, str>,
    words: Vec<String>,
}

/// The answer of a question, as it could be given away by another text.
enum Key {
    /// A phrase: a right option, the first accepted answer, a blank's first accepted answer.
    Phrase(Vec<String>),
    /// A matching pair: both halves in one text.
    Pair(Vec<String>, Vec<String>),
    /// The right options of a multiple select: all of them in one text.
    All(Vec<Vec<String>>),
    /// An ordering: two or more of its items, in their order.
    Ordered(Vec<Vec<String>>),
    /// An evidence sentence: [`SENTENCE_WINDOW`] of its words in a row.
    Sentence(Vec<String>),
}

impl<'a> Item<'a> {
    fn new(reading: &'a Reading, question: &'a Question, spans: &'a Spans) -> Item<'a> {
        let mut texts = Vec::new();
        let mut add = |name: String, span: &Range<usize>, text: std::borrow::Cow<'a, str>| {
            texts.push(Field {
                name,
                span: span.clone(),
                words: words(&text),
                text,
            })
        };
        add(
            "the prompt".into(),
            &spans.prompt,
            question.prompt.as_ref().into(),
        );
        add(
            "the hint".into(),
            &spans.hint,
            question.hint.as_ref().into(),
        );
        add(
            "the explanation".into(),
            &spans.explanation,
            question.explanation.as_ref().into(),
        );
        let table = &spans.table;
        match &question.answer {
            Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
                for (option, span) in options.iter().zip(&spans.options) {
                    add(
                        format!("option `{}`", option.id),
                        span,
                        option.text.as_ref().into(),
                    );
                    if let Some(feedback) = &option.feedback {
                        add(
                            format!("the feedback of option `{}`", option.id),
                            span,
                            feedback.as_ref().into(),
                        );
                    }
                }
            }
            Answer::TrueFalse { feedback, .. }
            | Answer::EvidenceSelection { feedback }
            | Answer::Ordering { feedback, .. } => {
                add("the feedback".into(), table, feedback.as_ref().into());
            }
            Answer::ShortAnswer { near_misses, .. } => {
                for miss in near_misses.iter() {
                    add(
                        "the feedback of a near miss".into(),
                        table,
                        miss.feedback.as_ref().into(),
                    );
                }
            }
            Answer::Matching { feedback, .. } | Answer::FillBlank { feedback, .. } => {
                add("the feedback".into(), table, feedback.as_ref().into());
            }
        }
        match &question.answer {
            // Each item, and each part of a text with blanks, on its own: the student reads
            // no phrase across two of them.
            Answer::Matching {
                pairs, distractors, ..
            } => {
                let items = pairs
                    .iter()
                    .flat_map(|p| [&p.left, &p.right])
                    .chain(distractors.iter());
                for item in items {
                    add("an item to match".into(), table, item.as_ref().into());
                }
            }
            Answer::Ordering { items, .. } => {
                // Shown shuffled: each item on its own, so no order is read into them.
                for item in items.iter() {
                    add("an item to order".into(), table, item.as_ref().into());
                }
            }
            Answer::FillBlank { parts, .. } => {
                for part in parts.iter() {
                    add("the text with blanks".into(), table, part.as_ref().into());
                }
            }
            _ => {}
        }
        Item {
            question,
            spans,
            texts,
            keys: keys(reading, question),
            other_forms: other_forms(question),
            key_words: key_words(reading, question),
        }
    }

    fn id(&self) -> &str {
        &self.question.id
    }
}

/// The ways the question's answer could be given away.
fn keys(reading: &Reading, question: &Question) -> Vec<Key> {
    let phrase = |text: &str| Some(words(text)).filter(|w| meaningful(w)).map(Key::Phrase);
    match &question.answer {
        // A student sees every option, so one word ("Uzbekistan") met elsewhere says nothing;
        // a right option of two words or more met elsewhere, or all the right options of a
        // multiple select named together, does.
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            let right: Vec<Vec<String>> = options
                .iter()
                .filter(|o| o.correct)
                .map(|o| words(&o.text))
                .collect();
            let mut keys: Vec<Key> = right
                .iter()
                .filter(|w| w.len() >= 2 && meaningful(w))
                .map(|w| Key::Phrase(w.clone()))
                .collect();
            if right.len() >= 2 {
                keys.push(Key::All(right));
            }
            keys
        }
        Answer::TrueFalse { .. } => Vec::new(),
        Answer::ShortAnswer { accepted, .. } => accepted
            .first()
            .and_then(|a| phrase(a))
            .into_iter()
            .collect(),
        Answer::FillBlank { blanks, .. } => blanks
            .iter()
            .filter_map(|b| b.accepted.first().and_then(|a| phrase(a)))
            .collect(),
        Answer::Matching { pairs, .. } => pairs
            .iter()
            .map(|p| Key::Pair(words(&p.left), words(&p.right)))
            .collect(),
        Answer::Ordering { items, .. } => {
            vec![Key::Ordered(items.iter().map(|i| words(i)).collect())]
        }
        Answer::EvidenceSelection { .. } => question
            .evidence
            .iter()
            .filter_map(|id| reading.sentences().find(|s| s.id == *id))
            .map(|s| Key::Sentence(words(&s.text)))
            .collect(),
    }
}

/// The accepted forms of a typed answer after the first (which is among [`keys`]), of two
/// words or more once a leading article is dropped: a place name or a single word is bound to
/// come up again in the questions of its section.
fn other_forms(question: &Question) -> Vec<Key> {
    let lists: Vec<&[crate::model::Text]> = match &question.answer {
        Answer::ShortAnswer { accepted, .. } => vec![accepted],
        Answer::FillBlank { blanks, .. } => blanks.iter().map(|b| &b.accepted[..]).collect(),
        _ => return Vec::new(),
    };
    let mut found: Vec<Vec<String>> = Vec::new();
    for list in lists {
        for form in list.iter().skip(1) {
            let mut w = words(form);
            if matches!(w.first().map(String::as_str), Some("a" | "an" | "the")) {
                w.remove(0);
            }
            if w.len() >= 2 && meaningful(&w) && !found.contains(&w) {
                found.push(w);
            }
        }
    }
    found.into_iter().map(Key::Phrase).collect()
}

/// The words a hint must not use: those of the answer that tell it apart from what the student
/// is shown anyway. For a choice question, the words of the right options that are neither in
/// the prompt nor in a wrong option; for a typed answer, those of its accepted forms that are
/// not in the prompt or the text around the blanks; for an evidence question, those of its
/// sentences that are in no other sentence of the section nor in the prompt. True or false,
/// matching and ordering have none (their answers are not words of their own).
fn key_words(reading: &Reading, question: &Question) -> Vec<String> {
    let shown: BTreeSet<String> = words(&question.prompt).iter().map(|w| stem(w)).collect();
    let content = |text: &str| -> Vec<String> {
        words(text)
            .into_iter()
            .filter(|w| w.chars().count() >= MIN_KEY_WORD && !STOP_WORDS.contains(&w.as_str()))
            .collect()
    };
    let (answer, others): (Vec<String>, Vec<String>) = match &question.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => (
            options
                .iter()
                .filter(|o| o.correct)
                .flat_map(|o| content(&o.text))
                .collect(),
            options
                .iter()
                .filter(|o| !o.correct)
                .flat_map(|o| words(&o.text))
                .collect(),
        ),
        Answer::ShortAnswer { accepted, .. } => (
            accepted.iter().flat_map(|a| content(a)).collect(),
            Vec::new(),
        ),
        Answer::FillBlank { parts, blanks, .. } => (
            blanks
                .iter()
                .flat_map(|b| b.accepted.iter())
                .flat_map(|a| content(a))
                .collect(),
            parts.iter().flat_map(|p| words(p)).collect(),
        ),
        Answer::EvidenceSelection { .. } => {
            let section: Vec<&crate::model::Sentence> = reading
                .section(&question.section)
                .into_iter()
                .flat_map(|s| s.paragraphs.iter())
                .flat_map(|p| p.sentences.iter())
                .collect();
            let is_key = |id: &str| question.evidence.iter().any(|e| e == id);
            (
                section
                    .iter()
                    .filter(|s| is_key(&s.id))
                    .flat_map(|s| content(&s.text))
                    .collect(),
                section
                    .iter()
                    .filter(|s| !is_key(&s.id))
                    .flat_map(|s| words(&s.text))
                    .collect(),
            )
        }
        Answer::TrueFalse { .. } | Answer::Matching { .. } | Answer::Ordering { .. } => {
            return Vec::new()
        }
    };
    let others: BTreeSet<String> = others.iter().map(|w| stem(w)).collect();
    let mut found: Vec<String> = Vec::new();
    for word in answer {
        let s = stem(&word);
        if !shown.contains(&s) && !others.contains(&s) && !found.iter().any(|f| stem(f) == s) {
            found.push(word);
        }
    }
    found
}

/// A word without the endings that make "perceived", "perceives" and "perceiving" one word to a
/// reader: -s, -es, -ed, -ing, -ly, when four letters or more remain.
fn stem(word: &str) -> String {
    for ending in ["ing", "ed", "es", "ly", "s"] {
        if let Some(rest) = word.strip_suffix(ending) {
            if rest.chars().count() >= MIN_KEY_WORD {
                return rest.to_string();
            }
        }
    }
    word.to_string()
}

impl Key {
    /// What of the key `text` contains, as the student would read it, if it gives the key away.
    fn found_in(&self, text: &[String]) -> Option<String> {
        match self {
            Key::Phrase(phrase) => find(text, phrase).map(|_| phrase.join(" ")),
            Key::Pair(left, right) => (find(text, left).is_some() && find(text, right).is_some())
                .then(|| format!("{} → {}", left.join(" "), right.join(" "))),
            Key::All(parts) => parts
                .iter()
                .all(|part| find(text, part).is_some())
                .then(|| {
                    parts
                        .iter()
                        .map(|p| p.join(" "))
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            Key::Ordered(items) => {
                let found: Vec<(usize, &Vec<String>)> = items
                    .iter()
                    .filter_map(|item| find(text, item).map(|at| (at, item)))
                    .collect();
                (found.len() >= 2 && found.windows(2).all(|w| w[0].0 < w[1].0)).then(|| {
                    found
                        .iter()
                        .map(|(_, item)| item.join(" "))
                        .collect::<Vec<_>>()
                        .join(", then ")
                })
            }
            Key::Sentence(sentence) => {
                let window = SENTENCE_WINDOW.min(sentence.len());
                (window > 0)
                    .then(|| sentence.windows(window).find(|w| find(text, w).is_some()))
                    .flatten()
                    .map(|w| w.join(" "))
            }
        }
    }
}

struct Checker<'f> {
    file: &'f SourceFile,
    found: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn warn(&mut self, span: &Range<usize>, check: &'static str, message: String) {
        self.found
            .push(self.file.finding(span, check, Severity::Warning, message));
    }

    fn line(&self, span: &Range<usize>) -> usize {
        self.file.line_column(span.start).0
    }

    fn true_false_balance(&mut self, questions: &[Item]) {
        let statements: Vec<(&Item, bool)> = questions
            .iter()
            .filter_map(|q| match q.question.answer {
                Answer::TrueFalse { answer, .. } => Some((q, answer)),
                _ => None,
            })
            .collect();
        if statements.len() < MIN_TRUE_FALSE {
            return;
        }
        let true_ones = statements.iter().filter(|(_, answer)| *answer).count();
        let share = true_ones as f64 / statements.len() as f64;
        if share < TRUE_SHARE.0 || share > TRUE_SHARE.1 {
            let first = statements[0].0.spans.table.clone();
            self.warn(
                &first,
                TRUE_FALSE_BALANCE,
                format!(
                    "{true_ones} of {} true-or-false statements ({}) are true: keep the share of true ones between 30 % and 70 %, so that always answering “{}” does not pay",
                    statements.len(),
                    percent(share),
                    if share < TRUE_SHARE.0 { "false" } else { "true" }
                ),
            );
        }
    }

    fn longest_option(&mut self, questions: &[Item]) {
        let singles: Vec<(&Item, bool)> = questions
            .iter()
            .filter_map(|q| match &q.question.answer {
                Answer::SingleChoice { options } => Some((q, right_is_longest(options))),
                _ => None,
            })
            .collect();
        if singles.len() < MIN_SINGLE {
            return;
        }
        let longest = singles.iter().filter(|(_, longest)| *longest).count();
        let share = longest as f64 / singles.len() as f64;
        if share > MAX_LONGEST_RIGHT {
            let first = singles
                .iter()
                .find(|(_, longest)| *longest)
                .map(|(q, _)| q.spans.table.clone())
                .unwrap_or_default();
            self.warn(
                &first,
                LONGEST_OPTION,
                format!(
                    "in {longest} of {} single-choice questions ({}) the right option is the longest: keep it to 40 % or fewer, so that picking the longest option does not pay",
                    singles.len(),
                    percent(share)
                ),
            );
        }
    }

    fn recall_share(&mut self, questions: &[Item]) {
        if questions.len() < MIN_FOR_RECALL_SHARE {
            return;
        }
        let recall = questions
            .iter()
            .filter(|q| q.question.skill == Skill::Recall)
            .count();
        let share = recall as f64 / questions.len() as f64;
        if share > MAX_RECALL {
            let first = questions
                .iter()
                .find(|q| q.question.skill == Skill::Recall)
                .map(|q| q.spans.table.clone())
                .unwrap_or_default();
            self.warn(
                &first,
                RECALL_SHARE,
                format!(
                    "{recall} of {} questions ({}) are pure recall: keep it to 40 % or fewer, and ask for the main idea, inferences, the authors' purpose, the evidence and the structure",
                    questions.len(),
                    percent(share)
                ),
            );
        }
    }

    /// Options: "all of the above" (an error: options are shuffled), the same option twice (an
    /// error), and a right option far longer than the wrong ones.
    fn options(&mut self, item: &Item) {
        let (Answer::SingleChoice { options } | Answer::MultipleSelect { options }) =
            &item.question.answer
        else {
            return;
        };
        let mut seen: Vec<Vec<String>> = Vec::new();
        for (option, span) in options.iter().zip(&item.spans.options) {
            let text = words(&option.text);
            let joined = text.join(" ");
            if joined.contains("of the above")
                || ["all of these", "none of these", "both of these"].contains(&joined.as_str())
            {
                self.found.push(self.file.finding(
                    span,
                    ALL_OF_THE_ABOVE,
                    Severity::Error,
                    format!(
                        "option `{}` is “{}”: options are shown shuffled, so it points at nothing, and it gives the answer away to a test-wise student; write an option of its own",
                        option.id, option.text
                    ),
                ));
            }
            if seen.contains(&text) {
                self.found.push(self.file.finding(
                    span,
                    DUPLICATE_OPTION,
                    Severity::Error,
                    format!(
                        "option `{}` says the same as an earlier option: each option must be different",
                        option.id
                    ),
                ));
            }
            seen.push(text);
        }
        if let Answer::SingleChoice { options } = &item.question.answer {
            let wrong = options
                .iter()
                .filter(|o| !o.correct)
                .map(|o| length(&o.text))
                .max()
                .unwrap_or(0);
            for (option, span) in options.iter().zip(&item.spans.options) {
                let right = length(&option.text);
                if option.correct && wrong > 0 && right as f64 > MAX_LENGTH_RATIO * wrong as f64 {
                    self.warn(
                        span,
                        LONG_RIGHT_OPTION,
                        format!(
                            "the right option `{}` has {right} characters, more than 1.5 × the longest wrong one ({wrong}): give the options a similar length and form",
                            option.id
                        ),
                    );
                }
            }
        }
    }

    fn absolute_words(&mut self, item: &Item) {
        match &item.question.answer {
            Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
                if options
                    .iter()
                    .any(|o| o.correct && absolute(&o.text).is_some())
                {
                    return; // a right option is absolute too: no cue
                }
                for (option, span) in options.iter().zip(&item.spans.options) {
                    if words(&option.text).join(" ").contains("of the above") {
                        continue; // an error of its own
                    }
                    if let Some(word) = absolute(&option.text).filter(|_| !option.correct) {
                        self.warn(
                            span,
                            ABSOLUTE_WORD,
                            format!(
                                "the wrong option `{}` says “{word}”: absolute words tell a test-wise student an option is wrong; write one a skimmer could believe",
                                option.id
                            ),
                        );
                    }
                }
            }
            Answer::TrueFalse { answer: false, .. } => {
                if let Some(word) = absolute(&item.question.prompt) {
                    self.warn(
                        &item.spans.prompt,
                        ABSOLUTE_WORD,
                        format!(
                            "this false statement says “{word}”: absolute words tell a test-wise student a statement is false; make it false in a way only a reader notices"
                        ),
                    );
                }
            }
            _ => {}
        }
    }

    /// The hint never holds the question's own answer; the explanation of a choice question
    /// explains the right option rather than repeating it.
    fn key_in_own_texts(&mut self, item: &Item) {
        let hint = &item.texts[1];
        if let Some(found) = item.keys.iter().find_map(|k| k.found_in(&hint.words)) {
            self.warn(
                &hint.span,
                KEY_IN_HINT,
                format!("the hint gives the answer away: it contains “{found}”"),
            );
        } else {
            let used: Vec<&str> = item
                .key_words
                .iter()
                .filter(|k| hint.words.iter().any(|w| stem(w) == stem(k)))
                .map(String::as_str)
                .collect();
            if !used.is_empty() {
                self.warn(
                    &hint.span,
                    HINT_KEY_WORDS,
                    format!(
                        "the hint uses “{}”, {} of the answer that the prompt does not use: point at where to look and what kind of thing to look for, not at the answer's words",
                        used.join("”, “"),
                        if used.len() == 1 { "a word" } else { "words" }
                    ),
                );
            }
        }
        if let Answer::SingleChoice { options } | Answer::MultipleSelect { options } =
            &item.question.answer
        {
            let explanation = &item.texts[2];
            for option in options.iter().filter(|o| o.correct) {
                let text = words(&option.text);
                if text.len() >= 4 && find(&explanation.words, &text).is_some() {
                    self.warn(
                        &explanation.span,
                        KEY_IN_EXPLANATION,
                        format!(
                            "the explanation repeats the right option `{}` word for word: say why it is right, from the text",
                            option.id
                        ),
                    );
                }
            }
        }
    }

    /// What `earlier` shows a student must not hold the answer of `later`.
    fn gives_away(&mut self, earlier: &Item, later: &Item) {
        for field in &earlier.texts {
            if let Some(found) = later.keys.iter().find_map(|k| k.found_in(&field.words)) {
                let line = self.line(&later.spans.table);
                self.warn(
                    &field.span,
                    GIVES_AWAY_LATER,
                    format!(
                        "{} gives away the answer of `{}` (line {line}), asked later: it contains “{found}”",
                        field.name,
                        later.id()
                    ),
                );
                return;
            }
        }
    }

    /// The questions of a section are shown together, so neither may hold the other's answer
    /// in any of its forms: a later one the earlier one's (any form of two words or more, or
    /// the key that [`Self::gives_away`] looks for, but of two words or more), an earlier one a
    /// later one's other forms (the first is [`Self::gives_away`]'s).
    fn gives_away_in_section(&mut self, earlier: &Item, later: &Item) {
        let several_words = |k: &&Key| match k {
            Key::Phrase(words) => words.len() >= 2,
            _ => true,
        };
        let pairs = [
            (
                later,
                earlier,
                earlier
                    .keys
                    .iter()
                    .chain(&earlier.other_forms)
                    .filter(several_words)
                    .collect::<Vec<_>>(),
            ),
            (earlier, later, later.other_forms.iter().collect::<Vec<_>>()),
        ];
        for (shown, asked, keys) in pairs {
            for field in &shown.texts {
                if let Some(found) = keys.iter().find_map(|k| k.found_in(&field.words)) {
                    let line = self.line(&asked.spans.table);
                    self.warn(
                        &field.span,
                        GIVES_AWAY_IN_SECTION,
                        format!(
                            "{} gives away the answer of `{}` (line {line}), shown with it after the same section: it contains “{found}”",
                            field.name,
                            asked.id()
                        ),
                    );
                    break;
                }
            }
        }
    }

    /// One option (or item to match) written in another grammatical number than the rest
    /// ("Wants …" among "Want …", "See …") tells a test-wise student which subject it goes with.
    fn grammatical_number(&mut self, item: &Item) {
        let (texts, place): (Vec<(String, &str)>, Vec<&Range<usize>>) = match &item.question.answer
        {
            Answer::SingleChoice { options } | Answer::MultipleSelect { options } => (
                options
                    .iter()
                    .map(|o| (format!("option `{}`", o.id), o.text.as_ref()))
                    .collect(),
                item.spans.options.iter().collect(),
            ),
            Answer::Matching {
                pairs, distractors, ..
            } => {
                let rights: Vec<(String, &str)> = pairs
                    .iter()
                    .map(|p| p.right.as_ref())
                    .chain(distractors.iter().map(|d| d.as_ref()))
                    .map(|t| (format!("the item to match “{t}”"), t))
                    .collect();
                let n = rights.len();
                (rights, vec![&item.spans.table; n])
            }
            _ => return,
        };
        let firsts: Vec<String> = texts
            .iter()
            .map(|(_, t)| words(t).into_iter().next().unwrap_or_default())
            .collect();
        if let Some((odd, other)) = odd_number(&firsts) {
            let (name, _) = &texts[odd];
            let span = place.get(odd).copied().unwrap_or(&item.spans.table);
            self.warn(
                span,
                GRAMMATICAL_NUMBER,
                format!(
                    "{name} starts “{}”, in another grammatical number than “{}”: the verb tells a test-wise student which subject it goes with; write every option in the same form",
                    firsts[odd], firsts[other]
                ),
            );
        }
    }

    fn same_test(&mut self, earlier: &Item, later: &Item) {
        let evidence = |q: &Question| -> BTreeSet<String> {
            q.evidence.iter().map(|e| e.to_string()).collect()
        };
        if earlier.question.skill == later.question.skill
            && evidence(earlier.question) == evidence(later.question)
        {
            let line = self.line(&earlier.spans.table);
            self.warn(
                &later.spans.prompt,
                SAME_TEST,
                format!(
                    "tests the same sentence(s) in the same way (skill `{}`) as `{}` (line {line}): ask something else of them, or drop one",
                    later.question.skill.key(),
                    earlier.id()
                ),
            );
        }
    }

    /// A vocabulary question about a word the glossary already explains where the student met
    /// it measures nothing.
    fn glossary_vocabulary(&mut self, reading: &Reading, item: &Item) {
        if item.question.skill != Skill::Vocabulary {
            return;
        }
        // What is tested: the short quoted words of the prompt, and the words to fill in.
        let mut tested: Vec<Vec<String>> = quotes(&item.question.prompt)
            .into_iter()
            .map(|q| words(&q))
            .filter(|w| w.len() <= 3)
            .collect();
        if let Answer::FillBlank { blanks, .. } = &item.question.answer {
            tested.extend(
                blanks
                    .iter()
                    .filter_map(|b| b.accepted.first().map(|a| words(a))),
            );
        }
        let Some(upto) = reading
            .sections
            .iter()
            .position(|s| s.id == item.question.section)
        else {
            return;
        };
        let read_so_far: Vec<&str> = reading.sections[..=upto]
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .flat_map(|p| p.sentences.iter())
            .map(|s| s.text.as_ref())
            .collect();
        for entry in reading.glossary.iter() {
            for form in std::iter::once(&entry.term).chain(entry.forms.iter()) {
                let form_words = words(form);
                let is_tested = tested.iter().any(|t| find(t, &form_words).is_some());
                let marked = read_so_far
                    .iter()
                    .any(|s| whole_word_matches(s, form).next().is_some());
                if is_tested && marked {
                    self.warn(
                        &item.spans.prompt,
                        GLOSSARY_VOCABULARY,
                        format!(
                            "this vocabulary question tests “{form}”, which the glossary already explains where it stands in the text: test a word the glossary leaves to the reader"
                        ),
                    );
                    return;
                }
            }
        }
    }

    /// A quoted passage of three words or more must be in the text word for word (`...` or `…`
    /// marks a cut).
    fn misquotes(&mut self, reading: &Reading, item: &Item) {
        let mut sources: Vec<Vec<String>> = reading
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .map(|p| words(&p.text()))
            .collect();
        sources.extend(reading.credits.iter().map(|c| words(c)));
        sources.push(words(&reading.title));
        sources.push(words(&reading.context));
        sources.extend(reading.series.iter().map(|s| words(s)));
        sources.extend(reading.sections.iter().map(|s| words(&s.heading)));
        for field in &item.texts {
            for quote in quotes(&field.text) {
                if words(&quote).len() < MIN_QUOTE_WORDS {
                    continue;
                }
                let verbatim = cut(&quote)
                    .iter()
                    .all(|part| sources.iter().any(|s| find(s, &words(part)).is_some()));
                if !verbatim {
                    self.warn(
                        &field.span,
                        MISQUOTE,
                        format!(
                            "{} quotes ‘{quote}’, which the text does not say word for word: quote it exactly, marking a cut with ...",
                            field.name
                        ),
                    );
                }
            }
        }
    }

    /// A typed answer that is a number is accepted in words and in digits.
    fn number_forms(&mut self, item: &Item) {
        let lists: Vec<Vec<&str>> = match &item.question.answer {
            Answer::ShortAnswer { accepted, .. } => {
                vec![accepted.iter().map(|a| a.as_ref()).collect()]
            }
            Answer::FillBlank { blanks, .. } => blanks
                .iter()
                .map(|b| b.accepted.iter().map(|a| a.as_ref()).collect())
                .collect(),
            _ => return,
        };
        for accepted in lists {
            let forms: Vec<Vec<String>> = accepted.iter().map(|a| words(a)).collect();
            // A number that is the answer, or starts it ("ten years"), not one inside a name
            // or a date ("September 11"), nor one written in several number words.
            let is_number = |w: &String| swap_numbers(std::slice::from_ref(w)) != [w.clone()];
            let starts_with_number = |form: &[String]| {
                form.first().is_some_and(is_number)
                    && form.iter().filter(|w| is_number(w)).count() == 1
                    && !form.iter().any(|w| MONTHS.contains(&w.as_str()))
            };
            for (form, text) in forms.iter().zip(&accepted) {
                if !starts_with_number(form) {
                    continue;
                }
                let other = swap_numbers(form);
                if other != *form && !forms.contains(&other) {
                    self.warn(
                        &item.spans.table,
                        NUMBER_FORMS,
                        format!(
                            "accepts “{text}” but not “{}”: a teacher would accept a number in words and in digits",
                            other.join(" ")
                        ),
                    );
                    return;
                }
            }
        }
    }

    /// Part B's sentence supports Part A's answer, so it is among Part A's evidence; and its
    /// prompt asks for that support.
    fn pair(&mut self, part_a: &Item, part_b: &Item) {
        if part_b.question.supports.as_deref() != Some(part_a.id()) {
            return;
        }
        for sentence in part_b.question.evidence.iter() {
            if !part_a.question.evidence.contains(sentence) {
                self.warn(
                    &part_b.spans.table,
                    PAIR_EVIDENCE,
                    format!(
                        "Part B's answer `{sentence}` is not among the evidence of its Part A `{}`: the sentence that best supports Part A's answer belongs to Part A's evidence",
                        part_a.id()
                    ),
                );
            }
        }
        let prompt = words(&part_b.question.prompt);
        if find(&prompt, &words("supports your answer")).is_none() {
            self.warn(
                &part_b.spans.prompt,
                PAIR_PROMPT,
                "Part B of a pair asks “Which sentence best supports your answer to Part A?” (or names the sentences to choose): a student must know it is about their own answer".into(),
            );
        }
    }
}

/// Verbs whose form shows the number of their subject: (singular, plural).
const NUMBER_PAIRS: [(&str, &str); 4] = [
    ("is", "are"),
    ("was", "were"),
    ("has", "have"),
    ("does", "do"),
];

/// Among the first words of some options, the one whose grammatical number differs from all the
/// others that show one, and one of those others: an auxiliary of the other number ("is" among
/// "are"), or a verb with -s whose bare form starts another option ("wants" against "want").
fn odd_number(firsts: &[String]) -> Option<(usize, usize)> {
    // The number each first word shows, if it shows one: true for singular.
    let number = |i: usize| -> Option<bool> {
        let w = firsts[i].as_str();
        if NUMBER_PAIRS.iter().any(|(s, _)| *s == w) {
            return Some(true);
        }
        if NUMBER_PAIRS.iter().any(|(_, p)| *p == w) {
            return Some(false);
        }
        let bare = |v: &str| firsts.iter().any(|f| f == v);
        if ["es", "s"].iter().any(|e| {
            w.strip_suffix(e)
                .is_some_and(|v| v.chars().count() >= 2 && bare(v))
        }) {
            return Some(true);
        }
        let marked = |f: &String| ["es", "s"].iter().any(|e| f.strip_suffix(e) == Some(w));
        (w.chars().count() >= 2 && firsts.iter().any(marked)).then_some(false)
    };
    let shown: Vec<(usize, bool)> = (0..firsts.len())
        .filter_map(|i| number(i).map(|n| (i, n)))
        .collect();
    let singular: Vec<usize> = shown.iter().filter(|(_, n)| *n).map(|(i, _)| *i).collect();
    let plural: Vec<usize> = shown.iter().filter(|(_, n)| !*n).map(|(i, _)| *i).collect();
    match (singular.as_slice(), plural.as_slice()) {
        ([odd], [other, ..]) | ([other, _, ..], [odd]) => Some((*odd, *other)),
        _ => None,
    }
}

/// Whether the right option is longer, in characters, than every wrong one.
fn right_is_longest(options: &[Choice]) -> bool {
    let right = options
        .iter()
        .filter(|o| o.correct)
        .map(|o| length(&o.text))
        .max()
        .unwrap_or(0);
    options
        .iter()
        .filter(|o| !o.correct)
        .all(|o| length(&o.text) < right)
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as u32)
}

/// The first absolute word of a text, if any.
fn absolute(text: &str) -> Option<&'static str> {
    let text = words(text);
    ABSOLUTE_WORDS
        .iter()
        .copied()
        .filter_map(|word| text.iter().position(|w| w == word).map(|at| (at, word)))
        .min()
        .map(|(_, word)| word)
}

/// A text's words: lower case, split at anything that is not a letter or a digit, except that
/// an apostrophe or a period between two letters or digits joins them, as typed answers are
/// compared (`U.S.` is `us`, `Russia's` is `russias`).
pub fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut joined = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '.' | '\'' | '’') && between {
            continue;
        }
        joined.push(c);
    }
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where `needle` occurs in `haystack` as consecutive words.
fn find(haystack: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A phrase worth looking for: at least four letters, not only common words.
fn meaningful(words: &[String]) -> bool {
    words.iter().map(|w| w.chars().count()).sum::<usize>() >= 4
        && words.iter().any(|w| !STOP_WORDS.contains(&w.as_str()))
}

/// The passages a text quotes from the reading: between ‘ ’ or ' ' used as quotes (an
/// apostrophe inside a word, as in "Russia's", is not one). Double quotes “ ” are left for
/// meanings and made-up examples, which are not the text's words.
pub fn quotes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let word_before = before.is_some_and(|b| b.is_alphanumeric());
        let word_after = after.is_some_and(|a| a.is_alphanumeric());
        let closes = |opener: char| match c {
            '\'' | '’' => (opener == '\'' || opener == '‘') && !word_after,
            _ => false,
        };
        match open {
            Some((start, opener)) if closes(opener) && i > start + 1 => {
                found.push(chars[start + 1..i].iter().collect());
                open = None;
            }
            None if (c == '‘' || (c == '\'' && !word_before))
                && after.is_some_and(|a| !a.is_whitespace()) =>
            {
                open = Some((i, c));
            }
            _ => {}
        }
    }
    found
}

/// The parts of a quote between its cuts (`...`, `…`, `[...]`).
fn cut(quote: &str) -> Vec<String> {
    quote
        .replace("[...]", "…")
        .replace("...", "…")
        .split('…')
        .map(str::trim)
        .filter(|part| !words(part).is_empty())
        .map(str::to_string)
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const NUMBER_WORDS: [(&str, &str); 29] = [
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
];

/// The same words with each number in words written in digits, and each number in digits in
/// words.
fn swap_numbers(form: &[String]) -> Vec<String> {
    form.iter()
        .map(|w| {
            NUMBER_WORDS
                .iter()
                .find_map(|(word, digits)| {
                    if w == word {
                        Some(digits.to_string())
                    } else if w == digits {
                        Some(word.to_string())
                    } else {
                        None
                    }
                })
                .unwrap_or_else(|| w.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<String> {
        words(text)
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            w("U.S.-Russian, cooperation!"),
            ["us", "russian", "cooperation"]
        );
        assert_eq!(w("Russia's own"), ["russias", "own"]);
        assert_eq!(
            find(&w("a golden opportunity to join"), &w("Golden Opportunity")),
            Some(1)
        );
        assert_eq!(find(&w("a golden"), &w("golden opportunity")), None);
    }

    #[test]
    fn quotes_skip_apostrophes() {
        assert_eq!(
            quotes("It says 'Russia's own military assets' and ‘wary’; the authors' view."),
            vec!["Russia's own military assets", "wary"]
        );
        assert_eq!(quotes("“one” and 'two words' end"), vec!["two words"]);
        assert_eq!(quotes("no quote's here"), Vec::<String>::new());
    }

    #[test]
    fn cuts_split_a_quote() {
        assert_eq!(
            cut("Turkmenistan ... is unlikely…to do"),
            vec!["Turkmenistan", "is unlikely", "to do"]
        );
    }

    #[test]
    fn keys_are_found_as_the_student_would_see_them() {
        let pair = Key::Pair(w("Ivanov"), w("Defense Minister"));
        assert!(pair
            .found_in(&w("Defense Minister Sergei B. Ivanov"))
            .is_some());
        assert!(pair.found_in(&w("Ivanov spoke")).is_none());
        let order = Key::Ordered(vec![w("first step"), w("second step"), w("third step")]);
        assert!(order
            .found_in(&w("the first step, then the third step"))
            .is_some());
        assert!(order
            .found_in(&w("the third step came after the first step"))
            .is_none());
        let sentence = Key::Sentence(w(
            "Less subject to Russian influence are major Uzbek military facilities.",
        ));
        assert_eq!(
            sentence.found_in(&w(
                "'major Uzbek military facilities' are less subject to Russian influence"
            )),
            None,
            "five words in a row do not point at the sentence"
        );
        assert!(sentence
            .found_in(&w("'are major Uzbek military facilities.' says"))
            .is_none());
        assert!(sentence
            .found_in(&w("'influence are major Uzbek military facilities'"))
            .is_some());
    }

    #[test]
    fn one_verb_in_another_number_stands_out() {
        let firsts =
            |list: &[&str]| -> Vec<String> { list.iter().map(|w| w.to_string()).collect() };
        // "Wants" among "Want", "See", "Back": only the singular one fits "President Putin".
        assert_eq!(
            odd_number(&firsts(&[
                "back", "wants", "see", "uneasy", "want", "expect"
            ])),
            Some((1, 4))
        );
        assert_eq!(odd_number(&firsts(&["are", "is", "are"])), Some((1, 0)));
        assert_eq!(odd_number(&firsts(&["is", "are", "is"])), Some((1, 0)));
        assert_eq!(
            odd_number(&firsts(&["back", "see", "want", "expect"])),
            None
        );
        assert_eq!(
            odd_number(&firsts(&["is", "is", "are", "are"])),
            None,
            "two of each: no odd one"
        );
        assert_eq!(odd_number(&firsts(&["us", "u"])), None, "“U.S.” is no verb");
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(stem("perceived"), stem("perceives"));
        assert_eq!(stem("mending"), "mend");
        assert_eq!(stem("doubts"), "doubt");
        assert_eq!(stem("ties"), "ties", "too short to cut");
    }

    #[test]
    fn absolute_words_and_numbers() {
        assert_eq!(absolute("Russia will never agree, always"), Some("never"));
        assert_eq!(absolute("Russia agreed in part"), None);
        assert_eq!(absolute("a wall"), None, "whole words only");
        assert_eq!(swap_numbers(&w("ten years")), w("10 years"));
        assert_eq!(swap_numbers(&w("10")), w("ten"));
        assert_eq!(swap_numbers(&w("war")), w("war"));
    }
}
