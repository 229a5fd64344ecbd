//! The answer controls, one component per kind of question, all native form controls with
//! labels so that mouse, touch, keyboard and screen readers all work. Each edits the question's
//! draft [`Response`]; the question card grades it.
//!
//! Each control is bound to its part of the draft with `components::field`.

mod choices;
mod evidence;
mod fill_blank;
mod matching;
mod ordering;
mod short_text;
mod true_false;

use crate::core::response::Response;
use lectern_content::{Answer, Question, Reading};
use leptos::prelude::*;

/// The control for the question's kind.
#[component]
pub fn AnswerInput(
    reading: &'static Reading,
    question: &'static Question,
    /// The student's answer so far.
    draft: RwSignal<Response>,
) -> impl IntoView {
    match &question.answer {
        Answer::SingleChoice { options } => {
            view! { <choices::Choices question=question options=options multiple=false draft=draft /> }.into_any()
        }
        Answer::MultipleSelect { options } => {
            view! { <choices::Choices question=question options=options multiple=true draft=draft /> }.into_any()
        }
        Answer::TrueFalse { .. } => view! { <true_false::TrueFalse question=question draft=draft /> }.into_any(),
        Answer::ShortAnswer { .. } => view! { <short_text::ShortText question=question draft=draft /> }.into_any(),
        Answer::Matching { pairs, distractors, .. } => {
            view! { <matching::Matching question=question pairs=pairs distractors=distractors draft=draft /> }
                .into_any()
        }
        Answer::Ordering { items, .. } => view! { <ordering::Ordering question=question items=items draft=draft /> }.into_any(),
        Answer::EvidenceSelection { .. } => {
            view! { <evidence::Evidence reading=reading question=question draft=draft /> }.into_any()
        }
        Answer::FillBlank { parts, blanks, .. } => {
            view! { <fill_blank::FillBlank question=question parts=parts blanks=blanks.len() draft=draft /> }
                .into_any()
        }
    }
}

/// Mixed into the option order of every question below it. Free study uses none, so everyone
/// sees the same order; an assignment that shuffles options provides one per student.
#[derive(Clone, Copy, Debug, Default)]
pub struct OptionSalt(pub u64);

/// The seed of a question's option order here: its id, and the salt if there is one.
pub fn option_seed(question: &Question) -> u64 {
    crate::core::shuffle::seed_from(&question.id)
        ^ use_context::<OptionSalt>().unwrap_or_default().0
}

/// The DOM id of a control inside a question, unique on the page.
pub fn control_id(question: &Question, part: impl std::fmt::Display) -> String {
    format!("q-{}-{part}", question.id)
}
