//! The LMS's SCORM 1.2 runtime: finding its `API` object and calling it.
//!
//! An LMS that launches a SCORM 1.2 package puts an object named `API` on one of the windows
//! around it; the package finds it as the SCORM 1.2 Run-Time Environment (3.3.6.1, ADL's
//! `APIWrapper.js`) says: this window, then up its `parent` windows (at most 7 steps, as ADL's
//! wrapper, which calls deeper nesting an error), then the same from `window.opener`. A window
//! of another origin cannot be looked into: that path ends there (no exception escapes).
//!
//! Every call is `LMSInitialize`, `LMSGetValue`, `LMSSetValue`, `LMSCommit` or `LMSFinish`,
//! answered with `"true"`/`"false"` or a value; on a failure the LMS's `LMSGetLastError`,
//! `LMSGetErrorString` and `LMSGetDiagnostic` say why. Each failure is a [`ScormError`] value,
//! never a panic, and a method that throws is a failure too. What to set is worked out in
//! `crate::core::scorm`; this module only talks to the LMS.
//!
//! It also reads the package page's meta elements (`crate::core::scorm::package`): whether the
//! app runs from a package, and which assignment.

use crate::core::scorm::package::{ASSIGNMENT_META, PACKAGE_KIND, PACKAGE_META};
use js_sys::{Function, Object, Reflect};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// How many `parent` steps the search takes, as ADL's API wrapper.
pub const MAX_PARENT_STEPS: usize = 7;

/// The LMS's API object.
#[derive(Clone, Debug)]
pub struct Lms {
    api: Object,
}

/// A call the LMS refused or could not take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScormError {
    /// The API function: `LMSSetValue`…
    pub call: &'static str,
    /// The data model element, for gets and sets.
    pub element: Option<String>,
    /// `LMSGetLastError`'s code ("401"…), or empty when the call threw or was missing.
    pub code: String,
    /// `LMSGetErrorString`'s text and `LMSGetDiagnostic`'s, or the exception's message.
    pub message: String,
}

impl fmt::Display for ScormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.call)?;
        if let Some(element) = &self.element {
            write!(f, "({element})")?;
        }
        if !self.code.is_empty() {
            write!(f, " failed with error {}", self.code)?;
        } else {
            write!(f, " failed")?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// A property of `object`, or `None` when it is missing, `null`, or cannot be read (a window of
/// another origin throws).
fn property(object: &JsValue, name: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())
}

/// ADL's `findAPI`: `API` on `window`, or on one of its parents, at most
/// [`MAX_PARENT_STEPS`] up.
fn search_up(window: &JsValue) -> Option<Object> {
    let mut window = window.clone();
    for step in 0..=MAX_PARENT_STEPS {
        if let Some(api) = property(&window, "API").filter(JsValue::is_object) {
            return Some(api.unchecked_into());
        }
        if step == MAX_PARENT_STEPS {
            break;
        }
        let parent = property(&window, "parent")?;
        if Object::is(&parent, &window) {
            return None;
        }
        window = parent;
    }
    None
}

/// The LMS's API around `window` (anything window-like: the tests pass plain objects), then
/// around its opener.
pub fn find_from(window: &JsValue) -> Option<Lms> {
    search_up(window)
        .or_else(|| property(window, "opener").and_then(|opener| search_up(&opener)))
        .map(|api| Lms { api })
}

/// The LMS's API around this page, if an LMS launched it.
pub fn find() -> Option<Lms> {
    find_from(&web_sys::window()?.into())
}

/// The content of `<meta name="…">` on this page.
fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content")
}

/// The assignment link's code when the app runs from a SCORM package (its launch page says so),
/// `None` on Lectern's own site.
pub fn package_assignment() -> Option<String> {
    (meta(PACKAGE_META)? == PACKAGE_KIND)
        .then(|| meta(ASSIGNMENT_META))
        .flatten()
}

/// Whether the app runs from a SCORM package: then it registers no service worker and uses no
/// address of the site.
pub fn in_package() -> bool {
    meta(PACKAGE_META).is_some()
}

impl Lms {
    /// Calls `name` with `args`; the result, or why the call could not be made.
    fn call(&self, name: &'static str, args: &[&str]) -> Result<JsValue, String> {
        let function: Function = property(&self.api, name)
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("the LMS's API has no {name}"))?;
        let args: Vec<JsValue> = args.iter().map(|a| JsValue::from_str(a)).collect();
        let result = match args.as_slice() {
            [] => function.call0(&self.api),
            [a] => function.call1(&self.api, a),
            [a, b] => function.call2(&self.api, a, b),
            _ => unreachable!("SCORM 1.2 calls take at most two arguments"),
        };
        result.map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "it threw an exception".into())
        })
    }

    /// The text a call returned (`"true"`, a value, an error code).
    fn text(value: &JsValue) -> String {
        value
            .as_string()
            .or_else(|| value.as_bool().map(|b| b.to_string()))
            .or_else(|| value.as_f64().map(|n| n.to_string()))
            .unwrap_or_default()
    }

    /// The LMS's own account of the last error, as a [`ScormError`] of `call`.
    fn failure(&self, call: &'static str, element: Option<&str>) -> ScormError {
        let code = self
            .call("LMSGetLastError", &[])
            .map(|v| Self::text(&v))
            .unwrap_or_default();
        let describe = |name: &'static str| {
            self.call(name, &[&code])
                .map(|v| Self::text(&v))
                .unwrap_or_default()
        };
        let message = [describe("LMSGetErrorString"), describe("LMSGetDiagnostic")]
            .into_iter()
            .filter(|m| !m.is_empty())
            .fold(Vec::<String>::new(), |mut all, m| {
                if !all.contains(&m) {
                    all.push(m);
                }
                all
            })
            .join(" – ");
        ScormError {
            call,
            element: element.map(str::to_string),
            code,
            message,
        }
    }

    fn thrown(call: &'static str, element: Option<&str>, message: String) -> ScormError {
        ScormError {
            call,
            element: element.map(str::to_string),
            code: String::new(),
            message,
        }
    }

    /// A call answered `"true"` or `"false"`.
    fn confirm(
        &self,
        call: &'static str,
        args: &[&str],
        element: Option<&str>,
    ) -> Result<(), ScormError> {
        let result = self
            .call(call, args)
            .map_err(|m| Self::thrown(call, element, m))?;
        if Self::text(&result) == "true" {
            Ok(())
        } else {
            Err(self.failure(call, element))
        }
    }

    /// `LMSInitialize("")`: starts the session.
    pub fn initialize(&self) -> Result<(), ScormError> {
        self.confirm("LMSInitialize", &[""], None)
    }

    /// `LMSGetValue(element)`. An empty value is a failure only if the LMS reports an error.
    pub fn get(&self, element: &str) -> Result<String, ScormError> {
        let call = "LMSGetValue";
        let value = self
            .call(call, &[element])
            .map_err(|m| Self::thrown(call, Some(element), m))?;
        let value = Self::text(&value);
        if value.is_empty() {
            let error = self.failure(call, Some(element));
            if !error.code.is_empty() && error.code != "0" {
                return Err(error);
            }
        }
        Ok(value)
    }

    /// `LMSSetValue(element, value)`.
    pub fn set(&self, element: &str, value: &str) -> Result<(), ScormError> {
        self.confirm("LMSSetValue", &[element, value], Some(element))
    }

    /// Sets each pair in order; stops at the first failure.
    pub fn set_all(&self, pairs: &[(String, String)]) -> Result<(), ScormError> {
        pairs.iter().try_for_each(|(e, v)| self.set(e, v))
    }

    /// `LMSCommit("")`: asks the LMS to keep what was set.
    pub fn commit(&self) -> Result<(), ScormError> {
        self.confirm("LMSCommit", &[""], None)
    }

    /// `LMSFinish("")`: ends the session; nothing can be set after it.
    pub fn finish(&self) -> Result<(), ScormError> {
        self.confirm("LMSFinish", &[""], None)
    }

    /// `LMSGetLastError()`: the code of the last call's error, `"0"` for none.
    pub fn last_error(&self) -> Result<String, ScormError> {
        self.call("LMSGetLastError", &[])
            .map(|v| Self::text(&v))
            .map_err(|m| Self::thrown("LMSGetLastError", None, m))
    }
}
