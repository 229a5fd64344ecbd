//! Highlights and notes in a reading's text, kept with the progress (`readings.<id>.highlights`).
//!
//! A highlight is anchored to sentence ids and character offsets within those sentences
//! ([`Anchor`]), never to the page's layout, so it survives a change of text size, line spacing
//! or screen. It keeps the words it covered ([`Highlight::quote`]): when the content changes,
//! [`resolve`] finds it again where the words still are (in the sentences it named, or moved
//! within the section), and otherwise reports it as [`Placement::Gone`], "no longer in the
//! text": kept and listed, never dropped.
//!
//! Offsets count Unicode scalar values (Rust `char`s); the browser's selections count UTF-16
//! units, which [`char_offset_from_utf16`] and [`utf16_offset`] convert.
//!
//! Notes are plain text, kept and shown exactly as typed. The exports escape them: Markdown
//! with every ASCII punctuation character backslash-escaped, so no note can become markup.
//!
//! Removing a highlight leaves its id in `removed` with the time, so that merging with an older
//! copy (another tab, a backup) does not bring it back; see [`crate::core::merge`].

use crate::core::dates::date_from_ms;
use crate::core::progress::Progress;
use crate::core::slug::slug;
use lectern_content::{Reading, Section, Sentence};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The longest note kept, in characters: about three pages. The note field says so before.
pub const MAX_NOTE_CHARS: usize = 5_000;

/// A highlight's colour. Each has a stable key (stored, and the style sheet's attribute value)
/// and a name a screen reader announces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Colour {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
}

impl Colour {
    pub const ALL: [Colour; 4] = [Colour::Yellow, Colour::Green, Colour::Blue, Colour::Pink];

    pub fn key(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Colour::Yellow => "Yellow",
            Colour::Green => "Green",
            Colour::Blue => "Blue",
            Colour::Pink => "Pink",
        }
    }

    pub fn from_key(key: &str) -> Option<Colour> {
        Colour::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A place in the text: a sentence, and a character offset into it (0 ..= its length).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Anchor {
    pub sentence: String,
    pub offset: u32,
}

/// What the student chose to highlight: from `start` up to (not including) `end`, in one
/// section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Anchor,
    pub end: Anchor,
}

impl Span {
    /// Whole sentences from `first` to `last` (in either order): the keyboard's way to choose
    /// what to highlight, a sentence at a time. `None` unless both are sentences of one section.
    pub fn sentences(reading: &Reading, first: &str, last: &str) -> Option<Span> {
        let (section, a) = locate(reading, first)?;
        let (other, b) = locate(reading, last)?;
        if section.id != other.id {
            return None;
        }
        let sentences = section_sentences(section);
        let (a, b) = (a.min(b), a.max(b));
        Some(Span {
            start: Anchor {
                sentence: sentences[a].id.to_string(),
                offset: 0,
            },
            end: Anchor {
                sentence: sentences[b].id.to_string(),
                offset: char_len(&sentences[b].text),
            },
        })
    }
}

/// A highlight, with its note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    /// The section it was made in (where a highlight no longer in the text is listed).
    pub section: String,
    pub start: Anchor,
    pub end: Anchor,
    /// An unknown colour (from a newer version) reads as the default.
    #[serde(default, deserialize_with = "crate::core::settings::or_default")]
    pub colour: Colour,
    /// Plain text, as typed; left out while empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The words highlighted, as they were: sentences joined by one space.
    pub quote: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: f64,
    /// The latest change of colour or note: merging keeps the later.
    pub updated_at: f64,
}

/// A reading's highlights, by id, and the ids of those removed, with when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Highlights {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, Highlight>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed: BTreeMap<String, f64>,
}

impl Highlights {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.removed.is_empty()
    }
}

/// Why a highlight was not made or changed. Each displays as a message for the student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HighlightError {
    /// The span is not a stretch of one section's text.
    NotInText,
    /// Nothing is selected.
    Empty,
    /// The note is longer than [`MAX_NOTE_CHARS`]; its length.
    NoteTooLong(usize),
    /// No highlight has this id.
    NotFound,
    /// A highlight with this id exists or existed.
    IdTaken,
}

impl fmt::Display for HighlightError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HighlightError::NotInText => write!(
                f,
                "Only the reading's own text can be highlighted, within one section."
            ),
            HighlightError::Empty => write!(f, "Select some words to highlight first."),
            HighlightError::NoteTooLong(chars) => write!(
                f,
                "This note is {chars} characters long; a note can have up to {MAX_NOTE_CHARS}."
            ),
            HighlightError::NotFound => write!(f, "This highlight has been removed."),
            HighlightError::IdTaken => write!(f, "This highlight exists already."),
        }
    }
}

impl std::error::Error for HighlightError {}

fn check_note(note: &str) -> Result<(), HighlightError> {
    match note.chars().count() {
        chars if chars > MAX_NOTE_CHARS => Err(HighlightError::NoteTooLong(chars)),
        _ => Ok(()),
    }
}

impl Progress {
    /// Highlights `span` of `reading` in `colour`, with `note` (may be empty), under `id` (a new
    /// random id from the platform). Refused, changing nothing, if the span is not a non-empty
    /// stretch of one section's text, the note is too long or the id is taken.
    pub fn add_highlight(
        &mut self,
        reading: &Reading,
        id: &str,
        span: &Span,
        colour: Colour,
        note: &str,
        now_ms: f64,
    ) -> Result<(), HighlightError> {
        check_note(note)?;
        let (section, pieces) = pieces_of(reading, &span.start, &span.end)?;
        let highlights = &mut self
            .readings
            .entry(reading.id.to_string())
            .or_default()
            .highlights;
        if highlights.items.contains_key(id) || highlights.removed.contains_key(id) {
            return Err(HighlightError::IdTaken);
        }
        let start = &pieces[0];
        let end = &pieces[pieces.len() - 1];
        highlights.items.insert(
            id.to_string(),
            Highlight {
                section: section.id.to_string(),
                start: Anchor {
                    sentence: start.sentence.id.to_string(),
                    offset: start.start,
                },
                end: Anchor {
                    sentence: end.sentence.id.to_string(),
                    offset: end.end,
                },
                colour,
                note: note.to_string(),
                quote: quote_of(&pieces),
                created_at: now_ms,
                updated_at: now_ms,
            },
        );
        Ok(())
    }

    /// Changes a highlight's colour and note.
    pub fn edit_highlight(
        &mut self,
        reading: &str,
        id: &str,
        colour: Colour,
        note: &str,
        now_ms: f64,
    ) -> Result<(), HighlightError> {
        check_note(note)?;
        let highlight = self
            .readings
            .get_mut(reading)
            .and_then(|r| r.highlights.items.get_mut(id))
            .ok_or(HighlightError::NotFound)?;
        highlight.colour = colour;
        highlight.note = note.to_string();
        highlight.updated_at = now_ms.max(highlight.updated_at);
        Ok(())
    }

    /// Removes a highlight and its note, remembering when, so no older copy brings it back.
    /// Returns whether there was one.
    pub fn remove_highlight(&mut self, reading: &str, id: &str, now_ms: f64) -> bool {
        let Some(highlights) = self.readings.get_mut(reading).map(|r| &mut r.highlights) else {
            return false;
        };
        let Some(highlight) = highlights.items.remove(id) else {
            return false;
        };
        // Never earlier than its last change, so the removal wins over this very copy.
        highlights
            .removed
            .insert(id.to_string(), now_ms.max(highlight.updated_at));
        true
    }
}

/// Where a highlight is in today's text.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement<'a> {
    /// In this section, over these stretches of its sentences, in text order.
    InText {
        section: &'a Section,
        pieces: Vec<Piece<'a>>,
    },
    /// The words it covered are no longer in the text.
    Gone,
}

/// The part of one sentence a highlight covers: characters `start .. end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece<'a> {
    pub sentence: &'a Sentence,
    pub start: u32,
    pub end: u32,
}

/// Finds a highlight in the reading as it is now: at its anchors if the words there are still
/// its quote; else at the occurrence of the quote in the section nearest to where it was;
/// else gone.
pub fn resolve<'a>(reading: &'a Reading, highlight: &Highlight) -> Placement<'a> {
    if let Ok((section, pieces)) = pieces_of(reading, &highlight.start, &highlight.end) {
        if quote_of(&pieces) == highlight.quote {
            return Placement::InText { section, pieces };
        }
    }
    relocate(reading, highlight).unwrap_or(Placement::Gone)
}

/// Searches the quote in the section of the highlight's first sentence (or, if that sentence
/// is gone, the section it was made in).
fn relocate<'a>(reading: &'a Reading, highlight: &Highlight) -> Option<Placement<'a>> {
    if highlight.quote.is_empty() {
        return None;
    }
    let (section, was_at) = match locate(reading, &highlight.start.sentence) {
        Some((section, index)) => (section, Some(index)),
        None => (reading.section(&highlight.section)?, None),
    };
    let sentences = section_sentences(section);
    // The section's text as a highlight quotes it: sentences joined by one space.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(sentences.len());
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(&sentence.text);
    }
    let original = was_at.map_or(0, |i| {
        starts[i] + byte_at(&sentences[i].text, highlight.start.offset)
    });
    let found = text
        .match_indices(highlight.quote.as_str())
        .map(|(at, _)| at)
        .min_by_key(|&at| at.abs_diff(original))?;
    let anchor_at = |byte: usize, is_end: bool| {
        // The sentence holding this byte; an end exactly at a sentence's end stays in it.
        let i = starts
            .iter()
            .rposition(|&s| if is_end { s < byte } else { s <= byte })
            .unwrap_or(0);
        // A quote that began or ended with a space may have matched the space between two
        // sentences: the anchor is then the sentence's end.
        let within = &sentences[i].text[..(byte - starts[i]).min(sentences[i].text.len())];
        Anchor {
            sentence: sentences[i].id.to_string(),
            offset: char_len(within),
        }
    };
    let start = anchor_at(found, false);
    let end = anchor_at(found + highlight.quote.len(), true);
    let (section, pieces) = pieces_of(reading, &start, &end).ok()?;
    Some(Placement::InText { section, pieces })
}

/// The stretches of sentences from `start` to `end`, which must be in one section, in order,
/// within the sentences and not empty. A start at a sentence's very end or an end at a
/// sentence's very beginning is moved across the gap, as selections often land there.
fn pieces_of<'a>(
    reading: &'a Reading,
    start: &Anchor,
    end: &Anchor,
) -> Result<(&'a Section, Vec<Piece<'a>>), HighlightError> {
    let (section, first) = locate(reading, &start.sentence).ok_or(HighlightError::NotInText)?;
    let (other, last) = locate(reading, &end.sentence).ok_or(HighlightError::NotInText)?;
    if section.id != other.id {
        return Err(HighlightError::NotInText);
    }
    let sentences = section_sentences(section);
    let length = |i: usize| char_len(&sentences[i].text);
    if start.offset > length(first) || end.offset > length(last) {
        return Err(HighlightError::NotInText);
    }
    let (mut first, mut from) = (first, start.offset);
    let (mut last, mut to) = (last, end.offset);
    if (first, from) >= (last, to) {
        return Err(if (first, from) == (last, to) {
            HighlightError::Empty
        } else {
            HighlightError::NotInText
        });
    }
    while first < last && from == length(first) {
        first += 1;
        from = 0;
    }
    while last > first && to == 0 {
        last -= 1;
        to = length(last);
    }
    if first == last && from >= to {
        return Err(HighlightError::Empty);
    }
    let pieces = (first..=last)
        .map(|i| Piece {
            sentence: sentences[i],
            start: if i == first { from } else { 0 },
            end: if i == last { to } else { length(i) },
        })
        .filter(|piece| piece.start < piece.end)
        .collect();
    Ok((section, pieces))
}

/// The words of `pieces`, joined by one space.
fn quote_of(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| chars(&p.sentence.text, p.start, p.end))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of a section, in text order.
pub fn section_sentences(section: &Section) -> Vec<&Sentence> {
    section
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter())
        .collect()
}

/// The section holding a sentence, and the sentence's place among the section's sentences.
fn locate<'a>(reading: &'a Reading, sentence: &str) -> Option<(&'a Section, usize)> {
    reading.sections.iter().find_map(|section| {
        section_sentences(section)
            .iter()
            .position(|s| s.id == sentence)
            .map(|i| (section, i))
    })
}

fn char_len(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

/// The byte index of character `offset` (the end, if past it).
fn byte_at(text: &str, offset: u32) -> usize {
    text.char_indices()
        .nth(offset as usize)
        .map_or(text.len(), |(at, _)| at)
}

/// Characters `start .. end` of `text`.
pub fn chars(text: &str, start: u32, end: u32) -> &str {
    &text[byte_at(text, start)..byte_at(text, end)]
}

/// A character offset from a count of UTF-16 units (what the browser's selections count), or
/// `None` if it falls inside a character or past the end.
pub fn char_offset_from_utf16(text: &str, units: usize) -> Option<u32> {
    let mut seen = 0;
    for (count, c) in text.chars().enumerate() {
        if seen == units {
            return u32::try_from(count).ok();
        }
        seen += c.len_utf16();
        if seen > units {
            return None;
        }
    }
    (seen == units).then(|| char_len(text))
}

/// The count of UTF-16 units before character `offset` (the whole text's if past its end).
pub fn utf16_offset(text: &str, offset: u32) -> usize {
    text.chars()
        .take(offset as usize)
        .map(char::len_utf16)
        .sum()
}

/// A highlight as listed in "My notes".
#[derive(Clone, Debug, PartialEq)]
pub struct Listed<'a> {
    pub id: &'a str,
    pub highlight: &'a Highlight,
    pub placement: Placement<'a>,
}

/// Every highlight of a reading in the order of the text (by where it starts, then where it
/// ends); those no longer in the text at the end, oldest first.
pub fn in_text_order<'a>(reading: &'a Reading, highlights: &'a Highlights) -> Vec<Listed<'a>> {
    let position = |sentence: &str| -> Option<(usize, usize)> {
        reading
            .sections
            .iter()
            .enumerate()
            .find_map(|(s, section)| {
                section_sentences(section)
                    .iter()
                    .position(|x| x.id == sentence)
                    .map(|i| (s, i))
            })
    };
    let mut listed: Vec<_> = highlights
        .items
        .iter()
        .map(|(id, highlight)| {
            let placement = resolve(reading, highlight);
            let key = match &placement {
                Placement::InText { pieces, .. } => {
                    let (first, last) = (&pieces[0], &pieces[pieces.len() - 1]);
                    let start = position(&first.sentence.id);
                    let end = position(&last.sentence.id);
                    (0, start, first.start, end, last.end)
                }
                Placement::Gone => (1, None, 0, None, 0),
            };
            let listed = Listed {
                id: id.as_str(),
                highlight,
                placement,
            };
            ((key, highlight.created_at), listed)
        })
        .collect();
    listed.sort_by(|(a, x), (b, y)| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(x.id.cmp(y.id)));
    listed.into_iter().map(|(_, listed)| listed).collect()
}

/// One highlight's part of a sentence, for drawing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark<'a> {
    pub id: &'a str,
    pub colour: Colour,
    pub has_note: bool,
    pub start: u32,
    pub end: u32,
}

/// The marks to draw in each sentence of a section (by sentence id), in the order of
/// [`in_text_order`].
pub fn marks_in_section<'a>(
    reading: &'a Reading,
    section: &str,
    highlights: &'a Highlights,
) -> BTreeMap<&'a str, Vec<Mark<'a>>> {
    let mut marks: BTreeMap<&str, Vec<Mark>> = BTreeMap::new();
    for listed in in_text_order(reading, highlights) {
        let Placement::InText { section: s, pieces } = listed.placement else {
            continue;
        };
        if s.id != section {
            continue;
        }
        for piece in pieces {
            marks
                .entry(piece.sentence.id.as_ref())
                .or_default()
                .push(Mark {
                    id: listed.id,
                    colour: listed.highlight.colour,
                    has_note: !listed.highlight.note.is_empty(),
                    start: piece.start,
                    end: piece.end,
                });
        }
    }
    marks
}

/// A stretch of a sentence and the marks (indices into the marks given) over all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    pub marks: Vec<usize>,
}

/// Cuts characters `0 .. length` at every mark's start and end, so that overlapping highlights
/// can be drawn: each segment lists the marks covering it (none for plain text).
pub fn segments(length: u32, marks: &[Mark]) -> Vec<Segment> {
    let mut cuts: Vec<u32> = vec![0, length];
    for mark in marks {
        cuts.push(mark.start.min(length));
        cuts.push(mark.end.min(length));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            marks: (0..marks.len())
                .filter(|&i| marks[i].start <= w[0] && w[1] <= marks[i].end)
                .collect(),
        })
        .collect()
}

/// Every ASCII punctuation character backslash-escaped, as CommonMark allows for all of them:
/// nothing in the text can open markup, a link, HTML or an entity.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A note as Markdown paragraphs: each line escaped and trimmed (leading spaces would make code
/// blocks), lines kept apart by hard breaks, blank lines starting new paragraphs.
fn note_markdown(note: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in note.lines().map(str::trim) {
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(paragraph) = paragraphs.last_mut() {
            paragraph.push(escape_markdown(line));
        }
    }
    paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\\\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The listed highlights grouped by section heading, in text order; those no longer in the
/// text last, under "No longer in the text".
fn grouped<'a>(listed: &'a [Listed<'a>]) -> Vec<(String, Vec<&'a Listed<'a>>)> {
    let mut groups: Vec<(Option<&str>, String, Vec<&Listed>)> = Vec::new();
    for item in listed {
        let (key, heading) = match &item.placement {
            Placement::InText { section, .. } => {
                (Some(section.id.as_ref()), section.heading.to_string())
            }
            Placement::Gone => (None, "No longer in the text".to_string()),
        };
        match groups.last_mut() {
            Some((last, _, items)) if *last == key => items.push(item),
            _ => groups.push((key, heading, vec![item])),
        }
    }
    groups
        .into_iter()
        .map(|(_, heading, items)| (heading, items))
        .collect()
}

/// "My notes" as Markdown: the reading's title, then per section each highlight's words as a
/// quote, its colour and its note; those no longer in the text last. Everything from the
/// content or the student is escaped.
pub fn export_markdown(reading: &Reading, highlights: &Highlights) -> String {
    let listed = in_text_order(reading, highlights);
    let mut out = format!("# My notes: {}\n", escape_markdown(&reading.title));
    if listed.is_empty() {
        out.push_str("\nNo highlights yet.\n");
    }
    for (heading, items) in grouped(&listed) {
        out.push_str(&format!("\n## {}\n", escape_markdown(&heading)));
        for item in items {
            let h = item.highlight;
            out.push_str(&format!("\n> {}\n\n", escape_markdown(&h.quote)));
            out.push_str(&format!("*{}*\n", h.colour.label()));
            if !h.note.trim().is_empty() {
                out.push_str(&format!("\n{}\n", note_markdown(&h.note)));
            }
        }
    }
    out
}

/// "My notes" as plain text, notes exactly as typed (indented under their highlight).
pub fn export_text(reading: &Reading, highlights: &Highlights) -> String {
    let listed = in_text_order(reading, highlights);
    let mut out = format!("My notes: {}\n", reading.title);
    if listed.is_empty() {
        out.push_str("\nNo highlights yet.\n");
    }
    for (heading, items) in grouped(&listed) {
        out.push_str(&format!(
            "\n{heading}\n{}\n",
            "=".repeat(heading.chars().count())
        ));
        for item in items {
            let h = item.highlight;
            out.push_str(&format!(
                "\n“{}” ({})\n",
                h.quote,
                h.colour.label().to_lowercase()
            ));
            for line in h.note.lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}

/// A file name for an export: `lectern-notes-<reading>-<yyyy-mm-dd>.<md|txt>`; pass the time
/// shifted to the student's time zone to date it by their day.
pub fn export_file_name(reading: &Reading, now_ms: f64, markdown: bool) -> String {
    let (year, month, day) = date_from_ms(now_ms);
    let extension = if markdown { "md" } else { "txt" };
    format!(
        "lectern-notes-{}-{year:04}-{month:02}-{day:02}.{extension}",
        slug(&reading.id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use std::borrow::Cow;

    fn essay() -> &'static Reading {
        &READINGS[0]
    }

    const FIRST: &str = "intriguing-question";
    const SECOND: &str = "collaboration-real";
    /// In the section's next paragraph.
    const THIRD: &str = "three-areas-listed";

    fn at(sentence: &str, offset: u32) -> Anchor {
        Anchor {
            sentence: sentence.into(),
            offset,
        }
    }

    fn span(start: Anchor, end: Anchor) -> Span {
        Span { start, end }
    }

    fn added(p: &mut Progress, id: &str, span: &Span, note: &str) -> Highlight {
        p.add_highlight(essay(), id, span, Colour::Green, note, 10.0)
            .unwrap();
        p.reading(&essay().id).unwrap().highlights.items[id].clone()
    }

    /// The essay with one sentence's text replaced.
    fn edited(sentence: &str, text: &'static str) -> Reading {
        let mut reading = essay().clone();
        for section in reading.sections.to_mut() {
            for paragraph in section.paragraphs.to_mut() {
                for s in paragraph.sentences.to_mut() {
                    if s.id == sentence {
                        s.text = Cow::Borrowed(text);
                    }
                }
            }
        }
        reading
    }

    #[test]
    fn a_highlight_keeps_its_anchors_and_words() {
        let mut p = Progress::new();
        let h = added(&mut p, "a", &span(at(FIRST, 7), at(FIRST, 26)), "why?");
        assert_eq!(h.quote, "the most intriguing");
        assert_eq!((h.section.as_str(), h.note.as_str()), ("question", "why?"));
        assert_eq!((h.start, h.end), (at(FIRST, 7), at(FIRST, 26)));
        // Across sentences and paragraphs: joined by one space.
        let h = added(&mut p, "b", &span(at(SECOND, 125), at(THIRD, 11)), "");
        assert_eq!(h.quote, "risk-taking. Three areas");
        // A start at a sentence's very end, an end at one's very beginning, move inwards.
        let end_of_first = essay().sections[0].paragraphs[0].sentences[0]
            .text
            .chars()
            .count();
        let h = added(
            &mut p,
            "c",
            &span(at(FIRST, end_of_first as u32), at(THIRD, 0)),
            "",
        );
        assert_eq!((h.start, h.end), (at(SECOND, 0), at(SECOND, 137)));
        assert!(h.quote.starts_with("Although") && h.quote.ends_with("risk-taking."));
    }

    #[test]
    fn what_cannot_be_highlighted_is_refused_and_changes_nothing() {
        let mut p = Progress::new();
        let reading = essay();
        let other_section = &reading.sections[1].paragraphs[0].sentences[0].id;
        let cases = [
            (
                span(at("no-such", 0), at(FIRST, 3)),
                HighlightError::NotInText,
            ),
            (
                span(at(FIRST, 0), at(other_section, 3)),
                HighlightError::NotInText,
            ),
            (
                span(at(FIRST, 0), at(FIRST, 10_000)),
                HighlightError::NotInText,
            ),
            (span(at(SECOND, 0), at(FIRST, 3)), HighlightError::NotInText),
            (span(at(FIRST, 5), at(FIRST, 5)), HighlightError::Empty),
            (span(at(FIRST, 5), at(FIRST, 2)), HighlightError::NotInText),
        ];
        for (span, error) in cases {
            let got = p.add_highlight(reading, "x", &span, Colour::Yellow, "", 1.0);
            assert_eq!(got, Err(error), "{span:?}");
        }
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        let ok = span(at(FIRST, 0), at(FIRST, 3));
        assert_eq!(
            p.add_highlight(reading, "x", &ok, Colour::Yellow, &long, 1.0),
            Err(HighlightError::NoteTooLong(MAX_NOTE_CHARS + 1))
        );
        assert_eq!(p, Progress::new(), "nothing changed");
        added(&mut p, "x", &ok, "");
        let taken = p.add_highlight(reading, "x", &ok, Colour::Yellow, "", 1.0);
        assert_eq!(taken, Err(HighlightError::IdTaken));
        p.remove_highlight(&reading.id, "x", 2.0);
        let taken = p.add_highlight(reading, "x", &ok, Colour::Yellow, "", 3.0);
        assert_eq!(
            taken,
            Err(HighlightError::IdTaken),
            "a removed id is never reused"
        );
        for error in [HighlightError::NotInText, HighlightError::NoteTooLong(6000)] {
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn whole_sentences_for_the_keyboard() {
        let s = Span::sentences(essay(), THIRD, FIRST).unwrap();
        assert_eq!(s.start, at(FIRST, 0));
        let third_length = essay().sections[0].paragraphs[1].sentences[0]
            .text
            .chars()
            .count();
        assert_eq!(s.end, at(THIRD, third_length as u32));
        let mut p = Progress::new();
        let h = added(&mut p, "k", &s, "");
        assert!(h.quote.starts_with("One of") && h.quote.ends_with("joint military action."));
        let other_section = &essay().sections[1].paragraphs[0].sentences[0].id;
        assert_eq!(Span::sentences(essay(), FIRST, other_section), None);
        assert_eq!(Span::sentences(essay(), FIRST, "nope"), None);
    }

    #[test]
    fn notes_keep_any_characters_and_edits_and_removals_are_kept() {
        let mut p = Progress::new();
        let note = "<script>alert('x')</script>\n  **bold?** [a](b) # é 🙂 \u{202e}\t&amp;";
        added(&mut p, "a", &span(at(FIRST, 0), at(FIRST, 3)), note);
        let back = Progress::from_json(&p.to_json()).unwrap();
        let r = &essay().id;
        assert_eq!(back.reading(r).unwrap().highlights.items["a"].note, note);
        p.edit_highlight(r, "a", Colour::Pink, "changed", 20.0)
            .unwrap();
        let h = &p.reading(r).unwrap().highlights.items["a"];
        assert_eq!(
            (h.colour, h.note.as_str(), h.updated_at),
            (Colour::Pink, "changed", 20.0)
        );
        assert_eq!(
            p.edit_highlight(r, "zz", Colour::Pink, "", 21.0),
            Err(HighlightError::NotFound)
        );
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        assert!(p.edit_highlight(r, "a", Colour::Pink, &long, 22.0).is_err());
        // Removed with a time no earlier than its last change, even if the clock went back.
        assert!(p.remove_highlight(r, "a", 15.0));
        let highlights = &p.reading(r).unwrap().highlights;
        assert!(highlights.items.is_empty());
        assert_eq!(highlights.removed["a"], 20.0);
        assert!(!p.remove_highlight(r, "a", 30.0));
        assert!(!p.remove_highlight("other", "a", 30.0));
    }

    #[test]
    fn unknown_colours_read_as_the_default() {
        let json = r#"{"section":"question","start":{"sentence":"a","offset":0},"end":{"sentence":"a","offset":1},"colour":"ultraviolet","quote":"O","created_at":1.0,"updated_at":1.0}"#;
        let h: Highlight = serde_json::from_str(json).unwrap();
        assert_eq!((h.colour, h.note.as_str()), (Colour::Yellow, ""));
        for colour in Colour::ALL {
            assert_eq!(Colour::from_key(colour.key()), Some(colour));
            assert!(!colour.label().is_empty());
        }
    }

    #[test]
    fn anchors_follow_the_words_or_say_they_are_gone() {
        let mut p = Progress::new();
        let h = added(&mut p, "a", &span(at(FIRST, 7), at(FIRST, 26)), "");
        let pieces = |placement: Placement| match placement {
            Placement::InText { section, pieces } => {
                assert_eq!(section.id, "question");
                pieces
                    .iter()
                    .map(|p| (p.sentence.id.to_string(), p.start, p.end))
                    .collect::<Vec<_>>()
            }
            Placement::Gone => panic!("gone"),
        };
        assert_eq!(pieces(resolve(essay(), &h)), [(FIRST.to_string(), 7, 26)]);
        // A word added earlier in the sentence: found again where the words are now.
        let moved = edited(
            FIRST,
            "Perhaps one of the most intriguing questions of all.",
        );
        assert_eq!(pieces(resolve(&moved, &h)), [(FIRST.to_string(), 15, 34)]);
        // The words moved into the next sentence: found there.
        let mut elsewhere = edited(FIRST, "One question stands out.");
        let second = &mut elsewhere.sections.to_mut()[0].paragraphs.to_mut()[0]
            .sentences
            .to_mut()[1];
        second.text = Cow::Borrowed("It is the most intriguing one.");
        assert_eq!(
            pieces(resolve(&elsewhere, &h)),
            [(SECOND.to_string(), 6, 25)]
        );
        // The words changed: gone, and still kept in the progress.
        let reworded = edited(FIRST, "One of the most interesting questions.");
        assert_eq!(resolve(&reworded, &h), Placement::Gone);
        let listed = in_text_order(&reworded, &p.reading(&essay().id).unwrap().highlights);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].placement, Placement::Gone);
        // The sentence cut: the quote is searched in the section it was made in.
        let mut cut = essay().clone();
        cut.sections.to_mut()[0].paragraphs.to_mut()[0]
            .sentences
            .to_mut()
            .remove(0);
        assert_eq!(resolve(&cut, &h), Placement::Gone);
    }

    #[test]
    fn notes_are_listed_in_text_order_with_the_gone_last() {
        let mut p = Progress::new();
        let bases = &essay().sections[2].paragraphs[0].sentences[0].id;
        added(
            &mut p,
            "z-later-section",
            &span(at(bases, 0), at(bases, 5)),
            "",
        );
        added(&mut p, "y-third", &span(at(THIRD, 0), at(THIRD, 5)), "");
        added(
            &mut p,
            "x-first-long",
            &span(at(FIRST, 0), at(FIRST, 20)),
            "",
        );
        added(
            &mut p,
            "w-first-short",
            &span(at(FIRST, 0), at(FIRST, 3)),
            "",
        );
        added(
            &mut p,
            "v-first-later",
            &span(at(FIRST, 4), at(FIRST, 6)),
            "",
        );
        let reading = edited(THIRD, "Reworded entirely.");
        let highlights = &p.reading(&essay().id).unwrap().highlights;
        let order: Vec<&str> = in_text_order(&reading, highlights)
            .iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(
            order,
            [
                "w-first-short",
                "x-first-long",
                "v-first-later",
                "z-later-section",
                "y-third"
            ]
        );
    }

    #[test]
    fn marks_and_segments_draw_overlapping_highlights() {
        let mut p = Progress::new();
        added(&mut p, "a", &span(at(FIRST, 0), at(FIRST, 10)), "note");
        added(&mut p, "b", &span(at(FIRST, 5), at(SECOND, 8)), "");
        let highlights = &p.reading(&essay().id).unwrap().highlights;
        let marks = marks_in_section(essay(), "question", highlights);
        assert_eq!(marks.len(), 2);
        let first = &marks[FIRST];
        assert_eq!(first.len(), 2);
        assert_eq!(
            (first[0].id, first[0].start, first[0].end, first[0].has_note),
            ("a", 0, 10, true)
        );
        assert_eq!((first[1].id, first[1].start), ("b", 5));
        assert_eq!((marks[SECOND][0].start, marks[SECOND][0].end), (0, 8));
        assert!(marks_in_section(essay(), "bases", highlights).is_empty());

        let length = first[1].end;
        let cut = segments(length, first);
        let spans: Vec<_> = cut
            .iter()
            .map(|s| (s.start, s.end, s.marks.clone()))
            .collect();
        assert_eq!(
            spans,
            [(0, 5, vec![0]), (5, 10, vec![0, 1]), (10, length, vec![1])]
        );
        assert_eq!(
            segments(4, &[]),
            [Segment {
                start: 0,
                end: 4,
                marks: vec![]
            }]
        );
    }

    #[test]
    fn utf16_offsets_convert() {
        let text = "a é 🙂 b";
        // a, space, é, space, 🙂 (two units), space, b.
        assert_eq!(char_offset_from_utf16(text, 0), Some(0));
        assert_eq!(char_offset_from_utf16(text, 4), Some(4));
        assert_eq!(char_offset_from_utf16(text, 5), None, "inside the emoji");
        assert_eq!(char_offset_from_utf16(text, 6), Some(5));
        assert_eq!(char_offset_from_utf16(text, 8), Some(7));
        assert_eq!(char_offset_from_utf16(text, 9), None);
        assert_eq!(utf16_offset(text, 5), 6);
        assert_eq!(utf16_offset(text, 99), 8);
        for offset in 0..=7 {
            assert_eq!(
                char_offset_from_utf16(text, utf16_offset(text, offset)),
                Some(offset)
            );
        }
    }

    #[test]
    fn markdown_export_escapes_everything_the_student_typed() {
        let mut p = Progress::new();
        let note = "<script>alert(1)</script>\n    **not bold** [link](http://x.y)\n\n# not a heading\n> not a quote\n1. not a list";
        added(&mut p, "a", &span(at(FIRST, 0), at(FIRST, 3)), note);
        added(&mut p, "b", &span(at(THIRD, 0), at(THIRD, 5)), "");
        let highlights = &p.reading(&essay().id).unwrap().highlights;
        let markdown = export_markdown(essay(), highlights);
        assert_eq!(
            markdown,
            "# My notes: Adversaries to Allies\\?\n\
             \n## The big question\n\
             \n> One\n\
             \n*Green*\n\
             \n\\<script\\>alert\\(1\\)\\<\\/script\\>\\\n\
             \\*\\*not bold\\*\\* \\[link\\]\\(http\\:\\/\\/x\\.y\\)\n\
             \n\\# not a heading\\\n\
             \\> not a quote\\\n\
             1\\. not a list\n\
             \n> Three\n\
             \n*Green*\n"
        );
        let text = export_text(essay(), highlights);
        assert!(text.contains("    <script>alert(1)</script>\n"), "{text}");
        assert!(
            text.contains("        **not bold** [link](http://x.y)\n"),
            "as typed: {text}"
        );
        assert!(text.starts_with(
            "My notes: Adversaries to Allies?\n\nThe big question\n================\n"
        ));
        let empty = Highlights::default();
        assert!(export_markdown(essay(), &empty).contains("No highlights yet."));
        assert_eq!(
            export_file_name(essay(), 1_764_288_000_000.0, true),
            "lectern-notes-adversaries-to-allies-2025-11-28.md"
        );
    }

    #[test]
    fn exports_list_what_is_no_longer_in_the_text() {
        let mut p = Progress::new();
        added(&mut p, "a", &span(at(FIRST, 0), at(FIRST, 3)), "kept");
        let reading = edited(FIRST, "Rewritten.");
        let highlights = &p.reading(&essay().id).unwrap().highlights;
        let markdown = export_markdown(&reading, highlights);
        assert!(
            markdown.contains("## No longer in the text\n\n> One\n"),
            "{markdown}"
        );
        assert!(markdown.contains("\nkept\n"));
        assert!(export_text(&reading, highlights).contains("No longer in the text"));
    }
}

/// Property tests: host only, as proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Whether every ASCII punctuation character of `markdown` is escaped by a backslash
    /// (itself escaped, or a hard break at a line's end).
    fn all_escaped(markdown: &str) -> bool {
        let mut chars = markdown.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some(next) if next.is_ascii_punctuation() || next == '\n' => continue,
                    _ => return false,
                }
            }
            if c.is_ascii_punctuation() {
                return false;
            }
        }
        true
    }

    /// The essay with its first two sentences replaced.
    fn rewritten(first: String, second: String) -> Reading {
        let mut reading = crate::content::READINGS[0].clone();
        let sentences = reading.sections.to_mut()[0].paragraphs.to_mut()[0]
            .sentences
            .to_mut();
        sentences[0].text = first.into();
        sentences[1].text = second.into();
        reading
    }

    proptest! {
        /// Whatever a highlight was made on and however the text changed since, resolving it
        /// never panics, and where it is found its words are there.
        #[test]
        fn resolving_never_panics_and_finds_the_words(
            before in ("[a-c ]{1,12}", "[a-c ]{1,12}"),
            after in ("[a-c ]{0,16}", "[a-c ]{0,16}"),
            picks in (any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<bool>()),
        ) {
            let old = rewritten(before.0.clone(), before.1.clone());
            let ids = ["intriguing-question", "collaboration-real"];
            let (a, b, across) = picks;
            let (first, last) = if across { (ids[0], ids[1]) } else { (ids[0], ids[0]) };
            let start = a.index(before.0.chars().count() + 1) as u32;
            let last_length = if across { before.1.chars().count() } else { before.0.chars().count() };
            let end = b.index(last_length + 1) as u32;
            let span = Span {
                start: Anchor { sentence: first.into(), offset: start },
                end: Anchor { sentence: last.into(), offset: end },
            };
            let mut p = Progress::new();
            if p.add_highlight(&old, "h", &span, Colour::Yellow, "", 1.0).is_err() {
                return Ok(());
            }
            let h = p.reading(&old.id).unwrap().highlights.items["h"].clone();
            let new = rewritten(after.0, after.1);
            if let Placement::InText { pieces, .. } = resolve(&new, &h) {
                prop_assert!(!pieces.is_empty());
                let found = quote_of(&pieces);
                prop_assert_eq!(found.trim(), h.quote.trim());
            }
            let unchanged = matches!(resolve(&old, &h), Placement::InText { .. });
            prop_assert!(unchanged, "not found in the text it was made on");
        }

        #[test]
        fn no_note_can_become_markup(note in "\\PC{0,80}|[ \\n*#>`<\\[\\]()!_&\\\\-]{0,40}") {
            let markdown = note_markdown(&note);
            prop_assert!(all_escaped(&markdown), "{markdown:?}");
            for line in markdown.lines() {
                prop_assert!(!line.starts_with(char::is_whitespace), "{markdown:?}");
            }
            // Nothing typed is lost but whitespace at line ends.
            let kept: String = note.chars().filter(|c| !c.is_whitespace()).collect();
            let unescaped: String = markdown
                .replace("\\\n", "")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>();
            let mut restored = String::new();
            let mut chars = unescaped.chars();
            while let Some(c) = chars.next() {
                restored.push(if c == '\\' { chars.next().unwrap_or(c) } else { c });
            }
            prop_assert_eq!(restored, kept);
        }

        #[test]
        fn utf16_round_trips(text in "\\PC{0,30}", pick in any::<prop::sample::Index>()) {
            let length = text.chars().count();
            let offset = pick.index(length + 1) as u32;
            prop_assert_eq!(char_offset_from_utf16(&text, utf16_offset(&text, offset)), Some(offset));
        }
    }
}
