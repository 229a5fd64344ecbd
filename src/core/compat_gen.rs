//! Writes the bank-1 compatibility fixtures in `tests/compat/bank-v1/` with this build's code and
//! question bank: `cargo test --lib core::compat_gen -- --ignored`.

use crate::content::READINGS;
use crate::core::assignment::{Assignment, Mode};
use crate::core::gradebook::{class_rows, csv, distribution, question_stats};
use crate::core::grading::{correct_response, grade};
use crate::core::handin::{result_file, HandIn};
use crate::core::progress::{AssignmentProgress, Progress};
use crate::core::response::Response;
use lectern_content::{Answer, Question, Reading};
use serde_json::json;
use std::path::Path;

/// A wrong response of the question's kind (`how` picks among a few).
fn wrong(reading: &Reading, q: &Question) -> Response {
    match &q.answer {
        Answer::SingleChoice { options } => {
            Response::Choice(options.iter().find(|o| !o.correct).unwrap().id.to_string())
        }
        Answer::MultipleSelect { options } => Response::Choices(
            options.iter().filter(|o| !o.correct).map(|o| o.id.to_string()).collect(),
        ),
        Answer::TrueFalse { answer, .. } => Response::TrueFalse(!answer),
        Answer::ShortAnswer { .. } => Response::Text("I am not sure".into()),
        Answer::Matching { pairs, .. } => {
            let mut rights: Vec<Option<String>> =
                pairs.iter().map(|p| Some(p.right.to_string())).collect();
            rights.rotate_left(1);
            Response::Matching(rights)
        }
        Answer::Ordering { items, .. } => Response::Order((0..items.len()).rev().collect()),
        Answer::EvidenceSelection { .. } => {
            let section = reading.section(&q.section).unwrap();
            let other = section
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .find(|s| !q.evidence.iter().any(|e| *e == s.id))
                .unwrap();
            Response::Sentences(vec![other.id.to_string()])
        }
        Answer::FillBlank { blanks, .. } => {
            Response::Blanks(vec!["nothing".to_string(); blanks.len()])
        }
    }
}

/// A partly right response where the kind allows it, else the right one.
fn partial(q: &Question) -> Response {
    match (&q.answer, correct_response(q)) {
        (Answer::MultipleSelect { .. }, Response::Choices(mut ids)) => {
            ids.truncate(1);
            Response::Choices(ids)
        }
        (Answer::Matching { .. }, Response::Matching(mut rights)) => {
            let n = rights.len();
            rights[1..n].rotate_left(1);
            Response::Matching(rights)
        }
        (Answer::Ordering { .. }, Response::Order(mut order)) => {
            order.swap(0, 1);
            Response::Order(order)
        }
        (Answer::FillBlank { .. }, Response::Blanks(mut blanks)) => {
            let last = blanks.len() - 1;
            if last > 0 {
                blanks[last] = "nothing".into();
            }
            Response::Blanks(blanks)
        }
        (_, right) => right,
    }
}

#[test]
#[ignore]
fn write_bank_v1_fixtures() {
    let reading = &READINGS[0];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat/bank-v1");
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    let start = 1_760_000_000_000.0; // 2025-10-09
    let minute = 60_000.0;

    // An assessment over every other question of the bank, shuffled, and a practice on `bases`.
    let assessment = Assignment {
        id: 0x5eed_0001,
        title: "Week 5 quiz: Adversaries to Allies?".into(),
        reading: reading.id.to_string(),
        questions: reading
            .questions
            .iter()
            .step_by(2)
            .map(|q| q.id.to_string())
            .collect(),
        mode: Mode::Assessment,
        shuffle_questions: true,
        shuffle_options: true,
        seed: 20_251_009,
        due_minutes: Some((start / minute) as u64 + 7 * 24 * 60),
        time_limit_minutes: Some(40),
        extra_time_percent: 0,
        pass_mark: 60,
    };
    let practice = Assignment {
        id: 0x5eed_0002,
        title: "Bases practice".into(),
        questions: reading
            .questions_for("bases")
            .map(|q| q.id.to_string())
            .collect(),
        mode: Mode::Practice,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 7,
        due_minutes: None,
        time_limit_minutes: None,
        ..assessment.clone()
    };
    let link_a = assessment.to_code(reading);
    let link_p = practice.to_code(reading);
    write("link-assessment.txt", &format!("{link_a}\n"));
    write("link-practice.txt", &format!("{link_p}\n"));

    let find = |id: &str| reading.question(id).unwrap();
    // Ana: everything right. Ben: right, wrong, partly right, unanswered in turn.
    let mut ana = AssignmentProgress::new(link_a.clone(), "Ana Lima".into(), start);
    let mut ben = AssignmentProgress::new(link_a.clone(), "Ben".into(), start + minute);
    for (i, id) in assessment.questions.iter().enumerate() {
        let q = find(id);
        let at = start + (i as f64 + 2.0) * 10_000.0;
        let right = correct_response(q);
        ana.save_response(id, right.clone(), grade(q, &right).score, at);
        let response = match i % 4 {
            0 => right,
            1 => wrong(reading, q),
            2 => partial(q),
            _ => continue,
        };
        ben.save_response(id, response.clone(), grade(q, &response).score, at);
    }
    // Cy, in practice: a wrong first try then the right one on even questions.
    let mut cy = AssignmentProgress::new(link_p.clone(), "Cy".into(), start);
    for (i, id) in practice.questions.iter().enumerate() {
        let q = find(id);
        let at = start + (i as f64 + 1.0) * 20_000.0;
        let right = correct_response(q);
        if i % 2 == 0 {
            let w = wrong(reading, q);
            cy.record_check(id, w.clone(), grade(q, &w).score, at);
        }
        cy.record_check(id, right.clone(), grade(q, &right).score, at + 5_000.0);
    }

    let now = start + 25.0 * minute;
    let h_ana = HandIn::from_progress(&assessment, reading, &ana, now, false);
    let h_ben = HandIn::from_progress(&assessment, reading, &ben, now + minute, true);
    let h_cy = HandIn::from_progress(&practice, reading, &cy, now, false);
    write(
        "handin-codes.txt",
        &format!("{}\n{}\n{}\n", h_ana.to_code(), h_ben.to_code(), h_cy.to_code()),
    );
    write("result-ana.json", &result_file(&h_ana, &assessment, reading, &ana));
    write("result-cy.json", &result_file(&h_cy, &practice, reading, &cy));

    // Ben's device: the assessment before hand-in, and free study of the whole bank (right
    // first time on even questions, wrong then right on odd ones).
    let mut device = Progress::new();
    device.assignments.insert(assessment.key(), ben.clone());
    device.assignments.insert(practice.key(), cy.clone());
    for (i, q) in reading.questions.iter().enumerate() {
        let at = start - 86_400_000.0 + i as f64 * 30_000.0;
        let right = correct_response(q);
        if i % 2 == 1 {
            let w = wrong(reading, q);
            device.record_answer(&reading.id, &q.id, w.clone(), grade(q, &w).score, at);
        }
        device.record_answer(&reading.id, &q.id, right.clone(), 1.0, at + 1_000.0);
        device.visit_section(&reading.id, &q.section);
    }
    write("progress.json", &device.to_json());

    let rows_a = class_rows(
        &assessment,
        &[h_ana.to_code(), h_ben.to_code()],
    );
    write("gradebook-assessment.csv", &csv(&assessment, reading, &rows_a));
    let rows_p = class_rows(&practice, &[h_cy.to_code()]);
    write("gradebook-practice.csv", &csv(&practice, reading, &rows_p));
    let stats: Vec<_> = question_stats(&assessment, &rows_a)
        .iter()
        .map(|s| json!([s.number, s.id, s.percent_correct, s.mean_percent]))
        .collect();
    let tally = crate::core::progress::tally(reading, device.reading(&reading.id), None);
    let order = |a: &Assignment, name: &str| -> Vec<String> {
        a.questions_for(reading, name).iter().map(|q| q.id.to_string()).collect()
    };
    let expected = json!({
        "bank_ids": reading.questions.iter().map(|q| q.id.to_string()).collect::<Vec<_>>(),
        "fingerprint": format!("{:08x}", crate::core::assignment::questions_fingerprint(reading)),
        "assessment": {
            "key": assessment.key(),
            "questions": assessment.questions,
            "order_ana": order(&assessment, "Ana Lima"),
            "order_ben": order(&assessment, "Ben"),
            "salt_ana": assessment.option_salt("Ana Lima").to_string(),
            "now_ms": now,
        },
        "practice": { "key": practice.key(), "questions": practice.questions, "order_cy": order(&practice, "Cy") },
        "scores": {
            "ana": h_ana.scores, "ana_percent": h_ana.percent(),
            "ben": h_ben.scores, "ben_percent": h_ben.percent(),
            "cy": h_cy.scores, "cy_percent": h_cy.percent(),
        },
        "question_stats": stats,
        "distribution": distribution(&rows_a),
        "free_study_tally_v1": {
            "questions": tally.questions, "answered": tally.answered,
            "right_first_time": tally.right_first_time, "percent": tally.percent(),
        },
    });
    write("expected.json", &serde_json::to_string_pretty(&expected).unwrap());
    let progress_of = json!({
        "ana": ana_json(&ana), "ben": ana_json(&ben), "cy": ana_json(&cy),
    });
    write("students.json", &serde_json::to_string_pretty(&progress_of).unwrap());
}

fn ana_json(p: &AssignmentProgress) -> serde_json::Value {
    serde_json::to_value(p).unwrap()
}
