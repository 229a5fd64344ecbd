//! Property tests: any valid question, any response.

use super::*;
use lectern_content::{Difficulty, List, Skill};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use std::borrow::Cow;

// ---- Questions as the content checks allow them ----------------------------------------------

fn own(text: String) -> Text {
    Cow::Owned(text)
}

fn list<T: Clone>(items: Vec<T>) -> List<T> {
    Cow::Owned(items)
}

/// Options `o0`, `o1`, …, right where `correct` says.
fn options(correct: &[bool]) -> List<Choice> {
    let options = correct
        .iter()
        .enumerate()
        .map(|(i, &correct)| Choice {
            id: own(format!("o{i}")),
            text: own(format!("Option {i}")),
            correct,
            feedback: (!correct).then(|| own(format!("Not option {i}."))),
        })
        .collect();
    list(options)
}

/// A typed answer as an author writes one: starts with a letter, so it is never empty.
fn phrase() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÿ ,.'-]{0,16}"
}

fn single_choice() -> impl Strategy<Value = Answer> {
    (2usize..6)
        .prop_flat_map(|n| (Just(n), 0..n))
        .prop_map(|(n, right)| Answer::SingleChoice {
            options: options(&(0..n).map(|i| i == right).collect::<Vec<_>>()),
        })
}

fn multiple_select() -> impl Strategy<Value = Answer> {
    vec(any::<bool>(), 2..6)
        .prop_filter("at least one right option", |c| c.contains(&true))
        .prop_map(|correct| Answer::MultipleSelect {
            options: options(&correct),
        })
}

fn true_false() -> impl Strategy<Value = Answer> {
    any::<bool>().prop_map(|answer| Answer::TrueFalse {
        answer,
        feedback: "It is the other way round.".into(),
    })
}

fn short_answer() -> impl Strategy<Value = Answer> {
    (vec(phrase(), 1..4), vec(phrase(), 0..3)).prop_map(|(accepted, misses)| {
        let near_misses = misses
            .into_iter()
            .map(|answer| NearMiss {
                feedback: own(format!("Not {answer}.")),
                answer: own(answer),
            })
            .collect();
        Answer::ShortAnswer {
            accepted: list(accepted.into_iter().map(own).collect()),
            near_misses: list(near_misses),
        }
    })
}

/// Pairs `l{i}` → `r{i}`, and distractors `d{i}`.
fn matching() -> impl Strategy<Value = Answer> {
    (2usize..6, 0usize..3).prop_map(|(pairs, distractors)| Answer::Matching {
        pairs: list(
            (0..pairs)
                .map(|i| Pair {
                    left: own(format!("l{i}")),
                    right: own(format!("r{i}")),
                })
                .collect(),
        ),
        distractors: list((0..distractors).map(|i| own(format!("d{i}"))).collect()),
        feedback: "Match again.".into(),
    })
}

fn ordering() -> impl Strategy<Value = Answer> {
    (3usize..7).prop_map(|n| Answer::Ordering {
        items: list((0..n).map(|i| own(format!("item {i}"))).collect()),
        feedback: "Order again.".into(),
    })
}

fn fill_blank() -> impl Strategy<Value = Answer> {
    vec(vec(phrase(), 1..3), 1..4).prop_map(|blanks| Answer::FillBlank {
        parts: list(
            (0..=blanks.len())
                .map(|i| own(format!("part {i}")))
                .collect(),
        ),
        blanks: list(
            blanks
                .into_iter()
                .map(|accepted| Blank {
                    accepted: list(accepted.into_iter().map(own).collect()),
                })
                .collect(),
        ),
        feedback: "Fill again.".into(),
    })
}

fn evidence_selection() -> impl Strategy<Value = Answer> {
    Just(Answer::EvidenceSelection {
        feedback: "Look again.".into(),
    })
}

/// Any question the content checks accept, with evidence sentences among `s0`…`s5`.
fn any_question() -> impl Strategy<Value = Question> {
    let answer = prop_oneof![
        single_choice(),
        multiple_select(),
        true_false(),
        short_answer(),
        matching(),
        ordering(),
        evidence_selection(),
        fill_blank(),
    ];
    let evidence = proptest::sample::subsequence(vec!["s0", "s1", "s2", "s3", "s4", "s5"], 1..4);
    (answer, evidence).prop_map(|(answer, evidence)| Question {
        id: "q".into(),
        section: "section".into(),
        prompt: "Prompt".into(),
        hint: "Hint".into(),
        explanation: "Explanation".into(),
        evidence: list(evidence.into_iter().map(Cow::Borrowed).collect()),
        skill: Skill::Recall,
        difficulty: Difficulty::Medium,
        answer,
        supports: None,
    })
}

// ---- Responses of every shape, often fitting the questions above -----------------------------

/// Option ids, sentence ids and right-hand items, known and unknown.
const ID: &str = "o[0-6]|s[0-6]|r[0-6]|d[0-3]|x|";

fn any_response() -> impl Strategy<Value = Response> {
    prop_oneof![
        ID.prop_map(Response::Choice),
        vec(ID, 0..7).prop_map(Response::Choices),
        any::<bool>().prop_map(Response::TrueFalse),
        "\\PC{0,24}".prop_map(Response::Text),
        vec(option::of(ID), 0..7).prop_map(Response::Matching),
        vec(0usize..8, 0..8).prop_map(Response::Order),
        vec(ID, 0..7).prop_map(Response::Sentences),
        vec("\\PC{0,12}", 0..5).prop_map(Response::Blanks),
    ]
}

/// A permutation of `0..n`, from the sort keys in `keys`.
fn order_from(keys: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order
}

proptest! {
    #[test]
    fn score_is_within_0_and_1_and_correct_means_1(q in any_question(), r in any_response()) {
        let graded = grade(&q, &r);
        prop_assert!((0.0..=1.0).contains(&graded.score), "{:?}", graded);
        prop_assert_eq!(graded.correct, graded.score == 1.0);
    }

    #[test]
    fn feedback_has_no_repeats_and_none_when_right(q in any_question(), r in any_response()) {
        let graded = grade(&q, &r);
        for (i, f) in graded.feedback.iter().enumerate() {
            prop_assert!(!graded.feedback[..i].contains(f), "{:?}", graded.feedback);
        }
        if graded.correct {
            prop_assert!(graded.feedback.is_empty());
        }
    }

    #[test]
    fn the_correct_response_is_fully_right(q in any_question()) {
        let graded = grade(&q, &correct_response(&q));
        prop_assert_eq!(graded.score, 1.0, "{:?}", q.answer);
        prop_assert!(graded.correct);
        prop_assert!(graded.feedback.is_empty());
    }

    #[test]
    fn ticking_everything_is_right_only_if_everything_is(
        correct in vec(any::<bool>(), 2..6).prop_filter("one right option", |c| c.contains(&true)),
    ) {
        let q = question_with(Answer::MultipleSelect { options: options(&correct) });
        let everything = (0..correct.len()).map(|i| format!("o{i}")).collect();
        prop_assert_eq!(grade(&q, &Response::Choices(everything)).correct, !correct.contains(&false));
    }

    #[test]
    fn an_order_scores_the_share_of_items_in_place(keys in vec(any::<u32>(), 3..8)) {
        let order = order_from(&keys);
        let answer = Answer::Ordering {
            items: list((0..order.len()).map(|i| own(format!("{i}"))).collect()),
            feedback: "Again.".into(),
        };
        let in_place = order.iter().enumerate().filter(|(p, i)| p == *i).count();
        let graded = grade(&question_with(answer), &Response::Order(order.clone()));
        prop_assert!((graded.score - in_place as f32 / order.len() as f32).abs() < 1e-6);
        prop_assert_eq!(graded.parts.at(0), Some(order[0] == 0));
    }

    #[test]
    fn a_typo_in_a_long_word_of_a_blank_is_forgiven(word in "[a-z]{5,12}", at in any::<prop::sample::Index>()) {
        let mut typo: Vec<char> = word.chars().collect();
        let i = at.index(typo.len() - 1);
        typo.swap(i, i + 1);
        let answer = Answer::FillBlank {
            parts: list(vec!["".into(), "".into()]),
            blanks: list(vec![Blank { accepted: list(vec![own(word)]) }]),
            feedback: "Again.".into(),
        };
        let typo: String = typo.into_iter().collect();
        prop_assert!(grade(&question_with(answer), &Response::Blanks(vec![typo])).correct);
    }
}

fn question_with(answer: Answer) -> Question {
    Question {
        id: "q".into(),
        section: "section".into(),
        prompt: "Prompt".into(),
        hint: "Hint".into(),
        explanation: "Explanation".into(),
        evidence: list(vec!["s0".into()]),
        skill: Skill::Recall,
        difficulty: Difficulty::Medium,
        answer,
        supports: None,
    }
}
