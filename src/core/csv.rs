//! CSV, written and read.
//!
//! Writing: fields quoted when they must be, quotes doubled inside, in two styles. [`Style::Rfc4180`]
//! quotes a field only when it holds the separator, a quote or a line break (the gradebook's own
//! CSV, Canvas). [`Style::Php`] also quotes a field with a space, a tab or a backslash, as PHP's
//! `fputcsv` does: Moodle writes its grade exports with it, and its import reads the same shape.
//!
//! Reading keeps where every cell is in the text ([`Table`]), so that a file can be given back
//! with one column filled and every other byte as it was (a Canvas gradebook export, see
//! `grade_export::canvas`). It reads what spreadsheets and LMSs write: a byte order mark, `,` `;`
//! or tab as separator, quoted cells with doubled quotes and line breaks inside, and CRLF, LF or CR
//! line ends.

use std::ops::Range;

/// How fields are quoted when written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// RFC 4180: quoted when holding the separator, `"`, CR or LF.
    Rfc4180,
    /// PHP's `fputcsv`: also when holding a space, a tab or `\`.
    Php,
}

/// One field as written with `separator`.
pub fn field(text: &str, separator: char, style: Style) -> String {
    let needs_quotes = text.chars().any(|c| {
        c == separator
            || matches!(c, '"' | '\r' | '\n')
            || (style == Style::Php && matches!(c, ' ' | '\t' | '\\'))
    });
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A line of fields, comma-separated, ended by `line_end`.
pub fn line(fields: &[String], style: Style, line_end: &str) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| field(f, ',', style)).collect();
    format!("{}{line_end}", quoted.join(","))
}

/// A cell's text as a spreadsheet should show it: one that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
/// advises against CSV injection.
pub fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A CSV text read with the place of every cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The separator found on the first line: `,`, `;` or a tab.
    pub separator: char,
    /// The rows in order; a blank last line is not a row.
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub cells: Vec<Cell>,
    /// Where the row's content ends: its line end (if any) starts here.
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The value, quotes removed and doubled quotes undone.
    pub value: String,
    /// The cell's bytes in the text, quotes included.
    pub span: Range<usize>,
}

/// Why a text could not be read as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted cell that never closes: the file was cut short.
    UnclosedQuote { line: usize },
    /// Characters right after a cell's closing quote.
    TextAfterQuote { line: usize },
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::UnclosedQuote { line } => write!(
                f,
                "a quoted cell starting on line {line} never ends (is the file complete?)"
            ),
            CsvError::TextAfterQuote { line } => {
                write!(f, "line {line} has text right after a quoted cell")
            }
        }
    }
}

/// Reads `text` with the separator its first line uses (a byte order mark at the start is
/// skipped, and kept out of every cell).
pub fn read(text: &str) -> Result<Table, CsvError> {
    read_with(text, detect_separator(text.trim_start_matches('\u{feff}')))
}

/// Reads `text` with a known separator. An empty line is a row of one empty cell; the line end
/// after the last row does not start another.
pub fn read_with(text: &str, separator: char) -> Result<Table, CsvError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut at = start;
    let mut line = 1;
    while at < bytes.len() {
        let mut cells = Vec::new();
        loop {
            let (cell, next) = read_cell(text, at, separator, &mut line)?;
            cells.push(cell);
            at = next;
            if at < bytes.len() && bytes[at] == separator as u8 {
                at += 1;
                continue;
            }
            break;
        }
        let end = at;
        // The line end: CRLF, LF or CR.
        if bytes.get(at) == Some(&b'\r') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        line += 1;
        rows.push(TableRow { cells, end });
    }
    Ok(Table { separator, rows })
}

/// The separator of the first line: the most frequent of `,` `;` and tab outside quotes
/// (a comma on a tie or when there is none).
fn detect_separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        ','
    } else {
        [',', ';', '\t'][best]
    }
}

/// One cell starting at `at`: its value and span, and where reading goes on.
fn read_cell(
    text: &str,
    at: usize,
    separator: char,
    line: &mut usize,
) -> Result<(Cell, usize), CsvError> {
    let bytes = text.as_bytes();
    if bytes.get(at) == Some(&b'"') {
        let start_line = *line;
        let mut value = String::new();
        let mut from = at + 1;
        loop {
            let Some(offset) = text[from..].find('"') else {
                return Err(CsvError::UnclosedQuote { line: start_line });
            };
            let chunk = &text[from..from + offset];
            *line += chunk.matches('\n').count() + chunk.matches('\r').count()
                - chunk.matches("\r\n").count();
            value.push_str(chunk);
            let quote = from + offset;
            if bytes.get(quote + 1) == Some(&b'"') {
                value.push('"');
                from = quote + 2;
                continue;
            }
            let end = quote + 1;
            match bytes.get(end) {
                None | Some(b'\r') | Some(b'\n') => {}
                Some(&b) if b == separator as u8 => {}
                Some(_) => return Err(CsvError::TextAfterQuote { line: *line }),
            }
            return Ok((
                Cell {
                    value,
                    span: at..end,
                },
                end,
            ));
        }
    }
    let end = text[at..]
        .find([separator, '\r', '\n'])
        .map_or(text.len(), |offset| at + offset);
    Ok((
        Cell {
            value: text[at..end].to_string(),
            span: at..end,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_by_style() {
        assert_eq!(field("plain", ',', Style::Rfc4180), "plain");
        assert_eq!(field("a, b", ',', Style::Rfc4180), "\"a, b\"");
        assert_eq!(
            field("say \"hi\"", ',', Style::Rfc4180),
            "\"say \"\"hi\"\"\""
        );
        assert_eq!(field("two\nlines", ',', Style::Rfc4180), "\"two\nlines\"");
        assert_eq!(field("a b", ',', Style::Rfc4180), "a b");
        assert_eq!(field("a b", ',', Style::Php), "\"a b\"");
        assert_eq!(field("a\\b", ',', Style::Php), "\"a\\b\"");
        assert_eq!(field("a;b", ';', Style::Rfc4180), "\"a;b\"");
        assert_eq!(field("", ',', Style::Php), "");
        assert_eq!(
            line(&["a".into(), "b c".into()], Style::Php, "\n"),
            "a,\"b c\"\n"
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("@x"), "'@x");
        assert_eq!(defuse("Ana"), "Ana");
    }

    #[test]
    fn cells_and_their_places_are_read() {
        let text = "\u{feff}Name,Note\r\n\"Lima, Ana\",\"said \"\"hi\"\"\nthen left\"\r\nBen,\r\n";
        let table = read(text).unwrap();
        assert_eq!(table.separator, ',');
        let values: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value.as_str()).collect())
            .collect();
        assert_eq!(
            values,
            vec![
                vec!["Name", "Note"],
                vec!["Lima, Ana", "said \"hi\"\nthen left"],
                vec!["Ben", ""]
            ]
        );
        let lima = &table.rows[1].cells[0];
        assert_eq!(&text[lima.span.clone()], "\"Lima, Ana\"");
        assert_eq!(&text[table.rows[0].cells[0].span.clone()], "Name");
        assert_eq!(&text[table.rows[2].end..], "\r\n");
        assert_eq!(
            table.rows[2].cells[1].span,
            table.rows[2].end..table.rows[2].end
        );
    }

    #[test]
    fn separators_and_line_ends_are_found() {
        let table = read("a;b;\"c;d\"\nx;y;z").unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.rows[0].cells[2].value, "c;d");
        assert_eq!(table.rows[1].cells.len(), 3);
        assert_eq!(read("a\tb\rc\td").unwrap().rows.len(), 2);
        assert_eq!(read("one").unwrap().separator, ',');
        assert!(read("").unwrap().rows.is_empty());
    }

    #[test]
    fn broken_quoting_is_refused_with_its_line() {
        assert_eq!(
            read("a,b\n\"open,\nstill open"),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        assert_eq!(
            read("a\n\"x\"y,z"),
            Err(CsvError::TextAfterQuote { line: 2 })
        );
    }
}

/// Host only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is written reads back as the same values, for both styles.
        #[test]
        fn written_rows_read_back(rows in proptest::collection::vec(
            proptest::collection::vec("[a-z ,;\"\\\\\n\r\t\u{e9}]{0,8}", 1..5), 1..5)
        ) {
            for style in [Style::Rfc4180, Style::Php] {
                let width = rows[0].len();
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| (0..width).map(|i| r.get(i).cloned().unwrap_or_default()).collect())
                    .collect();
                let text: String = rows.iter().map(|r| line(r, style, "\r\n")).collect();
                let table = read_with(&text, ',').unwrap();
                let values: Vec<Vec<String>> = table
                    .rows
                    .iter()
                    .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
                    .collect();
                prop_assert_eq!(values, rows);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            if let Ok(table) = read(&text) {
                for row in &table.rows {
                    for cell in &row.cells {
                        prop_assert!(text.get(cell.span.clone()).is_some());
                    }
                }
            }
        }
    }
}
