//! `questions.toml`: the question bank, checked against the reading it belongs to.

use super::fill_blank::parse_fill_blank;
use super::raw::{RawChoice, RawQuestion, RawQuestionBank, S};
use super::reading::owned;
use super::{check_id, check_not_blank, Diagnostic, SourceFile};
use crate::model::{
    Answer, Blank, Choice, Difficulty, NearMiss, Pair, Question, Reading, Skill, Text,
};
use std::collections::HashSet;
use std::ops::Range;

pub const KINDS: [&str; 8] = [
    "single",
    "multiple",
    "true-false",
    "short",
    "matching",
    "ordering",
    "evidence",
    "fill-blank",
];

/// The keys each kind of question may have beyond the common ones.
fn kind_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "single" | "multiple" => &["options"],
        "true-false" => &["answer", "feedback"],
        "short" => &["accepted", "near_misses"],
        "matching" => &["pairs", "distractors", "feedback"],
        "ordering" => &["items", "feedback"],
        "evidence" => &["feedback"],
        "fill-blank" => &["text", "feedback"],
        _ => &[],
    }
}

/// Where the parts of a question are written, for messages about them.
#[derive(Clone, Debug)]
pub struct Spans {
    /// The whole `[[questions]]` table.
    pub table: Range<usize>,
    pub prompt: Range<usize>,
    pub hint: Range<usize>,
    pub explanation: Range<usize>,
    /// Each option's table, in order (choice questions).
    pub options: Vec<Range<usize>>,
}

/// A compiled question with the places of its parts.
pub type Placed = (Question, Spans);

/// Checks every question of a bank; `errors` gets each problem found.
pub fn compile(
    file: &SourceFile,
    reading: &Reading,
    ids: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<Placed>> {
    let raw: RawQuestionBank = match file.parse() {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    Some(compile_list(file, &raw.questions, reading, ids, errors))
}

/// Checks a list of questions (a bank, or the retired questions of `history.toml`), ids unique
/// among `ids`, and pairs (`supports`) within the list.
pub fn compile_list(
    file: &SourceFile,
    raw: &[S<RawQuestion>],
    reading: &Reading,
    ids: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Placed> {
    let mut questions = Vec::new();
    for question in raw {
        check_id(file, &question.get_ref().id, "question", ids, errors);
        let mut check = QuestionCheck {
            file,
            reading,
            raw: question.get_ref(),
            span: question.span(),
            errors: Vec::new(),
        };
        let compiled = check.compile();
        errors.append(&mut check.errors);
        let q = question.get_ref();
        questions.extend(compiled.map(|c| {
            (
                c,
                Spans {
                    table: question.span(),
                    prompt: q.prompt.span(),
                    hint: q.hint.span(),
                    explanation: q.explanation.span(),
                    options: q
                        .options
                        .iter()
                        .flat_map(|o| o.get_ref())
                        .map(|o| o.span())
                        .collect(),
                },
            )
        }));
    }
    check_pairs(file, raw, errors);
    questions
}

/// Part B of a pair (an `evidence` question with `supports`) comes right after its Part A, a
/// claim question of the same section.
fn check_pairs(file: &SourceFile, raw: &[S<RawQuestion>], errors: &mut Vec<Diagnostic>) {
    for (i, question) in raw.iter().enumerate() {
        let q = question.get_ref();
        let Some(supports) = &q.supports else {
            continue;
        };
        let span = supports.span();
        let target = supports.get_ref();
        let mut error = |message: String| errors.push(file.error_at(&span, message));
        if q.kind.get_ref() != "evidence" {
            error(format!(
                "`supports` belongs to Part B of a pair, which is an `evidence` question, not a `{}` one",
                q.kind.get_ref()
            ));
            continue;
        }
        let Some(before) = i.checked_sub(1).map(|j| raw[j].get_ref()) else {
            error(format!(
                "Part B must come right after its Part A: put `{target}` just before this question"
            ));
            continue;
        };
        if !raw.iter().any(|r| r.get_ref().id.get_ref() == target) {
            error(format!(
                "`supports` names `{target}`, which is not a question of this list"
            ));
        } else if before.id.get_ref() != target {
            error(format!(
                "Part B must come right after its Part A: put `{target}` just before this question"
            ));
        } else if before.kind.get_ref() == "evidence" || before.supports.is_some() {
            error(format!(
                "Part A `{target}` must be a claim question, not an `evidence` question or another Part B"
            ));
        } else if before.section.get_ref() != q.section.get_ref() {
            error(format!(
                "Part B must be asked after the same section as its Part A `{target}` (`{}`)",
                before.section.get_ref()
            ));
        }
    }
}

struct QuestionCheck<'a> {
    file: &'a SourceFile,
    reading: &'a Reading,
    raw: &'a RawQuestion,
    /// The whole `[[questions]]` table, for problems that have no key of their own.
    span: Range<usize>,
    errors: Vec<Diagnostic>,
}

impl QuestionCheck<'_> {
    fn error(&mut self, span: &Range<usize>, message: String) {
        self.errors.push(self.file.error_at(span, message));
    }

    fn id(&self) -> &str {
        self.raw.id.get_ref()
    }

    fn compile(&mut self) -> Option<Question> {
        let q = self.raw;
        let section = q.section.get_ref();
        if self.reading.section(section).is_none() {
            self.error(
                &q.section.span(),
                format!("unknown section `{section}` in question `{}`", self.id()),
            );
        }
        for (text, what) in [
            (&q.prompt, "the prompt"),
            (&q.hint, "the hint"),
            (&q.explanation, "the explanation"),
        ] {
            check_not_blank(self.file, text, what, &mut self.errors);
        }
        self.check_evidence();
        let skill = Skill::from_key(q.skill.get_ref());
        if skill.is_none() {
            let known: Vec<&str> = Skill::ALL.iter().map(|s| s.key()).collect();
            self.error(
                &q.skill.span(),
                format!(
                    "unknown skill `{}`: use one of {}",
                    q.skill.get_ref(),
                    known.join(", ")
                ),
            );
        }
        let difficulty = Difficulty::from_key(q.difficulty.get_ref());
        if difficulty.is_none() {
            self.error(
                &q.difficulty.span(),
                format!(
                    "unknown difficulty `{}`: use easy, medium or hard",
                    q.difficulty.get_ref()
                ),
            );
        }
        let answer = self.answer();
        Some(Question {
            id: owned(&q.id),
            section: owned(&q.section),
            prompt: owned(&q.prompt),
            hint: owned(&q.hint),
            explanation: owned(&q.explanation),
            evidence: q
                .evidence
                .get_ref()
                .iter()
                .map(owned)
                .collect::<Vec<_>>()
                .into(),
            skill: skill?,
            difficulty: difficulty?,
            answer: answer?,
            supports: q.supports.as_ref().map(owned),
        })
    }

    fn check_evidence(&mut self) {
        let evidence = &self.raw.evidence;
        if evidence.get_ref().is_empty() {
            let id = self.id().to_string();
            self.error(
                &evidence.span(),
                format!(
                    "question `{id}` has no evidence: name the sentence(s) that support the answer"
                ),
            );
        }
        for sentence in evidence.get_ref() {
            if !self
                .reading
                .sentences()
                .any(|s| s.id == *sentence.get_ref())
            {
                self.error(
                    &sentence.span(),
                    format!(
                        "unknown evidence id `{}`: no sentence has this id",
                        sentence.get_ref()
                    ),
                );
            }
        }
    }

    /// Checks the kind and its keys, and builds the answer.
    fn answer(&mut self) -> Option<Answer> {
        let q = self.raw;
        let kind = q.kind.get_ref().as_str();
        if !KINDS.contains(&kind) {
            self.error(
                &q.kind.span(),
                format!("unknown kind `{kind}`: use one of {}", KINDS.join(", ")),
            );
            return None;
        }
        let present: [(&str, Option<Range<usize>>); 9] = [
            ("options", q.options.as_ref().map(|v| v.span())),
            ("answer", q.answer.as_ref().map(|v| v.span())),
            ("feedback", q.feedback.as_ref().map(|v| v.span())),
            ("accepted", q.accepted.as_ref().map(|v| v.span())),
            ("near_misses", q.near_misses.as_ref().map(|v| v.span())),
            ("pairs", q.pairs.as_ref().map(|v| v.span())),
            ("distractors", q.distractors.as_ref().map(|v| v.span())),
            ("items", q.items.as_ref().map(|v| v.span())),
            ("text", q.text.as_ref().map(|v| v.span())),
        ];
        for (key, span) in &present {
            if let Some(span) = span {
                if !kind_keys(kind).contains(key) {
                    self.error(
                        span,
                        format!("`{key}` does not belong to a `{kind}` question"),
                    );
                }
            }
        }
        match kind {
            "single" | "multiple" => self.choices(kind),
            "true-false" => {
                let answer = self.required(kind, "answer", q.answer.as_ref())?;
                Some(Answer::TrueFalse {
                    answer: *answer.get_ref(),
                    feedback: self.feedback(kind)?,
                })
            }
            "short" => self.short_answer(),
            "matching" => self.matching(),
            "ordering" => self.ordering(),
            "evidence" => self.evidence_selection(),
            _ => self.fill_blank(),
        }
    }

    fn required<'v, T>(&mut self, kind: &str, key: &str, value: Option<&'v T>) -> Option<&'v T> {
        if value.is_none() {
            let span = self.span.clone();
            self.error(
                &span,
                format!("{} `{kind}` question needs `{key}`", article(kind)),
            );
        }
        value
    }

    /// The kind's `feedback` for a wrong answer, which every kind that has one must give.
    fn feedback(&mut self, kind: &str) -> Option<Text> {
        let feedback = self.required(kind, "feedback", self.raw.feedback.as_ref())?;
        check_not_blank(self.file, feedback, "the feedback", &mut self.errors);
        Some(owned(feedback))
    }

    fn choices(&mut self, kind: &str) -> Option<Answer> {
        let options = self.required(kind, "options", self.raw.options.as_ref())?;
        if options.get_ref().len() < 2 {
            self.error(&options.span(), "give at least two options".into());
        }
        let mut ids = HashSet::new();
        for option in options.get_ref() {
            let o = option.get_ref();
            check_id(self.file, &o.id, "option", &mut ids, &mut self.errors);
            check_not_blank(self.file, &o.text, "the option text", &mut self.errors);
            if !o.correct && o.feedback.is_none() {
                self.error(
                    &option.span(),
                    format!(
                        "wrong option `{}` has no feedback: say why a student might pick it and why it is wrong",
                        o.id.get_ref()
                    ),
                );
            }
        }
        let correct = options
            .get_ref()
            .iter()
            .filter(|o| o.get_ref().correct)
            .count();
        match (kind, correct) {
            (_, 0) => self.error(
                &options.span(),
                "no option is marked correct: add `correct = true` to the right one".into(),
            ),
            ("single", n) if n > 1 => self.error(
                &options.span(),
                format!("{n} options are marked correct: a `single` question has exactly one (use kind = \"multiple\" for several)"),
            ),
            _ => {}
        }
        let options: Vec<Choice> = options
            .get_ref()
            .iter()
            .map(|o| choice(o.get_ref()))
            .collect();
        Some(if kind == "single" {
            Answer::SingleChoice {
                options: options.into(),
            }
        } else {
            Answer::MultipleSelect {
                options: options.into(),
            }
        })
    }

    fn short_answer(&mut self) -> Option<Answer> {
        let accepted = self.required("short", "accepted", self.raw.accepted.as_ref())?;
        if accepted.get_ref().is_empty() {
            self.error(
                &accepted.span(),
                "`accepted` is empty: list at least one right answer".into(),
            );
        }
        for answer in accepted.get_ref() {
            check_not_blank(self.file, answer, "an accepted answer", &mut self.errors);
        }
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let mut near_misses = Vec::new();
        for near_miss in self.raw.near_misses.iter().flat_map(|n| n.get_ref()) {
            let n = near_miss.get_ref();
            if accepted
                .get_ref()
                .iter()
                .any(|a| same(a.get_ref(), n.answer.get_ref()))
            {
                self.error(
                    &n.answer.span(),
                    format!("`{}` is both accepted and a near miss", n.answer.get_ref()),
                );
            }
            near_misses.push(NearMiss {
                answer: owned(&n.answer),
                feedback: owned(&n.feedback),
            });
        }
        Some(Answer::ShortAnswer {
            accepted: accepted
                .get_ref()
                .iter()
                .map(owned)
                .collect::<Vec<_>>()
                .into(),
            near_misses: near_misses.into(),
        })
    }

    fn matching(&mut self) -> Option<Answer> {
        let pairs = self.required("matching", "pairs", self.raw.pairs.as_ref())?;
        if pairs.get_ref().len() < 2 {
            self.error(&pairs.span(), "give at least two pairs to match".into());
        }
        let mut lefts = HashSet::new();
        let mut rights = HashSet::new();
        let mut compiled = Vec::new();
        for pair in pairs.get_ref() {
            let p = pair.get_ref();
            if !lefts.insert(p.left.get_ref().clone()) {
                self.error(
                    &p.left.span(),
                    format!("`{}` is listed twice on the left", p.left.get_ref()),
                );
            }
            let Some(right) = &p.right else {
                self.error(
                    &pair.span(),
                    format!(
                        "`{}` is left unmatched: give the pair a `right`",
                        p.left.get_ref()
                    ),
                );
                continue;
            };
            if !rights.insert(right.get_ref().clone()) {
                self.error(
                    &right.span(),
                    format!("`{}` is listed twice on the right", right.get_ref()),
                );
            }
            compiled.push(Pair {
                left: owned(&p.left),
                right: owned(right),
            });
        }
        let mut distractors = Vec::new();
        for distractor in self.raw.distractors.iter().flat_map(|d| d.get_ref()) {
            if rights.contains(distractor.get_ref()) {
                self.error(
                    &distractor.span(),
                    format!(
                        "the distractor `{}` is also a right answer",
                        distractor.get_ref()
                    ),
                );
            }
            distractors.push(owned(distractor));
        }
        Some(Answer::Matching {
            pairs: compiled.into(),
            distractors: distractors.into(),
            feedback: self.feedback("matching")?,
        })
    }

    fn ordering(&mut self) -> Option<Answer> {
        let items = self.required("ordering", "items", self.raw.items.as_ref())?;
        if items.get_ref().len() < 3 {
            self.error(
                &items.span(),
                "give at least three items to put in order".into(),
            );
        }
        let mut seen = HashSet::new();
        for item in items.get_ref() {
            check_not_blank(self.file, item, "an item", &mut self.errors);
            if !seen.insert(item.get_ref().clone()) {
                self.error(
                    &item.span(),
                    format!("`{}` is listed twice", item.get_ref()),
                );
            }
        }
        Some(Answer::Ordering {
            items: items.get_ref().iter().map(owned).collect::<Vec<_>>().into(),
            feedback: self.feedback("ordering")?,
        })
    }

    /// The options of an evidence question are the sentences of its own section.
    fn evidence_selection(&mut self) -> Option<Answer> {
        let section = self.raw.section.get_ref();
        if let Some(section) = self.reading.section(section) {
            let own: HashSet<&str> = section
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .map(|s| s.id.as_ref())
                .collect();
            for sentence in self.raw.evidence.get_ref() {
                let id = sentence.get_ref();
                let known = self.reading.sentences().any(|s| s.id == *id);
                if known && !own.contains(id.as_str()) {
                    self.error(
                        &sentence.span(),
                        format!(
                            "the correct answer `{id}` is not among the options: an `evidence` question's answer must be a sentence of its own section `{}`",
                            section.id
                        ),
                    );
                }
            }
        }
        Some(Answer::EvidenceSelection {
            feedback: self.feedback("evidence")?,
        })
    }

    fn fill_blank(&mut self) -> Option<Answer> {
        let text = self.required("fill-blank", "text", self.raw.text.as_ref())?;
        let feedback = self.feedback("fill-blank");
        match parse_fill_blank(text.get_ref()) {
            Ok((parts, blanks)) => Some(Answer::FillBlank {
                parts: parts.into_iter().map(Text::from).collect::<Vec<_>>().into(),
                blanks: blanks
                    .into_iter()
                    .map(|accepted| Blank {
                        accepted: accepted
                            .into_iter()
                            .map(Text::from)
                            .collect::<Vec<_>>()
                            .into(),
                    })
                    .collect::<Vec<_>>()
                    .into(),
                feedback: feedback?,
            }),
            Err(message) => {
                self.error(&text.span(), message);
                None
            }
        }
    }
}

/// "a" or "an" before a kind's name.
fn article(kind: &str) -> &'static str {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn choice(o: &RawChoice) -> Choice {
    Choice {
        id: owned(&o.id),
        text: owned(&o.text),
        correct: o.correct,
        feedback: o.feedback.as_ref().map(owned),
    }
}
