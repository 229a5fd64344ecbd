// Read aloud, with the browser's speech synthesis replaced by a fake (support/fake-speech.mjs):
// a section is read sentence by sentence with the sentence being read marked, Pause/Resume and
// Stop work and keep focus, the speed setting is the utterances' rate, questions are read in
// the order shown, and with no voices there is no Read aloud at all.

import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { installFakeSpeech } from './support/fake-speech.mjs';

const reading = loadReading('adversaries-to-allies');
const section = reading.sections[1];
const sectionUrl = `/read/${reading.id}/section/${section.id}`;
const sentences = section.paragraphs.flatMap((p) => p.sentences);

const speech = (page) => page.evaluate(() => ({ log: window.__speech.log, calls: window.__speech.calls }));
const finishCurrent = (page) => page.evaluate(() => window.__speech.finishCurrent());

test('a section is read aloud sentence by sentence, marking the one being read', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto(sectionUrl);
  const player = page.getByRole('group', { name: `Read aloud: ${section.heading}` });
  const play = player.getByRole('button', { name: `Read aloud: ${section.heading}` });
  await play.focus();
  await page.keyboard.press('Enter');

  const marked = page.locator('[data-reading-aloud]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveAttribute('id', `s-${sentences[0].id}`);
  // Focus stays on the same button, which now pauses.
  const pause = player.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeFocused();
  await expect((await speech(page)).log.map((u) => u.text)).toEqual([sentences[0].text]);

  await finishCurrent(page);
  await expect(marked).toHaveAttribute('id', `s-${sentences[1].id}`);
  expect((await speech(page)).log.map((u) => u.text)).toEqual([sentences[0].text, sentences[1].text]);
  // Every utterance at the normal speed.
  expect((await speech(page)).log.every((u) => u.rate === 1)).toBe(true);

  await page.keyboard.press('Enter');
  await expect(player.getByRole('button', { name: 'Resume' })).toBeFocused();
  expect((await speech(page)).calls.at(-1)).toBe('pause');
  await page.keyboard.press('Enter');
  await expect(pause).toBeFocused();
  expect((await speech(page)).calls.at(-1)).toBe('resume');

  // Stop: silence, no mark, and focus back on Read aloud.
  await player.getByRole('button', { name: 'Stop' }).click();
  await expect(marked).toHaveCount(0);
  await expect(play).toBeFocused();
  expect((await speech(page)).calls.at(-1)).toBe('cancel');
  await expect(player.getByRole('button', { name: 'Stop' })).toHaveCount(0);
});

test('reading to the end stops by itself, and the speed is the setting', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto('/settings');
  await page.getByLabel('Read-aloud speed').selectOption({ label: 'Slowest' });
  await page.goto(sectionUrl);
  const player = page.getByRole('group', { name: `Read aloud: ${section.heading}` });
  await player.getByRole('button', { name: /^Read aloud/ }).click();
  for (let i = 0; i < sentences.length; i += 1) {
    await expect(page.locator('[data-reading-aloud]')).toHaveAttribute('id', `s-${sentences[i].id}`);
    await finishCurrent(page);
  }
  await expect(page.locator('[data-reading-aloud]')).toHaveCount(0);
  await expect(player.getByRole('button', { name: /^Read aloud/ })).toBeVisible();
  const { log } = await speech(page);
  expect(log.map((u) => u.text)).toEqual(sentences.map((s) => s.text));
  expect(log.every((u) => Math.abs(u.rate - 0.6) < 1e-6)).toBe(true);

  // Changing the speed while reading goes on from the same sentence at the new speed.
  await player.getByRole('button', { name: /^Read aloud/ }).click();
  await finishCurrent(page);
  await player.getByLabel('Speed').selectOption({ label: 'Faster' });
  await expect(page.locator('[data-reading-aloud]')).toHaveAttribute('id', `s-${sentences[1].id}`);
  const last = (await speech(page)).log.at(-1);
  expect(last.text).toBe(sentences[1].text);
  expect(last.rate).toBeCloseTo(1.25);
});

test('a question is read aloud in the order shown, and starting it stops the section', async ({ page }) => {
  await installFakeSpeech(page);
  const q = reading.questions.find((x) => x.section === section.id && x.kind === 'single');
  await page.goto(sectionUrl);
  const sectionPlayer = page.getByRole('group', { name: `Read aloud: ${section.heading}` });
  await sectionPlayer.getByRole('button', { name: /^Read aloud/ }).click();
  await expect(sectionPlayer.getByRole('button', { name: 'Stop' })).toBeVisible();

  const c = page.locator(`#q-${q.id}`);
  const number = await c.locator('.question-number').textContent();
  await c.getByRole('button', { name: `Read aloud: ${number.toLowerCase()}` }).click();
  // The section's player is back to Read aloud; this one reads.
  await expect(sectionPlayer.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await expect(c.getByRole('button', { name: 'Stop' })).toBeVisible();
  const shown = await c.locator('fieldset label').allInnerTexts();
  const instructions = await c.locator('.instructions').innerText();
  const started = (await speech(page)).log.length - 1;
  for (let i = 0; i < 2 + shown.length; i += 1) await finishCurrent(page);
  const said = (await speech(page)).log.slice(started).map((u) => u.text);
  expect(said[0]).toContain(q.prompt);
  expect(said[1]).toBe(instructions);
  expect(said.slice(2)).toEqual(shown);
  await expect(c.getByRole('button', { name: /^Read aloud/ })).toBeVisible();
});

test('there is no Read aloud where the browser has no voices', async ({ page }) => {
  await installFakeSpeech(page, { voices: 0 });
  await page.goto(sectionUrl);
  await expect(page.locator('.question').first()).toBeVisible();
  // Past the fake's voiceschanged, which said there are none.
  await page.waitForFunction(() => window.__speech.voicesReady);
  await expect(page.getByRole('button', { name: /Read aloud/ })).toHaveCount(0);
});

test('Read aloud appears when the browser\'s voices arrive', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto(sectionUrl);
  await expect(page.getByRole('button', { name: `Read aloud: ${section.heading}` })).toBeVisible();
  const questions = reading.questions.filter((x) => x.section === section.id);
  await expect(page.locator('.question .read-aloud')).toHaveCount(questions.length);
});
