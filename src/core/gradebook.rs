//! The teacher's side, kept on the teacher's device: the assignments they made and the results
//! they collected, the checks each collected result must pass, and what the gradebook shows
//! (class table, per-question figures, score distribution, CSV).
//!
//! Stored as JSON under one key (`lectern:teacher`), with a `version` like progress. Results are
//! kept as their hand-in codes: the code is the checked, compact truth, and every figure is
//! worked out from it again when shown.

use crate::core::assignment::{normalize_name, Assignment, StudentIdKind};
use crate::core::codec::CodeError;
use crate::core::csv;
use crate::core::dates::iso_utc;
use crate::core::handin::{read_result_file, HandIn, ResultFileError};
use lectern_content::Reading;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Why stored teacher data cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum TeacherDataError {
    /// Not JSON, or not shaped like the teacher's data; the parser's message.
    Corrupt(String),
    /// Saved by a newer Lectern, with this format version.
    Newer(u32),
}

impl fmt::Display for TeacherDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TeacherDataError::Corrupt(why) => write!(f, "it is damaged: {why}"),
            TeacherDataError::Newer(version) => write!(
                f,
                "it was saved by a newer version of Lectern (format {version})"
            ),
        }
    }
}

/// Everything the teacher keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeacherData {
    pub version: u32,
    /// By assignment key.
    #[serde(default)]
    pub assignments: BTreeMap<String, TeacherAssignment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeacherAssignment {
    /// The assignment link's code.
    pub code: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: f64,
    /// Hand-in codes, in the order they were added.
    #[serde(default)]
    pub results: Vec<String>,
}

impl TeacherData {
    pub const VERSION: u32 = 1;

    pub fn new() -> Self {
        TeacherData {
            version: Self::VERSION,
            assignments: BTreeMap::new(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("teacher data always serializes")
    }

    /// Stored teacher data, or why it cannot be used (newer or corrupt data is left as it is).
    pub fn from_json(text: &str) -> Result<TeacherData, TeacherDataError> {
        let data: TeacherData =
            serde_json::from_str(text).map_err(|e| TeacherDataError::Corrupt(e.to_string()))?;
        if data.version > Self::VERSION {
            return Err(TeacherDataError::Newer(data.version));
        }
        Ok(data)
    }

    /// Keeps an assignment (made here, or opened from a link) so results can be collected.
    pub fn add_assignment(&mut self, assignment: &Assignment, code: &str, now_ms: f64) {
        self.assignments
            .entry(assignment.key())
            .or_insert_with(|| TeacherAssignment {
                code: code.to_string(),
                created_at: now_ms,
                results: Vec::new(),
            });
    }

    /// Adds collected results to an assignment, each checked on its own; returns what happened to
    /// each, in order. Nothing is added for an entry that fails a check.
    pub fn add_results(&mut self, assignment: &Assignment, entries: &[Entry]) -> Vec<EntryReport> {
        let Some(kept) = self.assignments.get_mut(&assignment.key()) else {
            return Vec::new();
        };
        entries
            .iter()
            .map(|entry| {
                let outcome = check_entry(assignment, &kept.results, entry).map(|hand_in| {
                    let name = hand_in.student.clone();
                    kept.results.push(hand_in.to_code());
                    name
                });
                EntryReport {
                    label: entry.label.clone(),
                    outcome,
                }
            })
            .collect()
    }

    /// The assignments whose links this app can read, newest first, with how many results
    /// each has.
    pub fn newest_first(&self, readings: &[Reading]) -> Vec<(Assignment, usize)> {
        let mut list: Vec<(Assignment, usize, f64)> = self
            .assignments
            .values()
            .filter_map(|a| {
                let assignment = Assignment::from_code(&a.code, readings).ok()?;
                Some((assignment, a.results.len(), a.created_at))
            })
            .collect();
        list.sort_by(|a, b| b.2.total_cmp(&a.2));
        list.into_iter().map(|(a, n, _)| (a, n)).collect()
    }

    /// Removes one student's result (by its place in the list).
    pub fn remove_result(&mut self, key: &str, index: usize) {
        if let Some(a) = self.assignments.get_mut(key) {
            if index < a.results.len() {
                a.results.remove(index);
            }
        }
    }

    /// Removes an assignment and all its results.
    pub fn remove_assignment(&mut self, key: &str) {
        self.assignments.remove(key);
    }
}

/// One thing the teacher handed the gradebook: a pasted line or a chosen file.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// How to name it in the report: "Line 3", or a file's name.
    pub label: String,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Code(String),
    File(String),
    /// A file refused by its size before it was read.
    TooLarge,
}

/// The pasted text as entries: one per non-blank line.
pub fn pasted_entries(text: &str) -> Vec<Entry> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| Entry {
            label: format!("Line {}", i + 1),
            source: Source::Code(line.trim().to_string()),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct EntryReport {
    pub label: String,
    /// The student's name when added, or why it was skipped.
    pub outcome: Result<String, Skipped>,
}

/// Why a collected result was not added.
#[derive(Clone, Debug, PartialEq)]
pub enum Skipped {
    Code(CodeError),
    File(ResultFileError),
    /// A result of another assignment.
    OtherAssignment,
    /// Its number of answers does not fit the assignment.
    WrongShape,
    /// This exact result is already in.
    SameResult(String),
    /// Another result with the same student name is already in.
    SameName(String),
    /// Another result with the same student ID or email is already in (under this name).
    SameStudentId(String),
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skipped::Code(e) => write!(f, "not added: {e}"),
            Skipped::File(e) => write!(f, "not added: {e}"),
            Skipped::OtherAssignment => {
                write!(f, "not added: it is a result of another assignment")
            }
            Skipped::WrongShape => write!(
                f,
                "not added: its answers do not fit this assignment's questions"
            ),
            Skipped::SameResult(name) => {
                write!(f, "not added: {name}'s result is already in the gradebook")
            }
            Skipped::SameName(name) => write!(
                f,
                "not added: the gradebook already has a result for {name}; remove it first to replace it"
            ),
            Skipped::SameStudentId(name) => write!(
                f,
                "not added: the gradebook already has a result with this student ID or email, \
                 for {name}; remove it first to replace it"
            ),
        }
    }
}

fn check_entry(assignment: &Assignment, kept: &[String], entry: &Entry) -> Result<HandIn, Skipped> {
    let hand_in = match &entry.source {
        Source::Code(code) => HandIn::from_code(code).map_err(Skipped::Code)?,
        Source::File(text) => read_result_file(text).map_err(Skipped::File)?,
        Source::TooLarge => return Err(Skipped::File(ResultFileError::TooLarge)),
    };
    if hand_in.assignment != assignment.id {
        return Err(Skipped::OtherAssignment);
    }
    if hand_in.scores.len() != assignment.questions.len() {
        return Err(Skipped::WrongShape);
    }
    let code = hand_in.to_code();
    for existing in kept.iter().filter_map(|c| HandIn::from_code(c).ok()) {
        if existing.to_code() == code {
            return Err(Skipped::SameResult(existing.student));
        }
        if normalize_name(&existing.student) == normalize_name(&hand_in.student) {
            return Err(Skipped::SameName(existing.student));
        }
        if !hand_in.student_id.is_empty()
            && existing.student_id.to_lowercase() == hand_in.student_id.to_lowercase()
        {
            return Err(Skipped::SameStudentId(existing.student));
        }
    }
    Ok(hand_in)
}

/// One student's row of the class table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The result's place in the stored list (for "Remove").
    pub index: usize,
    pub result: HandIn,
    pub percent: u32,
    pub passed: bool,
}

/// The class table: one row per readable result, by student name.
pub fn class_rows(assignment: &Assignment, results: &[String]) -> Vec<Row> {
    let mut rows: Vec<Row> = results
        .iter()
        .enumerate()
        .filter_map(|(index, code)| {
            let result = HandIn::from_code(code).ok()?;
            let percent = result.percent();
            Some(Row {
                index,
                passed: assignment.passes(percent),
                percent,
                result,
            })
        })
        .collect();
    rows.sort_by_key(|r| normalize_name(&r.result.student));
    rows
}

/// How the class did on one question.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionStat {
    /// The question's number in the assignment (1-based, in the reading's order).
    pub number: usize,
    pub id: String,
    /// Students who got it fully right, as a percent of all results.
    pub percent_correct: u32,
    /// The mean score, unanswered counting 0.
    pub mean_percent: u32,
}

/// Per-question figures, the most missed first (ties in question order).
pub fn question_stats(assignment: &Assignment, rows: &[Row]) -> Vec<QuestionStat> {
    let mut stats: Vec<QuestionStat> = assignment
        .questions
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let scores: Vec<u32> = rows
                .iter()
                .map(|r| u32::from(r.result.scores.get(i).copied().flatten().unwrap_or(0)))
                .collect();
            let right = scores.iter().filter(|&&s| s == 100).count();
            QuestionStat {
                number: i + 1,
                id: id.clone(),
                percent_correct: share(right as u32 * 100, scores.len()),
                mean_percent: share(scores.iter().sum(), scores.len()),
            }
        })
        .collect();
    stats.sort_by_key(|s| (s.percent_correct, s.number));
    stats
}

fn share(total: u32, count: usize) -> u32 {
    if count == 0 {
        0
    } else {
        (f64::from(total) / count as f64).round() as u32
    }
}

/// How many students scored in each tenth: 0–9 %, 10–19 %, …, 90–100 %.
pub fn distribution(rows: &[Row]) -> [usize; 10] {
    let mut bins = [0; 10];
    for row in rows {
        bins[(row.percent / 10).min(9) as usize] += 1;
    }
    bins
}

/// The class table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote or line break, quotes doubled), one row per student. A name that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) gets a leading `'`, as OWASP advises against CSV injection. When the assignment asked
/// for a student ID or school email, it follows the name.
pub fn csv(assignment: &Assignment, reading: &Reading, rows: &[Row]) -> String {
    let id_column = match assignment.student_id_kind {
        StudentIdKind::NameOnly => None,
        kind => Some(kind.label()),
    };
    let mut header: Vec<String> = [
        "Student",
        "Score (%)",
        "Passed",
        "Answered",
        "Questions",
        "Time on task (minutes)",
        "Handed in (UTC)",
        "Late",
        "Time ran out",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    if let Some(label) = id_column {
        header.insert(1, label.to_string());
    }
    for (i, id) in assignment.questions.iter().enumerate() {
        let prompt = reading.any_question(id).map_or("", |q| q.prompt.as_ref());
        header.push(format!("Q{} {id}: {prompt}", i + 1));
    }
    let mut lines = vec![csv::line(&header, csv::Style::Rfc4180, "\r\n")];
    for row in rows {
        let r = &row.result;
        let mut fields = vec![
            csv::defuse(&r.student),
            row.percent.to_string(),
            yes_no(row.passed),
            r.answered().to_string(),
            r.scores.len().to_string(),
            minutes_to_one_decimal(r.time_on_task_s),
            iso_utc(r.handed_in_at),
            yes_no(r.late),
            yes_no(r.auto),
        ];
        if id_column.is_some() {
            fields.insert(1, csv::defuse(&r.student_id));
        }
        fields.extend(
            r.scores
                .iter()
                .map(|s| s.map_or(String::new(), |p| p.to_string())),
        );
        lines.push(csv::line(&fields, csv::Style::Rfc4180, "\r\n"));
    }
    lines.concat()
}

/// Seconds as minutes with one decimal, halves rounded up (147 s and 150 s are both "2.5").
/// Integer arithmetic on purpose: float formatting costs about 10 KB of wasm for this one column.
fn minutes_to_one_decimal(seconds: u64) -> String {
    let tenths = (seconds + 3) / 6;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::{Mode, StudentIdKind};

    fn assignment() -> Assignment {
        let reading = &READINGS[0];
        Assignment {
            id: 99,
            title: "Quiz".into(),
            reading: reading.id.to_string(),
            questions: reading
                .questions
                .iter()
                .take(3)
                .map(|q| q.id.to_string())
                .collect(),
            bank: reading.bank_version(),
            mode: Mode::Assessment,
            shuffle_questions: false,
            shuffle_options: false,
            seed: 5,
            due_minutes: None,
            time_limit_minutes: None,
            extra_time_percent: 0,
            pass_mark: 50,
            student_id_kind: StudentIdKind::NameOnly,
        }
    }

    fn result(name: &str, scores: &[Option<u8>]) -> HandIn {
        HandIn {
            assignment: 99,
            student: name.into(),
            student_id: String::new(),
            handed_in_at: 1_795_000_000,
            time_on_task_s: 90,
            auto: false,
            late: false,
            scores: scores.to_vec(),
        }
    }

    fn teacher_with(a: &Assignment) -> TeacherData {
        let mut t = TeacherData::new();
        t.add_assignment(a, &a.to_code(&READINGS[0]), 0.0);
        t
    }

    #[test]
    fn minutes_have_one_decimal_rounded_half_up() {
        let cases = [
            (0, "0.0"),
            (2, "0.0"),
            (3, "0.1"),
            (59, "1.0"),
            (60, "1.0"),
            (147, "2.5"),
        ];
        for (seconds, text) in cases {
            assert_eq!(minutes_to_one_decimal(seconds), text, "{seconds} s");
        }
        assert_eq!(minutes_to_one_decimal(150), "2.5");
        assert_eq!(minutes_to_one_decimal(3_599), "60.0");
        assert_eq!(minutes_to_one_decimal(36_000), "600.0");
    }

    #[test]
    fn each_entry_is_checked_on_its_own() {
        let a = assignment();
        let mut t = teacher_with(&a);
        let ana = result("Ana", &[Some(100), Some(100), Some(0)]).to_code();
        let damaged = {
            let mut c = result("Ben", &[Some(100), None, None]).to_code();
            c.pop();
            c
        };
        let other = HandIn {
            assignment: 5,
            ..result("Cy", &[Some(1), Some(2), Some(3)])
        }
        .to_code();
        let short = result("Di", &[Some(100)]).to_code();
        let again_ana = result(" ana ", &[Some(0), Some(0), Some(0)]).to_code();
        let pasted = format!("{ana}\n\n{damaged}\n{other}\n{short}\n{ana}\n{again_ana}\nhello\n");
        let reports = t.add_results(&a, &pasted_entries(&pasted));
        let outcomes: Vec<(&str, Result<&str, &Skipped>)> = reports
            .iter()
            .map(|r| (r.label.as_str(), r.outcome.as_ref().map(String::as_str)))
            .collect();
        assert_eq!(
            outcomes,
            vec![
                ("Line 1", Ok("Ana")),
                ("Line 3", Err(&Skipped::Code(CodeError::Damaged))),
                ("Line 4", Err(&Skipped::OtherAssignment)),
                ("Line 5", Err(&Skipped::WrongShape)),
                ("Line 6", Err(&Skipped::SameResult("Ana".into()))),
                ("Line 7", Err(&Skipped::SameName("Ana".into()))),
                ("Line 8", Err(&Skipped::Code(CodeError::WrongKind))),
            ]
        );
        assert_eq!(t.assignments[&a.key()].results, vec![ana]);
    }

    #[test]
    fn the_table_figures_and_csv_hold_the_numbers() {
        let a = assignment();
        let codes: Vec<String> = [
            result("Ben, Jr.", &[Some(100), Some(0), None]),
            result("=Ana", &[Some(100), Some(100), Some(100)]),
            result("Cy \"C\"", &[Some(0), Some(50), Some(100)]),
        ]
        .iter()
        .map(HandIn::to_code)
        .collect();
        let rows = class_rows(&a, &codes);
        let names: Vec<&str> = rows.iter().map(|r| r.result.student.as_str()).collect();
        assert_eq!(names, vec!["=Ana", "Ben, Jr.", "Cy \"C\""]);
        let percents: Vec<u32> = rows.iter().map(|r| r.percent).collect();
        assert_eq!(percents, vec![100, 33, 50]);
        let passed: Vec<bool> = rows.iter().map(|r| r.passed).collect();
        assert_eq!(passed, vec![true, false, true]);

        let stats = question_stats(&a, &rows);
        let figures: Vec<(usize, u32, u32)> = stats
            .iter()
            .map(|s| (s.number, s.percent_correct, s.mean_percent))
            .collect();
        // Q2: only Ana fully right (33%), mean 50; Q3: Ana and Cy (67%); Q1: Ana and Ben (67%).
        assert_eq!(figures, vec![(2, 33, 50), (1, 67, 67), (3, 67, 67)]);

        assert_eq!(distribution(&rows), [0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);

        let csv = csv(&a, &READINGS[0], &rows);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines.len(),
            5,
            "header, 3 rows, and the empty end after the last CRLF"
        );
        assert!(lines[0].starts_with("Student,Score (%),Passed,Answered,Questions,"));
        assert_eq!(
            lines[1],
            "'=Ana,100,yes,3,3,1.5,2026-11-18T11:06:40Z,no,no,100,100,100"
        );
        assert_eq!(
            lines[2],
            "\"Ben, Jr.\",33,no,2,3,1.5,2026-11-18T11:06:40Z,no,no,100,0,"
        );
        assert_eq!(
            lines[3],
            "\"Cy \"\"C\"\"\",50,yes,3,3,1.5,2026-11-18T11:06:40Z,no,no,0,50,100"
        );
        assert_eq!(lines[4], "");
    }

    #[test]
    fn student_ids_are_checked_and_exported() {
        let a = Assignment {
            student_id_kind: StudentIdKind::Email,
            ..assignment()
        };
        let mut t = teacher_with(&a);
        let with_id = |name: &str, id: &str| HandIn {
            student_id: id.into(),
            ..result(name, &[Some(100), Some(50), None])
        };
        let ana = with_id("Ana", "ana@school.org").to_code();
        let same_id = with_id("Ana Lima", "ANA@school.org").to_code();
        let ben = with_id("Ben", "-ben@school.org").to_code();
        let reports = t.add_results(&a, &pasted_entries(&format!("{ana}\n{same_id}\n{ben}")));
        let outcomes: Vec<_> = reports.iter().map(|r| r.outcome.clone()).collect();
        assert_eq!(
            outcomes,
            vec![
                Ok("Ana".to_string()),
                Err(Skipped::SameStudentId("Ana".into())),
                Ok("Ben".to_string())
            ]
        );
        let rows = class_rows(&a, &t.assignments[&a.key()].results);
        let csv = csv(&a, &READINGS[0], &rows);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(
            lines[0].starts_with("Student,School email,Score (%),"),
            "{}",
            lines[0]
        );
        assert_eq!(
            lines[1],
            "Ana,ana@school.org,50,yes,2,3,1.5,2026-11-18T11:06:40Z,no,no,100,50,"
        );
        assert_eq!(
            lines[2],
            "Ben,'-ben@school.org,50,yes,2,3,1.5,2026-11-18T11:06:40Z,no,no,100,50,"
        );
    }

    #[test]
    fn removing_and_storing() {
        let a = assignment();
        let mut t = teacher_with(&a);
        let newer = Assignment {
            id: 100,
            ..a.clone()
        };
        t.add_assignment(&newer, &newer.to_code(&READINGS[0]), 5.0);
        let order: Vec<u32> = t.newest_first(READINGS).iter().map(|(x, _)| x.id).collect();
        assert_eq!(order, vec![100, 99]);
        let entries = pasted_entries(&format!(
            "{}\n{}",
            result("Ana", &[None, None, None]).to_code(),
            result("Ben", &[None, None, None]).to_code()
        ));
        t.add_results(&a, &entries);
        t.remove_result(&a.key(), 0);
        assert_eq!(
            class_rows(&a, &t.assignments[&a.key()].results)[0]
                .result
                .student,
            "Ben"
        );
        let json = t.to_json();
        assert_eq!(TeacherData::from_json(&json), Ok(t.clone()));
        t.remove_assignment(&a.key());
        t.remove_assignment(&newer.key());
        assert!(t.assignments.is_empty());
        assert_eq!(
            TeacherData::from_json("{\"version\":9}"),
            Err(TeacherDataError::Newer(9))
        );
        assert!(matches!(
            TeacherData::from_json("nope"),
            Err(TeacherDataError::Corrupt(_))
        ));
    }
}
