// Paired evidence questions (docs/authoring.md): Part A, a claim, and Part B, "Which sentence
// best supports your answer?", shown as one unit and counted as the content format says: Part B
// earns its score only when Part A is right. In free study (the section page, its results,
// practice), in an assignment in practice and assessment mode (the pair kept together in a
// shuffled order, the hand-in score and its report), and in the teacher's gradebook.

import { test, expect } from './fixtures.mjs';
import { expectNoAxeViolations } from './support/axe.mjs';
import { watch } from './support/watch.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const reading = loadReading('adversaries-to-allies');
const questionsOf = (sectionId) => reading.questions.filter((q) => q.section === sectionId);
/** Every pair of the bank, [Part A, Part B], in reading order. */
const pairs = reading.questions
  .filter((q) => q.supports)
  .map((b) => [reading.questions.find((a) => a.id === b.supports), b]);
const sectionUrl = (sectionId) => `/read/${reading.id}/section/${sectionId}`;
const rightOption = (q) => q.options.find((o) => o.correct).text;
const NOT_COUNTED = 'Part A was not right the first time, so Part B does not count toward your score';

/** The group that holds a pair, found by its accessible name. */
const pairGroup = (page, first) =>
  page.getByRole('group', { name: `Questions ${first} and ${first + 1}: one question in two parts`, exact: true });

/** The ids of the question cards inside `group`, in page order. */
const cardIds = (group) => group.locator('.question').evaluateAll((cards) => cards.map((c) => c.id));

/** A results row's cells for a section: answered, right first time, score. */
async function resultsRow(page, sectionId) {
  const at = reading.sections.findIndex((s) => s.id === sectionId);
  return page.locator('.results-table tbody tr').nth(at).locator('td');
}

test('a pair is one group: Part A then Part B, named, described, in focus order', async ({ page }) => {
  expect(pairs.length, 'the bank has pairs').toBeGreaterThanOrEqual(4);
  for (const [a, b] of pairs) {
    await page.goto(sectionUrl(a.section));
    const first = questionsOf(a.section).indexOf(a) + 1;
    const group = pairGroup(page, first);
    await expect(group).toBeVisible();
    await expect(group).toHaveAccessibleDescription(/Part B counts only when Part A is right\.$/);
    expect(await cardIds(group)).toEqual([`q-${a.id}`, `q-${b.id}`]);
    await expect(card(page, a).locator('legend')).toContainText(`Question ${first}`);
    await expect(card(page, b).locator('legend')).toContainText(`Question ${first + 1}`);
    await expect(card(page, b).locator('legend')).toContainText('Part B');
  }

  // The keyboard goes from Part A's answer to Part B's without leaving the pair.
  const [a, b] = pairs[0];
  await page.goto(sectionUrl(a.section));
  await card(page, a).getByLabel(rightOption(a), { exact: true }).focus();
  for (let presses = 0; ; presses++) {
    expect(presses, 'Tab reaches Part B').toBeLessThan(12);
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({
      pair: document.activeElement.closest('.question-pair')?.id ?? null,
      card: document.activeElement.closest('.question')?.id ?? null,
    }));
    expect(where.card, 'focus stays in the pair until Part B').not.toBeNull();
    if (where.card === `q-${b.id}`) break;
    expect(where.card).toBe(`q-${a.id}`);
  }
  await expect(page.locator('.question-pair [tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).toHaveCount(0);
});

test('study: Part B after a wrong Part A is not counted, and says so; both right count twice', async ({ page }) => {
  // The first pair: Part B answered first, then Part A wrong, then right.
  const [a, b] = pairs[0];
  await page.goto(sectionUrl(a.section));
  await answerRight(page, reading, b);
  let feedback = await check(page, b);
  await expect(feedback).toHaveAttribute('role', 'status');
  await expect(feedback.locator('.verdict')).toContainText('Correct!');
  await expect(feedback.locator('.pair-credit')).toHaveText(
    'Part B counts only when Part A is right: answer Part A as well.',
  );
  await answerWrong(page, reading, a);
  await expect((await check(page, a)).locator('.verdict')).toContainText('Not quite.');
  // Part B's live region now says it does not count, without giving Part A's answer away.
  await expect(feedback.locator('.pair-credit')).toContainText(NOT_COUNTED);
  await expect(feedback).not.toContainText(rightOption(a));
  await answerRight(page, reading, a);
  await expect((await check(page, a)).locator('.verdict')).toContainText('Correct!');
  // Checked again, Part B is still right but still not counted: Part A's first try decides.
  feedback = await check(page, b);
  await expect(feedback).toBeFocused();
  await expect(feedback.locator('.verdict')).toContainText('Correct!');
  await expect(feedback.locator('.pair-credit')).toContainText(NOT_COUNTED);

  // The second pair: both right the first time.
  const [c, d] = pairs[1];
  await page.goto(sectionUrl(c.section));
  await answerRight(page, reading, c);
  await check(page, c);
  await answerRight(page, reading, d);
  feedback = await check(page, d);
  await expect(feedback.locator('.pair-credit')).toHaveText(
    'Part A was right the first time, so Part B counts toward your score.',
  );

  // Results: the first pair earns nothing (Part A wrong first, Part B not counted), the
  // second both; each section counts its questions as the content format says.
  await page.goto(`/read/${reading.id}/results`);
  const first = await resultsRow(page, a.section);
  const n = questionsOf(a.section).length;
  await expect(first.nth(0)).toHaveText(`2 of ${n}`);
  await expect(first.nth(1)).toHaveText(`0 of ${n}`);
  // Mid-way, a section's score is over what was answered (issue 19): here Part B counts nothing.
  await expect(first.nth(2)).toHaveText('0% so far');
  const second = await resultsRow(page, c.section);
  const m = questionsOf(c.section).length;
  await expect(second.nth(0)).toHaveText(`2 of ${m}`);
  await expect(second.nth(1)).toHaveText(`2 of ${m}`);
  await expect(second.nth(2)).toHaveText('100% so far');
  const total = reading.questions.length;
  await expect(page.locator('.results-table tfoot td').nth(0)).toHaveText(`4 of ${total}`);
  await expect(page.locator('.results-table tfoot td').nth(1)).toHaveText(`2 of ${total}`);
  await expect(page.locator('.overall-score')).toHaveText('50% so far');
  await expect(page.locator('.overall-standing')).toHaveText(`2 of 4 right so far · ${total - 4} to go`);
  // Missed: the first pair, whole; the second not at all.
  await expect(page.locator('.missed-list a')).toHaveText([a.prompt, b.prompt]);

  // Practice: the missed pair again, as one group, Part A then Part B.
  await page.getByRole('link', { name: 'Practise the ones I missed' }).click();
  const group = pairGroup(page, 1);
  await expect(group).toBeVisible();
  expect(await cardIds(group)).toEqual([`q-${a.id}`, `q-${b.id}`]);
  await expect(page.locator('.question')).toHaveCount(2);
});

test('a page with a pair passes axe, with Part B checked after a wrong Part A', async ({ page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const [a, b] = pairs[1];
    await page.goto(sectionUrl(a.section));
    await answerWrong(page, reading, a);
    await check(page, a);
    await answerRight(page, reading, b);
    await check(page, b);
    await expect(card(page, b).locator('.pair-credit')).toContainText(NOT_COUNTED);
    await expectNoAxeViolations(page, `section page with a pair (${colorScheme})`);
    await page.evaluate(() => localStorage.clear());
  }
});

// ---- Assignments ---------------------------------------------------------------------------

/** The teacher makes an assignment of the section that holds `pair`, questions shuffled (the
 *  form's default); returns its link. */
async function makeAssignment(page, pair, { title, mode }) {
  const sectionId = pair[0].section;
  await page.goto('/teach');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await chooseOnlySection(page, reading, sectionId);
  await expect(page.getByLabel(/^Shuffle the question order/)).toBeChecked();
  await page.getByLabel(mode === 'assessment' ? /^Assessment/ : /^Practice/).check();
  await page.getByRole('button', { name: 'Make the assignment link' }).click();
  return page.locator('#created').getByLabel('Assignment link', { exact: true }).inputValue();
}

/** The number the student sees on Part A, checking that Part B is the next in the same group. */
async function pairNumber(page, [a, b]) {
  const legend = await card(page, a).locator('.question-number').textContent();
  const first = Number(legend.replace('Question ', ''));
  const group = pairGroup(page, first);
  await expect(group).toBeVisible();
  expect(await cardIds(group)).toEqual([`q-${a.id}`, `q-${b.id}`]);
  return first;
}

test('practice assignment: the pair stays together, Part B after a wrong Part A counts 0', async ({ page }) => {
  const pair = pairs[0];
  const [a, b] = pair;
  const questions = questionsOf(a.section);
  const link = await makeAssignment(page, pair, { title: 'Pairs practice', mode: 'practice' });
  await page.goto(link);
  await page.getByLabel('Your name').fill('Hal');
  await page.getByRole('button', { name: 'Start' }).click();
  await pairNumber(page, pair);

  await answerWrong(page, reading, a);
  await check(page, a);
  await answerRight(page, reading, b);
  const feedback = await check(page, b);
  await expect(feedback.locator('.verdict')).toContainText('Correct!');
  await expect(feedback.locator('.pair-credit')).toContainText(NOT_COUNTED);
  for (const q of questions.filter((q) => q !== a && q !== b)) {
    await answerRight(page, reading, q);
    await check(page, q);
  }
  await page.getByRole('button', { name: 'Hand in…' }).click();
  await page.getByRole('button', { name: 'Yes, hand in' }).click();
  const expected = Math.round((100 * (questions.length - 2)) / questions.length);
  await expect(page.locator('.score-line')).toContainText(`Your score: ${expected}%.`);
  // The report shows the pair as one unit, and why Part B earned nothing.
  const report = page.locator('.report .question-pair');
  await expect(report).toHaveCount(1);
  await expect(report.locator('.report-question')).toHaveCount(2);
  await expect(report.locator('.report-question').nth(0)).toContainText(a.prompt);
  await expect(report.locator('.report-question').nth(1)).toContainText(
    'Not counted: Part B counts only when Part A is right',
  );
  await expect(page.locator('.report-question')).toHaveCount(questions.length);
});

test('assessment: the pair counts the same at hand-in and in the gradebook', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const pair = pairs[2];
  const [a, b] = pair;
  const questions = questionsOf(a.section);
  const link = await makeAssignment(page, pair, { title: 'Pairs quiz', mode: 'assessment' });
  // Ida: Part A wrong, Part B right. Jo: both right. Everything else right for both.
  const students = [
    { name: 'Ida', partA: false, score: Math.round((100 * (questions.length - 2)) / questions.length) },
    { name: 'Jo', partA: true, score: 100 },
  ];
  const codes = [];
  for (const student of students) {
    const context = await browser.newContext();
    const problems = await watch(context, baseURL);
    const s = await context.newPage();
    await s.goto(link);
    await s.getByLabel('Your name').fill(student.name);
    await s.getByRole('button', { name: 'Start' }).click();
    await pairNumber(s, pair);
    for (const q of questions) {
      if (q === a && !student.partA) await answerWrong(s, reading, q);
      else await answerRight(s, reading, q);
      await expect(card(s, q).getByText(/^Answer saved/)).toBeVisible();
    }
    // No marks before hand-in, so nothing about how Part B counts either.
    await expect(s.locator('.pair-credit')).toHaveCount(0);
    if (student.name === 'Ida') await expectNoAxeViolations(s, 'assessment with a pair');
    await s.getByRole('button', { name: 'Hand in…' }).click();
    await s.getByRole('button', { name: 'Yes, hand in' }).click();
    await expect(s.locator('.score-line')).toContainText(`Your score: ${student.score}%.`);
    const partB = s.locator('.report .question-pair .report-question').nth(1);
    await expect(partB.locator('.verdict')).toHaveText(
      student.partA ? 'Correct' : 'Not counted: Part B counts only when Part A is right',
    );
    if (student.name === 'Ida') await expectNoAxeViolations(s, 'hand-in report with a pair');
    codes.push(await s.getByLabel('Hand-in code').inputValue());
    await context.close();
    expect(problems.list(), `${student.name}'s page problems`).toEqual([]);
  }

  // The gradebook: Part A and Part B in their columns and figures, Part B 0 for Ida.
  await page.goto('/gradebook');
  await page.getByRole('link', { name: 'Pairs quiz' }).click();
  await page.getByLabel('Hand-in codes, one per line').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Add codes' }).click();
  const rows = page.locator('.class-table tbody tr');
  await expect(rows).toHaveCount(2);
  const qa = questions.indexOf(a) + 1;
  const qb = questions.indexOf(b) + 1;
  for (const [r, student] of students.entries()) {
    const cells = rows.nth(r).locator('th, td');
    await expect(cells.nth(0)).toHaveText(student.name);
    await expect(cells.nth(1)).toHaveText(`${student.score}%`);
    await expect(cells.nth(4 + qa)).toHaveText(student.partA ? '100%' : '0%');
    await expect(cells.nth(4 + qb)).toHaveText(student.partA ? '100%' : '0%');
  }
  // Per question: half the class fully right on each part; Part B names its Part A.
  const stat = (n) => page.locator('.question-stats tbody tr').filter({ has: page.getByRole('rowheader', { name: `Q${n}`, exact: true }) });
  await expect(stat(qa).locator('td').nth(1)).toHaveText('50%');
  await expect(stat(qa).locator('td').nth(2)).toHaveText('50%');
  await expect(stat(qb).locator('td').nth(0)).toContainText(`(Part B of Q${qa}: counted only when Part A was right)`);
  await expect(stat(qb).locator('td').nth(1)).toHaveText('50%');
  await expect(stat(qb).locator('td').nth(2)).toHaveText('50%');
});
