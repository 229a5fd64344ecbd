// The LMS forms, driven as a teacher and students would (docs/classroom.md, "Student IDs and
// school emails", "Gradebook exports for LMSs", "The questions in Moodle"): a teacher makes an
// assignment that asks for a school email; a student's email that is not one is refused with a
// message, then two students hand in under their emails; the teacher collects the codes, sees
// the emails in the class table, downloads the Moodle grade import (its exact bytes, written by
// hand here), fills a Canvas export from tests/lms/ (the same bytes but one cell, a byte order
// mark kept), is told plainly when a file is not a Canvas export or not UTF-8, and exports the
// assignment's questions as GIFT, which gift-pegjs parses back to every question, key and
// feedback. axe-core checks each new control.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect } from './fixtures.mjs';
import { watch } from './support/watch.mjs';
import { expectNoAxeViolations } from './support/axe.mjs';
import { loadReading, partA } from './support/content.mjs';
import { answerRight, card } from './support/answer.mjs';
import { expectedGift, fromGift, normalised } from './support/gift.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const require = createRequire(import.meta.url);
const { parse: parseGift } = require('gift-pegjs');

const reading = loadReading('adversaries-to-allies');
const questionsOf = (s) => reading.questions.filter((q) => q.section === s.id);
// The smallest section whose pairs are whole inside it, so the assignment is exactly its
// questions.
const section = reading.sections
  .filter((s) => questionsOf(s).length > 0)
  .filter((s) => questionsOf(s).every((q) => !partA(reading, q) || partA(reading, q).section === s.id))
  .sort((a, b) => questionsOf(a).length - questionsOf(b).length)[0];
const questions = questionsOf(section);
// The Canvas sample's assignment column is "Lectern: Week 3 (1202)": the same title picks it.
const TITLE = 'Lectern: Week 3';
const CANVAS_EXPORT = readFileSync('tests/lms/canvas-gradebook-export.csv');

/** Saves the download a click starts, and gives its name and bytes. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** A student opens the link, gives name and email, answers (all right, or nothing) and hands
 *  in; gives the hand-in code. */
async function handIn(browser, baseURL, link, { name, email, answer }) {
  const context = await browser.newContext();
  const problems = await watch(context, baseURL);
  const s = await context.newPage();
  await s.goto(link);
  await expect(s.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await s.getByLabel('Your name').fill(name);
  await s.getByLabel('Your school email').fill(email);
  await s.getByRole('button', { name: 'Start' }).click();
  await expect(s.getByText(`Working as ${name}.`)).toBeVisible();
  if (answer) {
    for (const q of questions) {
      await answerRight(s, reading, q);
      await expect(card(s, q).getByText(/^Answer saved/)).toBeVisible();
    }
  }
  await s.getByRole('button', { name: 'Hand in…' }).click();
  await s.getByRole('button', { name: 'Yes, hand in' }).click();
  await expect(s.getByRole('heading', { level: 1 })).toHaveText(`${TITLE}: handed in`);
  // The result shows the email as it is kept: in lower case.
  const facts = s.locator('.hand-in-result .facts');
  await expect(facts.locator('dt').nth(1)).toHaveText('School email');
  await expect(facts.locator('dd').nth(1)).toHaveText(email.toLowerCase());
  const code = await s.getByLabel('Hand-in code').inputValue();
  expect(code).toMatch(/^LR2\.[A-Za-z0-9_-]+$/);
  await context.close();
  expect(problems.list(), `${name}'s page problems`).toEqual([]);
  return code;
}

test('an assignment asking for school emails goes to Moodle and Canvas, and its questions to GIFT', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // The teacher makes the assignment: one section, school emails.
  await page.goto('/teach');
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await chooseOnlySection(page, reading, section.id);
  const ask = page.getByRole('group', { name: 'Ask students for' });
  await expect(ask.getByLabel('Name only')).toBeChecked();
  await page.getByLabel(/^Assessment/).check();
  await ask.getByLabel('Name and school email').check();
  await expectNoAxeViolations(page, 'assignment form asking for a school email');
  await page.getByRole('button', { name: 'Make the assignment link' }).click();
  const created = page.locator('#created');
  await expect(created.getByRole('heading', { name: `“${TITLE}” is ready` })).toBeFocused();
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();
  expect(link).toMatch(/\/assignment\?code=LA2\./);

  // A value that cannot be an email is refused, with focus on it, and nothing starts.
  {
    const context = await browser.newContext();
    const s = await context.newPage();
    await s.goto(link);
    await s.getByLabel('Your name').fill('Ana Lima');
    const email = s.getByLabel('Your school email');
    await expect(email).toHaveAttribute('type', 'email');
    await email.fill('ana.lima at school');
    await s.getByRole('button', { name: 'Start' }).click();
    await expect(s.getByRole('alert').filter({ hasText: 'That is not an email address (like name@school.org).' })).toBeVisible();
    await expect(email).toBeFocused();
    await expect(s.getByRole('button', { name: 'Start' })).toBeVisible();
    await expectNoAxeViolations(s, 'assignment intro with a refused email');
    await email.fill('');
    await s.getByRole('button', { name: 'Start' }).click();
    await expect(s.getByRole('alert').filter({ hasText: 'Type your school email.' })).toBeVisible();
    await context.close();
  }

  const codes = [
    await handIn(browser, baseURL, link, { name: 'Ana Lima', email: 'Ana.Lima@School.org', answer: true }),
    await handIn(browser, baseURL, link, { name: 'Eve Park', email: 'eve.park@school.org', answer: false }),
  ];

  // The teacher collects the codes; the class table has the emails.
  await created.getByRole('link', { name: 'Open its gradebook' }).click();
  await page.getByLabel('Hand-in codes, one per line').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.locator('#entry-reports')).toContainText('2 added, 0 not added.');
  const table = page.locator('.class-table');
  await expect(table.locator('thead th').nth(1)).toHaveText('School email');
  const rows = table.locator('tbody tr');
  await expect(rows.nth(0).locator('th, td').nth(1)).toHaveText('ana.lima@school.org');
  await expect(rows.nth(0).locator('th, td').nth(2)).toHaveText('100%');
  await expect(rows.nth(1).locator('th, td').nth(1)).toHaveText('eve.park@school.org');
  await expect(rows.nth(1).locator('th, td').nth(2)).toHaveText('0%');

  // Moodle: the grade import, as docs/classroom.md and tests/lms/README.md describe it.
  const moodle = await download(page, () => page.getByRole('button', { name: 'Moodle grade import (CSV)' }).click());
  expect(moodle.name).toBe('lectern-moodle-lectern-week-3.csv');
  expect(moodle.bytes.toString('utf8')).toBe(
    '"Email address","Student name","Lectern: Week 3"\n' +
      'ana.lima@school.org,"Ana Lima",100.00\n' +
      'eve.park@school.org,"Eve Park",0.00\n',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Saved as lectern-moodle-lectern-week-3.csv.' })).toBeVisible();

  // Canvas: the sample export, with a byte order mark as Canvas writes it for some users.
  const canvasInput = page.getByLabel('Your Canvas gradebook export (.csv)');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  await canvasInput.setInputFiles({ name: 'grades.csv', mimeType: 'text/csv', buffer: Buffer.concat([bom, CANVAS_EXPORT]) });
  const column = page.getByLabel('Column to fill');
  await expect(column).toHaveValue('6');
  await expect(column.locator('option:checked')).toHaveText('Lectern: Week 3 (1202)');
  await expectNoAxeViolations(page, 'gradebook with the LMS exports and a Canvas file chosen');
  const canvas = await download(page, () => page.getByRole('button', { name: 'Fill the column and download' }).click());
  expect(canvas.name).toBe('grades-lectern.csv');
  // The same bytes but Ana's cell in that column: 100 % of 20 points. Eve has no Canvas row.
  const anaRow = '"Lima, Ana",3001,S-1024,ana.lima@school.org,Period 2,9.00,,';
  expect(CANVAS_EXPORT.toString('utf8')).toContain(anaRow);
  const expected = Buffer.concat([bom, Buffer.from(CANVAS_EXPORT.toString('utf8').replace(anaRow, `${anaRow.slice(0, -1)}20.00,`))]);
  expect(canvas.bytes.equals(expected)).toBe(true);
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as grades-lectern.csv. 1 score filled. No row in the Canvas file for: Eve Park.' }),
  ).toBeVisible();

  // A file that is not a Canvas export, and one that is not UTF-8: told, and nothing to fill.
  await canvasInput.setInputFiles({ name: 'moodle.csv', mimeType: 'text/csv', buffer: moodle.bytes });
  await expect(
    page.getByRole('status').filter({
      hasText: 'moodle.csv cannot be used: this is not a Canvas gradebook export (it has no Student and ID columns).',
    }),
  ).toBeVisible();
  await expect(page.getByLabel('Column to fill')).toHaveCount(0);
  await canvasInput.setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.from('Student,ID\nJos\xe9,1\n', 'latin1') });
  await expect(page.getByRole('status').filter({ hasText: 'latin1.csv cannot be used: the file is not UTF-8 text.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fill the column and download' })).toHaveCount(0);

  // The assignment's questions as GIFT, parsed back by another implementation.
  await page.goto('/teach');
  const exportForm = page.locator('.export-questions');
  await exportForm.getByLabel('Questions').selectOption({ label: `The ${questions.length} questions of “${TITLE}”` });
  await exportForm.getByLabel('GIFT').check();
  await expectNoAxeViolations(page, 'export questions');
  const gift = await download(page, () => exportForm.getByRole('button', { name: 'Export questions' }).click());
  expect(gift.name).toBe('lectern-questions-lectern-week-3.gift.txt');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as lectern-questions-lectern-week-3.gift.txt.' })).toBeVisible();
  const parsed = parseGift(gift.bytes.toString('utf8'));
  expect(parsed[0]).toEqual({ type: 'Category', title: `$course$/top/Lectern/${reading.title}` });
  const expectedItems = questions.flatMap((q) => expectedGift(reading, q)).map(normalised);
  const items = parsed.slice(1).map(fromGift);
  expect(items.map((i) => i.id)).toEqual(expectedItems.map((e) => e.id));
  for (const [i, e] of expectedItems.entries()) expect(items[i], e.id).toEqual(e);
});
