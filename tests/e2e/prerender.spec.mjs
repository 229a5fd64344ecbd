// Text first: every page that shows content ships as static HTML (xtask/prerender.mjs), readable
// before any script runs and without JavaScript or WebAssembly at all; the app then takes it over
// without moving anything; the student's theme and text size apply before the first paint; and
// deep links work on a plain static host, through a host's SPA fallback and from the service
// worker offline.

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { test as bare } from '@playwright/test';
import { watchSecurity } from './fixtures.mjs';
import { start } from './serve.mjs';
import { answerRight, card, check } from './support/answer.mjs';
import { expectNoAxeViolations } from './support/axe.mjs';
import { loadReading, paragraphText } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');
const sectionPath = (section) => `/read/${reading.id}/section/${section.id}`;
const firstQuestion = (section) => reading.questions.find((q) => q.section === section.id);
const STUDENT_WASM = /lectern-student-[0-9a-f]+_bg\.wasm$/;

/** Holds the student app's wasm until `release()`: what a slow phone sees before the app runs. */
async function holdTheApp(page) {
  page.holdsTheApp = true;
  let release;
  const released = new Promise((done) => {
    release = done;
  });
  await page.route(STUDENT_WASM, async (route) => {
    await released;
    // A request held past a navigation is gone by then.
    await route.continue().catch(() => {});
  });
  return release;
}

const appState = (page) => page.evaluate(() => document.documentElement.dataset.app ?? null);

/** Every page the build pre-renders, with what it must show. */
const pages = [
  { path: '/', heading: reading.title },
  { path: `/read/${reading.id}`, heading: reading.title },
  ...reading.sections.map((section) => ({ path: sectionPath(section), heading: section.heading, section })),
];

test('every content page is in the build, with its text, and the same policy as index.html', async () => {
  const index = readFileSync('dist/index.html', 'utf8');
  const policy = index.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  expect(policy).not.toContain('unsafe-inline');
  for (const { path, heading, section } of pages) {
    const file = path === '/' ? 'dist/index.html' : `dist${path}/index.html`;
    const html = readFileSync(file, 'utf8');
    expect(html, file).toContain(`data-route="${path}"`);
    expect(html, file).toContain(`<h1>${heading.replaceAll('&', '&amp;')}</h1>`);
    expect(html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1], file).toBe(policy);
    // Rendered as text by the app, never as markup.
    expect(html, file).not.toContain('<!---->');
    for (const paragraph of section?.paragraphs ?? []) expect(html, file).toContain(`<p id="p-${paragraph.id}">`);
  }
});

bare.describe('without JavaScript', () => {
  bare.use({ javaScriptEnabled: false });

  for (const { path, heading, section } of pages) {
    bare(`${path} is readable and says what needs a newer browser`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('note')).toContainText('need JavaScript and WebAssembly');
      if (section) {
        for (const paragraph of section.paragraphs) {
          await expect(page.locator('.reading-text')).toContainText(paragraphText(paragraph), { useInnerText: true });
        }
        const q = firstQuestion(section);
        // The questions as they first appear, with controls that wait for the app.
        await expect(card(page, q)).toContainText(q.prompt.slice(0, 40));
        await expect(card(page, q).getByRole('button', { name: /^Check/ })).toBeDisabled();
        await expect(page.getByRole('button', { name: 'Print worksheet' })).toBeVisible();
      }
    });
  }
});

test('without WebAssembly the text is there and the page says so', async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  const section = reading.sections[2];
  await page.goto(sectionPath(section));
  expect(await appState(page)).toBe('missing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  await expect(page.getByRole('note')).toBeVisible();
  await expect(page.locator('.reading-text')).toContainText(paragraphText(section.paragraphs[0]).slice(0, 60));
});

test.describe('when the app cannot be loaded', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('the text stays and the page says what is missing', async ({ page }) => {
    await page.route(STUDENT_WASM, (route) => route.abort('failed'));
    const section = reading.sections[1];
    await page.goto(sectionPath(section));
    await expect.poll(() => appState(page)).toBe('missing');
    await expect(page.getByRole('note')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  });
});

test('the text shows before the app, and nothing moves when the app takes over', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const release = await holdTheApp(page);
  const section = reading.sections[2];
  const q = firstQuestion(section);
  await page.goto(sectionPath(section));
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
      type: 'layout-shift',
      buffered: true,
    });
  });
  expect(await appState(page)).toBe('loading');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  await expect(page.getByRole('note')).toBeHidden();
  // A click before the app runs cannot be lost: the controls wait for it.
  await expect(card(page, q).getByRole('button', { name: /^Check/ })).toBeDisabled();
  await page.evaluate(() => window.scrollTo(0, 900));
  const layout = () =>
    page.evaluate(() => ({
      scroll: window.scrollY,
      boxes: [...document.querySelectorAll('main h1, .reading-text p, .question, .site-header, .print-worksheet')].map((el) => {
        const box = el.getBoundingClientRect();
        return [el.localName, el.className, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
      }),
    }));
  const before = await layout();
  expect(before.scroll).toBe(900);
  expect(before.boxes.length).toBeGreaterThan(5);
  release();
  await expect.poll(() => appState(page)).toBe('running');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await layout()).toEqual(before);
  expect(await page.evaluate(() => window.__shifts)).toEqual([]);
  // The app is live: a question answers.
  await expect(card(page, q).getByRole('button', { name: /^Check/ })).toBeEnabled();
  await answerRight(page, reading, q);
  await check(page, q);
});

/** When a page was first painted and when its student wasm was requested (ms from navigation). */
const timings = (tab) =>
  tab.evaluate((wasm) => ({
    painted: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime,
    fetched: performance.getEntriesByType('resource').find((e) => new RegExp(wasm).test(e.name))?.startTime,
  }), STUDENT_WASM.source);

test('the wasm is fetched once the text is painted, and at once from the cache or where nothing is drawn', async ({ page }) => {
  // A pre-rendered page: the text first, with the connection to itself (split.rs, the loader).
  await page.goto(sectionPath(reading.sections[1]));
  await expect.poll(() => appState(page)).toBe('running');
  const drawn = await timings(page);
  expect(drawn.painted).toBeGreaterThan(0);
  expect(drawn.fetched).toBeGreaterThan(drawn.painted);
  // From the service worker's cache the wasm shares no connection: nothing to wait for either.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.reload();
  await expect.poll(() => appState(page)).toBe('running');
  const cached = await timings(page);
  expect(cached.fetched).toBeLessThan(cached.painted);
  // A screen the build did not draw (the host's fallback page, kept blank): nothing to wait for.
  const context = await page.context().browser().newContext({ baseURL: new URL(page.url()).origin });
  const other = await context.newPage();
  await other.goto(`/read/${reading.id}/results`);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your results');
  const blank = await timings(other);
  expect(blank.fetched).toBeLessThan(blank.painted);
  await context.close();
});

test('a browser without largest-contentful-paint entries fetches the wasm after a frame', async ({ page }) => {
  // Safari has none: the loader waits for a frame instead, not for its 3 s limit.
  await page.addInitScript(() =>
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => ['paint', 'resource'] }),
  );
  await page.goto(sectionPath(reading.sections[1]));
  await expect.poll(() => appState(page)).toBe('running');
  const { fetched } = await timings(page);
  expect(fetched).toBeLessThan(2500);
});

test('a page before the app runs passes axe, in light and dark', async ({ page }) => {
  const release = await holdTheApp(page);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const { path } of [pages[0], pages[3]]) {
      await page.goto(path);
      expect(await appState(page)).toBe('loading');
      await expectNoAxeViolations(page, `${path} before the app (${scheme})`);
    }
  }
  release();
});

test('the stored theme and text size apply before the app starts', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lectern:first-paint'))).toContain('"data-theme":"dark"');
  // The service worker would serve the wasm from its cache, past the page's routes.
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });
  const release = await holdTheApp(page);
  await page.goto(sectionPath(reading.sections[0]));
  expect(await appState(page)).toBe('loading');
  const root = await page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    size: document.documentElement.dataset.textSize,
    background: getComputedStyle(document.body).backgroundColor,
  }));
  expect(root.theme).toBe('dark');
  expect(root.size).toBe('largest');
  const [r, g, b] = root.background.match(/\d+/g).map(Number);
  expect(r + g + b).toBeLessThan(200);
  release();
  await expect.poll(() => appState(page)).toBe('running');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('a host that answers another screen with a pre-rendered page shows nothing of it', async ({ page }) => {
  // tests/e2e/serve.mjs falls back to the nearest index.html above a path, here the contents page.
  const release = await holdTheApp(page);
  await page.goto(`/read/${reading.id}/results`);
  expect(await appState(page)).toBe('elsewhere');
  expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('hidden');
  release();
  await expect.poll(() => appState(page)).toBe('running');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('visible');
});

bare('deep links work on a plain static host, without the SPA fallback', async ({ browser }) => {
  const server = await start({ dir: 'dist', port: 0, fallback: false });
  const context = await browser.newContext({ baseURL: server.url });
  const problems = [];
  await watchSecurity(context, (text) => problems.push(text));
  context.on('weberror', (e) => problems.push(String(e.error())));
  const page = await context.newPage();
  const section = reading.sections[4];
  // The host redirects the folder's address to `…/` and serves its index.html; the app takes
  // the slash off again.
  await page.goto(sectionPath(section));
  await expect.poll(() => appState(page)).toBe('running');
  await expect(page).toHaveURL(`${server.url}${sectionPath(section).slice(1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  await page.goto(`/read/${reading.id}/`);
  await expect.poll(() => appState(page)).toBe('running');
  await expect(page).toHaveURL(`${server.url}read/${reading.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  // The app's own links still work from a pre-rendered page.
  await page.getByRole('link', { name: reading.sections[1].heading }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[1].heading);
  expect(problems).toEqual([]);
  await context.close();
  await server.stop();
});
