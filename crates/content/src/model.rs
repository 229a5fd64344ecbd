//! The content model: a reading, its sections, paragraphs and sentences, its glossary and its
//! questions.
//!
//! Every text and list is a [`Cow`], so that one set of types serves both sides of the build:
//! the compiler (feature `compiler`) fills them with owned values parsed from `questions/`, and
//! the code it generates fills them with borrowed `'static` literals, so the app starts with the
//! content already in memory and never parses anything that could fail in front of a student.

use std::borrow::Cow;

/// Text that is either a `'static` literal (in the app) or owned (in the compiler).
pub type Text = Cow<'static, str>;
/// A list that is either a `'static` slice (in the app) or owned (in the compiler).
pub type List<T> = Cow<'static, [T]>;

/// One reading: an essay split into sections, with its glossary and question bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Stable id, also the reading's URL segment and its key in stored progress.
    pub id: Text,
    pub title: Text,
    pub authors: List<Author>,
    pub publisher: Text,
    pub year: u16,
    /// Where the reading first appeared (for example the special section it was part of).
    pub context: Text,
    /// The series the reading belongs to, if any.
    pub series: Option<Text>,
    /// Notices that came with the source, such as "Archived Material", one per line.
    pub notice: List<Text>,
    /// One or two sentences for the home screen: what the reading is and why it is studied.
    pub about: Text,
    /// The source's own note on its authors, verbatim, if it has one.
    pub credits: Option<Text>,
    pub sections: List<Section>,
    pub glossary: List<GlossaryEntry>,
    /// The current question bank: what students study and teachers assign, in order.
    pub questions: List<Question>,
    /// Questions no longer asked, kept whole so that assignment links, hand-in codes and result
    /// files made for an earlier bank still open and grade as before. Never studied, practised
    /// or offered for new assignments.
    pub retired: List<Question>,
    /// The earlier banks, oldest first: the question ids each held, in order, as assignment
    /// links name questions by their place in a bank. Empty while the bank is the first.
    pub earlier_banks: List<Bank>,
}

/// A question bank as it was published: its version and its question ids in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    pub version: u16,
    pub questions: List<Text>,
}

/// An author with the role the text gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: Text,
    pub role: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: Text,
    /// A short, student-friendly heading (not part of the original text).
    pub heading: Text,
    pub paragraphs: List<Paragraph>,
}

/// A paragraph of the original text, verbatim: its sentences joined by single spaces.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub id: Text,
    pub sentences: List<Sentence>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub id: Text,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GlossaryEntry {
    pub id: Text,
    pub term: Text,
    /// The spellings to mark in the text (the term itself is always one of them).
    pub forms: List<Text>,
    pub definition: Text,
}

/// What a question trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skill {
    Recall,
    MainIdea,
    Inference,
    AuthorsPurpose,
    Vocabulary,
    Evidence,
    Sequence,
}

impl Skill {
    pub const ALL: [Skill; 7] = [
        Skill::Recall,
        Skill::MainIdea,
        Skill::Inference,
        Skill::AuthorsPurpose,
        Skill::Vocabulary,
        Skill::Evidence,
        Skill::Sequence,
    ];

    /// The spelling used in content files.
    pub fn key(self) -> &'static str {
        match self {
            Skill::Recall => "recall",
            Skill::MainIdea => "main-idea",
            Skill::Inference => "inference",
            Skill::AuthorsPurpose => "authors-purpose",
            Skill::Vocabulary => "vocabulary",
            Skill::Evidence => "evidence",
            Skill::Sequence => "sequence",
        }
    }

    /// The name shown to students and teachers.
    pub fn label(self) -> &'static str {
        match self {
            Skill::Recall => "Recall",
            Skill::MainIdea => "Main idea",
            Skill::Inference => "Inference",
            Skill::AuthorsPurpose => "Author's purpose",
            Skill::Vocabulary => "Vocabulary in context",
            Skill::Evidence => "Finding evidence",
            Skill::Sequence => "Sequence",
        }
    }

    pub fn from_key(key: &str) -> Option<Skill> {
        Skill::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn from_key(key: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: Text,
    /// The section whose text the question is about; it is asked after that section.
    pub section: Text,
    pub prompt: Text,
    pub hint: Text,
    /// Why the answer is right; it quotes or points at the evidence.
    pub explanation: Text,
    /// Ids of the sentences that support the answer ("Show in text" highlights them).
    pub evidence: List<Text>,
    pub skill: Skill,
    pub difficulty: Difficulty,
    pub answer: Answer,
    /// Part B of a paired evidence question: the id of its Part A, the claim question just
    /// before it. Part B asks for the sentence that best supports Part A's answer, and earns
    /// credit only when Part A is fully right (see docs/authoring.md).
    pub supports: Option<Text>,
}

/// The kinds of question, each with what it takes to grade it.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Exactly one option is correct.
    SingleChoice { options: List<Choice> },
    /// One or more options are correct; the student ticks all that apply.
    MultipleSelect { options: List<Choice> },
    /// A statement that is true or false by the text.
    TrueFalse {
        answer: bool,
        /// Shown when the student picks the wrong value.
        feedback: Text,
    },
    /// A typed answer, compared after normalization with each accepted form.
    ShortAnswer {
        accepted: List<Text>,
        /// Tempting wrong answers, each with its own feedback.
        near_misses: List<NearMiss>,
    },
    /// Each left item goes with one right item; `distractors` are extra right items.
    Matching {
        pairs: List<Pair>,
        distractors: List<Text>,
        feedback: Text,
    },
    /// Items to put in order; listed here in the correct order.
    /// (Every kind but choices and short answers carries one `feedback` for a wrong answer.)
    Ordering { items: List<Text>, feedback: Text },
    /// The student picks, from the section's own sentences, those that support the claim in the
    /// prompt. The correct sentences are the question's `evidence`.
    EvidenceSelection { feedback: Text },
    /// A sentence with gaps; `parts` has one more element than `blanks`.
    FillBlank {
        parts: List<Text>,
        blanks: List<Blank>,
        feedback: Text,
    },
}

impl Answer {
    /// The spelling used in content files.
    pub fn kind_key(&self) -> &'static str {
        match self {
            Answer::SingleChoice { .. } => "single",
            Answer::MultipleSelect { .. } => "multiple",
            Answer::TrueFalse { .. } => "true-false",
            Answer::ShortAnswer { .. } => "short",
            Answer::Matching { .. } => "matching",
            Answer::Ordering { .. } => "ordering",
            Answer::EvidenceSelection { .. } => "evidence",
            Answer::FillBlank { .. } => "fill-blank",
        }
    }

    /// The name shown to students and teachers.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Answer::SingleChoice { .. } => "Single choice",
            Answer::MultipleSelect { .. } => "Choose all that apply",
            Answer::TrueFalse { .. } => "True or false",
            Answer::ShortAnswer { .. } => "Short answer",
            Answer::Matching { .. } => "Matching",
            Answer::Ordering { .. } => "Put in order",
            Answer::EvidenceSelection { .. } => "Find the evidence",
            Answer::FillBlank { .. } => "Fill in the blanks",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: Text,
    pub text: Text,
    pub correct: bool,
    /// Shown when the student picks this option and it is wrong (or misses it when right).
    pub feedback: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NearMiss {
    pub answer: Text,
    pub feedback: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub left: Text,
    pub right: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Blank {
    pub accepted: List<Text>,
}

impl Reading {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// A question of the current bank.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// A question of the current bank or a retired one: for assignments made for an earlier
    /// bank, which may still ask retired questions.
    pub fn any_question(&self, id: &str) -> Option<&Question> {
        self.question(id)
            .or_else(|| self.retired.iter().find(|q| q.id == id))
    }

    /// The current bank's version: one after the latest earlier bank, or 1.
    pub fn bank_version(&self) -> u16 {
        self.earlier_banks
            .last()
            .map_or(1, |b| b.version.saturating_add(1))
    }

    /// The question ids of a bank, in order: the current one or an earlier one.
    pub fn bank_ids(&self, version: u16) -> Option<Vec<&str>> {
        if version == self.bank_version() {
            return Some(self.questions.iter().map(|q| q.id.as_ref()).collect());
        }
        self.earlier_banks
            .iter()
            .find(|b| b.version == version)
            .map(|b| b.questions.iter().map(|id| id.as_ref()).collect())
    }

    /// Part B of the pair whose Part A is `part_a`, if it has one.
    pub fn part_b_of(&self, part_a: &str) -> Option<&Question> {
        self.questions
            .iter()
            .chain(self.retired.iter())
            .find(|q| q.supports.as_deref() == Some(part_a))
    }

    /// The questions asked after the given section, in file order.
    pub fn questions_for<'a>(
        &'a self,
        section: &'a str,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.section == section)
    }

    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .flat_map(|p| p.sentences.iter())
    }
}

impl Paragraph {
    /// The paragraph as it stands in the source: its sentences joined by single spaces.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.sentences.iter().map(|s| s.text.as_ref()).collect();
        parts.join(" ")
    }
}
