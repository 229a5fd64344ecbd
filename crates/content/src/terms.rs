//! Finding glossary terms in the text: used by the compiler to check that every term occurs, and
//! by the app to mark the terms where they occur.

use crate::model::GlossaryEntry;
use std::ops::Range;

/// Byte ranges where `form` occurs in `text` as a whole word, with the same capitals.
pub fn whole_word_matches<'a>(
    text: &'a str,
    form: &'a str,
) -> impl Iterator<Item = Range<usize>> + 'a {
    text.match_indices(form)
        .map(move |(start, _)| start..start + form.len())
        .filter(move |range| {
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A stretch of a sentence: plain text, or a glossary term (by index into the glossary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub term: Option<usize>,
}

/// Splits `text` into runs, marking each glossary form found. Where forms overlap, the earlier
/// one wins, and at the same place the longer one ("North Atlantic Treaty Organization" over
/// "North").
pub fn split_into_runs<'a>(text: &'a str, glossary: &[GlossaryEntry]) -> Vec<Run<'a>> {
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for (index, entry) in glossary.iter().enumerate() {
        let forms = std::iter::once(&entry.term).chain(entry.forms.iter());
        for form in forms {
            found.extend(whole_word_matches(text, form).map(|r| (r, index)));
        }
    }
    found.sort_by(|(a, _), (b, _)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));

    let mut runs = Vec::new();
    let mut at = 0;
    for (range, index) in found {
        if range.start < at {
            continue;
        }
        if range.start > at {
            runs.push(Run {
                text: &text[at..range.start],
                term: None,
            });
        }
        runs.push(Run {
            text: &text[range.clone()],
            term: Some(index),
        });
        at = range.end;
    }
    if at < text.len() {
        runs.push(Run {
            text: &text[at..],
            term: None,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn entry(term: &'static str, forms: &'static [Cow<'static, str>]) -> GlossaryEntry {
        GlossaryEntry {
            id: Cow::Borrowed("t"),
            term: Cow::Borrowed(term),
            forms: Cow::Borrowed(forms),
            definition: Cow::Borrowed("d"),
        }
    }

    #[test]
    fn matches_whole_words_only_and_respects_capitals() {
        let text = "NATO and NATOs, nato, pro-NATO.";
        let found: Vec<_> = whole_word_matches(text, "NATO").collect();
        assert_eq!(found, vec![0..4, 26..30]);
    }

    #[test]
    fn runs_cover_the_text_exactly_and_prefer_longer_forms() {
        static FORMS: [Cow<'static, str>; 1] =
            [Cow::Borrowed("North Atlantic Treaty Organization")];
        let glossary = [entry("NATO", &FORMS), entry("North", &[])];
        let text = "the North Atlantic Treaty Organization (NATO) up North";
        let runs = split_into_runs(text, &glossary);
        let joined: String = runs.iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
        let marked: Vec<_> = runs
            .iter()
            .filter_map(|r| r.term.map(|t| (r.text, t)))
            .collect();
        assert_eq!(
            marked,
            vec![
                ("North Atlantic Treaty Organization", 0),
                ("NATO", 0),
                ("North", 1)
            ]
        );
    }
}
