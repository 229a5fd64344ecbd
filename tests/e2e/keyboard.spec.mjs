// Keyboard only: a student who cannot use a mouse completes whole sections, with every kind of
// question between them, and reaches the results. No click, no fill, no selectOption, no
// .focus(): only Tab, Shift+Tab, Enter, Space, arrow keys and typing. After each step the test
// checks where focus is and what the live regions say.

import { test, expect } from './fixtures.mjs';
import { loadReading, blanksOf } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');
const questionsOf = (id) => reading.questions.filter((q) => q.section === id);
const sentencesOf = (id) => [...reading.sentences.values()].filter((s) => s.section === id);

/** Presses Tab (or Shift+Tab, for a target before focus) until `target` has focus. */
async function tabTo(page, target, max = 150) {
  const handle = await target.elementHandle({ timeout: 5000 });
  for (let i = 0; i < max; i += 1) {
    const where = await handle.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      if (!active || active === document.body) return 'after';
      // Tab forwards when the target follows the focused element in the document.
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element: its accessible label if it has one, else the start of its HTML. */
const focused = (page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.outerHTML.slice(0, 120));

/** Answers a question right with the keyboard alone. */
async function answerByKeyboard(page, q) {
  const c = page.locator(`#q-${q.id}`);
  switch (q.kind) {
    case 'single':
    case 'true-false': {
      const radios = c.getByRole('radio');
      const labels = await radios.evaluateAll((els) => els.map((el) => el.labels[0].textContent));
      const want = q.kind === 'single' ? q.options.find((o) => o.correct).text : q.answer ? 'True' : 'False';
      // Tab enters the group on its first radio; Space picks it; arrows move the choice.
      await tabTo(page, radios.first());
      await page.keyboard.press('Space');
      for (let k = 0; k < labels.indexOf(want); k += 1) await page.keyboard.press('ArrowDown');
      await expect(c.getByLabel(want, { exact: true })).toBeChecked();
      await expect(c.getByLabel(want, { exact: true })).toBeFocused();
      break;
    }
    case 'multiple':
    case 'evidence': {
      const right = q.kind === 'multiple'
        ? q.options.filter((o) => o.correct).map((o) => o.text)
        : sentencesOf(q.section).filter((s) => q.evidence.includes(s.id)).map((s) => s.text);
      for (const text of right) {
        const box = c.getByLabel(text, { exact: true });
        await tabTo(page, box);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      break;
    }
    case 'short': {
      const box = c.getByLabel('Your answer');
      await tabTo(page, box);
      await page.keyboard.type(q.accepted[0]);
      await expect(box).toHaveValue(q.accepted[0]);
      break;
    }
    case 'fill-blank': {
      for (const [i, accepted] of blanksOf(q.text).entries()) {
        const blank = c.locator(`#q-${q.id}-blank-${i}`);
        await tabTo(page, blank);
        await page.keyboard.type(accepted[0]);
      }
      break;
    }
    case 'matching': {
      for (const pair of q.pairs) {
        const select = c.getByLabel(pair.left, { exact: true });
        await tabTo(page, select);
        const options = await select.evaluate((el) => [...el.options].map((o) => o.textContent));
        const from = await select.evaluate((el) => el.selectedIndex);
        const to = options.indexOf(pair.right);
        // Arrow keys change a closed native select.
        for (let k = from; k < to; k += 1) await page.keyboard.press('ArrowDown');
        for (let k = from; k > to; k -= 1) await page.keyboard.press('ArrowUp');
        await expect(select.locator('option:checked')).toHaveText(pair.right);
      }
      break;
    }
    case 'ordering': {
      const total = q.items.length;
      for (const [position, item] of q.items.entries()) {
        let at = (await c.locator('.ordering-text').allTextContents()).indexOf(item);
        if (at === position) continue;
        await tabTo(page, c.getByRole('button', { name: `Move “${item}” up` }));
        while (at > position) {
          await page.keyboard.press('Enter');
          at -= 1;
          await expect(c.locator('.ordering-text').nth(at)).toHaveText(item);
          // The move is announced, and focus stays with the moved item.
          await expect(c.getByRole('status').first()).toContainText(`moved to position ${at + 1} of ${total}`);
          expect(await focused(page)).toContain(item);
        }
      }
      await expect(c.locator('.ordering-text')).toHaveText(q.items);
      break;
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
}

/** Presses Check by keyboard; the verdict is focused and said in the live region. */
async function checkByKeyboard(page, q) {
  const c = page.locator(`#q-${q.id}`);
  await tabTo(page, c.getByRole('button', { name: /^Check/ }));
  await page.keyboard.press('Enter');
  const feedback = c.locator('.feedback');
  await expect(feedback).toBeFocused();
  await expect(feedback).toHaveAttribute('role', 'status');
  await expect(feedback.locator('.verdict')).toHaveText('Correct!');
  await expect(feedback).toContainText(q.explanation);
}

/** Opens the section's first glossary term, if it has one, with Enter; returns how many opened. */
async function openFirstTerm(page) {
  const term = page.locator('.section-text .term').first();
  if ((await page.locator('.section-text .term').count()) === 0) return 0;
  await tabTo(page, term);
  await page.keyboard.press('Enter');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#${await term.getAttribute('aria-controls')}`)).toBeVisible();
  await expect(term).toBeFocused();
  return 1;
}

/** The shortest run of consecutive sections that between them ask every kind of question the
 *  reading has (the first such run): the sections a keyboard user works through below. */
function sectionsWithEveryKind() {
  const every = new Set(reading.questions.map((q) => q.kind));
  let best = null;
  for (let i = 0; i < reading.sections.length; i += 1) {
    const kinds = new Set();
    for (let j = i; j < reading.sections.length; j += 1) {
      for (const q of questionsOf(reading.sections[j].id)) kinds.add(q.kind);
      if (kinds.size === every.size) {
        if (!best || j + 1 - i < best.length) best = reading.sections.slice(i, j + 1);
        break;
      }
    }
  }
  return best;
}

async function completeSection(page, sectionId) {
  const kinds = new Set();
  for (const [i, q] of questionsOf(sectionId).entries()) {
    if (i === 0) {
      // Check with nothing answered: the live region says what to do, and has focus.
      const c = page.locator(`#q-${q.id}`);
      await tabTo(page, c.getByRole('button', { name: 'Check' }));
      await page.keyboard.press('Enter');
      await expect(c.locator('.feedback')).toBeFocused();
      await expect(c.locator('.feedback')).toHaveText('Answer the question first, then press Check.');
      // The hint opens and closes from the keyboard and says so.
      const hint = c.getByRole('button', { name: 'Show hint' });
      await tabTo(page, hint);
      await page.keyboard.press('Enter');
      await expect(c.getByRole('button', { name: 'Hide hint' })).toBeFocused();
      await expect(c.getByRole('button', { name: 'Hide hint' })).toHaveAttribute('aria-expanded', 'true');
      await expect(c.locator('.hint')).toContainText(q.hint);
    }
    await answerByKeyboard(page, q);
    await checkByKeyboard(page, q);
    kinds.add(q.kind);
  }
  return kinds;
}

test('keyboard alone: skip link, a whole section, the next sections, then the results', async ({ page }) => {
  test.setTimeout(180_000);
  const kinds = new Set();
  // The sections to work through: consecutive, and between them every kind of question.
  const [first, ...following] = sectionsWithEveryKind();
  await page.goto(`/read/${reading.id}/section/${first.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.heading);

  // The first Tab reaches the skip link, which takes focus past the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: reading.title })).toBeFocused();

  let termsOpened = await openFirstTerm(page);
  for (const kind of await completeSection(page, first.id)) kinds.add(kind);

  for (const section of following) {
    // On to the next section: focus goes to its heading.
    const next = page.getByRole('link', { name: `${section.heading} →` });
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/section/${section.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    termsOpened += await openFirstTerm(page);
    for (const kind of await completeSection(page, section.id)) kinds.add(kind);
  }
  expect(termsOpened, 'a glossary term opened by keyboard').toBeGreaterThan(0);
  // Between them, the sections have every kind of question.
  expect([...kinds].sort()).toEqual(['evidence', 'fill-blank', 'matching', 'multiple', 'ordering', 'short', 'single', 'true-false']);

  // The results, from the reading's overview (the breadcrumb), all by keyboard.
  await tabTo(page, page.getByRole('link', { name: reading.title }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const results = page.getByRole('link', { name: /results/i }).first();
  await tabTo(page, results);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/read/${reading.id}/results$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const done = [first, ...following].reduce((n, section) => n + questionsOf(section.id).length, 0);
  await expect(page.locator('.results-table tfoot td').nth(1)).toHaveText(`${done} of ${reading.questions.length}`);
  // The results table scrolls by keyboard too, when it is wider than the screen.
  await tabTo(page, page.getByRole('region', { name: /Your score per section/ }));
});

test('confirmation dialogs take focus when they open and give it back when they close', async ({ page }) => {
  await page.goto('/data');
  const open = page.getByRole('button', { name: 'Delete my data…' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  // Into the dialog, on the safe choice.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Yes, delete' }));
  await page.keyboard.press('Enter');
  await expect(open).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible();

  await page.goto('/profiles');
  await tabTo(page, page.getByLabel('Add someone: name'));
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Studying as Ana' })).toBeVisible();
  const remove = page.getByRole('button', { name: 'Remove Ana…' });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('alertdialog').getByRole('button', { name: 'Yes, remove' }));
  await page.keyboard.press('Enter');
  // The row is gone; focus is on the message that says so.
  const message = page.locator('#profiles-message');
  await expect(message).toBeFocused();
  await expect(message).toContainText('Ana and their answers were removed');
});
