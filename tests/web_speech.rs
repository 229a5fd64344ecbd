//! The speech-synthesis wrapper (`platform::speech`) in headless Chromium, against a stand-in
//! for `speechSynthesis` (headless Chromium has no voices): whether there is a voice, passages
//! read in order at the given rate, the end reported once, and Stop silencing everything.
#![cfg(target_arch = "wasm32")]

use lectern::platform::speech;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces SpeechSynthesis.prototype's methods with a queue the test steps through, as
/// tests/e2e/support/fake-speech.mjs does for the end-to-end tests.
fn install_fake() {
    js_sys::eval(
        r#"
        const s = { queue: [], current: null, voices: 0, log: [], calls: [] };
        const fire = (t, type) => t.dispatchEvent(new Event(type));
        const advance = () => {
          s.current = s.queue.shift() ?? null;
          if (s.current) { s.log.push([s.current.text, s.current.rate]); fire(s.current, 'start'); }
        };
        s.finishCurrent = () => { const d = s.current; s.current = null; if (d) fire(d, 'end'); advance(); };
        const p = SpeechSynthesis.prototype;
        p.getVoices = () => Array.from({ length: s.voices }, () => ({ name: 'Test voice' }));
        p.speak = (u) => { s.calls.push('speak'); s.queue.push(u); if (!s.current) advance(); };
        p.pause = () => s.calls.push('pause');
        p.resume = () => s.calls.push('resume');
        p.cancel = () => {
          s.calls.push('cancel');
          const dropped = [s.current, ...s.queue].filter(Boolean);
          s.current = null; s.queue = [];
          for (const u of dropped) fire(u, 'error');
        };
        window.__speech = s;
        "#,
    )
    .expect("the fake installs");
}

fn js(code: &str) -> JsValue {
    js_sys::eval(code).expect("test script runs")
}

#[wasm_bindgen_test]
fn voices_are_followed() {
    install_fake();
    assert!(!speech::has_voices());
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = seen.clone();
    speech::on_voices_changed(move |has| record.borrow_mut().push(has));
    js("window.__speech.voices = 1; speechSynthesis.dispatchEvent(new Event('voiceschanged'))");
    assert!(speech::has_voices());
    assert_eq!(*seen.borrow(), vec![true]);
}

#[wasm_bindgen_test]
fn passages_are_read_in_order_and_the_end_reported_once() {
    install_fake();
    let started = Rc::new(RefCell::new(Vec::new()));
    let ended = Rc::new(RefCell::new(0));
    let (s, e) = (started.clone(), ended.clone());
    let passages = ["First sentence.".to_string(), "Second one.".to_string()];
    let speaking = speech::speak(
        &passages,
        0.8,
        move |i| s.borrow_mut().push(i),
        move || *e.borrow_mut() += 1,
    )
    .expect("the browser can speak");
    // Anything read before is cancelled first.
    assert_eq!(
        js("window.__speech.calls[0]").as_string().as_deref(),
        Some("cancel")
    );
    assert_eq!(*started.borrow(), vec![0]);
    js("window.__speech.finishCurrent()");
    assert_eq!(*started.borrow(), vec![0, 1]);
    assert_eq!(*ended.borrow(), 0);
    js("window.__speech.finishCurrent()");
    assert_eq!(*ended.borrow(), 1);
    let log = js("JSON.stringify(window.__speech.log)")
        .as_string()
        .unwrap();
    assert_eq!(
        log,
        r#"[["First sentence.",0.800000011920929],["Second one.",0.800000011920929]]"#
    );
    drop(speaking);
}

#[wasm_bindgen_test]
fn stop_silences_and_calls_nothing_more() {
    install_fake();
    let calls = Rc::new(RefCell::new(0));
    let (s, e) = (calls.clone(), calls.clone());
    let passages = ["One.".to_string(), "Two.".to_string(), "Three.".to_string()];
    let speaking = speech::speak(
        &passages,
        1.0,
        move |_| *s.borrow_mut() += 1,
        move || *e.borrow_mut() += 100,
    )
    .expect("the browser can speak");
    assert_eq!(*calls.borrow(), 1);
    speaking.stop();
    // The fake, like Chromium, fires `error` on what was cancelled: nobody is listening now.
    assert_eq!(*calls.borrow(), 1);
    assert_eq!(
        js("window.__speech.calls.at(-1)").as_string().as_deref(),
        Some("cancel")
    );
    assert!(
        js("window.__speech.current === null && window.__speech.queue.length === 0").is_truthy()
    );
}

#[wasm_bindgen_test]
fn nothing_to_read_reads_nothing() {
    install_fake();
    assert!(speech::speak(&[], 1.0, |_| {}, || {}).is_none());
}
