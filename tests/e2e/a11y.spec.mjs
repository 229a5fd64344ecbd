// Automated accessibility checks (axe-core, WCAG 2.2 A and AA rules) on every kind of screen, in
// light and dark, with feedback, hints and definitions open. Axe finds what a machine can find;
// the keyboard and screen-reader behaviour is tested in study.spec.mjs.

import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';

const reading = loadReading('adversaries-to-allies');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  expect(summary, `${what}: accessibility violations`).toEqual([]);
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('home, section with feedback open, and results pass axe', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, 'home');

      const section = reading.sections[2];
      await page.goto(`/read/${reading.id}/section/${section.id}`);
      for (const q of reading.questions.filter((x) => x.section === section.id)) {
        await answerWrong(page, reading, q);
        await check(page, q);
        await card(page, q).getByRole('button', { name: 'Show hint' }).click();
      }
      await page.locator('.section-text .term').first().click();
      await expectNoViolations(page, `section ${section.id}`);

      await page.goto(`/read/${reading.id}/results`);
      await expect(page.locator('.results-table')).toBeVisible();
      await expectNoViolations(page, 'results');

      await page.goto(`/read/${reading.id}/practice`);
      await expect(page.locator('.question').first()).toBeVisible();
      await expectNoViolations(page, 'practice');

      await page.goto('/data');
      await page.getByRole('button', { name: 'Delete my data…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoViolations(page, 'your data');
    });
  });
}

test('every control is at least 24 by 24 CSS pixels, or inline text', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const section of reading.sections) {
    await page.goto(`/read/${reading.id}/section/${section.id}`);
    await expect(page.locator('.question').first()).toBeVisible();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, a')]
        .filter((el) => el.offsetParent !== null)
        // Links and term buttons inside running text are exempt (WCAG 2.5.8 "inline").
        .filter((el) => !el.closest('p, li.section-list-item') || el.matches('input, select'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el.outerHTML.slice(0, 80)} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small, `small targets in ${section.id}`).toEqual([]);
  }
});

test('forced colours (Windows high contrast): marks stay visible, verdicts say it in words and icons', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const q = reading.questions.find((x) => x.kind === 'single' && x.evidence.length > 0);
  await page.goto(`/read/${reading.id}/section/${q.section}`);
  await answerWrong(page, reading, q);
  const feedback = await check(page, q);
  const verdict = feedback.locator('.verdict strong');
  await expect(verdict).toHaveText('Not quite.');
  const icon = (el) => el.evaluate((e) => getComputedStyle(e, '::before').content);
  expect(await icon(verdict)).toContain('✗');

  // The evidence keeps a background of its own (the system's Mark colour) and an outline.
  await feedback.getByRole('button', { name: 'Show in text' }).click();
  const evidence = page.locator(`#s-${q.evidence[0]}`);
  await expect(evidence).toHaveClass(/evidence/);
  const [marked, page_bg, outline] = await evidence.evaluate((el) => [
    getComputedStyle(el).backgroundColor,
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(el).outlineStyle,
  ]);
  expect(marked).not.toBe(page_bg);
  expect(outline).toBe('solid');

  await answerRight(page, reading, q);
  await check(page, q);
  await expect(verdict).toHaveText('Correct!');
  expect(await icon(verdict)).toContain('✓');
});
