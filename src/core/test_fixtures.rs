//! Data shared by the core's tests: the class the LMS sample files in `tests/lms/` were written
//! for.

use crate::content::READINGS;
use crate::core::assignment::{Assignment, Mode, StudentIdKind};
use crate::core::handin::HandIn;

/// "Week 3: Adversaries to Allies?": the essay's first four questions, pass mark 60.
pub fn lms_assignment(kind: StudentIdKind) -> Assignment {
    let reading = &READINGS[0];
    Assignment {
        id: 0x5eed_0003,
        title: "Week 3: Adversaries to Allies?".into(),
        reading: reading.id.to_string(),
        questions: reading
            .questions
            .iter()
            .take(4)
            .map(|q| q.id.to_string())
            .collect(),
        bank: reading.bank_version(),
        mode: Mode::Assessment,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 3,
        due_minutes: None,
        time_limit_minutes: None,
        extra_time_percent: 0,
        pass_mark: 60,
        student_id_kind: kind,
    }
}

/// The class's hand-in codes: Ana Lima 80 %, Ben Ortiz 45 %, Eve Park 50 %, each with the ID
/// `kind` asks for (none for names only), and Dee Quinn 0 % with a code that carries no ID.
pub fn lms_results(kind: StudentIdKind) -> Vec<String> {
    let student = |name: &str, number: &str, email: &str, scores: [Option<u8>; 4]| HandIn {
        assignment: 0x5eed_0003,
        student: name.into(),
        student_id: match kind {
            StudentIdKind::NameOnly => String::new(),
            StudentIdKind::Number => number.into(),
            StudentIdKind::Email => email.into(),
        },
        handed_in_at: 1_795_000_000,
        time_on_task_s: 600,
        auto: false,
        late: false,
        scores: scores.to_vec(),
    };
    [
        student(
            "Ana Lima",
            "S-1024",
            "ana.lima@school.org",
            [Some(100), Some(100), Some(100), Some(20)],
        ),
        student(
            "Ben Ortiz",
            "S-1025",
            "ben.ortiz@school.org",
            [Some(100), Some(0), Some(80), None],
        ),
        student("Eve Park", "S-1030", "eve.park@school.org", [Some(50); 4]),
        HandIn {
            student_id: String::new(),
            ..student("Dee Quinn (old code)", "", "", [Some(0); 4])
        },
    ]
    .iter()
    .map(HandIn::to_code)
    .collect()
}
