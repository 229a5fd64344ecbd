// The release build's bundles (xtask/src/split.rs): every page but the teacher's starts the
// student app, which has none of the teacher's code and no LMS session, so a student's first
// visit never downloads either; the teacher's pages start the whole app, which the service
// worker keeps from the first time a teacher's page fetched it; the SCORM package's app (the
// student app with the LMS session) is only named by the page, for the teacher's download, and
// never started by it (lms-package.spec runs it in a package). The student app's screens a
// first visit does not need are chunks of their own (src/pages/lazy.rs, xtask/src/wasm_split.rs),
// fetched when a screen first opens and precached by the worker. Each test serves a build of its
// own and watches it for console errors and warnings, CSP violations, page errors and requests
// to other origins.

import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { start } from './serve.mjs';
import { watch } from './support/watch.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, check } from './support/answer.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const reading = loadReading('adversaries-to-allies');
const built = readdirSync('dist');
const one = (pattern) => {
  const found = built.filter((f) => pattern.test(f));
  expect(found, `one file like ${pattern} in dist/`).toHaveLength(1);
  return found[0];
};
const student = { js: one(/^lectern-student-[0-9a-f]{16}\.js$/), wasm: one(/^lectern-student-[0-9a-f]{16}_bg\.wasm$/) };
// Trunk writes its hash in hex without leading zeros: 15 digits now and then.
const whole = { js: one(/^lectern-[0-9a-f]{1,16}\.js$/), wasm: one(/^lectern-[0-9a-f]{1,16}_bg\.wasm$/) };
const scorm = { js: one(/^lectern-scorm-[0-9a-f]{16}\.js$/), wasm: one(/^lectern-scorm-[0-9a-f]{16}_bg\.wasm$/) };
// The student app's link module and chunks, named for its bundle.
const studentName = student.js.replace(/\.js$/, '');
const link = one(new RegExp(`^${studentName}\\.split\\.js$`));
const chunks = built.filter((f) => f.startsWith(`${studentName}-`) && f.endsWith('.wasm'));
const workerList = (name) =>
  JSON.parse(readFileSync('dist/sw.js', 'utf8').match(new RegExp(`const ${name} = (\\[.*?\\]);`, 's'))[1]);

/** A copy of dist/ served on its own port, and a watched context for it. */
async function setUp(browser) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-split-'));
  cpSync('dist', dir, { recursive: true });
  const server = await start({ dir, port: 0 });
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await watch(context, server.url);
  const fetched = () => server.requests.filter((r) => r.status === 200).map((r) => r.path.slice(1));
  const done = async () => {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { server, context, problems, fetched, done };
}

const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

test('the teacher bundle is the whole app, and the student one is smaller', () => {
  const size = (f) => readFileSync(path.join('dist', f)).length;
  expect(size(student.wasm)).toBeLessThan(size(whole.wasm));
  // The worker precaches the student app and keeps the whole app for when it is first fetched.
  const list = workerList;
  expect(list('ON_DEMAND')).toEqual(expect.arrayContaining([whole.js, whole.wasm]));
  expect(list('FILES')).not.toContain(whole.wasm);
  expect(list('FILES')).toEqual(expect.arrayContaining([student.js, student.wasm, 'index.html']));
  // Likewise the package's app, which only the teacher's download fetches.
  expect(list('ON_DEMAND')).toEqual(expect.arrayContaining([scorm.js, scorm.wasm]));
  expect(list('FILES')).not.toContain(scorm.js);
  expect(list('FILES')).not.toContain(scorm.wasm);
});

test('the student bundle has no LMS session; the package\'s app is the student app with it', () => {
  const wasm = (f) => readFileSync(path.join('dist', f));
  // The SCORM 1.2 calls the session makes, and words it shows, are in the package's app, never
  // in the student app (the whole app, built with the default features, has them too; no page of
  // the site starts a session).
  for (const text of ['LMSInitialize', 'LMSCommit', 'cmi.suspend_data', 'opened on its own']) {
    expect(wasm(student.wasm).includes(text), `${text} in the student app`).toBe(false);
    expect(wasm(scorm.wasm).includes(text), `${text} in the package's app`).toBe(true);
  }
  expect(wasm(student.wasm).length).toBeLessThan(wasm(scorm.wasm).length);
  expect(wasm(scorm.wasm).length).toBeLessThan(wasm(whole.wasm).length);
  // The page names the package's app for the teacher's download; its loader never starts it.
  const index = readFileSync('dist/index.html', 'utf8');
  expect(index).toContain(`<meta name="lectern-package-bundle" content="/${scorm.js} /${scorm.wasm}" />`);
  expect(index.match(/<script>[\s\S]*?<\/script>/)[0]).not.toContain('lectern-scorm-');
});

test("a student's first visit, worker included, never downloads the teacher's code", async ({ browser }) => {
  const { context, problems, fetched, done } = await setUp(browser);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  await controlled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const section = reading.sections[0];
  await page.getByRole('link', { name: section.heading }).click();
  const q = reading.questions.find((x) => x.section === section.id);
  await answerRight(page, reading, q);
  await expect((await check(page, q)).locator('.verdict')).toContainText('Correct!');

  expect(fetched()).toEqual(expect.arrayContaining([student.js, student.wasm]));
  expect(fetched()).not.toContain(whole.js);
  expect(fetched()).not.toContain(whole.wasm);
  expect(fetched()).not.toContain(scorm.js);
  expect(fetched()).not.toContain(scorm.wasm);
  expect(problems.list()).toEqual([]);
  await done();
});

test("the teacher's link loads the whole app, and its pages then also work offline", async ({ browser }) => {
  const { server, context, problems, fetched, done } = await setUp(browser);
  const page = await context.newPage();
  await page.goto('./');
  await controlled(page);
  await page.getByRole('link', { name: 'Make an assignment' }).click();
  await expect(page).toHaveURL(`${server.url}teach`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make an assignment');
  expect(fetched()).toEqual(expect.arrayContaining([whole.js, whole.wasm]));
  // The whole app runs the student's pages too, without loading anything else.
  await page.getByRole('link', { name: 'Lectern', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);

  await server.stop();
  await page.goto('./gradebook');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gradebook');
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  // With the server gone, the browser's own check for a newer worker fails, as it should.
  expect(problems.list().filter((p) => !/sw\.js/.test(p))).toEqual([]);
  await done();
});

test("offline before any teacher's page was opened, the teacher's address says so", async ({ browser }) => {
  const { server, context, problems, fetched, done } = await setUp(browser);
  const page = await context.newPage();
  await page.goto('./');
  await controlled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await server.stop();

  await page.goto('./teach');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Teacher's pages");
  await expect(page.getByText('It needs a connection the first time')).toBeVisible();
  await expect(page.getByRole('link', { name: "Open the teacher's pages" })).toHaveAttribute('rel', 'external');
  expect(fetched()).not.toContain(whole.wasm);
  // The failed fetches of the whole app are reported by the browser; nothing else may be.
  const unexpected = problems.list().filter((p) => !/sw\.js|Failed to load resource|FetchEvent|net::ERR_/.test(p));
  expect(unexpected).toEqual([]);
  await done();
});

test("the teacher's SCORM download fetches the package's app once; the next one is made offline", async ({ browser }) => {
  const { server, context, problems, fetched, done } = await setUp(browser);
  const page = await context.newPage();
  await page.goto('./teach');
  await controlled(page);
  await page.getByLabel('Title', { exact: true }).fill('Week 3');
  await chooseOnlySection(page, reading, reading.sections[0].id);
  await page.getByRole('button', { name: 'Make the assignment link' }).click();
  const created = page.locator('#created');
  const download = async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      created.getByRole('button', { name: 'Download for your LMS (SCORM 1.2)' }).click(),
    ]);
    await expect(created.getByRole('status').filter({ hasText: `Saved as ${file.suggestedFilename()}.` })).toBeVisible();
    return readFileSync(await file.path());
  };
  expect(fetched()).not.toContain(scorm.wasm);
  const first = await download();
  expect(fetched()).toEqual(expect.arrayContaining([scorm.js, scorm.wasm]));

  await server.stop();
  const second = await download();
  expect(second.equals(first)).toBe(true);
  // With the server gone, the browser's own check for a newer worker fails, as it should.
  expect(problems.list().filter((p) => !/sw\.js/.test(p))).toEqual([]);
  await done();
});

test("the screens a first visit does not need are chunks: the page fetches none until one opens, and the worker keeps them for offline", async ({ browser }) => {
  // Each screen's own words are in its chunk, not in the wasm every page starts.
  const bytes = (f) => readFileSync(path.join('dist', f));
  const chunkOf = (screen) => {
    const chunk = chunks.find((f) => f === `${studentName}-${screen}.wasm`);
    expect(chunk, `a chunk for ${screen} in ${chunks}`).toBeTruthy();
    return chunk;
  };
  for (const [screen, words] of [
    ['settings', 'Easier-to-read letters'],
    ['data', 'Merge with my progress'],
    ['results', 'Practise the ones I missed'],
  ]) {
    expect(bytes(chunkOf(screen)).includes(words), `${words} in the ${screen} chunk`).toBe(true);
    expect(bytes(student.wasm).includes(words), `${words} in the student app`).toBe(false);
  }
  // The link module loads the chunks by their names in this build.
  for (const chunk of chunks) expect(bytes(link).toString()).toContain(`"./${chunk}"`);
  expect(workerList('FILES')).toEqual(expect.arrayContaining([link, ...chunks]));

  const { server, context, problems, done } = await setUp(browser);
  const page = await context.newPage();
  const fromPage = [];
  page.on('request', (r) => fromPage.push(new URL(r.url()).pathname.slice(1)));
  const section = reading.sections[0];
  await page.goto(`./read/${reading.id}/section/${section.id}`);
  const q = reading.questions.find((x) => x.section === section.id);
  await answerRight(page, reading, q);
  await expect((await check(page, q)).locator('.verdict')).toContainText('Correct!');
  await controlled(page);
  expect(fromPage).toContain(student.wasm);
  expect(fromPage.filter((f) => chunks.includes(f))).toEqual([]);

  // Opening a screen fetches its chunk, draws it and moves focus to its heading, as any
  // navigation does.
  const heading = page.getByRole('heading', { level: 1 });
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(heading).toHaveText('Settings');
  await expect(heading).toBeFocused();
  expect(fromPage).toContain(chunkOf('settings'));
  await page.getByRole('checkbox', { name: 'Easier-to-read letters' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-easy-letters', 'on');

  // With the server gone, the next screen's chunk comes from the worker's cache.
  await server.stop();
  await page.getByRole('link', { name: 'Your data', exact: true }).click();
  await expect(heading).toHaveText('Your data');
  await expect(heading).toBeFocused();
  expect(fromPage).toContain(chunkOf('data'));
  expect(problems.list()).toEqual([]);
  await done();
});
