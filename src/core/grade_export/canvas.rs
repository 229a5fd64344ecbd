//! A Canvas gradebook with one assignment column filled from Lectern's results.
//!
//! The teacher exports their Canvas gradebook (Grades → Export), gives Lectern the file, picks
//! the assignment column (or asks for a new one), and gets the same file back with that column
//! filled, ready for Grades → Import. Every other byte stays as Canvas wrote it (byte order mark,
//! separator, quoting, line ends, the other columns and rows), so the import changes nothing else.
//!
//! The export's shape (Canvas's `GradebookExporter`, and the Canvas guides on exporting and
//! importing grades): a header row `Student, ID, [SIS User ID,] SIS Login ID, Section, …` (or
//! `LastName, FirstName` in place of `Student`), then one column per assignment named
//! `Title (assignment id)`, then read-only totals; a row whose first cell is
//! `    Points Possible` (and sometimes a "Manual Posting" row) before one row per student, whose
//! `ID` is their Canvas user id. Scores are points with two decimals (`8.00`); in locales with a
//! decimal comma Canvas may write `8,00` with `;` between cells. A new column without an id makes
//! Canvas create the assignment on import.
//!
//! Students are matched by what the assignment asked for: a student ID with `SIS User ID`, a
//! school email with `SIS Login ID` (at many schools the login is the email), or, when it asked
//! for names only, the name (Canvas's "Last, First" read both ways, compared without case or
//! extra spaces). A key that fits two rows, or two results, fills nothing and is reported.

use super::two_decimals;
use crate::core::assignment::{normalize_name, Assignment, StudentIdKind};
use crate::core::csv::{self, CsvError, Style, Table};
use crate::core::gradebook::Row;
use std::collections::BTreeMap;
use std::fmt;

/// Larger than any class's gradebook export (a few hundred KB), so anything bigger is the wrong
/// file and is refused before it is read.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

const POINTS_POSSIBLE: &str = "Points Possible";
const READ_ONLY: &str = "(read only)";

/// An exported Canvas gradebook, read.
#[derive(Clone, Debug)]
pub struct Gradebook {
    text: String,
    table: Table,
    /// Column index by header.
    columns: BTreeMap<String, usize>,
}

/// Which column to fill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An assignment column of the export, by its index.
    Column(usize),
    /// A new column at the end, named by the assignment's title: Canvas creates the assignment
    /// (out of 100 points) on import.
    New,
}

/// The filled gradebook and what happened to each result.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    pub text: String,
    /// Lectern name → the Canvas row's name, for each score written.
    pub matched: Vec<(String, String)>,
    /// Results with no Canvas row to go to (by Lectern name).
    pub unmatched: Vec<String>,
    /// Results left out because their key fits several rows or another result's row.
    pub ambiguous: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CanvasError {
    TooLarge,
    Csv(CsvError),
    /// No `Student` (or `LastName`/`FirstName`) and `ID` header: not a Canvas gradebook export.
    NotCanvas,
    /// The export lacks the column this assignment's students are matched by.
    NoMatchColumn(&'static str),
    /// The chosen column is not an assignment's (a name, an id or a total).
    NotAnAssignment,
    /// The column's points possible cannot be read.
    NoPointsPossible,
}

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanvasError::TooLarge => {
                write!(f, "the file is far too large to be a gradebook export")
            }
            CanvasError::Csv(e) => write!(f, "the file cannot be read as CSV: {e}"),
            CanvasError::NotCanvas => write!(
                f,
                "this is not a Canvas gradebook export (it has no Student and ID columns)"
            ),
            CanvasError::NoMatchColumn(column) => write!(
                f,
                "the export has no {column} column to match students by; export the gradebook \
                 again with that column"
            ),
            CanvasError::NotAnAssignment => {
                write!(f, "that column is not an assignment's column")
            }
            CanvasError::NoPointsPossible => write!(
                f,
                "the export does not say how many points that assignment is worth"
            ),
        }
    }
}

/// Reads an exported gradebook.
pub fn read(text: &str) -> Result<Gradebook, CanvasError> {
    if text.len() > MAX_BYTES {
        return Err(CanvasError::TooLarge);
    }
    let table = csv::read(text).map_err(CanvasError::Csv)?;
    let header = table.rows.first().ok_or(CanvasError::NotCanvas)?;
    let mut columns = BTreeMap::new();
    for (i, cell) in header.cells.iter().enumerate() {
        columns.entry(cell.value.trim().to_string()).or_insert(i);
    }
    let named = columns.contains_key("Student")
        || (columns.contains_key("LastName") && columns.contains_key("FirstName"));
    if !named || !columns.contains_key("ID") {
        return Err(CanvasError::NotCanvas);
    }
    Ok(Gradebook {
        text: text.to_string(),
        table,
        columns,
    })
}

impl Gradebook {
    /// The assignment columns, for the teacher to choose from: index and header, in order.
    /// An assignment's header ends with its id in brackets, and its points are not read-only.
    pub fn assignment_columns(&self) -> Vec<(usize, String)> {
        let header = &self.table.rows[0];
        header
            .cells
            .iter()
            .enumerate()
            .filter(|(i, cell)| {
                has_assignment_id(&cell.value) && self.points_cell(*i) != Some(READ_ONLY)
            })
            .map(|(i, cell)| (i, cell.value.clone()))
            .collect()
    }

    fn cell(&self, row: usize, column: usize) -> Option<&str> {
        self.table.rows[row]
            .cells
            .get(column)
            .map(|c| c.value.as_str())
    }

    fn column(&self, header: &str) -> Option<usize> {
        self.columns.get(header).copied()
    }

    fn points_row(&self) -> Option<usize> {
        (1..self.table.rows.len())
            .find(|&r| self.cell(r, 0).map(str::trim) == Some(POINTS_POSSIBLE))
    }

    fn points_cell(&self, column: usize) -> Option<&str> {
        self.points_row()
            .and_then(|r| self.cell(r, column))
            .map(str::trim)
    }

    /// The rows of students: those with a Canvas user id.
    fn student_rows(&self) -> Vec<usize> {
        let id = self.column("ID").expect("checked in read");
        (1..self.table.rows.len())
            .filter(|&r| self.cell(r, id).is_some_and(|v| !v.trim().is_empty()))
            .collect()
    }

    /// A student row's name as Canvas shows it.
    fn row_name(&self, row: usize) -> String {
        match self.column("Student") {
            Some(c) => self.cell(row, c).unwrap_or("").to_string(),
            None => {
                let part = |h: &str| {
                    self.column(h)
                        .and_then(|c| self.cell(row, c))
                        .unwrap_or("")
                        .to_string()
                };
                format!("{}, {}", part("LastName"), part("FirstName"))
            }
        }
    }

    /// The keys a row is matched by: one for an ID or email, the name both ways for names.
    fn row_keys(&self, row: usize, kind: StudentIdKind) -> Result<Vec<String>, CanvasError> {
        let cell = |header: &'static str| -> Result<String, CanvasError> {
            let column = self
                .column(header)
                .ok_or(CanvasError::NoMatchColumn(header))?;
            Ok(self.cell(row, column).unwrap_or("").trim().to_lowercase())
        };
        Ok(match kind {
            StudentIdKind::Number => vec![cell("SIS User ID")?],
            StudentIdKind::Email => vec![cell("SIS Login ID")?],
            StudentIdKind::NameOnly => {
                let name = self.row_name(row);
                let mut keys = vec![normalize_name(&name)];
                if let Some((last, first)) = name.split_once(',') {
                    keys.push(normalize_name(&format!("{first} {last}")));
                }
                keys
            }
        }
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect())
    }

    /// The gradebook with `target` filled with `rows`' scores (as points of the column's points
    /// possible), matched as the module documentation says.
    pub fn fill(
        &self,
        assignment: &Assignment,
        rows: &[Row],
        target: Target,
    ) -> Result<Filled, CanvasError> {
        let kind = assignment.student_id_kind;
        let points_row = self.points_row();
        // The decimal mark and points of the target column.
        let (column, points, decimal) = match target {
            Target::Column(column) => {
                if !self.assignment_columns().iter().any(|(i, _)| *i == column) {
                    return Err(CanvasError::NotAnAssignment);
                }
                let text = self
                    .points_cell(column)
                    .ok_or(CanvasError::NoPointsPossible)?;
                let decimal = if text.contains(',') { ',' } else { '.' };
                let points = hundredths(text).ok_or(CanvasError::NoPointsPossible)?;
                (Some(column), points, decimal)
            }
            Target::New => {
                let decimal = points_row
                    .and_then(|r| {
                        self.table.rows[r]
                            .cells
                            .iter()
                            .find(|c| hundredths(&c.value).is_some())
                    })
                    .map_or('.', |c| if c.value.contains(',') { ',' } else { '.' });
                (None, 10_000, decimal)
            }
        };

        // Which row each result goes to.
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for row in self.student_rows() {
            for key in self.row_keys(row, kind)? {
                let rows = by_key.entry(key).or_default();
                if !rows.contains(&row) {
                    rows.push(row);
                }
            }
        }
        let mut placed: BTreeMap<usize, Vec<&Row>> = BTreeMap::new();
        let mut unmatched = Vec::new();
        let mut ambiguous = Vec::new();
        for result in rows {
            let key = match kind {
                StudentIdKind::NameOnly => normalize_name(&result.result.student),
                _ => result.result.student_id.trim().to_lowercase(),
            };
            match by_key.get(&key).map(Vec::as_slice) {
                _ if key.is_empty() => unmatched.push(result.result.student.clone()),
                None | Some([]) => unmatched.push(result.result.student.clone()),
                Some([row]) => placed.entry(*row).or_default().push(result),
                Some(_) => ambiguous.push(result.result.student.clone()),
            }
        }
        let mut values: BTreeMap<usize, String> = BTreeMap::new();
        let mut matched = Vec::new();
        for (row, results) in placed {
            if let [result] = results.as_slice() {
                let value = two_decimals((u64::from(result.percent) * points + 50) / 100, decimal);
                values.insert(
                    row,
                    csv::field(&value, self.table.separator, Style::Rfc4180),
                );
                matched.push((result.result.student.clone(), self.row_name(row)));
            } else {
                ambiguous.extend(results.iter().map(|r| r.result.student.clone()));
            }
        }

        let separator = self.table.separator;
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        match column {
            Some(column) => {
                for (&row, value) in &values {
                    let cells = &self.table.rows[row].cells;
                    match cells.get(column) {
                        Some(cell) => edits.push((cell.span.clone(), value.clone())),
                        None => {
                            // A short row: pad it out to the column.
                            let end = self.table.rows[row].end;
                            let pad = separator.to_string().repeat(column + 1 - cells.len());
                            edits.push((end..end, format!("{pad}{value}")));
                        }
                    }
                }
            }
            None => {
                let title = new_column_title(&assignment.title);
                for (r, row) in self.table.rows.iter().enumerate() {
                    let cell = if r == 0 {
                        csv::field(&title, separator, Style::Rfc4180)
                    } else if Some(r) == points_row {
                        csv::field(&two_decimals(10_000, decimal), separator, Style::Rfc4180)
                    } else {
                        values.get(&r).cloned().unwrap_or_default()
                    };
                    edits.push((row.end..row.end, format!("{separator}{cell}")));
                }
            }
        }
        let mut text = self.text.clone();
        for (range, replacement) in edits.into_iter().rev() {
            text.replace_range(range, &replacement);
        }
        Ok(Filled {
            text,
            matched,
            unmatched,
            ambiguous,
        })
    }
}

/// Whether a header ends with an assignment id in brackets, as Canvas names its columns.
fn has_assignment_id(header: &str) -> bool {
    header
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .is_some_and(|(title, id)| {
            !title.is_empty() && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A new column's header: the title, kept from looking like an existing assignment's.
fn new_column_title(title: &str) -> String {
    if has_assignment_id(title) {
        format!("{title} (Lectern)")
    } else {
        title.to_string()
    }
}

/// "10.00", "10,5" or "10" as hundredths; `None` for anything else.
fn hundredths(text: &str) -> Option<u64> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    if whole.is_empty()
        || whole.len() > 9
        || fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let fraction: u64 = format!("{fraction:0<2}").parse().ok()?;
    Some(whole * 100 + fraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::gradebook::class_rows;
    use crate::core::test_fixtures::{lms_assignment, lms_results};

    const EXPORT: &str = include_str!("../../../tests/lms/canvas-gradebook-export.csv");
    const FILLED: &str = include_str!("../../../tests/lms/canvas-gradebook-filled.csv");

    fn filled(kind: StudentIdKind, text: &str, target: Target) -> Result<Filled, CanvasError> {
        let a = lms_assignment(kind);
        let rows = class_rows(&a, &lms_results(kind));
        read(text)?.fill(&a, &rows, target)
    }

    fn column_of(text: &str, header: &str) -> usize {
        read(text)
            .unwrap()
            .assignment_columns()
            .into_iter()
            .find(|(_, h)| h == header)
            .unwrap()
            .0
    }

    /// `tests/lms/canvas-gradebook-export.csv` is an export as Canvas writes it (see
    /// `tests/lms/README.md`); filling "Lectern: Week 3 (1202)" must give
    /// `canvas-gradebook-filled.csv` byte for byte, whichever key matches the students.
    #[test]
    fn one_column_is_filled_and_every_other_byte_kept() {
        let column = column_of(EXPORT, "Lectern: Week 3 (1202)");
        for kind in [
            StudentIdKind::Email,
            StudentIdKind::Number,
            StudentIdKind::NameOnly,
        ] {
            let result = filled(kind, EXPORT, Target::Column(column)).unwrap();
            assert_eq!(result.text, FILLED, "{kind:?}");
            assert_eq!(
                result.matched,
                vec![
                    ("Ana Lima".to_string(), "Lima, Ana".to_string()),
                    ("Ben Ortiz".to_string(), "Ortiz, Ben".to_string())
                ],
                "{kind:?}"
            );
        }
        let by_email = filled(StudentIdKind::Email, EXPORT, Target::Column(column)).unwrap();
        assert_eq!(
            by_email.unmatched,
            vec!["Dee Quinn (old code)".to_string(), "Eve Park".to_string()]
        );
        assert!(by_email.ambiguous.is_empty());
    }

    #[test]
    fn the_columns_offered_are_the_assignments() {
        let columns: Vec<String> = read(EXPORT)
            .unwrap()
            .assignment_columns()
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert_eq!(
            columns,
            vec!["Reading check 1 (1201)", "Lectern: Week 3 (1202)"]
        );
        let total = EXPORT
            .lines()
            .next()
            .unwrap()
            .split(',')
            .position(|h| h == "Current Score")
            .unwrap();
        let a = lms_assignment(StudentIdKind::Email);
        assert_eq!(
            read(EXPORT).unwrap().fill(&a, &[], Target::Column(total)),
            Err(CanvasError::NotAnAssignment)
        );
    }

    #[test]
    fn a_bom_crlf_export_comes_back_as_it_was() {
        let windows = format!("\u{feff}{}", EXPORT.replace('\n', "\r\n"));
        let column = column_of(&windows, "Lectern: Week 3 (1202)");
        let result = filled(StudentIdKind::Number, &windows, Target::Column(column)).unwrap();
        assert_eq!(
            result.text,
            format!("\u{feff}{}", FILLED.replace('\n', "\r\n"))
        );
    }

    #[test]
    fn a_decimal_comma_export_gets_decimal_commas() {
        // Canvas in a decimal-comma locale: `;` between cells, `,` in numbers.
        let semicolons: String = EXPORT
            .lines()
            .map(|line| {
                let cells: Vec<String> = csv::read_with(line, ',').unwrap().rows[0]
                    .cells
                    .iter()
                    .map(|c| match hundredths(&c.value) {
                        Some(_) => c.value.replace('.', ","),
                        None => c.value.clone(),
                    })
                    .collect();
                let quoted: Vec<String> = cells
                    .iter()
                    .map(|c| csv::field(c, ';', Style::Rfc4180))
                    .collect();
                format!("{}\n", quoted.join(";"))
            })
            .collect();
        let column = column_of(&semicolons, "Lectern: Week 3 (1202)");
        let result = filled(StudentIdKind::Email, &semicolons, Target::Column(column)).unwrap();
        let ana = result
            .text
            .lines()
            .find(|l| l.starts_with("Lima, Ana"))
            .unwrap();
        assert!(ana.contains(";16,00;"), "{ana}");
    }

    #[test]
    fn a_new_column_is_added_for_canvas_to_create() {
        let result = filled(StudentIdKind::Email, EXPORT, Target::New).unwrap();
        let lines: Vec<&str> = result.text.lines().collect();
        let original: Vec<&str> = EXPORT.lines().collect();
        assert_eq!(lines.len(), original.len());
        assert_eq!(
            lines[0],
            format!("{},Week 3: Adversaries to Allies?", original[0])
        );
        assert_eq!(lines[1], format!("{},100.00", original[1]));
        // Chen (no result), Lima, Ortiz, the test student.
        assert_eq!(lines[2], format!("{},", original[2]));
        assert_eq!(lines[3], format!("{},80.00", original[3]));
        assert_eq!(lines[4], format!("{},45.00", original[4]));
        assert_eq!(lines[5], format!("{},", original[5]));
        assert_eq!(new_column_title("Quiz (12)"), "Quiz (12) (Lectern)");
    }

    #[test]
    fn a_key_that_fits_two_rows_fills_nothing() {
        let twice =
            format!("{EXPORT}\"Lima, Ana\",3009,S-9999,other@school.org,Period 4,,,,,,,,\n");
        let column = column_of(&twice, "Lectern: Week 3 (1202)");
        let result = filled(StudentIdKind::NameOnly, &twice, Target::Column(column)).unwrap();
        assert_eq!(result.ambiguous, vec!["Ana Lima".to_string()]);
        assert!(!result.text.contains("16.00"));
        let ben = FILLED
            .lines()
            .find(|l| l.starts_with("\"Ortiz, Ben\""))
            .unwrap();
        assert!(result.text.contains(ben), "Ben is still filled");
    }

    #[test]
    fn what_cannot_be_used_is_refused() {
        assert!(matches!(read("a,b\n1,2\n"), Err(CanvasError::NotCanvas)));
        assert!(matches!(read("\"open"), Err(CanvasError::Csv(_))));
        assert!(matches!(
            read(&" ".repeat(MAX_BYTES + 1)),
            Err(CanvasError::TooLarge)
        ));
        let no_sis: String = EXPORT
            .lines()
            .map(|l| {
                let mut cells: Vec<String> = csv::read_with(l, ',').unwrap().rows[0]
                    .cells
                    .iter()
                    .map(|c| csv::field(&c.value, ',', Style::Rfc4180))
                    .collect();
                cells.remove(2);
                format!("{}\n", cells.join(","))
            })
            .collect();
        let column = column_of(&no_sis, "Lectern: Week 3 (1202)");
        assert_eq!(
            filled(StudentIdKind::Number, &no_sis, Target::Column(column)),
            Err(CanvasError::NoMatchColumn("SIS User ID"))
        );
    }

    #[test]
    fn points_are_read_as_canvas_writes_them() {
        assert_eq!(hundredths("10.00"), Some(1000));
        assert_eq!(hundredths(" 7,5 "), Some(750));
        assert_eq!(hundredths("100"), Some(10_000));
        for bad in ["", "(read only)", "1.234", "-1", "1e3", ".5"] {
            assert_eq!(hundredths(bad), None, "{bad}");
        }
        assert!(has_assignment_id("Quiz 1 (1201)"));
        assert!(!has_assignment_id("Current Score"));
        assert!(!has_assignment_id("(12)"));
        assert!(!has_assignment_id("Quiz (12a)"));
    }
}
