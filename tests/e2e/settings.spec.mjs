// The Settings page: every reading-comfort setting applies to the whole app at once, is kept
// with the profile across reloads, and the layout holds with the largest settings at 360 px and
// at 200% zoom.

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');
const sectionUrl = `/read/${reading.id}/section/${reading.sections[0].id}`;

const style = (page, selector, property) =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);

test('Settings is linked from the header and each setting applies at once and is kept', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page).toHaveTitle('Settings · Lectern');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

  const root = page.locator('html');
  const sample = '.settings-sample p';
  const lineHeightBefore = parseFloat(await style(page, sample, 'lineHeight'));
  const fontSizeBefore = parseFloat(await style(page, sample, 'fontSize'));

  await page.getByLabel('Text size').selectOption({ label: 'Larger' });
  await expect(root).toHaveAttribute('data-text-size', 'larger');
  await expect.poll(async () => parseFloat(await style(page, sample, 'fontSize'))).toBeCloseTo(fontSizeBefore * 1.25, 1);

  await page.getByLabel('Line spacing').selectOption({ label: 'Wider' });
  await expect(root).toHaveAttribute('data-line-spacing', 'wider');
  // 2.4 lines instead of 1.7, on a font 1.25 times the size.
  await expect
    .poll(async () => parseFloat(await style(page, sample, 'lineHeight')))
    .toBeCloseTo((lineHeightBefore / 1.7) * 2.4 * 1.25, 0);

  const easy = page.getByLabel('Easier-to-read letters');
  await expect(easy).toHaveAccessibleDescription(/More space between letters and words/);
  await easy.check();
  await expect(root).toHaveAttribute('data-easy-letters', 'on');
  const fontSize = parseFloat(await style(page, sample, 'fontSize'));
  expect(parseFloat(await style(page, sample, 'letterSpacing'))).toBeCloseTo(fontSize * 0.12, 1);
  expect(parseFloat(await style(page, sample, 'wordSpacing'))).toBeCloseTo(fontSize * 0.16, 1);
  expect(await style(page, sample, 'fontFamily')).toMatch(/^"?OpenDyslexic/);

  await page.getByLabel('Read-aloud speed').selectOption({ label: 'Slower' });
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await expect(root).toHaveAttribute('data-theme', 'dark');

  // Kept with the profile: after a reload, and on every screen.
  await page.reload();
  await expect(page.getByLabel('Line spacing')).toHaveValue('wider');
  await expect(page.getByLabel('Easier-to-read letters')).toBeChecked();
  await expect(page.getByLabel('Read-aloud speed')).toHaveValue('slower');
  await page.goto(sectionUrl);
  await expect(root).toHaveAttribute('data-easy-letters', 'on');
  await expect(root).toHaveAttribute('data-line-spacing', 'wider');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lectern:progress:default')).settings);
  expect(stored).toEqual({
    theme: 'dark',
    text_size: 'larger',
    line_spacing: 'wider',
    easy_letters: true,
    read_aloud_speed: 'slower',
  });

  // Switched off again, the defaults leave the stored settings as older versions wrote them.
  await page.goto('/settings');
  await page.getByLabel('Easier-to-read letters').uncheck();
  await page.getByLabel('Line spacing').selectOption({ label: 'Normal' });
  await page.getByLabel('Read-aloud speed').selectOption({ label: 'Normal' });
  await expect(root).not.toHaveAttribute('data-easy-letters', /.*/);
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('lectern:progress:default')).settings))
    .toEqual({ theme: 'dark', text_size: 'larger' });
});

test('the header fits on two rows at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  // Rows of links: vertical centres more than 12 px apart start a new row.
  const centres = await page
    .locator('.site-header a')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.top + r.height / 2));
  centres.sort((a, b) => a - b);
  const rows = 1 + centres.slice(1).filter((c, i) => c - centres[i] > 12).length;
  expect(rows, `rows of links in the header (centres ${centres})`).toBeLessThanOrEqual(2);
});

// 200% zoom of a 1280 px window is a 640 px wide viewport at twice the pixel density; with the
// largest text and widest spacing on top, nothing may need sideways scrolling.
for (const [name, viewport] of [
  ['200% zoom', { width: 640, height: 400 }],
  ['360 px', { width: 360, height: 740 }],
]) {
  test(`largest settings hold at ${name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByLabel('Text size').selectOption({ label: 'Largest' });
    await page.getByLabel('Line spacing').selectOption({ label: 'Wider' });
    await page.getByLabel('Easier-to-read letters').check();
    for (const url of ['/', '/settings', '/profiles', '/data', ...reading.sections.map((s) => `/read/${reading.id}/section/${s.id}`), `/read/${reading.id}/results`]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scrolling on ${url}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}
