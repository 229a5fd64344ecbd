// Automated accessibility checks (axe-core: WCAG 2.2 A and AA rules with target-size, see
// support/axe.mjs) on every screen and state, in light and dark: each screen, each section
// before answering, with wrong answers' feedback, hints, a definition and Read aloud open, and
// with right answers; the results, practice and the dialogs. Axe finds what a machine can find;
// keyboard behaviour is tested in keyboard.spec.mjs and study.spec.mjs.

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';
import { expectNoAxeViolations, SCREENS } from './support/axe.mjs';
import { installFakeSpeech } from './support/fake-speech.mjs';

const reading = loadReading('adversaries-to-allies');
const sectionUrl = (s) => `/read/${reading.id}/section/${s.id}`;
const questionsOf = (s) => reading.questions.filter((q) => q.section === s.id);

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('every screen reached by its address passes axe', async ({ page }) => {
      // One axe run per screen, and the study screens (My notes, Review) made the list longer.
      test.setTimeout(90_000);
      for (const screen of SCREENS) {
        await page.goto(screen.url);
        await expect(screen.ready(page)).toBeVisible();
        await expectNoAxeViolations(page, `${screen.name} (${colorScheme})`);
      }
      // The reading's overview and results before anything is answered.
      await page.goto(`/read/${reading.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, `overview (${colorScheme})`);
      await page.goto(`/read/${reading.id}/results`);
      await expect(page.locator('.results-table')).toBeVisible();
      await expectNoAxeViolations(page, `results, nothing answered (${colorScheme})`);
    });

    test('dialogs and messages on the profiles and data screens pass axe', async ({ page }) => {
      await page.goto('/profiles');
      await page.getByLabel('Add someone: name').fill('Ana');
      await page.getByRole('button', { name: 'Add and switch' }).click();
      await expect(page.getByRole('link', { name: 'Studying as Ana' })).toBeVisible();
      await page.getByRole('button', { name: 'Remove Ana…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page, `profiles, remove dialog (${colorScheme})`);

      await page.goto('/data');
      await page.getByRole('button', { name: 'Delete my data…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page, `your data, delete dialog (${colorScheme})`);
    });

    test('settings at their largest pass axe on a section', async ({ page }) => {
      await page.goto('/settings');
      await page.getByLabel('Text size').selectOption({ label: 'Largest' });
      await page.getByLabel('Line spacing').selectOption({ label: 'Wider' });
      await page.getByLabel('Easier-to-read letters').check();
      await expectNoAxeViolations(page, `settings, all changed (${colorScheme})`);
      await page.goto(sectionUrl(reading.sections[0]));
      await expect(page.locator('.question').first()).toBeVisible();
      await expectNoAxeViolations(page, `section with the largest settings (${colorScheme})`);
    });

    for (const section of reading.sections) {
      test(`section "${section.id}": before, wrong with hints, a definition and Read aloud open, then right`, async ({ page }) => {
        test.setTimeout(90_000);
        await installFakeSpeech(page);
        await page.goto(sectionUrl(section));
        await expect(page.getByRole('button', { name: `Read aloud: ${section.heading}` })).toBeVisible();
        await expectNoAxeViolations(page, `section ${section.id}, before answering (${colorScheme})`);

        for (const q of questionsOf(section)) {
          await answerWrong(page, reading, q);
          await check(page, q);
          await card(page, q).getByRole('button', { name: 'Show hint' }).click();
        }
        const term = page.locator('.section-text .term').first();
        if ((await term.count()) > 0) {
          await term.click();
          await expect(term).toHaveAttribute('aria-expanded', 'true');
        }
        // Reading aloud: Pause and Stop shown, a sentence marked.
        await page.getByRole('button', { name: `Read aloud: ${section.heading}` }).click();
        await expect(page.locator('[data-reading-aloud]')).toHaveCount(1);
        await expectNoAxeViolations(page, `section ${section.id}, wrong answers, hints, definition, reading aloud (${colorScheme})`);

        for (const q of questionsOf(section)) {
          await answerRight(page, reading, q);
          await expect((await check(page, q)).locator('.verdict')).toContainText('Correct!');
        }
        await expectNoAxeViolations(page, `section ${section.id}, right answers (${colorScheme})`);
      });
    }

    test('results, practice and evidence shown in the text pass axe', async ({ page }) => {
      const section = reading.sections[2];
      await page.goto(sectionUrl(section));
      for (const q of questionsOf(section)) {
        await answerWrong(page, reading, q);
        await check(page, q);
      }
      const q = questionsOf(section).find((x) => x.evidence.length > 0);
      await card(page, q).getByRole('button', { name: 'Show in text' }).click();
      await expect(page.locator('.sentence.evidence').first()).toBeFocused();
      await expectNoAxeViolations(page, `section ${section.id}, evidence shown (${colorScheme})`);

      await page.goto(`/read/${reading.id}/results`);
      await expect(page.locator('.missed-list a').first()).toBeVisible();
      await expectNoAxeViolations(page, `results (${colorScheme})`);

      await page.goto(`/read/${reading.id}/practice`);
      await expect(page.locator('.question').first()).toBeVisible();
      await expectNoAxeViolations(page, `practice (${colorScheme})`);
    });
  });
}

test('every control is at least 24 by 24 CSS pixels, or inline text', async ({ page }) => {
  await installFakeSpeech(page);
  await page.setViewportSize({ width: 360, height: 740 });
  const urls = [...reading.sections.map(sectionUrl), '/settings', '/profiles', '/data', '/'];
  for (const url of urls) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (url.includes('/section/')) await expect(page.locator('.read-aloud').first()).toBeVisible();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, a')]
        .filter((el) => el.offsetParent !== null)
        // Links and term buttons inside running text are exempt (WCAG 2.5.8 "inline").
        .filter((el) => !el.closest('p, li.section-list-item') || el.matches('input, select'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el.outerHTML.slice(0, 80)} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small, `small targets on ${url}`).toEqual([]);
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
