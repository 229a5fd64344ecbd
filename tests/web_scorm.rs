//! The SCORM 1.2 runtime wrapper (`platform::scorm`) in headless Chromium, against a stand-in
//! LMS API: finding it up the parents (at most 7 steps) and through the opener, past windows
//! that cannot be read; each call, and each failure as a value with the LMS's error code and
//! text; and the package page's meta elements.
#![cfg(target_arch = "wasm32")]

use lectern::platform::scorm::{self, ScormError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// `window.__lms()`: a new stand-in API that keeps values, logs calls and refuses what a SCORM
/// 1.2 LMS refuses: calls before LMSInitialize (301), unknown elements (401), read-only ones
/// (403), write-only ones (404), calls after LMSFinish (101). `window.__windows(depth, at)`:
/// a chain of window-like objects `depth` parents deep, with the API on parent number `at`.
fn install() {
    js_sys::eval(
        r#"
        window.__lms = () => {
          const values = { 'cmi.core.student_name': 'Lima, Ana', 'cmi.core.student_id': 'S-1024',
                           'cmi.core.lesson_status': 'not attempted', 'cmi.interactions._count': '0' };
          const readOnly = ['cmi.core.student_name', 'cmi.core.student_id', 'cmi.interactions._count'];
          const strings = { '0': 'No error', '101': 'General exception', '301': 'Not initialized',
                            '401': 'Not implemented error', '403': 'Element is read only', '404': 'Element is write only' };
          const lms = { log: [], values, state: 'new', error: '0' };
          const fail = (code) => { lms.error = code; return 'false'; };
          const ok = (value = 'true') => { lms.error = '0'; return value; };
          lms.LMSInitialize = (arg) => { lms.log.push(['LMSInitialize', arg]); lms.state = 'running'; return ok(); };
          lms.LMSGetValue = (element) => {
            lms.log.push(['LMSGetValue', element]);
            if (lms.state !== 'running') { fail('301'); return ''; }
            if (element.startsWith('cmi.interactions.') && element !== 'cmi.interactions._count') { fail('404'); return ''; }
            if (!(element in values) && !element.startsWith('cmi.')) { fail('401'); return ''; }
            return ok(values[element] ?? '');
          };
          lms.LMSSetValue = (element, value) => {
            lms.log.push(['LMSSetValue', element, value]);
            if (lms.state !== 'running') return fail(lms.state === 'new' ? '301' : '101');
            if (readOnly.includes(element)) return fail('403');
            if (!element.startsWith('cmi.')) return fail('401');
            values[element] = value;
            return ok();
          };
          lms.LMSCommit = (arg) => { lms.log.push(['LMSCommit', arg]); return lms.state === 'running' ? ok() : fail('301'); };
          lms.LMSFinish = (arg) => { lms.log.push(['LMSFinish', arg]); if (lms.state !== 'running') return fail('301'); lms.state = 'done'; return ok(); };
          lms.LMSGetLastError = () => lms.error;
          lms.LMSGetErrorString = (code) => strings[code] ?? '';
          lms.LMSGetDiagnostic = (code) => (code === '0' ? '' : `diagnostic ${code}`);
          return lms;
        };
        window.__windows = (depth, at, api) => {
          const top = {}; top.parent = top;
          let w = top;
          const chain = [top];
          for (let i = 0; i < depth; i++) { const child = { parent: w }; chain.unshift(child); w = child; }
          if (at !== null) chain[at].API = api;
          return w;
        };
        "#,
    )
    .expect("the stand-ins install");
}

fn call(function: &str, args: &[JsValue]) -> JsValue {
    let window = web_sys::window().unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&window, &function.into())
        .unwrap()
        .into();
    f.apply(
        &JsValue::NULL,
        &args.iter().cloned().collect::<js_sys::Array>(),
    )
    .unwrap()
}

fn lms() -> JsValue {
    install();
    call("__lms", &[])
}

fn windows(depth: u32, at: Option<u32>, api: &JsValue) -> JsValue {
    call(
        "__windows",
        &[
            depth.into(),
            at.map_or(JsValue::NULL, JsValue::from),
            api.clone(),
        ],
    )
}

fn get(object: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(object.clone(), |o, key| {
        js_sys::Reflect::get(&o, &key.into()).unwrap()
    })
}

#[wasm_bindgen_test]
fn the_api_is_found_up_to_seven_parents_up() {
    let api = lms();
    for at in 0..=7 {
        assert!(
            scorm::find_from(&windows(9, Some(at), &api)).is_some(),
            "{at} parents up"
        );
    }
    assert!(
        scorm::find_from(&windows(9, Some(8), &api)).is_none(),
        "8 is too deep"
    );
    assert!(scorm::find_from(&windows(3, None, &api)).is_none());
    // A window whose parent is itself ends the search.
    assert!(scorm::find_from(&windows(0, None, &api)).is_none());
}

#[wasm_bindgen_test]
fn the_opener_is_searched_next() {
    let api = lms();
    let launched = windows(2, None, &api);
    js_sys::Reflect::set(&launched, &"opener".into(), &windows(3, Some(2), &api)).unwrap();
    assert!(scorm::find_from(&launched).is_some());
}

#[wasm_bindgen_test]
fn a_window_that_cannot_be_read_ends_its_path() {
    let api = lms();
    // As a window of another origin does: reading anything throws.
    js_sys::eval(
        "window.__foreign = new Proxy({}, { get() { throw new DOMException('Blocked a frame', 'SecurityError'); } });",
    )
    .unwrap();
    let foreign = get(&web_sys::window().unwrap().into(), "__foreign");
    let child = windows(0, None, &api);
    js_sys::Reflect::set(&child, &"parent".into(), &foreign).unwrap();
    assert!(scorm::find_from(&child).is_none());
    // The opener still counts.
    js_sys::Reflect::set(&child, &"opener".into(), &windows(1, Some(1), &api)).unwrap();
    assert!(scorm::find_from(&child).is_some());
}

#[wasm_bindgen_test]
fn the_page_window_is_searched() {
    let api = lms();
    let window: JsValue = web_sys::window().unwrap().into();
    js_sys::Reflect::set(&window, &"API".into(), &api).unwrap();
    let found = scorm::find().expect("window.API");
    found.initialize().unwrap();
    assert_eq!(found.get("cmi.core.student_name").unwrap(), "Lima, Ana");
    js_sys::Reflect::delete_property(&window.into(), &"API".into()).unwrap();
    assert!(scorm::find().is_none());
}

#[wasm_bindgen_test]
fn calls_go_through_and_failures_are_values() {
    let api = lms();
    let lms = scorm::find_from(&windows(1, Some(1), &api)).unwrap();
    // Before LMSInitialize the LMS refuses, and says why.
    assert_eq!(
        lms.set("cmi.core.lesson_status", "incomplete"),
        Err(ScormError {
            call: "LMSSetValue",
            element: Some("cmi.core.lesson_status".into()),
            code: "301".into(),
            message: "Not initialized – diagnostic 301".into(),
        })
    );
    lms.initialize().unwrap();
    assert_eq!(lms.get("cmi.core.student_id").unwrap(), "S-1024");
    assert_eq!(
        lms.get("cmi.suspend_data").unwrap(),
        "",
        "empty, and no error"
    );
    let pairs = vec![
        (
            "cmi.core.lesson_status".to_string(),
            "incomplete".to_string(),
        ),
        ("cmi.suspend_data".to_string(), "LS1.abc".to_string()),
    ];
    lms.set_all(&pairs).unwrap();
    let kept = js_sys::Reflect::get(&get(&api, "values"), &"cmi.suspend_data".into()).unwrap();
    assert_eq!(
        kept.as_string().as_deref(),
        Some("LS1.abc"),
        "the LMS holds it"
    );
    assert_eq!(lms.get("cmi.suspend_data").unwrap(), "LS1.abc");
    assert_eq!(lms.last_error().unwrap(), "0");
    let refused = lms
        .set("cmi.core.student_name", "Someone else")
        .unwrap_err();
    assert_eq!(
        (refused.code.as_str(), refused.call),
        ("403", "LMSSetValue")
    );
    assert_eq!(
        refused.to_string(),
        "LMSSetValue(cmi.core.student_name) failed with error 403: Element is read only – diagnostic 403"
    );
    assert_eq!(lms.get("cmi.interactions.0.id").unwrap_err().code, "404");
    assert_eq!(lms.get("adl.nav.request").unwrap_err().code, "401");
    // set_all stops at the first refusal.
    let stopped = lms.set_all(&[
        ("cmi.core.student_id".to_string(), "x".to_string()),
        ("cmi.core.lesson_location".to_string(), "q-1".to_string()),
    ]);
    assert_eq!(stopped.unwrap_err().code, "403");
    assert_eq!(lms.get("cmi.core.lesson_location").unwrap(), "");
    lms.commit().unwrap();
    lms.finish().unwrap();
    assert_eq!(lms.commit().unwrap_err().code, "301");
    assert_eq!(lms.set("cmi.core.exit", "").unwrap_err().code, "101");
    let log = js_sys::JSON::stringify(&get(&api, "log")).unwrap();
    assert!(String::from(log).starts_with(
        r#"[["LMSSetValue","cmi.core.lesson_status","incomplete"],["LMSInitialize",""]"#
    ));
}

#[wasm_bindgen_test]
fn an_api_that_throws_or_lacks_a_call_fails_as_a_value() {
    install();
    js_sys::eval(
        "window.__thrower = { LMSInitialize() { throw new Error('LMS is down'); }, LMSGetValue() { return true; } };",
    )
    .unwrap();
    let thrower = get(&web_sys::window().unwrap().into(), "__thrower");
    let lms = scorm::find_from(&windows(0, Some(0), &thrower)).unwrap();
    let error = lms.initialize().unwrap_err();
    assert_eq!(
        (error.call, error.code.as_str(), error.message.as_str()),
        ("LMSInitialize", "", "LMS is down")
    );
    assert_eq!(
        lms.commit().unwrap_err().message,
        "the LMS's API has no LMSCommit"
    );
    // Some LMSs answer with booleans: true is taken as "true".
    assert_eq!(lms.get("cmi.core.entry").unwrap(), "true");
}

#[wasm_bindgen_test]
fn the_package_page_is_recognised_by_its_meta_elements() {
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(!scorm::in_package());
    assert_eq!(scorm::package_assignment(), None);
    let head = document.head().unwrap();
    let mut added = Vec::new();
    for (name, content) in [
        ("lectern-package", "scorm-1.2"),
        ("lectern-assignment", "LA1.abc"),
    ] {
        let meta = document.create_element("meta").unwrap();
        meta.set_attribute("name", name).unwrap();
        meta.set_attribute("content", content).unwrap();
        head.append_child(&meta).unwrap();
        added.push(meta);
    }
    assert!(scorm::in_package());
    assert_eq!(scorm::package_assignment().as_deref(), Some("LA1.abc"));
    added[0].set_attribute("content", "scorm-2004").unwrap();
    assert_eq!(scorm::package_assignment(), None, "only the kind it knows");
    for meta in added {
        meta.remove();
    }
    assert!(!scorm::in_package());
}
