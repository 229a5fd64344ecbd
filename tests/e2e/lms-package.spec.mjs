// A SCORM 1.2 package made by `cargo xtask scorm`, run the way an LMS runs it: unzipped under a
// deep file path of the LMS's site (no SPA fallback there), `.wasm` served as
// application/octet-stream, in an iframe of a course page whose `API` is scorm-again's SCORM 1.2
// runtime. The app must start from the package's own files alone, with no service worker, no
// Content-Security-Policy violation and no request outside the package.
//
// Then the assignment in SCORM mode, against scorm-again: the student named by the LMS answers,
// the page is reloaded mid-way (a new runtime loaded with what the LMS kept, the device's copy
// cleared) and resumes from the suspend data, hands in, and the LMS holds exactly the score,
// status, session time and one interaction per question, with no call answered by an error. The
// package opened without an LMS says so and still hands in. The teacher's "Download for your
// LMS (SCORM 1.2)" makes the same zip, byte for byte, as `cargo xtask scorm`.
//
// Also: the site's own loader starts the app when the host serves `.wasm` with the wrong type.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { start } from './serve.mjs';
import { watch } from './support/watch.mjs';
import { loadReading } from './support/content.mjs';
import { assignmentCode } from './support/codes.mjs';
import { readZip } from './support/zip.mjs';
import { answerRight, answerWrong, card } from './support/answer.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const reading = loadReading('adversaries-to-allies');
const cargo = process.env.CARGO ?? 'cargo';
const PACKAGE = 'lms/pluginfile.php/27/mod_scorm/content/3/';
const WRONG_TYPE = { '.wasm': 'application/octet-stream' };
let root;
let code;
/** The files in the package made by `cargo xtask scorm`. */
let packaged;

/** The course page of a stand-in LMS: scorm-again as `window.API`, the package in an iframe. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Course · Week 3</title>
    <script src="scorm12.min.js"></script>
    <script src="host.js"></script>
  </head>
  <body>
    <h1>Week 3</h1>
    <iframe title="Assignment" src="../${PACKAGE}index.html" data-src="../${PACKAGE}index.html" width="1000" height="700"></iframe>
  </body>
</html>
`;
// The LMS's runtime: `startLms(cmi)` makes a new one holding what the LMS kept (as an LMS does
// for each launch), and logs every call with its result and LMSGetLastError after it.
const HOST_SCRIPT = `window.lmsLog = [];
window.startLms = (cmi) => {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  api.loadFromJSON(cmi);
  for (const name of ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const call = api[name];
    api[name] = (...args) => {
      // scorm-again's methods read \`this\`: called on the API, as a package calls them.
      const result = call.apply(api, args);
      window.lmsLog.push({ name, args, result: String(result), error: api.LMSGetLastError() });
      return result;
    };
  }
  window.API = api;
};
startLms({ core: { student_name: 'Lima, Ana', student_id: 's-1042' } });
`;

test.beforeAll(() => {
  test.setTimeout(900_000);
  root = mkdtempSync(path.join(tmpdir(), 'lectern-lms-host-'));
  const zip = path.join(root, 'package.zip');
  code = assignmentCode(reading, { questions: reading.questions.slice(0, 4).map((q) => q.id) });
  execFileSync(cargo, ['xtask', 'scorm', '--assignment', code, '--dist', 'dist', '--out', zip], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 900_000,
  });
  packaged = readZip(readFileSync(zip));
  for (const [name, bytes] of packaged) {
    const file = path.join(root, PACKAGE, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  mkdirSync(path.join(root, 'host'));
  writeFileSync(path.join(root, 'host', 'index.html'), HOST_PAGE);
  writeFileSync(path.join(root, 'host', 'host.js'), HOST_SCRIPT);
  cpSync('node_modules/scorm-again/dist/scorm12.min.js', path.join(root, 'host', 'scorm12.min.js'));
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Serves `dir` with `.wasm` as application/octet-stream, opens a watched page of it, runs `check`
 * with the page, the server and the `.wasm` responses' types, then expects no problem.
 */
async function withWrongWasmType(browser, dir, app, check) {
  const server = await start({ dir, port: 0, app, types: WRONG_TYPE });
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await watch(context, server.url);
  try {
    const page = await context.newPage();
    const wasmTypes = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm')) wasmTypes.push(response.headers()['content-type']);
    });
    await check(page, server, wasmTypes);
    expect(problems.list()).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
}

test('the package starts the app from its own files inside an LMS page', async ({ browser }) => {
  await withWrongWasmType(browser, root, 'host/index.html', async (page, server, wasmTypes) => {
    await page.goto('host/index.html');
    await expect(page.getByRole('heading', { name: 'Week 3' })).toBeVisible();
    const app = page.frameLocator('iframe[title="Assignment"]');
    await expect(app.getByRole('link', { name: 'Lectern', exact: true })).toBeVisible();
    expect(wasmTypes).toEqual(['application/octet-stream']);

    const frame = page.frames().find((f) => f.url().endsWith(`${PACKAGE}index.html`));
    expect(await frame.evaluate(() => document.querySelector('meta[name="lectern-package"]').content)).toBe('scorm-1.2');
    // It starts the package's app: the student app with the LMS session, never the site's student
    // app (which has no session) or the whole app (the teacher's code).
    const bundle = await frame.evaluate(() => document.querySelector('meta[name="lectern-bundle"]').content);
    expect(bundle).toMatch(/^lectern-scorm-[0-9a-f]{16}\.js lectern-scorm-[0-9a-f]{16}_bg\.wasm$/);
    const apps = [...packaged.keys()].filter((name) => /\.(js|wasm)$/.test(name));
    expect(apps.sort()).toEqual(bundle.split(' ').sort());
    expect(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    // The LMS's runtime is where the package will find it.
    expect(await page.evaluate(() => typeof window.API.LMSInitialize)).toBe('function');

    // Everything came from the package's folder (and the course page's own files).
    const outside = server.requests.filter((r) => !r.path.startsWith(`/${PACKAGE}`) && !r.path.startsWith('/host/'));
    expect(outside).toEqual([]);
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    // (The icon is for a package launched in a window of its own: a frame fetches none.)
    const fetched = server.requests.map((r) => r.path.slice(`/${PACKAGE}`.length)).filter((p) => !p.startsWith('/'));
    expect(fetched.filter((p) => /\.(js|wasm|css)$/.test(p)).length).toBe(3);
  });
});

const [judgeA, judgeB, archived, intriguing] = reading.questions.slice(0, 4);
/** SCORM 1.2 choice identifiers: `a`… in the content's order. */
const letters = (indexes) => indexes.map((i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[i]).join(',');
const rightChoice = (q) => letters(q.options.flatMap((o, i) => (o.correct ? [i] : [])));
const evidencePattern = (q) =>
  letters(
    [...reading.sentences.values()]
      .filter((s) => s.section === q.section)
      .flatMap((s, i) => (q.evidence.includes(s.id) ? [i] : [])),
  );
const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}\.\d{2}$/;

/** The package's frame on the course page, once the app is in it. */
async function packageFrame(page) {
  const app = page.frameLocator('iframe[title="Assignment"]');
  await expect(app.getByRole('link', { name: 'Lectern', exact: true })).toBeVisible();
  return app;
}

/** Every call of the log in which the LMS reported an error. */
const failedCalls = (log) => log.filter((c) => c.error !== '0' || c.result === 'false');

test('a student in an LMS resumes from the suspend data after a reload, hands in, and the LMS holds the result', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await withWrongWasmType(browser, root, 'host/index.html', async (page) => {
    await page.goto('host/index.html');
    let app = await packageFrame(page);
    // The name is the LMS's, turned around; there is none to type.
    await expect(app.getByText('You are Ana Lima, as your course knows you.')).toBeVisible();
    await expect(app.getByLabel('Your name')).toBeHidden();
    await expect(app.getByRole('status').filter({ hasText: 'You are working in your course' })).toBeVisible();
    await app.getByRole('button', { name: 'Start' }).click();
    await expect(app.getByText(/^Working as Ana Lima\./)).toBeVisible();

    // The first answer is committed after a pause…
    await answerRight(app, reading, judgeA);
    await expect.poll(() => page.evaluate(() => API.cmi.core.lesson_location)).toBe(judgeA.id);
    expect(await page.evaluate(() => window.lmsLog.at(-1).name)).toBe('LMSCommit');
    expect(await page.evaluate(() => API.cmi.core.lesson_status)).toBe('incomplete');
    // …the second one only when the page goes away, at once: nothing is lost.
    await answerWrong(app, reading, archived);
    await page.evaluate(() => {
      document.querySelector('iframe').src = 'about:blank';
    });
    await expect.poll(() => page.evaluate(() => window.lmsLog.at(-1).name)).toBe('LMSFinish');
    const first = await page.evaluate(() => window.lmsLog);
    expect(failedCalls(first)).toEqual([]);
    expect(first.filter((c) => c.name === 'LMSInitialize')).toHaveLength(1);
    const kept = await page.evaluate(() => API.renderCMIToJSONObject().cmi);
    expect(kept.core.lesson_location).toBe(archived.id);
    expect(kept.core.exit).toBe('suspend');
    expect(kept.suspend_data).toMatch(/^LS1\.[A-Za-z0-9_-]+$/);
    expect(kept.suspend_data.length).toBeLessThanOrEqual(4096);
    for (const c of first.filter((c) => c.name === 'LMSSetValue' && c.args[0] === 'cmi.core.session_time')) {
      expect(c.args[1]).toMatch(TIMESPAN);
    }

    // The LMS launches the package again with what it kept; this device's copy is gone, so the
    // work can only come back from the suspend data.
    await page.evaluate((cmi) => {
      localStorage.clear();
      window.lmsLog = [];
      startLms(cmi);
      document.querySelector('iframe').src = document.querySelector('iframe').dataset.src;
    }, kept);
    app = await packageFrame(page);
    await expect(app.getByText(/^Working as Ana Lima\./)).toBeVisible();
    await expect(card(app, judgeA).getByLabel(judgeA.options.find((o) => o.correct).text, { exact: true })).toBeChecked();
    await expect(card(app, archived).getByLabel(archived.options.find((o) => !o.correct).text, { exact: true })).toBeChecked();
    // Back where the student was.
    await expect(card(app, archived)).toBeInViewport();
    const resumed = await page.evaluate(() => window.lmsLog);
    expect(resumed.find((c) => c.args[0] === 'cmi.suspend_data').result).toBe(kept.suspend_data);
    expect(resumed.find((c) => c.args[0] === 'cmi.core.lesson_location').result).toBe(archived.id);

    await answerRight(app, reading, judgeB);
    await answerRight(app, reading, intriguing);
    await app.getByRole('button', { name: 'Hand in…' }).click();
    await app.getByRole('button', { name: 'Yes, hand in' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Your result (75%) went to your course.' })).toBeVisible();
    await expect(app.getByText('Your score: 75%.')).toBeVisible();

    const log = await page.evaluate(() => window.lmsLog);
    expect(failedCalls(log)).toEqual([]);
    expect(log.at(-1).name).toBe('LMSFinish');
    expect(log.at(-2).name).toBe('LMSCommit');
    const cmi = await page.evaluate(() => API.renderCMIToJSONObject().cmi);
    expect(cmi.core.score).toEqual({ raw: '75', min: '0', max: '100' });
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.exit).toBe('');
    const times = log.filter((c) => c.name === 'LMSSetValue' && c.args[0] === 'cmi.core.session_time').map((c) => c.args[1]);
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(TIMESPAN);
    const interactions = Object.values(cmi.interactions.childArray ?? cmi.interactions).map((i) => ({
      id: i.id,
      type: i.type,
      student_response: i.student_response,
      result: i.result,
    }));
    expect(interactions).toEqual([
      { id: judgeA.id, type: 'choice', student_response: rightChoice(judgeA), result: 'correct' },
      { id: judgeB.id, type: 'choice', student_response: evidencePattern(judgeB), result: 'correct' },
      { id: archived.id, type: 'choice', student_response: letters([archived.options.findIndex((o) => !o.correct)]), result: 'wrong' },
      { id: intriguing.id, type: 'choice', student_response: rightChoice(intriguing), result: 'correct' },
    ]);
  });
});

test('the package opened on its own says there is no LMS and still hands in', async ({ browser }) => {
  await withWrongWasmType(browser, root, 'host/index.html', async (page) => {
    await page.goto(`${PACKAGE}index.html`);
    await expect(page.getByRole('status').filter({ hasText: 'opened on its own, not from your course' })).toBeVisible();
    await page.getByLabel('Your name').fill('Ana Lima');
    await page.getByRole('button', { name: 'Start' }).click();
    for (const q of [judgeA, judgeB, archived, intriguing]) await answerRight(page, reading, q);
    await page.getByRole('button', { name: 'Hand in…' }).click();
    await page.getByRole('button', { name: 'Yes, hand in' }).click();
    await expect(page.getByText('Your score: 100%.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'opened on its own' })).toBeVisible();
  });
});

test("the teacher's download is the same zip as cargo xtask scorm's", async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const context = await browser.newContext({ baseURL });
  const problems = await watch(context, baseURL);
  try {
    const page = await context.newPage();
    await page.goto('teach');
    await page.getByLabel('Title', { exact: true }).fill('Week 3: Allies');
    const section = reading.sections[0];
    await chooseOnlySection(page, reading, section.id);
    await page.getByLabel(/^Assessment/).check();
    await page.getByRole('button', { name: 'Make the assignment link' }).click();
    const created = page.locator('#created');
    const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      created.getByRole('button', { name: 'Download for your LMS (SCORM 1.2)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lectern-scorm-week-3-allies-[0-9a-f]{8}\.zip$/);
    await expect(created.getByRole('status').filter({ hasText: `Saved as ${download.suggestedFilename()}.` })).toBeVisible();
    const fromBrowser = readFileSync(await download.path());

    const cli = path.join(root, 'cli.zip');
    const linkCode = new URL(link).searchParams.get('code');
    execFileSync(cargo, ['xtask', 'scorm', '--assignment', linkCode, '--dist', 'dist', '--out', cli], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 900_000,
    });
    const fromCli = readFileSync(cli);
    expect(fromBrowser.length).toBe(fromCli.length);
    expect(fromBrowser.equals(fromCli)).toBe(true);
    const files = readZip(fromBrowser);
    expect([...files.keys()].sort()).toEqual([...readZip(fromCli).keys()].sort());
    expect(files.get('index.html').toString()).toContain(`content="${linkCode}"`);
    expect(problems.list()).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the site's loader starts the app when .wasm comes with the wrong type", async ({ browser }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-mime-'));
  cpSync('dist', dir, { recursive: true });
  try {
    await withWrongWasmType(browser, dir, 'index.html', async (page, _server, wasmTypes) => {
      await page.goto('./');
      // The start page is pre-rendered: its heading is there before the app; the app running is not.
      await expect(page.locator('html')).toHaveAttribute('data-app', 'running');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
      expect(wasmTypes.length).toBeGreaterThan(0);
      expect(new Set(wasmTypes)).toEqual(new Set(['application/octet-stream']));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
