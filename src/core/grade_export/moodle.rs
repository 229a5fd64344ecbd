//! A Moodle grade import file: one row per student, matched in Moodle by email address or ID
//! number, with the score out of 100.
//!
//! Moodle's CSV grade import reads "the same format as the corresponding export" (Moodle docs,
//! *Grade import*): a header row, then one row per user; on upload the teacher says which column
//! identifies the user ("Map from") and by which user field ("Map to": *Email address* or
//! *ID number*), and which grade item each other column fills (a new grade item takes the
//! column's header as its name). Moodle writes its export with PHP's `fputcsv` (comma, `"`
//! quotes around any field with a space, tab, comma, quote, backslash or line break, LF line
//! ends), so this file is written the same way:
//!
//! ```text
//! "Email address","Student name","Week 3 quiz"
//! ana.lima@school.org,"Ana Lima",80.00
//! ```
//!
//! The identifying column comes first, as Moodle's "Map from" starts there. The score is the
//! Lectern percent with two decimals, as Moodle exports real grades; a grade item out of 100
//! takes it as it is. The name column is for the teacher's eyes (map it to "Ignore"), with
//! spreadsheet formulas defused. Moodle matches emails exactly (MDL-29315), and Lectern keeps
//! emails in lower case, as school systems store them.

use super::two_decimals;
use crate::core::assignment::{Assignment, StudentIdKind};
use crate::core::csv::{self, Style};
use crate::core::gradebook::Row;
use std::fmt;

/// The file, and the students left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct MoodleFile {
    pub text: String,
    /// Students whose result carries no ID (handed in with a code made before the assignment
    /// asked for one): Moodle could not match them.
    pub without_id: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoodleError {
    /// The assignment asked only for names, which Moodle cannot match.
    NoStudentIds,
}

impl fmt::Display for MoodleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoodleError::NoStudentIds => write!(
                f,
                "Moodle matches students by email address or ID number, and this assignment \
                 did not ask for either. Ask for one in the next assignment."
            ),
        }
    }
}

/// The header of the identifying column, as Moodle's own export names the user field.
fn id_header(kind: StudentIdKind) -> Option<&'static str> {
    match kind {
        StudentIdKind::NameOnly => None,
        StudentIdKind::Number => Some("ID number"),
        StudentIdKind::Email => Some("Email address"),
    }
}

/// The grade import file for `rows` (the class table) of `assignment`.
pub fn grade_import(assignment: &Assignment, rows: &[Row]) -> Result<MoodleFile, MoodleError> {
    let header = id_header(assignment.student_id_kind).ok_or(MoodleError::NoStudentIds)?;
    let line = |fields: [String; 3]| csv::line(&fields, Style::Php, "\n");
    let mut text = line([
        header.to_string(),
        "Student name".to_string(),
        assignment.title.clone(),
    ]);
    let mut without_id = Vec::new();
    for row in rows {
        let result = &row.result;
        if result.student_id.is_empty() {
            without_id.push(result.student.clone());
            continue;
        }
        text.push_str(&line([
            result.student_id.clone(),
            csv::defuse(&result.student),
            two_decimals(u64::from(row.percent) * 100, '.'),
        ]));
    }
    Ok(MoodleFile { text, without_id })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::gradebook::class_rows;
    use crate::core::handin::HandIn;
    use crate::core::test_fixtures::{lms_assignment, lms_results};

    /// `tests/lms/moodle-grade-import.csv` was written by hand from Moodle's documentation and
    /// export code (see `tests/lms/README.md`); the export must be it, byte for byte.
    #[test]
    fn the_file_is_the_documented_shape_byte_for_byte() {
        let a = lms_assignment(StudentIdKind::Email);
        let rows = class_rows(&a, &lms_results(StudentIdKind::Email));
        let file = grade_import(&a, &rows).unwrap();
        assert_eq!(
            file.text,
            include_str!("../../../tests/lms/moodle-grade-import.csv")
        );
        assert_eq!(file.without_id, vec!["Dee Quinn (old code)".to_string()]);
    }

    #[test]
    fn id_numbers_get_moodles_id_number_header() {
        let a = lms_assignment(StudentIdKind::Number);
        let rows = class_rows(&a, &lms_results(StudentIdKind::Number));
        let file = grade_import(&a, &rows).unwrap();
        let lines: Vec<&str> = file.text.lines().collect();
        assert_eq!(
            lines[0],
            "\"ID number\",\"Student name\",\"Week 3: Adversaries to Allies?\""
        );
        assert_eq!(lines[1], "S-1024,\"Ana Lima\",80.00");
    }

    #[test]
    fn names_only_cannot_be_matched() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let rows = class_rows(&a, &[]);
        assert_eq!(grade_import(&a, &rows), Err(MoodleError::NoStudentIds));
    }

    #[test]
    fn awkward_names_are_quoted_and_defused() {
        let a = lms_assignment(StudentIdKind::Email);
        let codes = [HandIn {
            student: "=Zed \"Z\", Jr.".into(),
            student_id: "zed@school.org".into(),
            ..HandIn::from_code(&lms_results(StudentIdKind::Email)[0]).unwrap()
        }
        .to_code()];
        let file = grade_import(&a, &class_rows(&a, &codes)).unwrap();
        assert_eq!(
            file.text.lines().nth(1).unwrap(),
            "zed@school.org,\"'=Zed \"\"Z\"\", Jr.\",80.00"
        );
    }
}
