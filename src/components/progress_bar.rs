//! A labelled progress bar: the native `<progress>` element with its numbers in words beside it.

use leptos::prelude::*;

/// Shows `done` out of `total` with a visible label.
#[component]
pub fn ProgressBar(
    /// What is being counted, e.g. "Questions answered".
    label: &'static str,
    /// How many are done.
    #[prop(into)]
    done: Signal<usize>,
    /// How many there are in all.
    total: usize,
) -> impl IntoView {
    let id = format!("progress-{}", label.to_lowercase().replace(' ', "-"));
    view! {
        <div class="progress">
            <label for=id.clone()>{label}</label>
            <progress id=id max=total value=move || done.get()></progress>
            <span class="progress-count">{move || format!("{} of {total}", done.get())}</span>
        </div>
    }
}
