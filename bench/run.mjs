// The browser half of `cargo xtask bench`: serves each build as a static host would, loads it
// in headless Chromium and writes every sample to a TSV file that the xtask summarises.
//
//   node bench/run.mjs --dists target/bench/dist --quizdown <quizdown.js> --runs 7 \
//     --sizes 10,100,1000 --lighthouse 3 --out target/bench/samples.tsv
//
// Lines: `subject<TAB>metric<TAB>v1,v2,…` (milliseconds or bytes) and `meta<TAB>key<TAB>text`.
// See docs/performance.md for what each metric means.

import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { answerRight, answerWrong } from '../tests/e2e/support/answer.mjs';
import { loadReading } from '../tests/e2e/support/content.mjs';
import { buildReferences } from './references.mjs';
import { compressedSizes, serve } from './server.mjs';
import { answerableAt, CPU_SLOWDOWN, LECTERN_READY, newPage, progressWith, SLOW_4G, timeSave } from './page.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dists = args.dists ?? 'target/bench/dist';
const runs = Number(args.runs ?? 7);
const sizes = (args.sizes ?? '').split(',').filter(Boolean).map(Number);
const out = args.out ?? 'target/bench/samples.tsv';
const lighthouseCount = Number(args.lighthouse ?? 3);
const CHECKS = 100;

const lines = [];
const record = (subject, metric, values) => {
  const list = [values].flat().filter((v) => Number.isFinite(v));
  if (list.length) lines.push(`${subject}\t${metric}\t${list.map((v) => Math.round(v * 1000) / 1000).join(',')}`);
};
const meta = (key, value) => lines.push(`meta\t${key}\t${String(value).replaceAll(/[\t\n]/g, ' ')}`);
const log = (message) => console.log(`[bench] ${message}`);

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  return page.evaluate(() => ({
    js: performance.memory?.usedJSHeapSize ?? NaN,
    wasm: window.__bench.memory?.buffer.byteLength ?? NaN,
  }));
}

/** One load of `url`: cold (fresh profile) or warm (after a first visit; for Lectern once its
 *  service worker is active). Returns the time to `selector` and, unthrottled, the memory. */
async function load(browser, url, selector, { warm = false, throttled = false, sw = false } = {}) {
  const { context, page, cdp, throttle } = await newPage(browser, selector, throttled);
  try {
    if (warm) {
      await page.goto(url);
      await answerableAt(page);
      if (sw) await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    }
    await throttle();
    await page.goto(url, { waitUntil: 'commit' });
    const at = await answerableAt(page);
    const mem = throttled ? null : await memory(page, cdp);
    return { at, mem };
  } finally {
    await context.close();
  }
}

/** The files a cold visit fetches (the page's and its service worker's), by kind and size. */
async function coldBytes(browser, server, url, selector, sw) {
  server.requests.length = 0;
  const { context, page } = await newPage(browser, selector, false);
  await page.goto(url);
  await answerableAt(page);
  if (sw) await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = [...new Set(server.requests.filter((r) => r.status === 200).map((r) => r.file))];
  const kinds = {};
  const add = (kind, sizes) => {
    kinds[kind] ??= { raw: 0, gz: 0, br: 0 };
    for (const k of ['raw', 'gz', 'br']) kinds[kind][k] += sizes[k];
  };
  for (const file of files) {
    const ext = path.extname(file);
    const kind = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html' }[ext] ?? 'other';
    const sizes = compressedSizes(readFileSync(path.join(server.root, file)));
    add(kind, sizes);
    add('total', sizes);
  }
  return { kinds, files, requests: server.requests.length };
}

/** Check → feedback: for every question, a wrong answer then a right one, each checked. */
async function checkTimes(browser, server, reading) {
  const { context, page } = await newPage(browser, LECTERN_READY, false);
  const feedback = [];
  const frame = [];
  try {
    for (const section of reading.sections) {
      await page.goto(`${server.url}read/${reading.id}/section/${section.id}`);
      await answerableAt(page);
      for (const q of reading.questions.filter((x) => x.section === section.id)) {
        for (const answer of [answerWrong, answerRight]) {
          if (feedback.length >= CHECKS) break;
          await answer(page, reading, q);
          const t = await page.evaluate(
            (id) =>
              new Promise((resolve) => {
                const box = document.getElementById(`q-${id}-feedback`);
                const button = document.querySelector(`#q-${id} .question-actions .primary`);
                let start;
                const observer = new MutationObserver(() => {
                  observer.disconnect();
                  box.getBoundingClientRect(); // style and layout of the new feedback
                  const dom = performance.now() - start;
                  requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - start })));
                });
                observer.observe(box, { childList: true, subtree: true, characterData: true });
                start = performance.now();
                button.click();
              }),
            q.id,
          );
          feedback.push(t.dom);
          frame.push(t.frame);
        }
      }
    }
  } finally {
    await context.close();
  }
  return { feedback, frame };
}

/** Check on one question with `count` answers already stored: click → progress written. */
async function saveTime(browser, server, sections, count) {
  const id = `generated-${sections}`;
  const { context, page } = await newPage(browser, LECTERN_READY, false);
  try {
    // Any file of the origin, so that its storage can be filled before the app starts.
    await page.goto(`${server.url}manifest.webmanifest`);
    await page.evaluate((value) => localStorage.setItem('lectern:progress:default', value), progressWith(id, sections, count));
    await page.goto(`${server.url}read/${id}/section/s1`);
    await answerableAt(page);
    await page.locator('#q-s1-q0').getByLabel('1 boats', { exact: true }).check();
    return await timeSave(page, 's1-q0');
  } finally {
    await context.close();
  }
}

async function measureLoads(browser, subject, server, url, selector, sw) {
  log(`${subject}: ${runs} cold and warm loads, plain and throttled`);
  for (const [mode, options] of [
    ['cold', {}],
    ['warm', { warm: true, sw }],
    ['cold.throttled', { throttled: true }],
    ['warm.throttled', { warm: true, sw, throttled: true }],
  ]) {
    const times = [];
    const js = [];
    const wasm = [];
    for (let i = 0; i < runs; i += 1) {
      const { at, mem } = await load(browser, url, selector, options);
      times.push(at);
      if (mode === 'cold' && mem) {
        js.push(mem.js);
        wasm.push(mem.wasm);
      }
    }
    record(subject, `answerable.${mode}`, times);
    if (js.length) record(subject, 'memory.js', js);
    if (wasm.some(Number.isFinite)) record(subject, 'memory.wasm', wasm);
  }
}

/** Lighthouse on a subject's pages (`pages`: kind → address), `lighthouseCount` runs each. A
 *  reference with one page (the static page, quizdown) is both its start and its section page. */
async function measureLighthouse(subject, server, pages) {
  // Loaded only when asked for: bench/node_modules is installed by `cargo xtask bench`.
  const { lighthouseRuns } = await import('./lighthouse.mjs');
  for (const [kind, url] of Object.entries(pages)) {
    const kinds = kind.split('+');
    log(`${subject}: Lighthouse on ${url || 'the start page'} (${kinds.join(' and ')}), ${lighthouseCount} runs`);
    const { series, warnings } = await lighthouseRuns(server.url + url, lighthouseCount);
    for (const k of kinds) {
      for (const [metric, values] of Object.entries(series)) {
        if (metric === 'benchmarkIndex') continue;
        record(subject, `lighthouse.${k}.${metric}`, values);
      }
    }
    meta(`lighthouse benchmark index, ${subject} ${kinds.join('+')}`, series.benchmarkIndex.map(Math.round).join(' '));
    if (warnings.length) meta(`lighthouse warnings, ${subject} ${kinds.join('+')}`, warnings.join(' | '));
  }
}

async function main() {
  const reading = loadReading('adversaries-to-allies');
  const quizdownBundle = args.quizdown;
  const refs = buildReferences(reading, dists, quizdownBundle);
  meta('date', new Date().toISOString());
  meta('runs', runs);
  meta('cpu', `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, load ${os.loadavg()[0].toFixed(2)} at start`);
  meta('node', process.version);
  meta('quizdown questions', `${refs.quizQuestions} of ${refs.allQuestions} (quizdown has no short answer, matching, evidence or fill-in-the-blank questions)`);
  meta('throttling', `network latency ${SLOW_4G.latency} ms, ${(SLOW_4G.downloadThroughput * 8) / 1024} kbit/s down, CPU ${CPU_SLOWDOWN}× slower`);

  const browser = await chromium.launch({ ...launchOptions, args: [...launchOptions.args, '--enable-precise-memory-info'] });
  meta('chromium', browser.version());
  const section = `read/${reading.id}/section/${reading.sections[0].id}`;
  const subjects = [
    { subject: 'lectern', dir: 'essay', url: section, selector: LECTERN_READY, sw: true, pages: { start: '', section } },
    { subject: 'static', dir: 'static', url: '', selector: 'main p', sw: false, pages: { 'start+section': '' } },
    { subject: 'floor', dir: 'floor', url: 'section/1', selector: '.question input', sw: false, pages: { start: '', section: 'section/1' } },
    { subject: 'quizdown', dir: 'quizdown', url: '', selector: 'input', sw: false, pages: { 'start+section': '' } },
  ];
  try {
    for (const s of subjects) {
      const server = await serve(path.join(dists, s.dir));
      try {
        const bytes = await coldBytes(browser, server, server.url + s.url, s.selector, s.sw);
        for (const [kind, sizes] of Object.entries(bytes.kinds)) {
          for (const [k, v] of Object.entries(sizes)) record(s.subject, `bytes.${kind}.${k}`, v);
        }
        meta(`${s.subject} files`, bytes.files.join(' '));
        await measureLoads(browser, s.subject, server, server.url + s.url, s.selector, s.sw);
        if (s.subject === 'lectern') {
          log(`lectern: Check → feedback, ${CHECKS} answers`);
          const { feedback, frame } = await checkTimes(browser, server, reading);
          record('lectern', 'check.feedback', feedback);
          record('lectern', 'check.frame', frame);
        }
        if (lighthouseCount > 0) await measureLighthouse(s.subject, server, s.pages);
      } finally {
        await server.stop();
      }
    }

    for (const sections of sizes) {
      const dir = path.join(dists, `sections-${sections}`);
      if (!existsSync(dir)) {
        log(`no build of ${sections} sections in ${dir}: skipped`);
        continue;
      }
      const subject = `lectern-${sections}`;
      const server = await serve(dir);
      try {
        log(`${subject}: ${runs} cold loads of section 1 and of the contents`);
        const times = [];
        const js = [];
        const wasm = [];
        const overview = [];
        for (let i = 0; i < runs; i += 1) {
          const { at, mem } = await load(browser, `${server.url}read/generated-${sections}/section/s1`, LECTERN_READY);
          times.push(at);
          js.push(mem.js);
          wasm.push(mem.wasm);
          const contents = await load(browser, `${server.url}read/generated-${sections}`, `a[href$="/section/s${sections}"]`);
          overview.push(contents.at);
        }
        record(subject, 'answerable.cold', times);
        record(subject, 'overview.cold', overview);
        record(subject, 'memory.js', js);
        record(subject, 'memory.wasm', wasm);
        // The student app: what section 1 loads (the whole app is only for the teacher's pages).
        const wasmFile = readdirSync(dir).find((f) => f.startsWith('lectern-student-') && f.endsWith('.wasm'));
        const wasmSizes = compressedSizes(readFileSync(path.join(dir, wasmFile)));
        record(subject, 'bytes.wasm.br', wasmSizes.br);
        record(subject, 'bytes.wasm.raw', wasmSizes.raw);

        if (sections * 10 >= 2010) {
          for (const count of [10, 2000]) {
            log(`${subject}: saving with ${count} answered questions`);
            const total = [];
            const write = [];
            for (let i = 0; i < runs; i += 1) {
              const save = await saveTime(browser, server, sections, count);
              if (!save) throw new Error(`no progress was written with ${count} answered questions`);
              total.push(save.total);
              write.push(save.write);
              if (i === 0) meta(`stored progress, ${count} answered`, `${save.size} characters`);
            }
            record('lectern', `save.${count}`, total);
            record('lectern', `save.${count}.setItem`, write);
          }
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  log(`samples written to ${out}`);
}

await main();
