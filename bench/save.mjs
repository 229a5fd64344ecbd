// The two ways a save writes, timed in one build and one run (docs/performance.md, "Saving what
// changed"): with 10 answers stored (the whole progress), with 2,000 (what changed), and with
// 2,000 and changes that reach 16 KB with this answer (the whole progress again, as every save
// did before issue 15's part 3). On the essay's release build: a save's cost depends on the
// stored progress, not on the reading. The helpers are those of bench/run.mjs.
//
//   cargo xtask dist && node bench/save.mjs [RUNS] [DIST]

import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { serve } from './server.mjs';
import { answerRight } from '../tests/e2e/support/answer.mjs';
import { loadReading } from '../tests/e2e/support/content.mjs';
const reading = loadReading('adversaries-to-allies');
const SLOW_4G = {}; const CPU_SLOWDOWN = 1;
function probe(selector) {
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


const LECTERN_READY = ['input', 'select', 'textarea'].map((tag) => `.question ${tag}:not([disabled])`).join(', ');


async function newPage(browser, selector, throttled) {
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


const answerableAt = (page, timeout = 120_000) =>
  page.waitForFunction(() => window.__bench?.answerable, null, { timeout, polling: 50 }).then((h) => h.jsonValue());


function progressWith(readingId, sections, count) {
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


let L = 1000;
function bigChanges(readingId) {
  const answers = {};
  for (let i = 0; i < 13; i += 1) {
    const at = 1764330000000 + i * 1000;
    answers[`s900-q${i % 10}x${i}`] = { response: { kind: 'text', value: 'x'.repeat(L) }, score: 0, tries: 1, first_try_correct: false, first_try_score: 0, first_answered_at: at, last_answered_at: at };
  }
  return JSON.stringify({ version: 2, readings: { [readingId]: { answers } } });
}
async function saveTime(browser, server, sections, count, whole) {
  const id = reading.id;
  const q = reading.questions.find((x) => x.section === reading.sections[0].id);
  const { context, page } = await newPage(browser, LECTERN_READY, false);
  try {
    await page.goto(`${server.url}manifest.webmanifest`);
    await page.evaluate((value) => localStorage.setItem('lectern:progress:default', value), progressWith(id, sections, count));
    if (whole) await page.evaluate((value) => localStorage.setItem('lectern:changes:default', value), bigChanges(id));
    await page.goto(`${server.url}read/${id}/section/${reading.sections[0].id}`);
    await answerableAt(page);
    await page.waitForTimeout(300);
    const jlen = await page.evaluate(() => localStorage.getItem('lectern:changes:default')?.length ?? 0);
    if (whole === 'probe') return { jlen };
    if (whole) console.log(`changes before the click: ${jlen} chars`);
    await answerRight(page, reading, q);
    return await page.evaluate((qid) => {
      const before = window.__bench.saves.length;
      const start = performance.now();
      document.querySelector(`#q-${qid} .question-actions .primary`).click();
      const save = window.__bench.saves[before];
      return save ? { total: save.at - start, write: save.took, size: save.size } : null;
    }, q.id);
  } finally {
    await context.close();
  }
}
const runs = Number(process.argv[2] ?? 7);
const browser = await chromium.launch(launchOptions);
const server = await serve(process.argv[3] ?? 'dist');
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
try {
  const { jlen } = await saveTime(browser, server, 1000, 2000, 'probe');
  L = 1000 + Math.floor((16384 - 150 - jlen) / 13);
  for (const [label, count, whole] of [['10', 10, false], ['2000 changes', 2000, false], ['2000 whole (changes reach 16 KB)', 2000, true]]) {
    const total = [], write = [];
    let size;
    for (let i = 0; i < runs; i += 1) {
      const s = await saveTime(browser, server, 1000, count, whole);
      total.push(s.total); write.push(s.write); size = s.size;
    }
    console.log(`${label}: total median ${median(total).toFixed(2)} ms [${total.map((v) => v.toFixed(1)).join(' ')}], setItem median ${median(write).toFixed(2)} ms, first write ${size} chars`);
  }
} finally {
  await server.stop();
  await browser.close();
}
