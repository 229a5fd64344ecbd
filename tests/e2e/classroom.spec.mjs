// The classroom loop with no server: a teacher (one browser context) makes an assignment, three
// students (each their own context, as on their own devices) open its link, answer differently
// and hand in, and the teacher collects two codes by pasting and one result file: the class
// table, the per-question figures and the CSV must hold exactly the expected numbers.

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { watch } from './support/watch.mjs';
import { expectNoAxeViolations as expectNoViolations } from './support/axe.mjs';
import { loadReading, partA } from './support/content.mjs';
import { answerRight, answerWrong, card } from './support/answer.mjs';
import { chooseOnlySection } from './support/teach.mjs';

const reading = loadReading('adversaries-to-allies');
const section = reading.sections.find((s) => s.id === 'intelligence');
const questions = reading.questions.filter((q) => q.section === section.id);

/** The percent a wrong answer from answerWrong() still earns: a reversed ordering leaves the
 *  middle item of an odd-length list in its place. Everything else scores 0. */
function wrongPercent(q) {
  if (q.kind === 'ordering' && q.items.length % 2 === 1) return Math.round(100 / q.items.length);
  return 0;
}

// Ana gets everything right, Ben everything wrong, Cy the first half (in the reading's order).
const half = Math.ceil(questions.length / 2);
const students = [
  { name: 'Ana', right: () => true },
  { name: 'Ben', right: () => false },
  { name: 'Cy', right: (i) => i < half },
];
// Part B of a pair earns its score only when its Part A is right (docs/authoring.md).
const percentOf = (student, q, i) => {
  const a = partA(reading, q);
  const at = a ? questions.indexOf(a) : -1;
  if (at >= 0 && percentOf(student, a, at) < 100) return 0;
  return student.right(i) ? 100 : wrongPercent(q);
};
const totalOf = (student) =>
  Math.round(questions.reduce((sum, q, i) => sum + percentOf(student, q, i), 0) / questions.length);

async function makeAssignment(page, { title, mode, minutes }) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Make an assignment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make an assignment');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await chooseOnlySection(page, reading, section.id);
  await expect(page.getByText(`${questions.length} questions chosen.`)).toBeVisible();
  await page.getByLabel(mode === 'assessment' ? /^Assessment/ : /^Practice/).check();
  if (minutes) await page.getByLabel('Time limit in minutes (optional)').fill(String(minutes));
  await page.getByRole('button', { name: 'Make the assignment link' }).click();
  const created = page.locator('#created');
  await expect(created.getByRole('heading', { name: `“${title}” is ready` })).toBeFocused();
  await expect(created.getByRole('img', { name: /QR code of the assignment link/ })).toBeVisible();
  return created;
}

test('a teacher sets an assessment, three students hand in, and the gradebook adds it up', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const created = await makeAssignment(page, { title: 'Sharing secrets quiz', mode: 'assessment' });
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/assignment\\?code=LA1\\.[A-Za-z0-9_-]+$`));

  const codes = {};
  let cyFile;
  for (const student of students) {
    const context = await browser.newContext();
    const problems = await watch(context, baseURL);
    const s = await context.newPage();
    await s.goto(link);
    await expect(s.getByRole('heading', { level: 1 })).toHaveText('Sharing secrets quiz');
    await expect(s.getByText(/^Assessment\. You see no marks until you hand in/)).toBeVisible();
    // No name, no start.
    await s.getByRole('button', { name: 'Start' }).click();
    await expect(s.getByRole('alert').filter({ hasText: 'Type your name' })).toBeVisible();
    await s.getByLabel('Your name').fill(student.name);
    await s.getByRole('button', { name: 'Start' }).click();
    await expect(s.getByText(`Working as ${student.name}.`)).toBeVisible();

    for (const [i, q] of questions.entries()) {
      if (student.right(i)) await answerRight(s, reading, q);
      else await answerWrong(s, reading, q);
      await expect(card(s, q).getByText(/^Answer saved/)).toBeVisible();
    }
    // An assessment shows no marks and has no Check button before hand-in.
    await expect(s.locator('.verdict')).toHaveCount(0);
    await expect(s.getByRole('button', { name: /^Check/ })).toHaveCount(0);
    // Nothing typed is lost on a reload.
    await s.reload();
    await expect(s.getByText(`You have answered ${questions.length} of ${questions.length} questions.`)).toBeVisible();

    await s.getByRole('button', { name: 'Hand in…' }).click();
    // The safe choice has focus; "Not yet" goes back to where it started.
    await expect(s.getByRole('button', { name: 'Not yet' })).toBeFocused();
    await s.keyboard.press('Enter');
    await expect(s.getByRole('button', { name: 'Hand in…' })).toBeFocused();
    await s.keyboard.press('Enter');
    await s.getByRole('button', { name: 'Yes, hand in' }).click();
    await expect(s.getByRole('heading', { level: 1 })).toHaveText('Sharing secrets quiz: handed in');
    await expect(s.locator('.score-line')).toContainText(`Your score: ${totalOf(student)}%.`);
    // After hand-in, the marks: every question, with the right answer where it was missed.
    await expect(s.locator('.report-question')).toHaveCount(questions.length);
    codes[student.name] = await s.getByLabel('Hand-in code').inputValue();
    expect(codes[student.name]).toMatch(/^LR1\.[A-Za-z0-9_-]+$/);
    if (student.name === 'Cy') {
      const [download] = await Promise.all([
        s.waitForEvent('download'),
        s.getByRole('button', { name: 'Download result file' }).click(),
      ]);
      cyFile = testInfo.outputPath('cy-result.json');
      await download.saveAs(cyFile);
      expect(download.suggestedFilename()).toBe('lectern-result-sharing-secrets-quiz-cy.json');
    }
    await context.close();
    expect(problems.list(), 'student page problems').toEqual([]);
  }

  // The teacher collects: two codes pasted (with a damaged one and a repeat), one file.
  await created.getByRole('link', { name: 'Open its gradebook' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gradebook: Sharing secrets quiz');
  const damaged = codes.Ben.slice(0, -3);
  await page
    .getByLabel('Hand-in codes, one per line')
    .fill([codes.Ana, '', damaged, codes.Ben, codes.Ana].join('\n'));
  await page.getByRole('button', { name: 'Add codes' }).click();
  const reports = page.locator('#entry-reports');
  await expect(reports).toBeFocused();
  await expect(reports).toContainText('2 added, 2 not added.');
  await expect(reports).toContainText('Line 1: added Ana.');
  await expect(reports).toContainText('Line 3: not added: it is damaged or incomplete');
  await expect(reports).toContainText('Line 4: added Ben.');
  await expect(reports).toContainText("Line 5: not added: Ana's result is already in the gradebook.");
  await page.getByLabel(/^Result files/).setInputFiles(cyFile);
  await expect(reports).toContainText('cy-result.json: added Cy.');
  // Dropping files works too: the same file again is refused as a repeat, and a file cut short
  // is refused as incomplete.
  const fileText = readFileSync(cyFile, 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ([whole, cut]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([whole], 'again.json', { type: 'application/json' }));
      dt.items.add(new File([cut], 'cut.json', { type: 'application/json' }));
      return dt;
    },
    [fileText, fileText.slice(0, fileText.length / 2)],
  );
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(reports).toContainText("again.json: not added: Cy's result is already in the gradebook.");
  await expect(reports).toContainText('cut.json: not added: the file is incomplete or not a Lectern result');

  // The class table, by name.
  const rows = page.locator('.class-table tbody tr');
  await expect(rows).toHaveCount(3);
  for (const [r, student] of students.entries()) {
    const cells = rows.nth(r).locator('th, td');
    await expect(cells.nth(0)).toHaveText(student.name);
    await expect(cells.nth(1)).toHaveText(`${totalOf(student)}%`);
    await expect(cells.nth(2)).toHaveText(totalOf(student) >= 60 ? 'Yes' : 'No');
    for (const [i, q] of questions.entries()) {
      await expect(cells.nth(5 + i)).toHaveText(`${percentOf(student, q, i)}%`);
    }
  }

  // Per question: percent of students fully right, the most missed first.
  const expectedStats = questions
    .map((q, i) => ({
      number: i + 1,
      right: Math.round((students.filter((st) => percentOf(st, q, i) === 100).length * 100) / 3),
      mean: Math.round(students.reduce((sum, st) => sum + percentOf(st, q, i), 0) / 3),
    }))
    .sort((a, b) => a.right - b.right || a.number - b.number);
  const statRows = page.locator('.question-stats tbody tr');
  await expect(statRows).toHaveCount(questions.length);
  for (const [r, stat] of expectedStats.entries()) {
    const cells = statRows.nth(r).locator('th, td');
    await expect(cells.nth(0)).toHaveText(`Q${stat.number}`);
    await expect(cells.nth(2)).toHaveText(`${stat.right}%`);
    await expect(cells.nth(3)).toHaveText(`${stat.mean}%`);
  }

  // The distribution table: one student in each of three bands.
  const bands = new Map();
  for (const st of students) {
    const band = Math.min(9, Math.floor(totalOf(st) / 10));
    bands.set(band, (bands.get(band) ?? 0) + 1);
  }
  const bandRows = page.locator('.distribution tbody tr td');
  for (let band = 0; band < 10; band++) {
    await expect(bandRows.nth(band)).toHaveText(String(bands.get(band) ?? 0));
  }

  // The CSV: RFC 4180, one row per student, the same numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csvPath = testInfo.outputPath('class.csv');
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toMatch(new RegExp(`^Student,Score \\(%\\),Passed,Answered,Questions,Time on task \\(minutes\\),Handed in \\(UTC\\),Late,Time ran out,"?Q1 ${questions[0].id}: `));
  // (A header field is quoted when its prompt holds a comma.)
  for (const [r, student] of students.entries()) {
    const fields = lines[r + 1].split(',');
    expect(fields[0]).toBe(student.name);
    expect(fields[1]).toBe(String(totalOf(student)));
    expect(fields[2]).toBe(totalOf(student) >= 60 ? 'yes' : 'no');
    expect(fields[3]).toBe(String(questions.length));
    expect(fields.slice(9)).toEqual(questions.map((q, i) => String(percentOf(student, q, i))));
  }

  // Removing one student's entry.
  await page.getByRole('button', { name: "Remove Ben's result" }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Class', exact: true })).toBeFocused();
  await page.reload();
  await expect(rows).toHaveCount(2);

  // Removing the whole assignment: Cancel first, then for real.
  await page.getByRole('button', { name: 'Remove assignment and results…' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove assignment and results…' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove assignment and results…' }).click();
  await page.getByRole('button', { name: 'Remove everything' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gradebook');
  await expect(page.getByText('No assignments on this device yet.')).toBeVisible();
});

test('a timed assignment with extra time warns, then hands in by itself with what was typed', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const created = await makeAssignment(page, { title: 'Timed quiz', mode: 'assessment', minutes: 10 });
  await created.getByLabel('Extra time').selectOption({ label: '+50%: a link for students with extra time' });
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();

  const context = await browser.newContext();
  const problems = await watch(context, baseURL);
  const s = await context.newPage();
  await s.clock.install();
  await s.goto(link);
  await expect(s.getByText('15 minutes (including 50% extra time)')).toBeVisible();
  await s.getByLabel('Your name').fill('Dee');
  await s.getByRole('button', { name: 'Start (the timer starts now)' }).click();
  await expect(s.getByRole('timer')).toContainText('15:00');
  const short = questions.find((q) => q.kind === 'short');
  await card(s, short).getByLabel('Your answer').fill(short.accepted[0]);

  // At the class's 10 minutes, Dee still has 5: the warning is announced.
  await s.clock.fastForward('10:01');
  await expect(s.getByRole('timer')).toContainText('4:5');
  await expect(s.locator('.countdown-warning')).toHaveText(/^5 minutes left\./);
  await s.clock.fastForward('04:00');
  await expect(s.locator('.countdown-warning')).toHaveText(/^1 minute left\./);
  await s.clock.fastForward('01:00');
  await expect(s.getByRole('heading', { level: 1 })).toHaveText('Timed quiz: handed in');
  await expect(s.getByText('(automatically, when the time ran out)')).toBeVisible();
  await expect(s.locator('.report-question').filter({ hasText: short.prompt })).toContainText(
    `Your answer: ${short.accepted[0]}`,
  );
  await context.close();
  expect(problems.list()).toEqual([]);
});

test('a student who comes back after the time ran out is handed in at the end of the time', async ({ page }) => {
  const created = await makeAssignment(page, { title: 'Came back late', mode: 'assessment', minutes: 5 });
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();
  await page.goto(link);
  await page.getByLabel('Your name').fill('Gus');
  await page.getByRole('button', { name: 'Start (the timer starts now)' }).click();
  const short = questions.find((q) => q.kind === 'short');
  await card(page, short).getByLabel('Your answer').fill('Sergei Ivanov');
  await expect(card(page, short).getByText(/^Answer saved/)).toBeVisible();
  // Leave, and come back an hour after starting: move the stored start back by an hour.
  await page.goto('/');
  await page.evaluate(() => {
    const key = 'lectern:progress:default';
    const progress = JSON.parse(localStorage.getItem(key));
    for (const a of Object.values(progress.assignments)) a.started_at -= 3_600_000;
    localStorage.setItem(key, JSON.stringify(progress));
  });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Came back late: handed in');
  await expect(page.getByText('(automatically, when the time ran out)')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('5 min');
  await expect(page.locator('.report-question').filter({ hasText: short.prompt })).toContainText(
    'Your answer: Sergei Ivanov',
  );
});

test('a broken assignment link says so and changes nothing', async ({ page }) => {
  await page.goto('/assignment?code=LA1.not-a-real-code');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This assignment link does not work');
  await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('progress')))).toEqual([]);
});

test('a practice assignment gives feedback and retries, counts first tries, and stays apart from free study', async ({
  page,
}) => {
  const created = await makeAssignment(page, { title: 'Practice run', mode: 'practice' });
  const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();
  await page.goto(link);
  // A name with markup in it is shown as the text it is, never as markup.
  const name = 'Eve <img src=x onerror="window.pwned=1"><b>B</b>';
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  const [first, ...rest] = questions;
  await answerWrong(page, reading, first);
  await card(page, first).getByRole('button', { name: 'Check' }).click();
  await expect(card(page, first).locator('.verdict')).toContainText('Not quite.');
  await answerRight(page, reading, first);
  await card(page, first).getByRole('button', { name: 'Check again' }).click();
  await expect(card(page, first).locator('.verdict')).toContainText('Correct!');
  for (const q of rest) {
    await answerRight(page, reading, q);
    await card(page, q).getByRole('button', { name: 'Check' }).click();
    await expect(card(page, q).locator('.verdict')).toContainText('Correct!');
  }
  await page.getByRole('button', { name: 'Hand in…' }).click();
  await page.getByRole('button', { name: 'Yes, hand in' }).click();
  // The first try of question 1 was wrong: it counts 0, whatever came after.
  const expected = Math.round((100 * rest.length + wrongPercent(first)) / questions.length);
  await expect(page.locator('.score-line')).toContainText(`Your score: ${expected}%.`);
  await expect(page.locator('.facts dd').first()).toHaveText(name);
  expect(await page.locator('.facts img, .facts b').count()).toBe(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();

  // The home page lists the assignment; free study's results know nothing of it.
  await page.getByRole('link', { name: 'Lectern', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Practice run' })).toContainText('Handed in');
  await page.goto(`/read/${reading.id}/results`);
  const overall = page.locator('tfoot tr').first();
  await expect(overall.locator('td').first()).toHaveText(`0 of ${reading.questions.length}`);
});

for (const colorScheme of ['light', 'dark']) {
  test(`teacher, assignment and gradebook screens pass axe (${colorScheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    const created = await makeAssignment(page, { title: 'Axe quiz', mode: 'assessment', minutes: 30 });
    await expectNoViolations(page, 'teacher page with a new assignment');
    const link = await created.getByLabel('Assignment link', { exact: true }).inputValue();

    await page.goto(link);
    await page.getByRole('button', { name: /^Start/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Type your name' })).toBeVisible();
    await expectNoViolations(page, 'assignment intro with a missing name');
    await page.getByLabel('Your name').fill('Fay');
    await page.getByRole('button', { name: /^Start/ }).click();
    for (const q of questions) await answerRight(page, reading, q);
    await page.getByRole('button', { name: 'Hand in…' }).click();
    await expectNoViolations(page, 'assessment in progress, asking to confirm the hand-in');
    await page.getByRole('button', { name: 'Yes, hand in' }).click();
    await expect(page.locator('.score-line')).toBeVisible();
    await expectNoViolations(page, 'handed-in result');
    const code = await page.getByLabel('Hand-in code').inputValue();

    await page.goto('/gradebook');
    await expectNoViolations(page, 'gradebook index');
    await page.getByRole('link', { name: 'Axe quiz' }).click();
    await page.getByLabel('Hand-in codes, one per line').fill(`${code}\nnot a code`);
    await page.getByRole('button', { name: 'Add codes' }).click();
    await expect(page.locator('.class-table tbody tr')).toHaveCount(1);
    await page.getByRole('button', { name: "Remove Fay's result" }).click();
    await expectNoViolations(page, 'gradebook with results, a report and a confirmation');
  });
}
