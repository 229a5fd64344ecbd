// Answering a question through the UI as a person would: clicking labels, typing, choosing from
// selects and pressing the Move buttons. Each kind can be answered right or wrong; `wrong`
// returns the feedback the app must then show.

import { expect } from '@playwright/test';
import { blanksOf } from './content.mjs';

export const card = (page, q) => page.locator(`#q-${q.id}`);

/** Fills in the right answer. */
export async function answerRight(page, reading, q) {
  const c = card(page, q);
  switch (q.kind) {
    case 'single':
      await c.getByLabel(q.options.find((o) => o.correct).text, { exact: true }).check();
      break;
    case 'multiple':
      for (const o of q.options) {
        const box = c.getByLabel(o.text, { exact: true });
        if (o.correct) await box.check();
        else await box.uncheck();
      }
      break;
    case 'true-false':
      await c.getByLabel(q.answer ? 'True' : 'False', { exact: true }).check();
      break;
    case 'short':
      await c.getByLabel('Your answer').fill(q.accepted[0]);
      break;
    case 'matching':
      for (const [i, pair] of q.pairs.entries()) {
        await c.getByLabel(pair.left, { exact: true }).selectOption({ label: pair.right });
      }
      break;
    case 'ordering':
      await putInOrder(c, q.items);
      break;
    case 'evidence':
      for (const sentence of sectionSentences(reading, q.section)) {
        const box = c.getByLabel(sentence.text, { exact: true });
        if (q.evidence.includes(sentence.id)) await box.check();
        else await box.uncheck();
      }
      break;
    case 'fill-blank': {
      const blanks = blanksOf(q.text);
      for (const [i, accepted] of blanks.entries()) {
        await c.locator(`#q-${q.id}-blank-${i}`).fill(accepted[0]);
      }
      break;
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
}

/** Fills in a wrong answer; returns the feedback text the app must show for it. */
export async function answerWrong(page, reading, q) {
  const c = card(page, q);
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const wrong = q.options.find((o) => !o.correct);
      for (const o of q.options) {
        if (q.kind === 'multiple') await c.getByLabel(o.text, { exact: true }).uncheck();
      }
      await c.getByLabel(wrong.text, { exact: true }).check();
      return wrong.feedback;
    }
    case 'true-false':
      await c.getByLabel(q.answer ? 'False' : 'True', { exact: true }).check();
      return q.feedback;
    case 'short': {
      const near = q.near_misses?.[0];
      await c.getByLabel('Your answer').fill(near ? near.answer : 'no idea at all');
      return near?.feedback;
    }
    case 'matching': {
      // Every left item gets the next pair's right item: none is right.
      const rights = q.pairs.map((p) => p.right);
      for (const [i, pair] of q.pairs.entries()) {
        await c.getByLabel(pair.left, { exact: true }).selectOption({ label: rights[(i + 1) % rights.length] });
      }
      return q.feedback;
    }
    case 'ordering':
      await putInOrder(c, [...q.items].reverse());
      return q.feedback;
    case 'evidence': {
      const other = sectionSentences(reading, q.section).find((s) => !q.evidence.includes(s.id));
      await c.getByLabel(other.text, { exact: true }).check();
      return q.feedback;
    }
    case 'fill-blank': {
      for (const [i] of blanksOf(q.text).entries()) {
        await c.locator(`#q-${q.id}-blank-${i}`).fill('zzzz');
      }
      return q.feedback;
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
}

/** Presses Check and waits for the verdict; returns the feedback region. */
export async function check(page, q) {
  const c = card(page, q);
  await c.getByRole('button', { name: /^Check/ }).click();
  const feedback = c.locator('.feedback');
  await expect(feedback).toBeFocused();
  await expect(feedback.locator('.verdict')).toBeVisible();
  return feedback;
}

/** Moves items with the Move up buttons until the list reads `target`, top to bottom. */
async function putInOrder(c, target) {
  for (const [position, item] of target.entries()) {
    const texts = await c.locator('.ordering-text').allTextContents();
    let at = texts.indexOf(item);
    expect(at, `item "${item}" is in the list`).toBeGreaterThanOrEqual(0);
    while (at > position) {
      await c.getByRole('button', { name: `Move “${item}” up` }).click();
      at -= 1;
    }
  }
  await expect(c.locator('.ordering-text')).toHaveText(target);
}

function sectionSentences(reading, sectionId) {
  return [...reading.sentences.values()].filter((s) => s.section === sectionId);
}
