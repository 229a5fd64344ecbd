// Highlights and notes in a section's text: by mouse and by keyboard alone, a note with markup
// shown as typed, kept over a reload and seen by another tab, changed and removed; "My notes" in
// text order with a highlight no longer in the text, and its exports; none of it in an
// assessment; axe on the new screens, dark and 360 px wide.

import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { assignmentCode } from './support/codes.mjs';
import { expectNoAxeViolations } from './support/axe.mjs';

const reading = loadReading('adversaries-to-allies');
const sectionUrl = (s) => `/read/${reading.id}/section/${s.id}`;
const NOTE = '<script>alert("x")</script> & <b>not bold</b>';
const tool = (page) => page.locator('.highlight-tool');

/** The first sentence of the page's text without a glossary term in it: its id and words. */
async function plainSentence(page) {
  return page.evaluate(() => {
    const sentence = [...document.querySelectorAll('.section-text .sentence')].find((s) => !s.querySelector('.term'));
    return { id: sentence.dataset.sentence, text: sentence.textContent };
  });
}

/** Drags the mouse over characters `start .. end` of a sentence's words. */
async function dragOver(page, sentenceId, start, end) {
  const box = await page.evaluate(
    ({ sentenceId, start, end }) => {
      const node = document.querySelector(`[data-sentence="${sentenceId}"] [data-o]`).firstChild;
      const rect = (from, to) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const first = rect(start, start + 1);
      const last = rect(end - 1, end);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { sentenceId, start, end },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

test('highlight by mouse with a note shown as typed; reload, another tab, change and remove', async ({ page, context }) => {
  const section = reading.sections[0];
  await page.goto(sectionUrl(section));
  await page.locator('.section-text').scrollIntoViewIfNeeded();
  const sentence = await plainSentence(page);
  const words = sentence.text.split(' ').slice(0, 3).join(' ');
  await dragOver(page, sentence.id, 0, words.length);
  await expect(tool(page).locator('.hl-chosen')).toHaveText(`Chosen: “${words}”`);

  await tool(page).getByRole('radio', { name: 'Green' }).check();
  await tool(page).getByLabel('Note (optional)').fill(NOTE);
  await tool(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect(tool(page).getByRole('status')).toHaveText(`Highlighted in green: “${words}”.`);
  const marks = page.locator(`[data-sentence="${sentence.id}"] mark.hl`);
  await expect(marks).toHaveText([words]);
  await expect(marks.first()).toHaveAttribute('data-colour', 'green');

  // Its button names it and opens the note, exactly as typed: no element made of it.
  const button = page.getByRole('button', { name: `Green highlight: “${words}”, with a note` });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('group', { name: 'Highlight', exact: true });
  await expect(panel.locator('.hl-note')).toHaveText(`Note: ${NOTE}`);
  await expect(page.locator('main script, main b')).toHaveCount(0);
  await expectNoAxeViolations(page, 'a section with a highlight and its panel open');

  // Kept over a reload, and in another tab.
  await page.reload();
  await expect(marks).toHaveText([words]);
  const other = await context.newPage();
  await other.goto(sectionUrl(section));
  await expect(other.locator(`[data-sentence="${sentence.id}"] mark.hl`)).toHaveText([words]);

  // Changed to pink with another note, then removed: the other tab follows.
  await button.click();
  await panel.getByRole('radio', { name: 'Pink' }).check();
  await panel.getByLabel('Note (optional)').fill('second thoughts');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(marks.first()).toHaveAttribute('data-colour', 'pink');
  await expect(other.locator(`[data-sentence="${sentence.id}"] mark.hl`).first()).toHaveAttribute('data-colour', 'pink');
  await page.getByRole('button', { name: `Pink highlight: “${words}”, with a note` }).click();
  await panel.getByRole('button', { name: 'Remove highlight' }).click();
  await expect(marks).toHaveCount(0);
  await expect(tool(page).getByRole('status')).toHaveText('Highlight removed.');
  await expect(other.locator(`[data-sentence="${sentence.id}"] mark.hl`)).toHaveCount(0);
  await page.reload();
  await expect(marks).toHaveCount(0);
});

test('whole sentences highlighted by keyboard alone', async ({ page }) => {
  const section = reading.sections[0];
  const sentences = section.paragraphs.flatMap((p) => p.sentences);
  await page.goto(sectionUrl(section));
  const start = tool(page).getByRole('button', { name: 'Choose sentences by keyboard' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#s-${sentences[0].id}`)).toBeFocused();
  await expect(tool(page).getByRole('status')).toHaveText(`Sentence 1 of ${sentences.length} chosen.`);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#s-${sentences[1].id}`)).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator(`#s-${sentences[2].id}`)).toBeFocused();
  await expect(page.locator('.sentence.chosen')).toHaveCount(2);
  await expect(tool(page).getByRole('status')).toHaveText(`Sentences 2 to 3 of ${sentences.length} chosen.`);
  await page.keyboard.press('Enter');
  await expect(tool(page).getByRole('status')).toContainText('Highlighted in yellow');
  await expect(page.locator('.sentence.chosen')).toHaveCount(0);
  for (const s of [sentences[1], sentences[2]]) {
    await expect(page.locator(`#s-${s.id} mark.hl`).first()).toBeVisible();
  }
  await expect(page.locator(`#s-${sentences[0].id} mark.hl`)).toHaveCount(0);
  // The highlight's button is reached with Tab, and Escape leaves choosing.
  await start.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(start).toBeFocused();
});

test('My notes lists highlights in text order, keeps one no longer in the text, and exports', async ({ page }) => {
  const [first, second] = reading.sections;
  const firstSentence = first.paragraphs[0].sentences[0];
  const secondSentence = second.paragraphs[0].sentences[0];
  // Made in the reverse of the text's order.
  for (const [section, note] of [
    [second, 'later in the text'],
    [first, NOTE],
  ]) {
    await page.goto(sectionUrl(section));
    await tool(page).getByLabel('Note (optional)').fill(note);
    await tool(page).getByRole('button', { name: 'Choose sentences by keyboard' }).click();
    await page.keyboard.press('Enter');
    await expect(tool(page).getByRole('status')).toContainText('Highlighted in yellow');
  }
  // One whose words the text no longer has (as if the content changed since).
  // Made from the second section's highlight (ids are random, so not simply the first one), so
  // the first section's worksheet below prints its one note only.
  await page.evaluate(([readingId, sectionId]) => {
    const key = 'lectern:progress:default';
    const progress = JSON.parse(localStorage.getItem(key));
    const highlights = progress.readings[readingId].highlights;
    const [id, some] = Object.entries(highlights.items).find(([, h]) => h.section === sectionId);
    highlights.items[`${id}-old`] = { ...some, quote: 'words that were cut from the text', note: 'kept anyway', created_at: 1, updated_at: 1 };
    localStorage.setItem(key, JSON.stringify(progress));
  }, [reading.id, second.id]);

  await page.goto(`/read/${reading.id}`);
  await page.getByRole('link', { name: 'My notes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
  const items = page.locator('.note-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).locator('mark')).toHaveText(firstSentence.text);
  await expect(items.nth(0).locator('.hl-note')).toHaveText(NOTE);
  await expect(items.nth(1).locator('mark')).toHaveText(secondSentence.text);
  await expect(page.getByRole('heading', { name: 'No longer in the text' })).toBeVisible();
  await expect(items.nth(2).locator('mark')).toHaveText('words that were cut from the text');
  await expectNoAxeViolations(page, 'My notes');

  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const markdown = await save('Save as Markdown');
  expect(markdown.name).toMatch(new RegExp(`^lectern-notes-${reading.id}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  expect(markdown.text).toContain('\\<script\\>alert\\(\\"x\\"\\)\\<\\/script\\>');
  expect(markdown.text).not.toContain('<script>');
  expect(markdown.text.indexOf(first.heading)).toBeLessThan(markdown.text.indexOf(second.heading));
  expect(markdown.text).toContain('## No longer in the text');
  const text = await save('Save as plain text');
  expect(text.name).toMatch(/\.txt$/);
  expect(text.text).toContain(`    ${NOTE}\n`);
  expect(text.text).toContain('kept anyway');

  // Each links to its place in the text.
  await items.nth(1).getByRole('link', { name: 'Show in text' }).click();
  await expect(page).toHaveURL(new RegExp(`/section/${second.id}#s-${secondSentence.id}$`));
  await expect(page.locator(`#s-${secondSentence.id}`)).toBeInViewport();

  // The print worksheet can take the section's notes.
  await page.goto(sectionUrl(first));
  await page.getByLabel('Include my notes').check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-notes .note-item')).toHaveCount(1);
  await expect(page.locator('.print-notes .hl-note')).toHaveText(NOTE);
  await expect(page.locator('.highlight-tool')).toBeHidden();
});

test('at 360 px wide and dark, the tool and My notes fit and pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(sectionUrl(reading.sections[0]));
  await tool(page).getByRole('button', { name: 'Choose sentences by keyboard' }).click();
  await page.keyboard.press('Enter');
  await expect(page.locator('mark.hl').first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page, 'section with a highlight, 360 px, dark');
  await page.goto(`/read/${reading.id}/notes`);
  await expect(page.locator('.note-item')).toHaveCount(1);
  await expectNoAxeViolations(page, 'My notes, 360 px, dark');
});

test('an assessment shows no highlights tool and records no look-up', async ({ page }) => {
  const questions = reading.questions.filter((q) => q.section === reading.sections[0].id).map((q) => q.id);
  await page.goto(`/assignment?code=${assignmentCode(reading, { questions, assessment: true })}`);
  await page.getByLabel('Your name').fill('Ana');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.section-text').first()).toBeVisible();
  await expect(page.locator('.highlight-tool')).toHaveCount(0);
  await expect(page.locator('[data-annotating]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose sentences by keyboard' })).toHaveCount(0);
  await page.locator('.section-text button.term').first().click();
  const review = await page.evaluate(() => {
    const progress = JSON.parse(localStorage.getItem('lectern:progress:default'));
    return Object.values(progress.readings ?? {}).map((r) => r.review ?? null);
  });
  expect(review.filter((r) => r && Object.keys(r).length > 0)).toEqual([]);
});
