// Spaced review through the UI, with the browser's clock moved on: a missed question and a
// looked-up glossary term are due the next day (not the same day), the start page counts them,
// the Review screen runs them with feedback and "next review in N days", answering right moves
// the next date further out, and the daily number is a setting.

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';
import { expectNoAxeViolations } from './support/axe.mjs';

const reading = loadReading('adversaries-to-allies');
const section = reading.sections[0];
const question = reading.questions.find((q) => q.section === section.id && q.kind === 'single')
  ?? reading.questions.find((q) => q.section === section.id);
const DAY = 24 * 60 * 60 * 1000;
const monday = new Date('2026-03-02T18:00:00');

/** The stored schedule of the reading's review queue. */
const queue = (page) =>
  page.evaluate((id) => JSON.parse(localStorage.getItem('lectern:progress:default')).readings[id].review, reading.id);

test('a missed question and a looked-up term come back the next day, and a right answer sends them further out', async ({ page }) => {
  await page.clock.install({ time: monday });
  await page.goto(`/read/${reading.id}/section/${section.id}`);
  await answerWrong(page, reading, question);
  await expect((await check(page, question)).locator('.verdict')).not.toContainText('Correct!');
  const termButton = page.locator('.section-text button.term').first();
  await termButton.click();
  const term = (await page.locator('.section-text .definition:not([hidden]) strong').first().textContent()).trim();

  // Not today: the start page has nothing yet.
  await page.goto('/');
  await expect(page.locator('.reviews-due')).toContainText('Nothing to review today.');
  const before = await queue(page);
  expect(Object.keys(before.questions)).toEqual([question.id]);
  expect(Object.keys(before.terms)).toHaveLength(1);

  // The next day, both are due.
  await page.clock.setSystemTime(new Date(monday.getTime() + DAY));
  await page.reload();
  await expect(page.locator('.reviews-due')).toContainText('2 reviews due today.');
  await page.getByRole('link', { name: 'Start reviewing' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  await expect(page.getByRole('heading', { name: 'Review 1 of 2' })).toBeVisible();
  await expectNoAxeViolations(page, 'the Review screen, a question');

  // The question, with its text at hand; right at the first try.
  await page.getByRole('button', { name: `Show the text: ${section.heading}` }).click();
  await expect(page.locator('.review-text .section-text')).toBeVisible();
  await answerRight(page, reading, question);
  await expect((await check(page, question)).locator('.verdict')).toContainText('Correct!');
  await expect(page.locator('.next-review')).toHaveText(/^Next review in \d+ days\.$/);
  const days = Number((await page.locator('.next-review').textContent()).match(/\d+/)[0]);
  expect(days).toBeGreaterThan(1);
  const after = await queue(page);
  expect(after.questions[question.id].due).toBeGreaterThan(before.questions[question.id].due + 1);
  await page.getByRole('button', { name: 'Next' }).click();

  // The term, asked as a question: missed, then moved on from.
  await expect(page.getByRole('heading', { name: 'Review 2 of 2' })).toBeVisible();
  const termCard = page.locator('.review-question');
  await expect(termCard.locator('legend')).toContainText('Which term does this explain?');
  // A radio has no text of its own (its label names it), so pick a wrong one by name: the
  // options are shuffled, and any filter on the inputs' text would pick the first, right or not.
  const options = await termCard.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent.trim()));
  expect(options).toContain(term);
  const wrong = termCard.getByRole('radio', { name: options.find((o) => o !== term), exact: true });
  await wrong.check();
  await termCard.getByRole('button', { name: 'Check' }).click();
  await expect(termCard.locator('.verdict')).toContainText('Not quite.');
  await termCard.getByRole('button', { name: 'Move on' }).click();
  await expect(page.locator('.next-review')).toHaveText('Next review tomorrow.');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
  await expect(page.locator('.review-summary')).toContainText('Right at the first try: 1');
  await expect(page.locator('.review-summary')).toContainText('Missed: 1');
  await expectNoAxeViolations(page, 'the Review screen, summary');

  // Nothing more today; the term is back tomorrow, the question later.
  await page.goto('/');
  await expect(page.locator('.reviews-due')).toContainText('Nothing to review today.');
  await page.clock.setSystemTime(new Date(monday.getTime() + 2 * DAY));
  await page.reload();
  await expect(page.locator('.reviews-due')).toContainText('1 review due today.');
  // The results are the free-study answers, untouched by reviews.
  await page.goto(`/read/${reading.id}/section/${section.id}`);
  await expect(card(page, question).locator('.verdict')).not.toContainText('Correct!');
});

test('the daily number of reviews is a setting, and an empty review says so', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByLabel('Reviews a day')).toHaveValue('20');
  await page.getByLabel('Reviews a day').selectOption({ label: '10 a day' });
  await page.reload();
  await expect(page.getByLabel('Reviews a day')).toHaveValue('10');
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
});
