// A stand-in for the browser's speech synthesis, installed before the app starts: headless
// Chromium has no voices. It replaces the methods of SpeechSynthesis.prototype (the ones the
// app calls through web-sys) and keeps what it is asked to say in `window.__speech`; a test
// moves through the queue with `__speech.finishCurrent()` and reads `__speech.log`.
//
//   await installFakeSpeech(page);             // one voice, announced by `voiceschanged`
//   await installFakeSpeech(page, { voices: 0 }); // a browser with no voices at all

export async function installFakeSpeech(page, { voices = 1 } = {}) {
  await page.addInitScript(({ voiceCount }) => {
    const state = {
      queue: [],
      current: null,
      paused: false,
      voicesReady: false,
      // Every utterance started: its text and rate.
      log: [],
      // Calls the app made: speak, pause, resume, cancel.
      calls: [],
    };
    const fire = (target, type) => target.dispatchEvent(new Event(type));
    const advance = () => {
      state.current = state.queue.shift() ?? null;
      if (state.current) {
        state.log.push({ text: state.current.text, rate: state.current.rate });
        fire(state.current, 'start');
      }
    };
    state.finishCurrent = () => {
      const done = state.current;
      state.current = null;
      if (done) fire(done, 'end');
      advance();
    };
    const voice = { name: 'Test voice', lang: 'en-GB', default: true, localService: true, voiceURI: 'test' };
    const proto = SpeechSynthesis.prototype;
    proto.getVoices = function () {
      return state.voicesReady ? Array.from({ length: voiceCount }, () => voice) : [];
    };
    proto.speak = function (utterance) {
      state.calls.push('speak');
      state.queue.push(utterance);
      if (!state.current && !state.paused) advance();
    };
    proto.pause = function () {
      state.calls.push('pause');
      state.paused = true;
    };
    proto.resume = function () {
      state.calls.push('resume');
      state.paused = false;
    };
    proto.cancel = function () {
      state.calls.push('cancel');
      const dropped = [state.current, ...state.queue].filter(Boolean);
      state.current = null;
      state.queue = [];
      // As Chromium does: cancelled utterances report an error ("interrupted"/"canceled").
      for (const u of dropped) fire(u, 'error');
    };
    window.__speech = state;
    // Voices arrive after the page starts, as in real browsers.
    setTimeout(() => {
      state.voicesReady = true;
      fire(window.speechSynthesis, 'voiceschanged');
    }, 50);
  }, { voiceCount: voices });
}
