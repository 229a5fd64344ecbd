//! The verbatim check: the reading reproduces its source text, paragraph by paragraph, in order,
//! each exactly once, with not a character changed.

use super::{Diagnostic, SourceFile};
use crate::model::Reading;
use std::ops::Range;

/// The paragraphs of a plain-text source: blocks separated by blank lines, with each line's
/// surrounding spaces removed and the lines of a block joined by one space.
pub fn source_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// The authors' names as a byline: "A", "A and B", "A, B and C".
pub fn byline(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn check(
    reading: &Reading,
    source: &str,
    file: &SourceFile,
    source_span: &Range<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    // What the reading claims to reproduce, in order: (label, text).
    let mut expected: Vec<(String, String)> = reading
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .map(|p| (format!("paragraph `{}`", p.id), p.text()))
        .filter(|(_, text)| !text.is_empty()) // an empty paragraph is reported on its own
        .collect();
    if let Some(credits) = &reading.credits {
        expected.push(("`credits`".to_string(), credits.to_string()));
    }
    let names: Vec<&str> = reading.authors.iter().map(|a| a.name.as_ref()).collect();
    let byline = byline(&names);
    let is_header = |paragraph: &str| {
        paragraph == reading.title
            || paragraph == reading.context
            || paragraph == byline
            || reading.notice.iter().any(|n| n == paragraph)
            || reading
                .series
                .as_ref()
                .is_some_and(|s| paragraph.contains(s.as_ref()))
    };

    let source_paragraphs = source_paragraphs(source);
    let mut next = 0;
    let mut reported = vec![false; expected.len()];
    for (number, paragraph) in source_paragraphs.iter().enumerate() {
        if expected
            .get(next)
            .is_some_and(|(_, text)| text == paragraph)
        {
            next += 1;
        } else if let Some(skip) = expected[next..].iter().position(|(_, t)| t == paragraph) {
            for (index, (label, text)) in expected.iter().enumerate().skip(next).take(skip) {
                if reported[index] {
                    continue;
                }
                let message = if source_paragraphs.contains(text) {
                    format!(
                        "{label} is out of order: the reading has it before paragraph {} of the source (\"{}\"), the source after it",
                        number + 1,
                        excerpt(paragraph, 0)
                    )
                } else {
                    format!("{label} is not in the source")
                };
                errors.push(file.error_at(source_span, message));
            }
            reported[next..next + skip].fill(true);
            next += skip + 1;
        } else if let Some(index) = expected[..next].iter().position(|(_, t)| t == paragraph) {
            if !reported[index] {
                errors.push(file.error_at(
                    source_span,
                    format!(
                        "paragraph {} of the source repeats an earlier one, but the reading has it only once",
                        number + 1
                    ),
                ));
            }
        } else if !is_header(paragraph) {
            let message = match closest(&expected[next..], paragraph) {
                Some(index) => {
                    let (label, text) = &expected[next + index];
                    let message = format!(
                        "{label} differs from paragraph {} of the source: {}",
                        number + 1,
                        first_difference(paragraph, text)
                    );
                    reported[next + index] = true;
                    if index == 0 {
                        next += 1; // it stands in the right place: go on after it
                    }
                    message
                }
                None => format!(
                    "paragraph {} of the source is missing from the reading: \"{}\"",
                    number + 1,
                    excerpt(paragraph, 0)
                ),
            };
            errors.push(file.error_at(source_span, message));
        }
    }
    for (index, (label, text)) in expected.iter().enumerate().skip(next) {
        if reported[index] {
            continue;
        }
        let problem = if source_paragraphs.contains(text) {
            "appears more than once or out of order compared with the source"
        } else {
            "is not in the source"
        };
        errors.push(file.error_at(source_span, format!("{label} {problem}")));
    }
}

/// The index of the expected paragraph sharing the longest beginning with `paragraph`, if any
/// shares at least a few words (otherwise the source paragraph is simply missing).
fn closest(candidates: &[(String, String)], paragraph: &str) -> Option<usize> {
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (common_prefix_len(&c.1, paragraph), i))
        .filter(|(len, _)| *len >= 20)
        .max_by_key(|(len, _)| *len)
        .map(|(_, i)| i)
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8())
}

fn first_difference(source: &str, reading: &str) -> String {
    let at = common_prefix_len(source, reading);
    format!(
        "after \"{}\" the source has \"{}\" but the reading has \"{}\"",
        tail(&source[..at]),
        excerpt(source, at),
        excerpt(reading, at)
    )
}

fn excerpt(text: &str, from: usize) -> String {
    let rest = &text[from..];
    let cut: String = rest.chars().take(40).collect();
    if cut.len() < rest.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn tail(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.len().saturating_sub(30);
    chars[start..].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_blocks_between_blank_lines() {
        let text = "Title\n\nOne line\nwrapped here.\n\n\n  Two.  \n";
        assert_eq!(
            source_paragraphs(text),
            vec!["Title", "One line wrapped here.", "Two."]
        );
    }

    #[test]
    fn byline_joins_names_as_english_does() {
        assert_eq!(byline(&["A"]), "A");
        assert_eq!(byline(&["A", "B"]), "A and B");
        assert_eq!(byline(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn first_difference_names_both_sides() {
        let d = first_difference("ten painful years", "ten long years");
        assert_eq!(
            d,
            "after \"ten \" the source has \"painful years\" but the reading has \"long years\""
        );
    }
}
