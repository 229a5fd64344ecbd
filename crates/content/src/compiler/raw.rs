//! The shape of the content files as written, before any check. Values that a message may need to
//! point at are `Spanned`, so that each problem is reported at its line and column.

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReading {
    pub id: S<String>,
    pub title: S<String>,
    pub publisher: S<String>,
    pub year: u16,
    pub context: S<String>,
    pub series: Option<S<String>>,
    pub notice: Option<Vec<S<String>>>,
    pub about: S<String>,
    pub source: Option<S<String>>,
    pub credits: Option<S<String>>,
    /// Item-quality warnings stop the build, as errors do.
    pub strict: Option<bool>,
    pub authors: S<Vec<RawAuthor>>,
    pub sections: S<Vec<S<RawSection>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuthor {
    pub name: S<String>,
    pub role: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: S<String>,
    pub heading: S<String>,
    #[serde(default)]
    pub paragraphs: Vec<S<RawParagraph>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParagraph {
    pub id: S<String>,
    #[serde(default)]
    pub sentences: Vec<S<RawSentence>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSentence {
    pub id: S<String>,
    pub text: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossary {
    #[serde(default)]
    pub terms: Vec<S<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: S<String>,
    pub term: S<String>,
    #[serde(default)]
    pub forms: Vec<S<String>>,
    pub definition: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionBank {
    #[serde(default)]
    pub questions: Vec<S<RawQuestion>>,
}

/// Every key any kind of question may have; which ones a question needs depends on its `kind`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S<String>,
    pub section: S<String>,
    pub kind: S<String>,
    pub skill: S<String>,
    pub difficulty: S<String>,
    pub prompt: S<String>,
    pub hint: S<String>,
    pub explanation: S<String>,
    pub evidence: S<Vec<S<String>>>,
    pub options: Option<S<Vec<S<RawChoice>>>>,
    pub answer: Option<S<bool>>,
    pub feedback: Option<S<String>>,
    pub accepted: Option<S<Vec<S<String>>>>,
    pub near_misses: Option<S<Vec<S<RawNearMiss>>>>,
    pub pairs: Option<S<Vec<S<RawPair>>>>,
    pub distractors: Option<S<Vec<S<String>>>>,
    pub items: Option<S<Vec<S<String>>>>,
    pub text: Option<S<String>>,
    /// Part B of a paired evidence question: the id of its Part A.
    pub supports: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: S<String>,
    pub text: S<String>,
    #[serde(default)]
    pub correct: bool,
    pub feedback: Option<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNearMiss {
    pub answer: S<String>,
    pub feedback: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPair {
    pub left: S<String>,
    /// Optional here only so that a missing one gets a clear message.
    pub right: Option<S<String>>,
}

/// `history.toml`: the earlier question banks and the questions retired from them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistory {
    #[serde(default)]
    pub banks: Vec<S<RawBank>>,
    #[serde(default)]
    pub retired: Vec<S<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub version: S<u16>,
    pub questions: S<Vec<S<String>>>,
}
