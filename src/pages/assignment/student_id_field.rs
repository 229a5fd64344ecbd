//! The field for the student ID or school email an assignment asks for (nothing when it asks
//! for names only), next to the name at **Start**. What is typed is checked by
//! `StudentIdKind::check` when the student starts; the form shows why a value cannot be one.

use crate::components::field::bound;
use crate::components::focus::ElementRef;
use crate::core::assignment::{StudentIdKind, MAX_STUDENT_ID_BYTES};
use leptos::prelude::*;

/// What the student typed, why it cannot be used (if it cannot), and the input, which takes
/// focus when it is refused.
#[derive(Clone, Copy)]
pub struct StudentIdInput {
    pub typed: RwSignal<String>,
    pub problem: RwSignal<Option<&'static str>>,
    pub input: ElementRef,
}

impl Default for StudentIdInput {
    fn default() -> StudentIdInput {
        StudentIdInput {
            typed: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
            input: ElementRef::new(),
        }
    }
}

impl StudentIdInput {
    /// The ID or email as it is kept (empty for names only), or `None` after showing why the
    /// typed value cannot be one and moving focus to it.
    pub fn checked(self, kind: StudentIdKind) -> Option<String> {
        match kind.check(&self.typed.get_untracked()) {
            Ok(kept) => {
                self.problem.set(None);
                Some(kept)
            }
            Err(why) => {
                self.problem.set(Some(why));
                self.input.focus_soon();
                None
            }
        }
    }
}

/// The labelled input for `kind`, with its help and its problem; nothing for names only.
#[component]
pub fn StudentIdField(kind: StudentIdKind, field: StudentIdInput) -> impl IntoView {
    let (label, input_type, autocomplete, help) = match kind {
        StudentIdKind::NameOnly => return ().into_any(),
        StudentIdKind::Number => (
            "Your student ID",
            "text",
            "off",
            "Your ID number at school, as your school's gradebook knows it.",
        ),
        StudentIdKind::Email => (
            "Your school email",
            "email",
            "email",
            "The email address your school gave you (like name@school.org).",
        ),
    };
    view! {
        <label for="student-id">{label}</label>
        <input
            id="student-id"
            type=input_type
            autocomplete=autocomplete
            autocapitalize="none"
            spellcheck="false"
            maxlength=MAX_STUDENT_ID_BYTES.to_string()
            required
            aria-describedby="student-id-help student-id-problem"
            node_ref=field.input
            bind:value=bound(field.typed)
        />
        <p id="student-id-help" class="field-help">
            {help}
        </p>
        <p id="student-id-problem" class="field-problem" role="alert">
            {move || field.problem.get()}
        </p>
    }
    .into_any()
}
