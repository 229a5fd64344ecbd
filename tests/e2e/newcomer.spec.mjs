// What a newcomer trips on, walking the app as a new student and a new teacher would, at 360 px
// and 1280 px, light and dark, on screen and on paper: each thing that read wrong, checked so it
// stays fixed. (The results mid-way and the score chart are in results.spec.mjs, the printed
// worksheet's pages in print.spec.mjs.)

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight } from './support/answer.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const reading = loadReading('adversaries-to-allies');
// A section with a short answer that accepts many wordings.
const section = reading.sections.find((s) =>
  reading.questions.some((q) => q.section === s.id && q.kind === 'short' && q.accepted.length > 3),
);
const questions = reading.questions.filter((q) => q.section === section.id);
const short = questions.find((q) => q.kind === 'short' && q.accepted.length > 3);

test('on paper the dark theme prints black on white', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/read/${reading.id}/section/${section.id}`);
  await expect(page.locator('.question').first()).toBeVisible();
  const colours = () =>
    page.evaluate(() => ({
      text: getComputedStyle(document.querySelector('.section-text, .reading-text')).color,
      prompt: getComputedStyle(document.querySelector('.question-prompt')).color,
      page: getComputedStyle(document.body).backgroundColor,
    }));
  expect((await colours()).text, 'the dark theme is on').not.toBe('rgb(0, 0, 0)');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await colours()).toEqual({ text: 'rgb(0, 0, 0)', prompt: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });
  // The same when the student chose the dark theme in the settings.
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  await page.goto('/settings');
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await page.goto(`/read/${reading.id}/section/${section.id}`);
  await expect(page.locator('.question').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(await colours()).toEqual({ text: 'rgb(0, 0, 0)', prompt: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });
});

test('a new teacher at 360 px: labels beside their boxes; a hand-in reads right; the gradebook fits', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/teach');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make an assignment');
  // Every checkbox and radio of a list starts its label on its own row, not below it.
  const misplaced = await page.locator('.plain-list li > input').evaluateAll((inputs) =>
    inputs
      .filter((input) => input.checkVisibility())
      .filter((input) => {
        const label = document.querySelector(`label[for="${input.id}"]`).getBoundingClientRect();
        return label.top >= input.getBoundingClientRect().bottom;
      })
      .map((input) => input.id),
  );
  expect(misplaced).toEqual([]);

  await page.getByLabel('Title', { exact: true }).fill('First look');
  await chooseOnlySection(page, reading, section.id);
  await page.getByLabel(/^Assessment/).check();
  await page.getByRole('button', { name: 'Make the assignment link' }).click();
  const created = page.locator('#created');
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();

  // A student answers one question and hands in.
  const student = await page.context().newPage();
  await student.setViewportSize({ width: 360, height: 800 });
  await student.goto(link);
  await student.getByLabel('Your name').fill('Ana');
  await student.getByRole('button', { name: 'Start' }).click();
  const answered = questions.find((q) => q !== short && q.kind === 'single');
  await answerRight(student, reading, answered);
  await student.getByRole('button', { name: 'Hand in…' }).click();
  await student.getByRole('button', { name: 'Yes, hand in' }).click();
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('First look: handed in');
  // Each verdict has one icon (the style sheet's), then its words.
  const verdicts = await student.locator('.report-question .verdict strong').evaluateAll((all) =>
    all.map((strong) => `${getComputedStyle(strong, '::before').content} ${strong.textContent}`),
  );
  expect(verdicts).toHaveLength(questions.length);
  for (const verdict of verdicts) {
    expect(verdict.match(/[✓✗◐]/g), verdict).toHaveLength(1);
  }
  // A short answer shows one wording and how many more count, not every variant.
  const report = student.locator('.report-question').filter({ hasText: short.prompt });
  await expect(report).toContainText(
    `Answer: ${short.accepted[0]} (${short.accepted.length - 1} other wordings accepted too)`,
  );
  await expect(report).not.toContainText(short.accepted.slice(1, 3).join(' / '));
  const code = await student.getByLabel('Hand-in code').inputValue();
  await student.close();

  await created.getByRole('link', { name: 'Open its gradebook' }).click();
  await page.getByLabel('Hand-in codes, one per line').fill(code);
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.locator('#entry-reports')).toContainText('Line 1: added Ana.');
  await expect(page.locator('.class-table caption')).toHaveText(
    '1 result, by name. Scores per question in percent; — for no answer.',
  );
  // Wide tables scroll inside their own region; the page never scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'sideways scrolling on the gradebook at 360 px').toBeLessThanOrEqual(0);
  await expect(page.getByRole('region', { name: 'Questions, most missed first' })).toBeVisible();
});
