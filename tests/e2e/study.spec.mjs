// A student's whole session, through the UI: every question answered right and wrong, the
// feedback, "Show in text", the results, practising the missed ones, and reloads on the way.

import { test, expect } from './fixtures.mjs';
import { creditedFirst, loadReading, missedQuestions } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';

const reading = loadReading('adversaries-to-allies');
const sectionUrl = (s) => `/read/${reading.id}/section/${s.id}`;
const questionsOf = (s) => reading.questions.filter((q) => q.section === s.id);
// Every other question is first answered wrong, then right.
const wrongFirst = (s, i) => i % 2 === 1;
const rightFirst = (q) => {
  const section = reading.sections.find((s) => s.id === q.section);
  return !wrongFirst(section, questionsOf(section).indexOf(q));
};
// What the results count as right first time: Part B of a pair only after a right Part A.
const credited = (q) => creditedFirst(reading, q, rightFirst);

test('every question answered wrong and right, then results and practice', async ({ page }) => {
  test.setTimeout(240_000);
  // Missed: each question not credited on its first try, and a pair whole.
  const missed = missedQuestions(reading, rightFirst);
  for (const [n, section] of reading.sections.entries()) {
    await page.goto(sectionUrl(section));
    for (const [i, q] of questionsOf(section).entries()) {
      if (wrongFirst(section, i)) {
        const expected = await answerWrong(page, reading, q);
        const feedback = await check(page, q);
        await expect(feedback.locator('.verdict')).not.toContainText('Correct!');
        if (expected) await expect(feedback).toContainText(expected);
        await expect(feedback).toContainText(q.explanation);
      }
      await answerRight(page, reading, q);
      const feedback = await check(page, q);
      await expect(feedback.locator('.verdict')).toContainText('Correct!');
    }
    if (n === 1) {
      // Reload half-way: everything answered so far is still there, and still right.
      await page.reload();
      for (const q of questionsOf(section)) {
        await expect(card(page, q).locator('.verdict')).toContainText('Correct!');
      }
    }
  }

  await page.goto(`/read/${reading.id}/results`);
  await expect(page).toHaveTitle(`Results · ${reading.title} · Lectern`);
  const rows = page.locator('.results-table tbody tr');
  for (const [i, section] of reading.sections.entries()) {
    const qs = questionsOf(section);
    await expect(rows.nth(i).locator('td').nth(0)).toHaveText(`${qs.length} of ${qs.length}`);
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText(`${qs.filter(credited).length} of ${qs.length}`);
  }
  const total = reading.questions.length;
  const creditedTotal = reading.questions.filter(credited).length;
  expect(creditedTotal, 'some first tries are wrong').toBeLessThan(total);
  await expect(page.locator('.results-table tfoot td').nth(1)).toHaveText(`${creditedTotal} of ${total}`);
  await expect(page.locator('.score-chart rect.chart-bar')).toHaveCount(reading.sections.length);

  // The missed list links back to each missed question.
  const links = page.locator('.missed-list a');
  await expect(links).toHaveCount(missed.length);
  await expect(links.first()).toHaveText(missed[0].prompt);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`#q-${missed[0].id}$`));
  await expect(card(page, missed[0])).toBeInViewport();
  await page.goBack();

  await page.getByRole('link', { name: 'Practise the ones I missed' }).click();
  await expect(page.locator('.question')).toHaveCount(missed.length);
  const again = missed[0];
  await answerRight(page, reading, again);
  await expect((await check(page, again)).locator('.verdict')).toContainText('Correct!');
  await expect(page.locator('.question')).toHaveCount(missed.length);

  // Home shows every section done and the overall progress full.
  await page.goto('/');
  await expect(page.locator('.section-status').first()).toContainText('Done');
  await expect(page.locator('progress')).toHaveAttribute('value', String(total));
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeVisible();
});

test('Show in text highlights and scrolls to the evidence', async ({ page }) => {
  const q = reading.questions.find((x) => x.kind === 'single' && x.evidence.length > 0);
  const section = reading.sections.find((s) => s.id === q.section);
  await page.goto(sectionUrl(section));
  await answerRight(page, reading, q);
  const feedback = await check(page, q);
  await feedback.getByRole('button', { name: 'Show in text' }).click();
  const sentence = page.locator(`#s-${q.evidence[0]}`);
  await expect(sentence).toHaveClass(/evidence/);
  await expect(sentence).toBeFocused();
  await expect(sentence).toBeInViewport();
  await expect(page.locator('.sentence.evidence')).toHaveCount(q.evidence.length);
});

test('a hint is there before answering, and Check without an answer says what to do', async ({ page }) => {
  const q = reading.questions[0];
  await page.goto(sectionUrl(reading.sections.find((s) => s.id === q.section)));
  const c = card(page, q);
  const hintButton = c.getByRole('button', { name: 'Show hint' });
  await hintButton.click();
  await expect(c.locator('.hint')).toContainText(q.hint);
  await expect(c.getByRole('button', { name: 'Hide hint' })).toHaveAttribute('aria-expanded', 'true');
  await c.getByRole('button', { name: 'Check' }).click();
  await expect(c.getByRole('status').first()).toContainText('Answer the question first');
});

test('keyboard alone answers a choice and an ordering question', async ({ page }) => {
  const single = reading.questions.find((x) => x.kind === 'single');
  await page.goto(sectionUrl(reading.sections.find((s) => s.id === single.section)));
  const c = card(page, single);
  // Tab into the radio group, then arrow keys pick options, as in any native radio group.
  const radios = c.getByRole('radio');
  await radios.first().focus();
  const correctIndex = await radios.evaluateAll(
    (els, text) => els.findIndex((el) => el.labels[0].textContent === text),
    single.options.find((o) => o.correct).text,
  );
  await page.keyboard.press('Space');
  for (let k = 0; k < correctIndex; k += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(c.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(c.locator('.verdict')).toContainText('Correct!');

  const ordering = reading.questions.find((x) => x.kind === 'ordering');
  await page.goto(sectionUrl(reading.sections.find((s) => s.id === ordering.section)));
  const o = card(page, ordering);
  const before = await o.locator('.ordering-text').allTextContents();
  const down = o.getByRole('button', { name: `Move “${before[0]}” down` });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect(o.locator('.ordering-text').nth(1)).toHaveText(before[0]);
  // Focus stays with the moved item's button, and the move is announced.
  await expect(down).toBeFocused();
  await expect(o.getByRole('status').first()).toContainText(`moved to position 2 of ${before.length}`);
});

test('every screen has its own URL and title; back and forward work', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(`${reading.title} · Lectern`);
  await page.getByRole('link', { name: reading.sections[1].heading }).click();
  await expect(page).toHaveURL(sectionUrl(reading.sections[1]));
  await expect(page).toHaveTitle(new RegExp(`^${reading.sections[1].heading}`));
  await page.getByRole('link', { name: new RegExp(reading.sections[2].heading) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[2].heading);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[1].heading);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[2].heading);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('works at 360 px wide in dark mode without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  for (const url of ['/', ...reading.sections.map(sectionUrl), `/read/${reading.id}/results`]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scrolling on ${url}`).toBeLessThanOrEqual(0);
  }
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(22, 23, 26)');
  await context.close();
});

test('prints as a worksheet: text and questions, answer key only when asked', async ({ page }) => {
  const section = reading.sections[1];
  await page.goto(sectionUrl(section));
  await expect(page.locator('.question').first()).toBeVisible();
  const key = page.locator('.answer-key').first();
  await expect(key).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.section-text')).toBeVisible();
  await expect(page.locator('.question').first()).toBeVisible();
  await expect(key).toBeHidden();
  await expect(page.getByRole('button', { name: 'Check' }).first()).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();

  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Include the answer key').check();
  await expect(key).toBeHidden(); // never on screen
  await page.emulateMedia({ media: 'print' });
  await expect(key).toBeVisible();
  const first = questionsOf(section)[0];
  if (first.kind === 'single') {
    await expect(key).toContainText(first.options.find((o) => o.correct).text);
  }
});
