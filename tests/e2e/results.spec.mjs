// The results page as a newcomer first sees it: mid-way, after one question, it tells the truth
// (sections not started say so, the score is over what was answered with what is left), and the
// score chart's labels never run into its bars, at any width from 360 px up and every text size.

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, check } from './support/answer.mjs';

const reading = loadReading('adversaries-to-allies');
const first = reading.sections[0];
const firstQuestion = reading.questions.find((q) => q.section === first.id);
const questionsOf = (s) => reading.questions.filter((q) => q.section === s.id);

async function answerOne(page) {
  await page.goto(`/read/${reading.id}/section/${first.id}`);
  await answerRight(page, reading, firstQuestion);
  await expect((await check(page, firstQuestion)).locator('.verdict')).toContainText('Correct!');
}

test('after one answer: "so far" with what is left, and untouched sections not started', async ({ page }) => {
  await page.goto(`/read/${reading.id}/results`);
  await expect(page.locator('.overall-standing')).toHaveText('Not started yet');
  await expect(page.locator('.overall-score')).toHaveText('Not started');

  await answerOne(page);
  await page.goto(`/read/${reading.id}/results`);
  const total = reading.questions.length;
  await expect(page.locator('.overall-standing')).toHaveText(`1 of 1 right so far · ${total - 1} to go`);
  await expect(page.locator('.overall-score')).toHaveText('100% so far');
  const rows = page.locator('.results-table tbody tr');
  for (const [i, section] of reading.sections.entries()) {
    const row = rows.nth(i);
    const answered = section.id === first.id ? 1 : 0;
    await expect(row.locator('td').nth(0)).toHaveText(`${answered} of ${questionsOf(section).length}`);
    await expect(row.locator('td').nth(2)).toHaveText(answered ? '100% so far' : 'Not started');
    await expect(page.locator('.chart-value').nth(i)).toHaveText(answered ? '100% so far' : 'Not started');
  }
  await expect(page.getByText('0%', { exact: true })).toHaveCount(0);
});

/** Every overlap between a label's text and a bar or a value, and any text outside the chart. */
function chartProblems() {
  const boxes = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()];
  };
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const chart = document.querySelector('.score-chart').getBoundingClientRect();
  const tracks = [...document.querySelectorAll('.chart-track-box')].map((el) => el.getBoundingClientRect());
  const values = [...document.querySelectorAll('.chart-value')].flatMap(boxes);
  const problems = [];
  for (const label of document.querySelectorAll('.chart-label')) {
    for (const box of boxes(label)) {
      if (tracks.some((t) => meet(box, t))) problems.push(`"${label.textContent}" runs into a bar`);
      if (values.some((v) => meet(box, v))) problems.push(`"${label.textContent}" runs into a value`);
      if (box.left < chart.left - 0.5 || box.right > chart.right + 0.5) problems.push(`"${label.textContent}" leaves the chart`);
    }
  }
  for (const box of values) {
    if (tracks.some((t) => meet(box, t))) problems.push('a value runs into a bar');
    if (box.right > chart.right + 0.5) problems.push('a value leaves the chart');
  }
  if (tracks.some((t) => t.width < 24)) problems.push('a bar has no room');
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('the page scrolls sideways');
  return problems;
}

test('the score chart: labels never meet the bars from 360 px up, at every text size', async ({ page }) => {
  test.setTimeout(120_000);
  await answerOne(page);
  const widths = [360, 400, 480, 600, 640, 700, 800, 1024, 1100, 1280, 1600];
  for (const size of ['Normal', 'Large', 'Larger', 'Largest']) {
    await page.goto('/settings');
    await page.getByLabel('Text size').selectOption({ label: size });
    await page.goto(`/read/${reading.id}/results`);
    await expect(page.locator('.chart-label')).toHaveCount(reading.sections.length);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(chartProblems), `${width} px, text size ${size}`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
