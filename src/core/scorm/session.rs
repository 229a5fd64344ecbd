//! The decisions of an assignment's LMS session, apart from the calls (`crate::lms_session`
//! makes those): who the student is, what work to resume from, where they were, when to
//! commit, and what to tell them.
//!
//! Resuming: the LMS's `cmi.suspend_data` is this student's work wherever they did it, so it
//! comes first; the device's copy counts only if it is this student's (a classroom computer is
//! shared, and the next student logged into the LMS must not see the last one's answers). Both
//! are combined as two tabs' work is (`crate::core::merge`): the newest answer wins, an earlier
//! start and a hand-in are kept. Suspend data that cannot be read (damaged, another
//! assignment's) is refused and the device's copy used, and the student is told.

use super::suspend::{self, SuspendError};
use crate::core::assignment::Assignment;
use crate::core::merge::merge_assignment;
use crate::core::progress::AssignmentProgress;
use lectern_content::Reading;

/// How long after a saved answer the session commits, unless another answer comes first: a
/// student typing an answer saves on every keystroke, and each commit may be a request to the
/// LMS's server. Leaving the page (`pagehide`) commits at once, so nothing waits on this.
pub const COMMIT_DELAY_MS: u64 = 1_500;

/// The student as the LMS knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LmsStudent {
    /// The name to hand in under ("Ana Lima", from `cmi.core.student_name` "Lima, Ana").
    pub name: String,
    /// `cmi.core.student_id`, as the LMS gives it (maybe empty).
    pub id: String,
}

impl LmsStudent {
    /// The student from the LMS's `cmi.core.student_name` and `cmi.core.student_id`: `None`
    /// when the LMS gives no name (then the student types one, as on the site).
    pub fn from_lms(name: &str, id: &str) -> Option<LmsStudent> {
        let name = super::student_name(name);
        let name = crate::core::codec::truncate(&name, 60).to_string();
        (!name.is_empty()).then(|| LmsStudent {
            name,
            id: crate::core::codec::truncate(
                id.trim(),
                crate::core::assignment::MAX_STUDENT_ID_BYTES,
            )
            .to_string(),
        })
    }

    /// Whether the device's work on an assignment is this student's.
    pub fn owns(&self, progress: &AssignmentProgress) -> bool {
        progress.student == self.name
            && (progress.student_id.is_empty()
                || self.id.is_empty()
                || progress.student_id == self.id)
    }

    /// This student's work starting now, with the LMS's ID.
    pub fn start(&self, code: String, now_ms: f64) -> AssignmentProgress {
        AssignmentProgress {
            student_id: self.id.clone(),
            ..AssignmentProgress::new(code, self.name.clone(), now_ms)
        }
    }
}

/// What to resume from.
#[derive(Clone, Debug, PartialEq)]
pub struct Resume {
    /// What the device's entry for the assignment becomes (`None`: removed, so the student
    /// starts afresh).
    pub progress: Option<AssignmentProgress>,
    /// Why the LMS's suspend data was not used, when it was refused.
    pub refused: Option<SuspendError>,
}

/// The work to resume: see the module documentation. `student` is `None` when the LMS gives
/// no name; then the device's copy is the student's, and it reads the suspend data as theirs.
pub fn resume(
    assignment: &Assignment,
    reading: &Reading,
    code: &str,
    student: Option<&LmsStudent>,
    device: Option<&AssignmentProgress>,
    suspend_data: &str,
) -> Resume {
    let device = device.filter(|d| student.is_none_or(|s| s.owns(d)));
    let name = match (student, device) {
        (Some(s), _) => Some(s.name.as_str()),
        (None, Some(d)) => Some(d.student.as_str()),
        (None, None) => None,
    };
    let (Some(name), false) = (name, suspend_data.is_empty()) else {
        return Resume {
            progress: device.cloned(),
            refused: None,
        };
    };
    match suspend::decode(suspend_data, assignment, reading, code, name) {
        Ok(mut from_lms) => {
            if let Some(s) = student {
                from_lms.student_id.clone_from(&s.id);
            }
            Resume {
                progress: Some(match device {
                    Some(d) => merge_assignment(&from_lms, d),
                    None => from_lms,
                }),
                refused: None,
            }
        }
        Err(e) => Resume {
            progress: device.cloned(),
            refused: Some(e),
        },
    }
}

/// The question the student is at: the one they answered last (`cmi.core.lesson_location`).
pub fn current_question(progress: &AssignmentProgress) -> Option<&str> {
    progress
        .answers
        .iter()
        .max_by(|a, b| a.1.last_answered_at.total_cmp(&b.1.last_answered_at))
        .map(|(id, _)| id.as_str())
}

/// What the student is told about the LMS, in words (never a Debug string).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A package opened on its own: no LMS around it.
    NoLms,
    /// The LMS is there and keeps the work as the student goes.
    Connected,
    /// The LMS refused to start the session (`LMSInitialize`), with its error code.
    NotStarted { code: String },
    /// The LMS's suspend data could not be used.
    ResumeRefused(SuspendError),
    /// Typed answers cut to fit the LMS's 4,096 characters (how many).
    Shortened(usize),
    /// The work is too large for the LMS to keep.
    TooLarge,
    /// The LMS refused a save while the student works.
    SaveRefused { code: String },
    /// The result went to the LMS.
    Sent { percent: u32 },
    /// The LMS refused the result.
    SendRefused { code: String },
}

/// " (error 405)", or nothing when the LMS gave no code.
fn error_code(code: &str) -> String {
    if code.is_empty() || code == "0" {
        String::new()
    } else {
        format!(" (error {code})")
    }
}

impl Notice {
    /// Whether the student must notice it (an alert) rather than read it when they like.
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Notice::NoLms | Notice::Connected | Notice::Sent { .. }
        )
    }

    pub fn text(&self) -> String {
        match self {
            Notice::NoLms => "This assignment was opened on its own, not from your course: no learning \
                              system (LMS) is here to take your result. You can still do it and hand in as \
                              usual; your result stays on this device, to pass on to your teacher."
                .into(),
            Notice::Connected => {
                "You are working in your course: your work is saved there as you go.".into()
            }
            Notice::NotStarted { code } => format!(
                "Your course's learning system did not open this assignment{}. You can still do it and \
                 hand in; your work and result stay on this device, to pass on to your teacher.",
                error_code(code)
            ),
            Notice::ResumeRefused(e) => format!(
                "The work your course kept could not be used: {e}. Your work on this device is used \
                 instead."
            ),
            Notice::Shortened(n) => format!(
                "{n} long typed {} too long for your course to keep in full: {} kept in full on this \
                 device, and your result counts all of it.",
                if *n == 1 { "answer is" } else { "answers are" },
                if *n == 1 { "it is" } else { "they are" }
            ),
            Notice::TooLarge => format!("{}.", capitalized(&SuspendError::TooLarge.to_string())),
            Notice::SaveRefused { code } => format!(
                "Your course's learning system did not save your latest work{}. It is kept on this \
                 device; you can keep working.",
                error_code(code)
            ),
            Notice::Sent { percent } => format!(
                "Your result ({percent}%) went to your course. You can close this page."
            ),
            Notice::SendRefused { code } => format!(
                "Your course's learning system did not take your result{}. Your result is still on \
                 this device: pass it on to your teacher below (hand-in code or file).",
                error_code(code)
            ),
        }
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Host only: the readings are the test build's.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::READINGS;
    use crate::core::assignment::StudentIdKind;
    use crate::core::grading::{correct_response, grade};
    use crate::core::test_fixtures::lms_assignment;

    fn ana() -> LmsStudent {
        LmsStudent::from_lms("Lima, Ana", "s-1042").unwrap()
    }

    /// Ana's work with the first `n` questions answered right, at times 2000, 2001…
    fn work(student: &LmsStudent, n: usize, from_ms: f64) -> AssignmentProgress {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let mut p = student.start("LA2.code".into(), 1_000.0);
        for (i, id) in a.questions.iter().take(n).enumerate() {
            let q = reading.question(id).unwrap();
            let r = correct_response(q);
            let score = grade(q, &r).score;
            p.save_response(id, r, score, from_ms + i as f64);
        }
        p
    }

    #[test]
    fn the_lms_names_the_student() {
        assert_eq!(ana().name, "Ana Lima");
        assert_eq!(ana().id, "s-1042");
        assert_eq!(LmsStudent::from_lms("  ", "s-1"), None);
        let p = ana().start("LA2.code".into(), 5.0);
        assert_eq!(
            (p.student.as_str(), p.student_id.as_str()),
            ("Ana Lima", "s-1042")
        );
        assert!(ana().owns(&p));
        let ben = LmsStudent::from_lms("Ortiz, Ben", "s-7").unwrap();
        assert!(!ben.owns(&p));
        // The same name with another ID is another student.
        let other_ana = LmsStudent::from_lms("Lima, Ana", "s-9").unwrap();
        assert!(!other_ana.owns(&p));
    }

    #[test]
    fn the_lms_work_is_resumed_and_combined_with_the_devices() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let code = "LA2.code";
        let lms = work(&ana(), 3, 2_000.0);
        let data = suspend::encode(&a, reading, &lms).unwrap().text;

        // Nothing on the device: the LMS's work, with the LMS's ID.
        let r = resume(&a, reading, code, Some(&ana()), None, &data);
        assert_eq!(r.refused, None);
        let p = r.progress.unwrap();
        assert_eq!(p.answers.len(), 3);
        assert_eq!(p.student_id, "s-1042");
        assert_eq!(p.student, "Ana Lima");

        // The device has a newer answer to a fourth question: both are kept.
        let device = work(&ana(), 4, 9_000.0);
        let p = resume(&a, reading, code, Some(&ana()), Some(&device), &data)
            .progress
            .unwrap();
        assert_eq!(p.answers.len(), 4);
        assert_eq!(current_question(&p), Some(a.questions[3].as_str()));
    }

    #[test]
    fn another_students_device_copy_is_never_shown() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let ben = LmsStudent::from_lms("Ortiz, Ben", "s-7").unwrap();
        let anas = work(&ana(), 2, 2_000.0);
        let r = resume(&a, reading, "c", Some(&ben), Some(&anas), "");
        assert_eq!(
            r,
            Resume {
                progress: None,
                refused: None
            }
        );
        // Ana's own copy stays when the LMS has nothing yet.
        let r = resume(&a, reading, "c", Some(&ana()), Some(&anas), "");
        assert_eq!(r.progress, Some(anas));
    }

    #[test]
    fn damaged_or_foreign_suspend_data_is_refused_for_the_devices_copy() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let device = work(&ana(), 1, 2_000.0);
        let mut data = suspend::encode(&a, reading, &work(&ana(), 3, 2_000.0))
            .unwrap()
            .text;
        data.pop();
        let r = resume(&a, reading, "c", Some(&ana()), Some(&device), &data);
        assert_eq!(r.progress, Some(device.clone()));
        assert!(matches!(r.refused, Some(SuspendError::Code(_))));

        let other = crate::core::assignment::Assignment { id: 9, ..a.clone() };
        let foreign = suspend::encode(&other, reading, &work(&ana(), 2, 2_000.0))
            .unwrap()
            .text;
        let r = resume(&a, reading, "c", Some(&ana()), None, &foreign);
        assert_eq!(r.progress, None);
        assert!(r.refused.is_some());
        assert!(!Notice::ResumeRefused(r.refused.unwrap())
            .text()
            .contains('{'));
    }

    #[test]
    fn without_a_name_from_the_lms_the_device_copy_reads_the_suspend_data() {
        let a = lms_assignment(StudentIdKind::NameOnly);
        let reading = &READINGS[0];
        let device = work(&ana(), 1, 2_000.0);
        let data = suspend::encode(&a, reading, &work(&ana(), 3, 2_000.0))
            .unwrap()
            .text;
        let r = resume(&a, reading, "c", None, Some(&device), &data);
        assert_eq!(r.progress.unwrap().answers.len(), 3);
        // No name and nothing on the device: the student starts by typing a name.
        assert_eq!(resume(&a, reading, "c", None, None, &data).progress, None);
    }

    #[test]
    fn notices_say_what_happened_in_words() {
        assert_eq!(
            Notice::SendRefused { code: "405".into() }.text(),
            "Your course's learning system did not take your result (error 405). Your result is \
             still on this device: pass it on to your teacher below (hand-in code or file)."
        );
        assert_eq!(
            Notice::Sent { percent: 75 }.text(),
            "Your result (75%) went to your course. You can close this page."
        );
        assert!(Notice::SaveRefused {
            code: String::new()
        }
        .text()
        .starts_with("Your course's learning system did not save your latest work. It"));
        assert!(Notice::Shortened(1)
            .text()
            .starts_with("1 long typed answer is"));
        assert!(Notice::TooLarge
            .text()
            .starts_with("This assignment is too large"));
        assert!(Notice::NoLms.text().contains("opened on its own"));
        assert!(
            !Notice::Connected.is_problem()
                && Notice::SaveRefused { code: "1".into() }.is_problem()
        );
    }
}
