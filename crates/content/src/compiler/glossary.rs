//! `glossary.toml`: the terms a student may not know, each of which must occur in the text.

use super::raw::RawGlossary;
use super::reading::owned;
use super::{check_id, check_not_blank, Diagnostic, SourceFile};
use crate::model::{GlossaryEntry, Reading};
use crate::terms::whole_word_matches;
use std::collections::HashSet;

pub fn compile(
    file: &SourceFile,
    reading: &Reading,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<GlossaryEntry>> {
    let raw: RawGlossary = match file.parse() {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let sentences: Vec<&str> = reading.sentences().map(|s| s.text.as_ref()).collect();
    let occurs = |form: &str| {
        sentences
            .iter()
            .any(|s| whole_word_matches(s, form).next().is_some())
    };

    let mut ids = HashSet::new();
    let mut entries = Vec::new();
    for term in &raw.terms {
        let t = term.get_ref();
        check_id(file, &t.id, "glossary term", &mut ids, errors);
        check_not_blank(file, &t.definition, "the definition", errors);
        for form in std::iter::once(&t.term).chain(&t.forms) {
            if !occurs(form.get_ref()) {
                errors.push(file.error_at(
                    &form.span(),
                    format!(
                        "the term `{}` does not occur in the text as a whole word with these capitals",
                        form.get_ref()
                    ),
                ));
            }
        }
        entries.push(GlossaryEntry {
            id: owned(&t.id),
            term: owned(&t.term),
            forms: t.forms.iter().map(owned).collect::<Vec<_>>().into(),
            definition: owned(&t.definition),
        });
    }
    Some(entries)
}
