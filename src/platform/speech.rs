//! Reading text aloud with the browser's own speech synthesis (`window.speechSynthesis`):
//! whether there is a voice to read with, and speaking a list of passages in turn, saying which
//! one is being read. Nothing is sent anywhere by this code; the voices are the browser's.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    // Read as a property first: where the API is missing, the getter returns `undefined`.
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    window.speech_synthesis().ok()
}

/// Whether the browser has at least one voice to read with. Browsers load their voices after
/// the page starts, so this can change: see [`on_voices_changed`].
pub fn has_voices() -> bool {
    synthesis().is_some_and(|s| s.get_voices().length() > 0)
}

/// Calls `on_change(has_voices())` whenever the browser's list of voices changes. The listener
/// lives as long as the page; call it once.
pub fn on_voices_changed(on_change: impl Fn(bool) + 'static) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(move || on_change(has_voices()));
    let _ = synthesis
        .add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Passages being read aloud, one utterance each. Dropping it detaches its callbacks (they are
/// never called after that) but does not silence the browser: call [`Speaking::stop`] for that.
pub struct Speaking {
    utterances: Vec<SpeechSynthesisUtterance>,
    _callbacks: Vec<Closure<dyn Fn()>>,
}

/// Reads `passages` aloud in order at `rate` (1 is the voice's normal speed), in the document's
/// language. Calls `on_start(i)` as passage `i` begins and `on_end()` when the last one has
/// been read, or when reading stops with an error. Anything being read before is cancelled.
/// `None` when the browser cannot speak.
pub fn speak(
    passages: &[String],
    rate: f32,
    on_start: impl Fn(usize) + 'static,
    on_end: impl Fn() + 'static,
) -> Option<Speaking> {
    let last = passages.len().checked_sub(1)?;
    let synthesis = synthesis()?;
    synthesis.cancel();
    // A synthesis left paused would keep the new passages silent.
    synthesis.resume();
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default();
    let on_start = std::rc::Rc::new(on_start);
    let on_end = std::rc::Rc::new(on_end);
    let mut speaking = Speaking {
        utterances: Vec::new(),
        _callbacks: Vec::new(),
    };
    for (i, text) in passages.iter().enumerate() {
        let utterance = SpeechSynthesisUtterance::new_with_text(text).ok()?;
        utterance.set_rate(rate);
        if !lang.is_empty() {
            utterance.set_lang(&lang);
        }
        let started = {
            let on_start = on_start.clone();
            Closure::<dyn Fn()>::new(move || on_start(i))
        };
        utterance.set_onstart(Some(started.as_ref().unchecked_ref()));
        speaking._callbacks.push(started);
        let on_end = on_end.clone();
        // An error (no voice after all, or the browser stopped) ends the reading too.
        let ended = Closure::<dyn Fn()>::new(move || on_end());
        utterance.set_onerror(Some(ended.as_ref().unchecked_ref()));
        if i == last {
            utterance.set_onend(Some(ended.as_ref().unchecked_ref()));
        }
        speaking._callbacks.push(ended);
        speaking.utterances.push(utterance);
    }
    for utterance in &speaking.utterances {
        synthesis.speak(utterance);
    }
    Some(speaking)
}

impl Speaking {
    /// Pauses reading where it is.
    pub fn pause(&self) {
        if let Some(s) = synthesis() {
            s.pause();
        }
    }

    /// Goes on from where reading was paused.
    pub fn resume(&self) {
        if let Some(s) = synthesis() {
            s.resume();
        }
    }

    /// Stops reading: nothing more is said and no callback is called.
    pub fn stop(self) {
        self.detach();
        if let Some(s) = synthesis() {
            s.cancel();
        }
    }

    fn detach(&self) {
        for utterance in &self.utterances {
            utterance.set_onstart(None);
            utterance.set_onend(None);
            utterance.set_onerror(None);
        }
    }
}

impl Drop for Speaking {
    fn drop(&mut self) {
        // The browser may still hold the utterances: their handlers must not outlive the
        // closures they call.
        self.detach();
    }
}
