//! A paired evidence question shown as one unit: Part A and Part B in one group, named by a
//! heading ("Questions 3 and 4: one question in two parts") and described by how the pair
//! counts, with Part A's card before Part B's, so reading and focus go from Part A to Part B.
//! Every list of question cards (a section, practice, an assignment) is laid out by
//! [`question_units`], which finds the pairs with [`crate::core::credit::units`].

use crate::core::credit::units;
use crate::routes::question_anchor;
use lectern_content::Question;
use leptos::prelude::*;

/// What a pair asks, and how it counts, under its heading.
pub const PAIR_NOTE: &str = "Part A asks a question about the text; Part B asks for the sentence that best supports your answer to Part A. Part B counts only when Part A is right.";

/// Question cards for `numbered` (each question with its number as shown), made by `card`, in
/// that order, each pair of Part A and Part B in a [`QuestionPair`]. (`card` is a `dyn`: one
/// copy of this function in the wasm for its four callers.)
pub fn question_units(
    numbered: &[(usize, &'static Question)],
    card: &dyn Fn(usize, &'static Question) -> AnyView,
) -> Vec<AnyView> {
    let questions: Vec<&Question> = numbered.iter().map(|(_, q)| *q).collect();
    units(&questions)
        .into_iter()
        .map(|unit| {
            let (first, part_a) = numbered[unit.start];
            let cards: Vec<AnyView> = numbered[unit.clone()]
                .iter()
                .map(|&(number, q)| card(number, q))
                .collect();
            if unit.len() == 1 {
                cards.into_iter().next().unwrap_or_else(|| ().into_any())
            } else {
                view! { <QuestionPair part_a=part_a first=first cards=cards /> }.into_any()
            }
        })
        .collect()
}

/// A pair: a group with an accessible name (its heading) and description (how it counts),
/// holding Part A's card, then Part B's.
#[component]
pub fn QuestionPair(
    /// Part A: its id names the group's heading.
    part_a: &'static Question,
    /// Part A's number as shown; Part B's is the next.
    first: usize,
    /// Part A's card, then Part B's.
    cards: Vec<AnyView>,
) -> impl IntoView {
    let id = format!("{}-pair", question_anchor(&part_a.id));
    let (heading_id, note_id) = (format!("{id}-heading"), format!("{id}-note"));
    let (labelled_by, described_by) = (heading_id.clone(), note_id.clone());
    view! {
        <div
            class="question-pair"
            role="group"
            aria-labelledby=labelled_by
            aria-describedby=described_by
        >
            <h3 class="pair-heading" id=heading_id>
                {format!("Questions {first} and {}: one question in two parts", first + 1)}
            </h3>
            <p class="pair-note" id=note_id>
                {PAIR_NOTE}
            </p>
            {cards}
        </div>
    }
}
