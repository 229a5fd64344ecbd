//! What a student answered, in a form that is graded by [`crate::core::grading`] and kept in
//! stored progress. Options and sentences are named by their stable ids, so that a response still
//! means the same thing after the question's options are shuffled or the app is updated.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Response {
    /// Single choice: the id of the chosen option.
    Choice(String),
    /// Multiple select: the ids of the ticked options, in any order.
    Choices(Vec<String>),
    /// True or false.
    TrueFalse(bool),
    /// Short answer: the text as typed.
    Text(String),
    /// Matching: for each pair, in the order the content lists them, the right-hand text the
    /// student chose for its left item (`None` while it is left unmatched).
    Matching(Vec<Option<String>>),
    /// Ordering: the student's order, as indices into the items in their correct order.
    Order(Vec<usize>),
    /// Evidence selection: the ids of the sentences the student picked.
    Sentences(Vec<String>),
    /// Fill in the blanks: the text typed into each blank, in order.
    Blanks(Vec<String>),
}

impl Response {
    /// The response a question starts with, before the student has answered: empty, except that
    /// an ordering starts shuffled (seeded by the question id, so a reload shows the same order,
    /// and never already in the right order).
    pub fn initial_for(question: &lectern_content::Question) -> Response {
        Response::initial_with_salt(question, 0)
    }

    /// Like [`Response::initial_for`], with the ordering's start also mixed with `salt` (an
    /// assignment's per-student option salt).
    pub fn initial_with_salt(question: &lectern_content::Question, salt: u64) -> Response {
        use crate::core::shuffle::{derangement_of_order, seed_from};
        use lectern_content::Answer;
        match &question.answer {
            Answer::SingleChoice { .. } => Response::Choice(String::new()),
            Answer::MultipleSelect { .. } => Response::Choices(Vec::new()),
            // No default: the student must pick one. `Text("")` marks "nothing picked yet".
            Answer::TrueFalse { .. } => Response::Text(String::new()),
            Answer::ShortAnswer { .. } => Response::Text(String::new()),
            Answer::Matching { pairs, .. } => Response::Matching(vec![None; pairs.len()]),
            Answer::Ordering { items, .. } => Response::Order(derangement_of_order(
                items.len(),
                seed_from(&question.id) ^ salt,
            )),
            Answer::EvidenceSelection { .. } => Response::Sentences(Vec::new()),
            Answer::FillBlank { blanks, .. } => Response::Blanks(vec![String::new(); blanks.len()]),
        }
    }

    /// Whether the student has given nothing to check yet. An ordering always has an order, so
    /// it is never blank; a matching needs every left item matched.
    pub fn is_blank(&self) -> bool {
        match self {
            Response::Choice(id) => id.is_empty(),
            Response::Choices(ids) | Response::Sentences(ids) => ids.is_empty(),
            Response::TrueFalse(_) => false,
            Response::Text(text) => text.trim().is_empty(),
            Response::Matching(choices) => choices.iter().any(Option::is_none),
            Response::Order(_) => false,
            Response::Blanks(blanks) => blanks.iter().any(|b| b.trim().is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_is_tagged_and_round_trips() {
        let responses = [
            Response::Choice("ivanov".into()),
            Response::Choices(vec!["a".into(), "b".into()]),
            Response::TrueFalse(false),
            Response::Text("Sergei Ivanov".into()),
            Response::Matching(vec![Some("x".into()), None]),
            Response::Order(vec![2, 0, 1]),
            Response::Sentences(vec!["ivanov-offer".into()]),
            Response::Blanks(vec!["ten".into()]),
        ];
        for response in responses {
            let json = serde_json::to_string(&response).unwrap();
            assert!(json.starts_with("{\"kind\":"), "{json}");
            assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
        }
        assert_eq!(
            serde_json::to_string(&Response::TrueFalse(true)).unwrap(),
            r#"{"kind":"true-false","value":true}"#
        );
    }

    #[test]
    fn blank_means_nothing_to_check() {
        assert!(Response::Choice(String::new()).is_blank());
        assert!(Response::Text("   ".into()).is_blank());
        assert!(Response::Matching(vec![Some("a".into()), None]).is_blank());
        assert!(!Response::Matching(vec![Some("a".into())]).is_blank());
        assert!(Response::Blanks(vec!["x".into(), "".into()]).is_blank());
        assert!(!Response::Order(vec![1, 0]).is_blank());
        assert!(!Response::TrueFalse(false).is_blank());
    }
}
