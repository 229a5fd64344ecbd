//! Example-based tests of every kind of question, and of every bundled question.

use super::*;
use crate::content::READINGS;
use lectern_content::{Difficulty, List, Reading, Skill};
use std::borrow::Cow;

// ---- Building questions ----------------------------------------------------------------------

fn question(answer: Answer) -> Question {
    with_evidence(&["s1"], answer)
}

fn with_evidence(evidence: &[&'static str], answer: Answer) -> Question {
    Question {
        id: "q".into(),
        section: "section".into(),
        prompt: "A prompt".into(),
        hint: "A hint".into(),
        explanation: "An explanation".into(),
        evidence: evidence
            .iter()
            .map(|e| Cow::Borrowed(*e))
            .collect::<Vec<_>>()
            .into(),
        skill: Skill::Recall,
        difficulty: Difficulty::Easy,
        answer,
        supports: None,
    }
}

fn option(id: &'static str, correct: bool, feedback: Option<&'static str>) -> Choice {
    Choice {
        id: id.into(),
        text: Cow::Owned(format!("Option {id}")),
        correct,
        feedback: feedback.map(Cow::Borrowed),
    }
}

fn texts(list: &[&'static str]) -> List<Text> {
    list.iter()
        .map(|t| Cow::Borrowed(*t))
        .collect::<Vec<_>>()
        .into()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// "Who made the offer?": `ivanov` is right, two wrong options with feedback.
fn single() -> Question {
    question(Answer::SingleChoice {
        options: vec![
            option("ivanov", true, None),
            option("putin", false, Some("Putin comes later.")),
            option("powell", false, Some("Powell is American.")),
        ]
        .into(),
    })
}

/// Two right options (`a` with feedback for missing it), three wrong (`d` and `e` share theirs).
fn multiple() -> Question {
    question(Answer::MultipleSelect {
        options: vec![
            option("a", true, Some("A is in the second sentence.")),
            option("b", true, None),
            option("c", false, Some("C is not in the text.")),
            option("d", false, Some("That came later.")),
            option("e", false, Some("That came later.")),
        ]
        .into(),
    })
}

fn true_false() -> Question {
    question(Answer::TrueFalse {
        answer: false,
        feedback: "The text says it is only reported.".into(),
    })
}

fn short() -> Question {
    question(Answer::ShortAnswer {
        accepted: texts(&["Sergei B. Ivanov", "Ivanov", "the Defense Minister"]),
        near_misses: vec![
            NearMiss {
                answer: "Putin".into(),
                feedback: "Putin is the president.".into(),
            },
            NearMiss {
                answer: "Ivanova".into(),
                feedback: "Ivanova is someone else.".into(),
            },
            NearMiss {
                answer: "Sergei Lavrov".into(),
                feedback: "Lavrov is the foreign minister.".into(),
            },
        ]
        .into(),
    })
}

fn matching() -> Question {
    let pair = |left: &'static str, right: &'static str| Pair {
        left: left.into(),
        right: right.into(),
    };
    question(Answer::Matching {
        pairs: vec![
            pair("Tajikistan", "Russian bases"),
            pair("Turkmenistan", "Reported Russian control"),
            pair("Afghanistan", "Northern Alliance"),
        ]
        .into(),
        distractors: texts(&["Taliban"]),
        feedback: "Look again at who controls each.".into(),
    })
}

fn ordering() -> Question {
    question(Answer::Ordering {
        items: texts(&["first", "second", "third", "fourth"]),
        feedback: "Follow the text's order.".into(),
    })
}

fn evidence_one() -> Question {
    with_evidence(
        &["claim"],
        Answer::EvidenceSelection {
            feedback: "Find the sentence that says both things.".into(),
        },
    )
}

fn evidence_three() -> Question {
    with_evidence(
        &["e1", "e2", "e3"],
        Answer::EvidenceSelection {
            feedback: "Three sentences support it.".into(),
        },
    )
}

fn fill_blank() -> Question {
    let blank = |accepted: &[&'static str]| Blank {
        accepted: texts(accepted),
    };
    question(Answer::FillBlank {
        parts: texts(&["Knowledge from ", " painful years, ", " skill and ", "."]),
        blanks: vec![
            blank(&["ten", "10"]),
            blank(&["diplomatic"]),
            blank(&["uncertain", "unclear"]),
        ]
        .into(),
        feedback: "Read the sentence again.".into(),
    })
}

/// One question of every kind.
fn every_kind() -> Vec<Question> {
    vec![
        single(),
        multiple(),
        true_false(),
        short(),
        matching(),
        ordering(),
        evidence_one(),
        evidence_three(),
        fill_blank(),
    ]
}

/// One response of every shape.
fn every_shape() -> Vec<Response> {
    vec![
        Response::Choice("ivanov".into()),
        Response::Choices(strings(&["a", "b"])),
        Response::TrueFalse(false),
        Response::Text("Ivanov".into()),
        Response::Matching(vec![Some("Russian bases".into()); 3]),
        Response::Order(vec![0, 1, 2, 3]),
        Response::Sentences(strings(&["s1", "claim", "e1"])),
        Response::Blanks(strings(&["ten", "diplomatic", "unclear"])),
    ]
}

fn score(question: &Question, response: Response) -> f32 {
    grade(question, &response).score
}

/// Asserts a response that does not fit its question: 0, no feedback, no marks.
fn assert_unfit(question: &Question, response: Response) {
    let graded = grade(question, &response);
    assert_eq!(graded, Grade::unfit(), "{response:?}");
    assert_eq!(graded.score, 0.0);
    assert!(!graded.correct);
}

// ---- Every kind ------------------------------------------------------------------------------

#[test]
fn correct_response_of_every_kind_is_fully_right() {
    for q in every_kind() {
        let graded = grade(&q, &correct_response(&q));
        assert_eq!(graded.score, 1.0, "{}", q.answer.kind_key());
        assert!(graded.correct);
        assert!(graded.feedback.is_empty());
    }
}

#[test]
fn a_response_of_another_kind_scores_nothing() {
    for q in every_kind() {
        let own = std::mem::discriminant(&correct_response(&q));
        for response in every_shape() {
            if std::mem::discriminant(&response) != own {
                assert_unfit(&q, response);
            }
        }
    }
}

#[test]
fn the_initial_response_is_never_right() {
    for q in every_kind() {
        assert!(
            !grade(&q, &Response::initial_for(&q)).correct,
            "{}",
            q.answer.kind_key()
        );
    }
}

// ---- Single choice ---------------------------------------------------------------------------

#[test]
fn single_choice_right() {
    let graded = grade(&single(), &Response::Choice("ivanov".into()));
    assert_eq!(graded.score, 1.0);
    assert!(graded.correct);
    assert!(graded.feedback.is_empty());
    assert_eq!(graded.parts.picked("ivanov"), Some(true));
    assert!(graded.parts.missed().is_empty());
}

#[test]
fn single_choice_wrong_gives_that_options_feedback() {
    let graded = grade(&single(), &Response::Choice("putin".into()));
    assert_eq!(graded.score, 0.0);
    assert!(!graded.correct);
    assert_eq!(graded.feedback, ["Putin comes later."]);
    assert_eq!(graded.parts.picked("putin"), Some(false));
    assert_eq!(graded.parts.picked("powell"), None);
    assert_eq!(graded.parts.missed(), ["ivanov"]);
}

#[test]
fn single_choice_unknown_or_empty_id_scores_nothing() {
    assert_unfit(&single(), Response::Choice("lavrov".into()));
    assert_unfit(&single(), Response::Choice(String::new()));
    assert_unfit(&single(), Response::Text("ivanov".into()));
}

// ---- Multiple select -------------------------------------------------------------------------

#[test]
fn multiple_select_all_right() {
    let graded = grade(&multiple(), &Response::Choices(strings(&["b", "a"])));
    assert_eq!(graded.score, 1.0);
    assert!(graded.correct);
    assert!(graded.feedback.is_empty());
    assert_eq!(
        graded.parts,
        Parts::Picks {
            right: strings(&["b", "a"]),
            wrong: vec![],
            missed: vec![]
        }
    );
}

#[test]
fn multiple_select_partial_credit_takes_a_tick_off_per_wrong_tick() {
    let q = multiple();
    assert_eq!(score(&q, Response::Choices(strings(&["b"]))), 0.5);
    assert_eq!(score(&q, Response::Choices(strings(&["a", "b", "c"]))), 0.5);
    assert_eq!(score(&q, Response::Choices(strings(&["a", "c"]))), 0.0);
    assert_eq!(score(&q, Response::Choices(strings(&["c"]))), 0.0);
    assert_eq!(score(&q, Response::Choices(vec![])), 0.0);
}

#[test]
fn multiple_select_ticking_everything_earns_nothing() {
    let graded = grade(
        &multiple(),
        &Response::Choices(strings(&["a", "b", "c", "d", "e"])),
    );
    assert_eq!(graded.score, 0.0);
    assert_eq!(graded.parts.picked("a"), Some(true));
    assert_eq!(graded.parts.picked("e"), Some(false));
}

#[test]
fn multiple_select_ticking_twice_is_ticking_once() {
    let q = multiple();
    assert_eq!(score(&q, Response::Choices(strings(&["b", "b"]))), 0.5);
    assert_eq!(score(&q, Response::Choices(strings(&["a", "b", "a"]))), 1.0);
}

#[test]
fn multiple_select_feedback_for_wrong_and_missed_options_in_order_without_repeats() {
    let graded = grade(
        &multiple(),
        &Response::Choices(strings(&["e", "b", "d", "c"])),
    );
    assert_eq!(
        graded.feedback,
        [
            "A is in the second sentence.",
            "C is not in the text.",
            "That came later."
        ]
    );
    assert_eq!(graded.parts.missed(), ["a"]);
}

#[test]
fn multiple_select_unknown_id_scores_nothing() {
    assert_unfit(&multiple(), Response::Choices(strings(&["a", "b", "z"])));
    assert_unfit(&multiple(), Response::Choice("a".into()));
}

// ---- True or false ---------------------------------------------------------------------------

#[test]
fn true_false_right_and_wrong() {
    let right = grade(&true_false(), &Response::TrueFalse(false));
    assert!(right.correct);
    assert!(right.feedback.is_empty());
    assert_eq!(right.parts, Parts::Whole);
    let wrong = grade(&true_false(), &Response::TrueFalse(true));
    assert_eq!(wrong.score, 0.0);
    assert_eq!(wrong.feedback, ["The text says it is only reported."]);
}

#[test]
fn true_false_not_yet_picked_scores_nothing() {
    // The initial response of a true-or-false question is an empty text.
    assert_unfit(&true_false(), Response::Text(String::new()));
}

// ---- Short answer ----------------------------------------------------------------------------

#[test]
fn short_answer_accepts_any_form_however_typed() {
    let q = short();
    for typed in [
        "Ivanov",
        "  ivanov. ",
        "IVANOV!",
        "Sergei B Ivanov",
        "sergei b. ivanov",
        "Ivanof",
        "Defense Minister",
        "The defence minister",
    ] {
        let graded = grade(&q, &Response::Text(typed.into()));
        assert!(graded.correct, "{typed}");
        assert!(graded.feedback.is_empty(), "{typed}");
    }
}

#[test]
fn short_answer_near_miss_gives_its_feedback() {
    let q = short();
    let graded = grade(&q, &Response::Text("putin".into()));
    assert_eq!(graded.score, 0.0);
    assert_eq!(graded.feedback, ["Putin is the president."]);
    // A typo in a near miss still finds it.
    let graded = grade(&q, &Response::Text("Sergei Lavorv".into()));
    assert_eq!(graded.feedback, ["Lavrov is the foreign minister."]);
}

#[test]
fn short_answer_exact_near_miss_wins_over_a_typo_of_an_accepted_form() {
    // "Ivanova" is one typo from "Ivanov", but the author listed it as someone else.
    let graded = grade(&short(), &Response::Text("Ivanova".into()));
    assert_eq!(graded.score, 0.0);
    assert_eq!(graded.feedback, ["Ivanova is someone else."]);
}

#[test]
fn short_answer_wrong_without_near_miss_has_no_feedback() {
    let q = short();
    for typed in ["Lavrov", "Ivan", "Sergei Ivanov Jr", "Powell"] {
        let graded = grade(&q, &Response::Text(typed.into()));
        assert_eq!(graded.score, 0.0, "{typed}");
        assert!(graded.feedback.is_empty(), "{typed}");
    }
}

#[test]
fn short_answer_empty_is_never_right() {
    let q = question(Answer::ShortAnswer {
        accepted: texts(&["?", "ten"]),
        near_misses: vec![].into(),
    });
    assert_eq!(score(&q, Response::Text(String::new())), 0.0);
    assert_eq!(score(&q, Response::Text(" ... ".into())), 0.0);
    assert_eq!(correct_response(&q), Response::Text("ten".into()));
}

#[test]
fn short_answer_numbers_must_be_exact() {
    let q = question(Answer::ShortAnswer {
        accepted: texts(&["10 years", "ten years"]),
        near_misses: vec![].into(),
    });
    assert_eq!(score(&q, Response::Text("10 yeras".into())), 1.0);
    assert_eq!(score(&q, Response::Text("11 years".into())), 0.0);
    assert_eq!(score(&q, Response::Text("100 years".into())), 0.0);
}

#[test]
fn short_answer_wrong_shape_scores_nothing() {
    assert_unfit(&short(), Response::Blanks(strings(&["Ivanov"])));
}

// ---- Matching --------------------------------------------------------------------------------

fn matched(rights: &[Option<&str>]) -> Response {
    Response::Matching(rights.iter().map(|r| r.map(str::to_string)).collect())
}

#[test]
fn matching_right() {
    let graded = grade(
        &matching(),
        &matched(&[
            Some("Russian bases"),
            Some("Reported Russian control"),
            Some("Northern Alliance"),
        ]),
    );
    assert!(graded.correct);
    assert_eq!(graded.parts, Parts::Positions(vec![true, true, true]));
}

#[test]
fn matching_partial_credit_per_pair() {
    let graded = grade(
        &matching(),
        &matched(&[
            Some("Russian bases"),
            Some("Northern Alliance"),
            Some("Taliban"),
        ]),
    );
    assert!((graded.score - 1.0 / 3.0).abs() < 1e-6);
    assert!(!graded.correct);
    assert_eq!(graded.feedback, ["Look again at who controls each."]);
    assert_eq!(graded.parts, Parts::Positions(vec![true, false, false]));
    assert_eq!(graded.parts.at(0), Some(true));
    assert_eq!(graded.parts.at(2), Some(false));
    assert_eq!(graded.parts.at(3), None);
}

#[test]
fn matching_unmatched_pairs_are_wrong() {
    let graded = grade(
        &matching(),
        &matched(&[None, Some("Reported Russian control"), None]),
    );
    assert!((graded.score - 1.0 / 3.0).abs() < 1e-6);
    assert_eq!(graded.parts, Parts::Positions(vec![false, true, false]));
    assert_eq!(score(&matching(), matched(&[None, None, None])), 0.0);
}

#[test]
fn matching_unknown_item_or_wrong_count_scores_nothing() {
    assert_unfit(&matching(), matched(&[Some("Run by NATO"), None, None]));
    assert_unfit(&matching(), matched(&[Some("Russian bases"), None]));
    assert_unfit(&matching(), matched(&[None, None, None, None]));
    assert_unfit(&matching(), Response::Order(vec![0, 1, 2]));
}

// ---- Ordering --------------------------------------------------------------------------------

#[test]
fn ordering_right() {
    let graded = grade(&ordering(), &Response::Order(vec![0, 1, 2, 3]));
    assert!(graded.correct);
    assert_eq!(graded.parts, Parts::Positions(vec![true; 4]));
}

#[test]
fn ordering_partial_credit_per_item_in_its_place() {
    // Places 0 and 3 hold their items; 1 and 2 are swapped.
    let graded = grade(&ordering(), &Response::Order(vec![0, 2, 1, 3]));
    assert_eq!(graded.score, 0.5);
    assert_eq!(graded.feedback, ["Follow the text's order."]);
    assert_eq!(
        graded.parts,
        Parts::Positions(vec![true, false, false, true])
    );
    assert_eq!(score(&ordering(), Response::Order(vec![1, 2, 3, 0])), 0.0);
    assert_eq!(score(&ordering(), Response::Order(vec![3, 1, 2, 0])), 0.5);
}

#[test]
fn ordering_that_is_not_an_order_of_the_items_scores_nothing() {
    assert_unfit(&ordering(), Response::Order(vec![0, 0, 2, 3]));
    assert_unfit(&ordering(), Response::Order(vec![0, 1, 2, 4]));
    assert_unfit(&ordering(), Response::Order(vec![0, 1, 2]));
    assert_unfit(&ordering(), Response::Order(vec![0, 1, 2, 3, 4]));
    assert_unfit(&ordering(), Response::Order(vec![usize::MAX, 1, 2, 3]));
    assert_unfit(&ordering(), Response::Choices(vec![]));
}

// ---- Evidence --------------------------------------------------------------------------------

fn sentences(ids: &[&str]) -> Response {
    Response::Sentences(strings(ids))
}

#[test]
fn evidence_with_one_sentence_is_all_or_nothing() {
    let q = evidence_one();
    let right = grade(&q, &sentences(&["claim"]));
    assert!(right.correct);
    assert_eq!(right.parts.picked("claim"), Some(true));

    let with_extra = grade(&q, &sentences(&["claim", "other"]));
    assert_eq!(with_extra.score, 0.0);
    assert_eq!(
        with_extra.feedback,
        ["Find the sentence that says both things."]
    );
    assert_eq!(with_extra.parts.picked("claim"), Some(true));
    assert_eq!(with_extra.parts.picked("other"), Some(false));

    let wrong = grade(&q, &sentences(&["other"]));
    assert_eq!(wrong.score, 0.0);
    assert_eq!(wrong.parts.missed(), ["claim"]);
    assert_eq!(score(&q, sentences(&[])), 0.0);
}

#[test]
fn evidence_with_several_sentences_is_scored_like_multiple_select() {
    let q = evidence_three();
    let third = |s: f32, n: f32| (s - n / 3.0).abs() < 1e-6;
    assert!(third(score(&q, sentences(&["e1", "e2"])), 2.0));
    assert!(third(score(&q, sentences(&["e1", "e2", "e3", "x"])), 2.0));
    assert!(third(score(&q, sentences(&["e1", "x", "e3", "y"])), 0.0));
    assert_eq!(score(&q, sentences(&["e3", "e1", "e2"])), 1.0);
    assert_eq!(score(&q, sentences(&["e3", "e1", "e2", "e2"])), 1.0);
    let graded = grade(&q, &sentences(&["e2", "x"]));
    assert_eq!(graded.score, 0.0);
    assert_eq!(
        graded.parts,
        Parts::Picks {
            right: strings(&["e2"]),
            wrong: strings(&["x"]),
            missed: strings(&["e1", "e3"]),
        }
    );
}

#[test]
fn evidence_wrong_shape_scores_nothing() {
    assert_unfit(&evidence_one(), Response::Choices(strings(&["claim"])));
}

// ---- Fill in the blanks ----------------------------------------------------------------------

fn typed(blanks: &[&str]) -> Response {
    Response::Blanks(strings(blanks))
}

#[test]
fn fill_blank_right_however_typed() {
    let q = fill_blank();
    for blanks in [
        ["ten", "diplomatic", "uncertain"],
        ["10", "Diplomatic.", "unclear"],
        [" Ten ", "diplomatik", "uncertian"],
    ] {
        let graded = grade(&q, &typed(&blanks));
        assert!(graded.correct, "{blanks:?}");
        assert_eq!(graded.parts, Parts::Positions(vec![true; 3]));
    }
}

#[test]
fn fill_blank_partial_credit_per_blank() {
    let q = fill_blank();
    let graded = grade(&q, &typed(&["nine", "diplomatic", ""]));
    assert!((graded.score - 1.0 / 3.0).abs() < 1e-6);
    assert_eq!(graded.feedback, ["Read the sentence again."]);
    assert_eq!(graded.parts, Parts::Positions(vec![false, true, false]));
    assert_eq!(score(&q, typed(&["11", "political", "certain"])), 0.0);
    // Three letters: no typo allowed.
    let two_thirds = score(&q, typed(&["tem", "diplomatic", "unclear"]));
    assert!((two_thirds - 2.0 / 3.0).abs() < 1e-6);
}

#[test]
fn fill_blank_wrong_count_scores_nothing() {
    assert_unfit(&fill_blank(), typed(&["ten", "diplomatic"]));
    assert_unfit(&fill_blank(), typed(&["ten", "diplomatic", "unclear", "x"]));
    assert_unfit(&fill_blank(), Response::Text("ten".into()));
}

// ---- Degenerate questions (ruled out by the content checks, but never a panic) ---------------

#[test]
fn questions_with_nothing_to_answer_do_not_panic() {
    let empty_multiple = question(Answer::MultipleSelect {
        options: vec![option("x", false, Some("No."))].into(),
    });
    assert_eq!(score(&empty_multiple, Response::Choices(vec![])), 1.0);
    assert_eq!(
        score(&empty_multiple, Response::Choices(strings(&["x"]))),
        0.0
    );
    let no_options = question(Answer::SingleChoice {
        options: vec![].into(),
    });
    assert_eq!(
        correct_response(&no_options),
        Response::Choice(String::new())
    );
    assert_eq!(score(&no_options, correct_response(&no_options)), 0.0);
    let no_blanks = question(Answer::FillBlank {
        parts: texts(&["All text."]),
        blanks: vec![].into(),
        feedback: "".into(),
    });
    assert_eq!(score(&no_blanks, typed(&[])), 1.0);
    let no_items = question(Answer::Ordering {
        items: texts(&[]),
        feedback: "".into(),
    });
    assert_eq!(score(&no_items, Response::Order(vec![])), 1.0);
}

#[test]
fn blank_feedback_is_not_shown() {
    let q = question(Answer::Ordering {
        items: texts(&["a", "b"]),
        feedback: "  ".into(),
    });
    let graded = grade(&q, &Response::Order(vec![1, 0]));
    assert_eq!(graded.score, 0.0);
    assert!(graded.feedback.is_empty());
}

// ---- The bundled readings --------------------------------------------------------------------

/// A response that must not be fully right: wrong options, values, texts, pairs, order and
/// sentences.
fn wrong_response(reading: &Reading, question: &Question) -> Response {
    const GIBBERISH: &str = "qwxz qwxz";
    match &question.answer {
        Answer::SingleChoice { options } | Answer::MultipleSelect { options } => {
            let wrong: Vec<String> = options
                .iter()
                .filter(|o| !o.correct)
                .map(|o| o.id.to_string())
                .collect();
            match &question.answer {
                Answer::SingleChoice { .. } => {
                    Response::Choice(wrong.into_iter().next().unwrap_or_default())
                }
                _ => Response::Choices(wrong),
            }
        }
        Answer::TrueFalse { answer, .. } => Response::TrueFalse(!answer),
        Answer::ShortAnswer { .. } => Response::Text(GIBBERISH.into()),
        Answer::Matching { pairs, .. } => {
            // Every left item gets the next pair's right item.
            let rights: Vec<Option<String>> = pairs
                .iter()
                .cycle()
                .skip(1)
                .take(pairs.len())
                .map(|p| Some(p.right.to_string()))
                .collect();
            Response::Matching(rights)
        }
        Answer::Ordering { items, .. } => {
            Response::Order((0..items.len()).map(|i| (i + 1) % items.len()).collect())
        }
        Answer::EvidenceSelection { .. } => {
            let others = reading
                .section(&question.section)
                .into_iter()
                .flat_map(|s| s.paragraphs.iter())
                .flat_map(|p| p.sentences.iter())
                .filter(|s| !question.evidence.contains(&s.id))
                .map(|s| s.id.to_string())
                .collect();
            Response::Sentences(others)
        }
        Answer::FillBlank { blanks, .. } => {
            Response::Blanks(blanks.iter().map(|_| GIBBERISH.to_string()).collect())
        }
    }
}

fn bundled_questions() -> impl Iterator<Item = (&'static Reading, &'static Question)> {
    READINGS
        .iter()
        .flat_map(|r| r.questions.iter().map(move |q| (r, q)))
}

#[test]
fn every_bundled_question_grades_its_answer_right_and_a_wrong_answer_wrong() {
    assert!(bundled_questions().count() > 0, "no bundled questions");
    for (reading, q) in bundled_questions() {
        let at = format!("{}/{}", reading.id, q.id);
        let right = grade(q, &correct_response(q));
        assert_eq!(right.score, 1.0, "{at}: {right:?}");
        assert!(right.correct && right.feedback.is_empty(), "{at}");

        let wrong = grade(q, &wrong_response(reading, q));
        assert!(wrong.score < 1.0 && !wrong.correct, "{at}: {wrong:?}");

        let initial = grade(q, &Response::initial_for(q));
        assert!(!initial.correct, "{at}: the initial response is right");
    }
}

#[test]
fn every_bundled_short_answer_form_is_right_and_every_near_miss_wrong() {
    for (reading, q) in bundled_questions() {
        let Answer::ShortAnswer {
            accepted,
            near_misses,
        } = &q.answer
        else {
            continue;
        };
        for form in accepted.iter() {
            let graded = grade(q, &Response::Text(form.to_string()));
            assert!(
                graded.correct,
                "{}/{}: `{form}` is not accepted",
                reading.id, q.id
            );
        }
        for miss in near_misses.iter() {
            let graded = grade(q, &Response::Text(miss.answer.to_string()));
            assert!(
                !graded.correct,
                "{}/{}: near miss `{}` is accepted",
                reading.id, q.id, miss.answer
            );
            assert_eq!(
                graded.feedback,
                [miss.feedback.to_string()],
                "{}/{}",
                reading.id,
                q.id
            );
        }
    }
}

#[test]
fn every_bundled_blank_form_is_right() {
    for (reading, q) in bundled_questions() {
        let Answer::FillBlank { blanks, .. } = &q.answer else {
            continue;
        };
        let longest = blanks.iter().map(|b| b.accepted.len()).max().unwrap_or(0);
        for k in 0..longest {
            // The k-th accepted form of each blank (or its last, if it has fewer).
            let forms = blanks
                .iter()
                .map(|b| {
                    b.accepted
                        .get(k)
                        .or(b.accepted.last())
                        .map(|f| f.to_string())
                        .unwrap_or_default()
                })
                .collect();
            let graded = grade(q, &Response::Blanks(forms));
            assert!(graded.correct, "{}/{}: form {k}", reading.id, q.id);
        }
    }
}

#[test]
fn every_bundled_wrong_option_shows_its_feedback() {
    for (reading, q) in bundled_questions() {
        let Answer::SingleChoice { options } = &q.answer else {
            continue;
        };
        for option in options.iter().filter(|o| !o.correct) {
            let graded = grade(q, &Response::Choice(option.id.to_string()));
            assert_eq!(graded.score, 0.0, "{}/{}", reading.id, q.id);
            let expected: Vec<String> = option.feedback.iter().map(|f| f.to_string()).collect();
            assert_eq!(graded.feedback, expected, "{}/{}", reading.id, q.id);
        }
    }
}
