//! What a question card holds while a student works on it, the same for every card (a study
//! question, an assignment question, and any new one): the answer so far, the last check's
//! grade, how many checks, whether "Check" was pressed with nothing answered, and the feedback
//! region that takes focus after each check.

use crate::components::focus::ElementRef;
use crate::core::grading::{grade, Grade};
use crate::core::progress::AnswerRecord;
use crate::core::response::Response;
use lectern_content::Question;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CardState {
    pub question: &'static Question,
    /// The student's answer so far.
    pub draft: RwSignal<Response>,
    /// The last check's grade, shown as feedback.
    pub result: RwSignal<Option<Grade>>,
    /// How many times the answer was checked.
    pub tries: RwSignal<u32>,
    /// Whether "Check" was pressed with nothing answered.
    pub reminder: RwSignal<bool>,
    /// The live region the feedback goes in.
    pub feedback: ElementRef,
}

impl CardState {
    /// A card showing `stored`, the answer kept in the student's progress, so a reload shows
    /// exactly what was there; or `fresh` when there is none. A kept answer shows its grade
    /// only once it was checked (an assessment keeps answers unchecked).
    pub fn new(
        question: &'static Question,
        stored: Option<&AnswerRecord>,
        fresh: Response,
    ) -> Self {
        CardState {
            question,
            draft: RwSignal::new(stored.map_or(fresh, |r| r.response.clone())),
            result: RwSignal::new(
                stored
                    .filter(|r| r.tries > 0)
                    .map(|r| grade(question, &r.response)),
            ),
            tries: RwSignal::new(stored.map_or(0, |r| r.tries)),
            reminder: RwSignal::new(false),
            feedback: ElementRef::new(),
        }
    }

    /// Shows another kept answer in place of this one (given in another tab, or another
    /// profile's), or `fresh` when there is none.
    pub fn show(&self, stored: Option<AnswerRecord>, fresh: Response) {
        let graded = stored
            .as_ref()
            .filter(|r| r.tries > 0)
            .map(|r| grade(self.question, &r.response));
        self.result.set(graded);
        self.tries.set(stored.as_ref().map_or(0, |r| r.tries));
        self.reminder.set(false);
        self.draft.set(stored.map_or(fresh, |r| r.response));
    }

    /// "Check": a blank answer gets a reminder; otherwise the grade is shown and `record` keeps
    /// the response and its score. Either way the feedback region then takes focus, so a screen
    /// reader reads the verdict out.
    pub fn check(&self, record: impl FnOnce(Response, f32)) {
        let response = self.draft.get_untracked();
        if response.is_blank() {
            self.reminder.set(true);
            self.result.set(None);
        } else {
            self.reminder.set(false);
            let graded = grade(self.question, &response);
            record(response, graded.score);
            self.tries.update(|t| *t += 1);
            self.result.set(Some(graded));
        }
        self.feedback.focus_soon();
    }
}
