//! What students and teachers held before the question bank was rebuilt still works: links,
//! hand-in codes, result files and stored progress made by the build of commit `4d877c6` for
//! the first bank (`tests/compat/bank-v1/`, see its README). They must open, grade and add up
//! exactly as they did, and stored answers to questions since retired are kept but not counted.

use crate::content::READINGS;
use crate::core::assignment::{fingerprint, Assignment, Mode};
use crate::core::backup::{export, parse, restore, RestoreMode};
use crate::core::gradebook::{
    class_rows, csv, distribution, pasted_entries, question_stats, Entry, Source, TeacherData,
};
use crate::core::handin::{read_result_file, result_file, HandIn};
use crate::core::merge::merge;
use crate::core::progress::{tally, AssignmentProgress, Progress};
use lectern_content::Reading;
use serde_json::Value;

const LINK_ASSESSMENT: &str = include_str!("../../tests/compat/bank-v1/link-assessment.txt");
const LINK_PRACTICE: &str = include_str!("../../tests/compat/bank-v1/link-practice.txt");
const HAND_IN_CODES: &str = include_str!("../../tests/compat/bank-v1/handin-codes.txt");
const RESULT_ANA: &str = include_str!("../../tests/compat/bank-v1/result-ana.json");
const RESULT_CY: &str = include_str!("../../tests/compat/bank-v1/result-cy.json");
const STUDENTS: &str = include_str!("../../tests/compat/bank-v1/students.json");
const PROGRESS: &str = include_str!("../../tests/compat/bank-v1/progress.json");
const CSV_ASSESSMENT: &str = include_str!("../../tests/compat/bank-v1/gradebook-assessment.csv");
const CSV_PRACTICE: &str = include_str!("../../tests/compat/bank-v1/gradebook-practice.csv");
const EXPECTED: &str = include_str!("../../tests/compat/bank-v1/expected.json");

fn essay() -> &'static Reading {
    &READINGS[0]
}

fn expected() -> Value {
    serde_json::from_str(EXPECTED).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap()
}

fn link(text: &str) -> Assignment {
    Assignment::from_code(text.trim(), READINGS).expect("a link made by the first bank opens")
}

fn student(name: &str) -> AssignmentProgress {
    let all: Value = serde_json::from_str(STUDENTS).unwrap();
    serde_json::from_value(all[name].clone()).unwrap()
}

fn codes() -> Vec<&'static str> {
    HAND_IN_CODES.lines().collect()
}

/// Ana, Ben and Cy handed in at these times (`expected.json`, `now_ms`).
fn hand_in_time(expected: &Value) -> f64 {
    expected["assessment"]["now_ms"].as_f64().unwrap()
}

#[test]
fn the_first_bank_is_the_one_the_fixtures_were_made_for() {
    let expected = expected();
    let ids = strings(&expected["bank_ids"]);
    let reading = essay();
    let bank_1 = reading.bank_ids(1).expect("the reading keeps bank 1");
    assert_eq!(bank_1, ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        format!("{:08x}", fingerprint(&bank_1)),
        expected["fingerprint"].as_str().unwrap()
    );
    for id in &ids {
        assert!(
            reading.any_question(id).is_some(),
            "`{id}` of bank 1 is neither asked nor retired"
        );
    }
}

#[test]
fn old_links_open_with_the_same_questions_order_and_salt() {
    let expected = expected();
    let reading = essay();
    let a = link(LINK_ASSESSMENT);
    assert_eq!(a.bank, 1);
    assert_eq!(a.key(), expected["assessment"]["key"].as_str().unwrap());
    assert_eq!(a.title, "Week 5 quiz: Adversaries to Allies?");
    assert_eq!(a.mode, Mode::Assessment);
    assert_eq!(a.questions, strings(&expected["assessment"]["questions"]));
    let order = |a: &Assignment, name: &str| -> Vec<String> {
        a.questions_for(reading, name)
            .iter()
            .map(|q| q.id.to_string())
            .collect()
    };
    assert_eq!(
        order(&a, "Ana Lima"),
        strings(&expected["assessment"]["order_ana"])
    );
    assert_eq!(
        order(&a, "Ben"),
        strings(&expected["assessment"]["order_ben"])
    );
    assert_eq!(
        a.option_salt("Ana Lima").to_string(),
        expected["assessment"]["salt_ana"].as_str().unwrap()
    );
    // Shown again (the teacher's list, a link with extra time), it is the same link.
    assert_eq!(a.to_code(reading), LINK_ASSESSMENT.trim());

    let p = link(LINK_PRACTICE);
    assert_eq!(p.questions, strings(&expected["practice"]["questions"]));
    assert_eq!(order(&p, "Cy"), strings(&expected["practice"]["order_cy"]));
    assert_eq!(p.to_code(reading), LINK_PRACTICE.trim());
}

#[test]
fn old_work_grades_to_the_same_hand_in_codes() {
    let expected = expected();
    let reading = essay();
    let (assessment, practice) = (link(LINK_ASSESSMENT), link(LINK_PRACTICE));
    let now = hand_in_time(&expected);
    let codes = codes();
    let cases = [
        (&assessment, "ana", now, false, codes[0]),
        (&assessment, "ben", now + 60_000.0, true, codes[1]),
        (&practice, "cy", now, false, codes[2]),
    ];
    for (assignment, name, at, auto, code) in cases {
        let graded = HandIn::from_progress(assignment, reading, &student(name), at, auto);
        assert_eq!(graded.to_code(), code, "{name}'s work grades as it did");
        let scores: Vec<Option<u8>> =
            serde_json::from_value(expected["scores"][name].clone()).unwrap();
        assert_eq!(graded.scores, scores, "{name}");
        assert_eq!(
            u64::from(graded.percent()),
            expected["scores"][format!("{name}_percent")]
                .as_u64()
                .unwrap()
        );
        assert_eq!(HandIn::from_code(code), Ok(graded));
    }
}

#[test]
fn old_result_files_open_and_are_written_the_same() {
    let expected = expected();
    let reading = essay();
    let now = hand_in_time(&expected);
    let codes = codes();
    for (text, code, assignment, name) in [
        (RESULT_ANA, codes[0], link(LINK_ASSESSMENT), "ana"),
        (RESULT_CY, codes[2], link(LINK_PRACTICE), "cy"),
    ] {
        let read = read_result_file(text).expect("an old result file opens");
        assert_eq!(read, HandIn::from_code(code).unwrap());
        // The report of every answer, the prompts and keys of retired questions among them,
        // is the same byte for byte.
        let work = student(name);
        let again = HandIn::from_progress(&assignment, reading, &work, now, false);
        assert_eq!(
            result_file(&again, &assignment, reading, &work),
            text,
            "{name}"
        );
    }
}

#[test]
fn the_gradebook_adds_old_results_up_as_before() {
    let expected = expected();
    let reading = essay();
    let assessment = link(LINK_ASSESSMENT);
    let codes = codes();

    let mut teacher = TeacherData::new();
    teacher.add_assignment(&assessment, LINK_ASSESSMENT.trim(), 0.0);
    let mut entries = pasted_entries(codes[1]);
    entries.push(Entry {
        label: "result-ana.json".into(),
        source: Source::File(RESULT_ANA.into()),
    });
    let reports = teacher.add_results(&assessment, &entries);
    assert!(reports.iter().all(|r| r.outcome.is_ok()), "{reports:?}");
    let stored = &teacher.assignments[&assessment.key()].results;
    let rows = class_rows(&assessment, stored);
    assert_eq!(csv(&assessment, reading, &rows), CSV_ASSESSMENT);
    let stats: Vec<Value> = question_stats(&assessment, &rows)
        .iter()
        .map(|s| serde_json::json!([s.number, s.id, s.percent_correct, s.mean_percent]))
        .collect();
    assert_eq!(Value::from(stats), expected["question_stats"]);
    assert_eq!(
        serde_json::to_value(distribution(&rows)).unwrap(),
        expected["distribution"]
    );

    let practice = link(LINK_PRACTICE);
    let rows = class_rows(&practice, &[codes[2].to_string()]);
    assert_eq!(csv(&practice, reading, &rows), CSV_PRACTICE);
}

#[test]
fn stored_answers_to_retired_questions_are_kept_and_not_counted() {
    let reading = essay();
    let progress = Progress::from_json(PROGRESS).expect("version 1 progress still reads");
    let answers = &progress.reading(&reading.id).unwrap().answers;
    assert_eq!(answers.len(), 52, "an answer to every question of bank 1");

    // Counted: only the questions asked now.
    let current: Vec<&str> = reading.questions.iter().map(|q| q.id.as_ref()).collect();
    let kept = answers
        .keys()
        .filter(|id| current.contains(&id.as_str()))
        .count();
    let t = tally(reading, progress.reading(&reading.id), None);
    assert_eq!(t.questions, reading.questions.len());
    assert_eq!(t.answered, kept);
    assert!(t.answered <= t.questions);
    for missed in crate::core::progress::missed_questions(reading, progress.reading(&reading.id)) {
        assert!(reading.question(missed).is_some(), "{missed} is not asked");
    }

    // Kept: a save, a merge with another tab and a backup all carry every answer.
    let saved = Progress::from_json(&progress.to_json()).unwrap();
    assert_eq!(saved, progress);
    assert_eq!(
        merge(&Progress::new(), &progress),
        merge(&progress, &progress)
    );
    assert_eq!(
        merge(&Progress::new(), &progress).readings[reading.id.as_ref()]
            .answers
            .len(),
        52
    );
    let backup = parse(&export(&progress, "Ben", 0.0), &[reading.id.as_ref()]).unwrap();
    for mode in [RestoreMode::Merge, RestoreMode::Replace] {
        let restored = restore(&Progress::new(), &backup, mode);
        assert_eq!(restored.readings[reading.id.as_ref()].answers.len(), 52);
        assert_eq!(restored.assignments, progress.assignments);
    }

    // Ben's assessment, left unfinished on this device, hands in as it would have.
    let expected = expected();
    let assessment = link(LINK_ASSESSMENT);
    let ben = &progress.assignments[&assessment.key()];
    let graded = HandIn::from_progress(
        &assessment,
        reading,
        ben,
        hand_in_time(&expected) + 60_000.0,
        true,
    );
    assert_eq!(graded.to_code(), codes()[1]);
}
