//! `reading.toml`: metadata, sections, paragraphs and sentences.

use super::raw::{RawReading, S};
use super::{check_id, check_not_blank, Diagnostic, SourceFile};
use crate::model::{Author, Paragraph, Reading, Section, Sentence};
use std::collections::HashSet;
use std::ops::Range;

/// Where the reading says its source text is: a path relative to its folder, and the key's place.
pub type SourceRef = (String, Range<usize>);

/// The reading, where its source text is, and whether it is `strict`.
pub fn compile(
    file: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Reading, Option<SourceRef>, bool)> {
    let raw: RawReading = match file.parse() {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let mut reading_ids = HashSet::new();
    check_id(file, &raw.id, "reading", &mut reading_ids, errors);
    for (text, what) in [
        (&raw.title, "the title"),
        (&raw.publisher, "the publisher"),
        (&raw.context, "the context"),
        (&raw.about, "`about`"),
    ] {
        check_not_blank(file, text, what, errors);
    }
    if raw.authors.get_ref().is_empty() {
        errors.push(file.error_at(&raw.authors.span(), "a reading needs at least one author"));
    }
    if raw.sections.get_ref().is_empty() {
        errors.push(file.error_at(&raw.sections.span(), "a reading needs at least one section"));
    }

    let mut section_ids = HashSet::new();
    let mut paragraph_ids = HashSet::new();
    let mut sentence_ids = HashSet::new();
    let mut sections = Vec::new();
    for section in raw.sections.get_ref() {
        let s = section.get_ref();
        check_id(file, &s.id, "section", &mut section_ids, errors);
        check_not_blank(file, &s.heading, "the section heading", errors);
        if s.paragraphs.is_empty() {
            errors.push(file.error_at(
                &section.span(),
                format!(
                    "section `{}` is empty: give it at least one paragraph",
                    s.id.get_ref()
                ),
            ));
        }
        let mut paragraphs = Vec::new();
        for paragraph in &s.paragraphs {
            let p = paragraph.get_ref();
            check_id(file, &p.id, "paragraph", &mut paragraph_ids, errors);
            if p.sentences.is_empty() {
                errors.push(file.error_at(
                    &paragraph.span(),
                    format!(
                        "paragraph `{}` is empty: give it at least one sentence",
                        p.id.get_ref()
                    ),
                ));
            }
            let mut sentences = Vec::new();
            for sentence in &p.sentences {
                let t = sentence.get_ref();
                check_id(file, &t.id, "sentence", &mut sentence_ids, errors);
                check_sentence_text(file, &t.text, errors);
                sentences.push(Sentence {
                    id: owned(&t.id),
                    text: owned(&t.text),
                });
            }
            paragraphs.push(Paragraph {
                id: owned(&p.id),
                sentences: sentences.into(),
            });
        }
        sections.push(Section {
            id: owned(&s.id),
            heading: owned(&s.heading),
            paragraphs: paragraphs.into(),
        });
    }

    let source = raw.source.as_ref().map(|s| (s.get_ref().clone(), s.span()));
    let reading = Reading {
        id: owned(&raw.id),
        title: owned(&raw.title),
        authors: raw
            .authors
            .get_ref()
            .iter()
            .map(|a| Author {
                name: owned(&a.name),
                role: owned(&a.role),
            })
            .collect::<Vec<_>>()
            .into(),
        publisher: owned(&raw.publisher),
        year: raw.year,
        context: owned(&raw.context),
        series: raw.series.as_ref().map(owned),
        notice: raw
            .notice
            .iter()
            .flatten()
            .map(owned)
            .collect::<Vec<_>>()
            .into(),
        about: owned(&raw.about),
        credits: raw.credits.as_ref().map(owned),
        sections: sections.into(),
        glossary: Vec::new().into(),
        questions: Vec::new().into(),
        retired: Vec::new().into(),
        earlier_banks: Vec::new().into(),
    };
    Some((reading, source, raw.strict.unwrap_or(false)))
}

/// A sentence is joined to its neighbours by one space, so stray spaces or line breaks at its
/// ends would silently change the paragraph.
fn check_sentence_text(file: &SourceFile, text: &S<String>, errors: &mut Vec<Diagnostic>) {
    let value = text.get_ref();
    if value.trim().is_empty() {
        errors.push(file.error_at(&text.span(), "the sentence is empty"));
    } else if value.trim() != value || value.contains('\n') {
        errors.push(file.error_at(
            &text.span(),
            "the sentence starts or ends with a space or holds a line break: write it on one line, exactly as in the source",
        ));
    }
}

pub(crate) fn owned(s: &S<String>) -> crate::model::Text {
    s.get_ref().clone().into()
}
