// What both bench scripts load a page with (bench/run.mjs for `cargo xtask bench`, bench/save.mjs
// for the save's two ways): the probe installed before the page's scripts, a page with or without
// mobile throttling, when the first question became answerable, a stored progress of a given
// size, and the time from a click on Check to the progress written.

// Lighthouse's mobile preset as DevTools applies it: slow 4G and a 4× slower CPU.
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

/** Installed in every page before its scripts: notes when `selector` first matches (also
 *  inside shadow roots), keeps the wasm memory and times every progress write. */
export function probe(selector) {
  const state = (window.__bench = { answerable: null, memory: null, saves: [] });
  const roots = [];
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (state.answerable !== null) return;
    if (document.querySelector(selector) || roots.some((root) => root.querySelector(selector))) {
      state.answerable = performance.now();
      observer.disconnect();
    }
  };
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
  const keep = (result) => {
    const memory = (result?.instance ?? result)?.exports?.memory;
    if (memory) state.memory = memory;
    return result;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...a) => original.apply(WebAssembly, a).then(keep);
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = performance.now();
    const result = setItem.call(this, key, value);
    if (String(key).startsWith('lectern:progress') || String(key).startsWith('lectern:changes')) {
      state.saves.push({ at: performance.now(), took: performance.now() - start, size: String(value).length });
    }
    return result;
  };
}

export const LECTERN_READY = ['input', 'select', 'textarea'].map((tag) => `.question ${tag}:not([disabled])`).join(', ');

export async function newPage(browser, selector, throttled) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(probe, selector);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const throttle = async () => {
    if (!throttled) return;
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  };
  return { context, page, cdp, throttle };
}

export const answerableAt = (page, timeout = 120_000) =>
  page.waitForFunction(() => window.__bench?.answerable, null, { timeout, polling: 50 }).then((h) => h.jsonValue());

/** Stored progress with `count` answered questions of a generated reading (section 1 left free). */
export function progressWith(readingId, sections, count) {
  const answers = {};
  let n = 0;
  for (let s = 2; s <= sections && n < count; s += 1) {
    for (let q = 0; q < 10 && n < count; q += 1, n += 1) {
      const response = [
        { kind: 'choice', value: 'right' },
        { kind: 'true-false', value: true },
        { kind: 'choices', value: ['a', 'b'] },
        { kind: 'text', value: String(s) },
      ][q % 4];
      const at = 1764320000000 + n * 1000;
      answers[`s${s}-q${q}`] = { response, score: 1, tries: 1, first_try_correct: true, first_try_score: 1, first_answered_at: at, last_answered_at: at };
    }
  }
  return JSON.stringify({ version: 1, readings: { [readingId]: { answers, sections_read: [], last_section: null } } });
}


/** Clicks Check on the question `questionId` and times it to the first progress write that
 *  follows (`total`), with that write's own time and size; null if nothing was written. */
export function timeSave(page, questionId) {
  return page.evaluate((id) => {
    const before = window.__bench.saves.length;
    const start = performance.now();
    document.querySelector(`#q-${id} .question-actions .primary`).click();
    const save = window.__bench.saves[before];
    return save ? { total: save.at - start, write: save.took, size: save.size } : null;
  }, questionId);
}
