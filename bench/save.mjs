// The two ways a save writes, timed in one build and one run (docs/performance.md, "Saving what
// changed"): with 10 answers stored (the whole progress), with 2,000 (what changed), and with
// 2,000 and changes that reach 16 KB with this answer (the whole progress again, as every save
// did before issue 15's part 3). On the essay's release build: a save's cost depends on the
// stored progress, not on the reading. The page helpers are bench/page.mjs, shared with run.mjs.
//
//   cargo xtask dist && node bench/save.mjs [RUNS] [DIST]

import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { serve } from './server.mjs';
import { answerableAt, LECTERN_READY, newPage, progressWith, timeSave } from './page.mjs';
import { answerRight } from '../tests/e2e/support/answer.mjs';
import { loadReading } from '../tests/e2e/support/content.mjs';
const reading = loadReading('adversaries-to-allies');
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
    return await timeSave(page, q.id);
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
