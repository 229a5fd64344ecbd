//! Ordering: a list with "Move up" and "Move down" buttons on every item, so nothing depends on
//! dragging. Focus stays on the button pressed as its item moves, and each move is announced.

use super::control_id;
use crate::components::focus::ElementRef;
use crate::core::response::Response;
use lectern_content::{Question, Text};
use leptos::prelude::*;

#[component]
pub fn Ordering(
    question: &'static Question,
    /// The items in their correct order; the draft holds the student's order as indices.
    items: &'static [Text],
    draft: RwSignal<Response>,
) -> impl IntoView {
    let order = move || match draft.get() {
        Response::Order(order) => order,
        _ => (0..items.len()).collect(),
    };
    let announcement = RwSignal::new(String::new());
    let position = move |item: usize| order().iter().position(|&i| i == item).unwrap_or(0);
    // Each item's Move up and Move down buttons, by item.
    let buttons: StoredValue<Vec<[ElementRef; 2]>> = StoredValue::new(
        items
            .iter()
            .map(|_| [ElementRef::new(), ElementRef::new()])
            .collect(),
    );
    let button = move |item: usize, up: bool| buttons.with_value(|b| b[item][usize::from(!up)]);
    let button_id = move |item: usize, up: bool| {
        control_id(
            question,
            format!("item-{item}-{}", if up { "up" } else { "down" }),
        )
    };
    let move_item = move |item: usize, up: bool| {
        draft.update(|r| {
            if let Response::Order(order) = r {
                let Some(at) = order.iter().position(|&i| i == item) else {
                    return;
                };
                let to = if up {
                    at.checked_sub(1)
                } else {
                    Some(at + 1).filter(|&t| t < order.len())
                };
                if let Some(to) = to {
                    order.swap(at, to);
                    // Moving a node in the DOM takes focus from it: give it back, to the same
                    // button, or to the other one when the item reached the top or bottom.
                    let at_end = if up { to == 0 } else { to + 1 == order.len() };
                    button(item, if at_end { !up } else { up }).focus_soon();
                    announcement.set(format!(
                        "“{}” moved to position {} of {}.",
                        items[item],
                        to + 1,
                        order.len()
                    ));
                }
            }
        })
    };
    let list_id = control_id(question, "order");
    view! {
        <ol class="ordering" id=list_id>
            <For each=order key=|item| *item let(item)>
                <li class="ordering-item">
                    <span class="ordering-text">{items[item].as_ref()}</span>
                    <span class="ordering-buttons">
                        <button
                            type="button"
                            id=button_id(item, true)
                            node_ref=button(item, true)
                            aria-label=format!("Move “{}” up", items[item])
                            disabled=move || position(item) == 0
                            on:click=move |_| move_item(item, true)
                        >
                            "↑"
                        </button>
                        <button
                            type="button"
                            id=button_id(item, false)
                            node_ref=button(item, false)
                            aria-label=format!("Move “{}” down", items[item])
                            disabled=move || position(item) + 1 == items.len()
                            on:click=move |_| move_item(item, false)
                        >
                            "↓"
                        </button>
                    </span>
                </li>
            </For>
        </ol>
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.get()}
        </p>
    }
}
