//! The teacher's form makes the assignment for the reading chosen in its Reading select:
//! mounted in headless Chromium with two readings (the bundled essay and the short test reading
//! in `tests/content/base`, never shipped), the second one is chosen in the select as a
//! teacher would, and the assignment made, and its link, carry it.
#![cfg(all(target_arch = "wasm32", feature = "teacher"))]

use lectern::core::assignment::Assignment;
use lectern::pages::teach::AssignmentForm;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/test_readings.rs"));
}

/// Lets the app's effects and redraws run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Sets a form control's value and fires the event a person's input would.
fn enter(host: &web_sys::Element, selector: &str, value: &str, event: &str) {
    let control = host.query_selector(selector).unwrap().unwrap();
    js_sys::Reflect::set(&control, &"value".into(), &value.into()).unwrap();
    control
        .dispatch_event(&web_sys::Event::new(event).unwrap())
        .unwrap();
}

fn labels(host: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn an_assignment_made_for_the_second_reading_carries_it() {
    let [first, second] = fixtures::TEST_READINGS else {
        panic!("the essay and the test reading");
    };
    assert_ne!(first.id, second.id);
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let made: RwSignal<Option<(Assignment, String)>> = RwSignal::new(None);
    let _mounted = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let on_created = Callback::new(move |created| made.set(Some(created)));
        view! { <AssignmentForm readings=fixtures::TEST_READINGS on_created=on_created /> }
    });
    settle().await;
    let headings = |reading: &lectern_content::Reading| -> Vec<String> {
        reading
            .sections
            .iter()
            .map(|s| {
                format!(
                    "{} ({} questions)",
                    s.heading,
                    reading.questions_for(&s.id).count()
                )
            })
            .collect()
    };
    assert_eq!(
        labels(&host, "input[id^=section-] + label"),
        headings(first)
    );

    enter(&host, "#assignment-reading", &second.id, "change");
    settle().await;
    // The sections to choose from are the second reading's, all ticked.
    assert_eq!(
        labels(&host, "input[id^=section-] + label"),
        headings(second)
    );
    enter(&host, "#assignment-title", "Lighthouse quiz", "input");
    settle().await;
    host.query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;

    let (assignment, code) = made.get_untracked().expect("the form made an assignment");
    assert_eq!(assignment.reading, second.id);
    assert_eq!(assignment.title, "Lighthouse quiz");
    let all: Vec<String> = second.questions.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(assignment.questions, all);
    // The link carries it too: it opens as the same assignment, of the second reading.
    assert_eq!(
        Assignment::from_code(&code, fixtures::TEST_READINGS),
        Ok(assignment)
    );
    host.remove();
}
