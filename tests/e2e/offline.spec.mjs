// Offline after the first load, and safe updates: the release build is served by a server this
// test starts and really stops, in a browser context of its own (the shared fixture's context
// only allows the default server's origin).

import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { watchSecurity } from './fixtures.mjs';
import { start } from './serve.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, card, check } from './support/answer.mjs';

const reading = loadReading('adversaries-to-allies');

/** A copy of dist/ this test may change, removed afterwards. */
function copyOfDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-dist-'));
  cpSync('dist', dir, { recursive: true });
  return dir;
}

/** A context that records every console error, console warning, CSP violation and failed request
 * (but those `allowed`). */
async function watchedContext(browser, baseURL, allowed = /$^/) {
  const context = await browser.newContext({ baseURL });
  const problems = [];
  const note = (text) => !allowed.test(text) && problems.push(text);
  context.on('console', (m) => m.type() === 'error' && note(`console: ${m.text()}`));
  await watchSecurity(context, (text) => problems.push(text));
  context.on('weberror', (e) => note(`page error: ${e.error()}`));
  // A request the browser itself cancelled because the page navigated (a reload while the
  // favicon was still loading) is not a failed request; anything else the network refused is.
  // Missing files are not "failed" requests at all: their 404 shows as a console error above.
  context.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') note(`failed: ${r.url()} ${error}`);
  });
  return { context, problems };
}

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

function filesUnder(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

test("the worker caches exactly the files of the build: all at once but the whole app, the package's app and the PNG icons, those on demand", async () => {
  const worker = readFileSync('dist/sw.js', 'utf8');
  const list = (name) => JSON.parse(worker.match(new RegExp(`const ${name} = (\\[.*?\\]);`, 's'))[1]);
  const precached = list('FILES');
  const onDemand = list('ON_DEMAND');
  const built = filesUnder('dist').filter((f) => f !== 'sw.js');
  expect([...precached, ...onDemand].sort()).toEqual(built.sort());
  // The whole app's JS glue and wasm, the SCORM package's app's (see split.spec.mjs) and the
  // icons only installing uses.
  // Trunk writes its hash in hex without leading zeros: 15 digits now and then.
  const wholeApp = built.filter((f) => /^lectern-[0-9a-f]{1,16}(_bg\.wasm|\.js)$/.test(f));
  const packageApp = built.filter((f) => /^lectern-scorm-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f));
  const pngIcons = built.filter((f) => /^icons\/.*\.png$/.test(f));
  expect(wholeApp).toHaveLength(2);
  expect(packageApp).toHaveLength(2);
  expect(pngIcons.length).toBeGreaterThan(0);
  expect(onDemand.sort()).toEqual([...wholeApp, ...packageApp, ...pngIcons].sort());
  // The page's own icon and everything a student's visit needs are precached.
  expect(precached).toEqual(expect.arrayContaining(['index.html', 'icons/icon.svg', 'manifest.webmanifest']));
  // And every pre-rendered page: the contents and each section.
  expect(precached).toEqual(
    expect.arrayContaining([
      `read/${reading.id}/index.html`,
      ...reading.sections.map((section) => `read/${reading.id}/section/${section.id}/index.html`),
    ]),
  );
  expect(worker).not.toContain("'unbuilt'");
});

test('after one visit, a deep link opens, answers and saves with the server stopped', async ({ browser }) => {
  const dir = copyOfDist();
  const server = await start({ dir, port: 0 });
  // With the server gone, the browser's own check for a newer worker fails, as it should.
  const { context, problems } = await watchedContext(browser, server.url, /sw\.js/);
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  await waitForController(page);
  await server.stop();

  const section = reading.sections[2];
  const q = reading.questions.find((x) => x.section === section.id);
  const response = await page.goto(`./read/${reading.id}/section/${section.id}`);
  // The worker answers with the section's own pre-rendered page (xtask/prerender.mjs).
  expect(await response.text()).toContain(`data-route="/read/${reading.id}/section/${section.id}"`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  await answerRight(page, reading, q);
  await expect((await check(page, q)).locator('.verdict')).toContainText('Correct!');
  await page.reload();
  await expect(card(page, q).locator('.verdict')).toContainText('Correct!');
  // A screen without a page of its own gets index.html, which the app draws as that screen.
  const results = await page.goto(`./read/${reading.id}/results/`);
  expect(await results.text()).toContain('data-route="/"');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(page).toHaveURL(/\/results$/);
  expect(problems).toEqual([]);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a new build is offered, accepted and then runs, with no failed request', async ({ browser }) => {
  const dir = copyOfDist();
  const server = await start({ dir, port: 0 });
  const { context, problems } = await watchedContext(browser, server.url);
  const page = await context.newPage();
  await page.goto('./');
  await waitForController(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  await expect(page.getByText('A new version is ready')).toHaveCount(0);

  // "Deploy" a changed build: a marker in index.html and a new version in the worker.
  const index = path.join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="lectern-test-build" content="2">'));
  const sw = path.join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)';/, "const VERSION = '$1-next';"));

  await page.reload();
  const prompt = page.getByText('A new version is ready');
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  // Still the old build until the student chooses.
  await expect(page.locator('meta[name="lectern-test-build"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('meta[name="lectern-test-build"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  // No prompt loop: the new build is the active one.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  await expect(page.getByText('A new version is ready')).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('Chromium finds the app installable (manifest, icons, worker)', async ({ browser }) => {
  const server = await start({ dir: 'dist', port: 0 });
  const { context, problems } = await watchedContext(browser, server.url);
  const page = await context.newPage();
  await page.goto('./');
  await waitForController(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are like incognito windows, where Chromium never offers to install
  // anything; that one is about the window, not the app, and is the only one allowed.
  const ids = installabilityErrors.map((e) => e.errorId);
  expect(ids.filter((id) => id !== 'in-incognito')).toEqual([]);
  const manifest = await (await page.request.get('manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone', short_name: 'Lectern' });
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(purposes).toEqual(expect.arrayContaining(['192x192 maskable', '512x512 maskable', '512x512 any']));
  expect(problems).toEqual([]);
  await context.close();
  await server.stop();
});
