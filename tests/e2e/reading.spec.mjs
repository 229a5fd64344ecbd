// Every section of the bundled essay shows its text verbatim and all its questions.

import { test, expect } from './fixtures.mjs';
import { loadReading, paragraphText } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');

test('the overview lists every section with its heading', async ({ page }) => {
  await page.goto('/');
  const contents = page.locator('.section-list li');
  await expect(contents).toHaveCount(reading.sections.length);
  for (const [i, section] of reading.sections.entries()) {
    await expect(contents.nth(i).getByRole('link')).toHaveText(section.heading);
  }
  await expect(page.locator('body')).toContainText(reading.series);
  // The authors' note, word for word as the source has it.
  await expect(page.locator('.about .authors')).toHaveText(reading.credits);
});

for (const section of reading.sections) {
  test(`section "${section.id}" shows its text and its questions`, async ({ page }) => {
    await page.goto(`/read/${reading.id}/section/${section.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.heading);
    await expect(page).toHaveTitle(`${section.heading} · ${reading.title} · Lectern`);
    for (const paragraph of section.paragraphs) {
      // innerText: what is shown, so glossary definitions (hidden until asked for) are left out.
      await expect(page.locator(`#p-${paragraph.id}`)).toHaveText(paragraphText(paragraph), { useInnerText: true });
    }
    const questions = reading.questions.filter((q) => q.section === section.id);
    await expect(page.locator('.question')).toHaveCount(questions.length);
    for (const q of questions) {
      const card = page.locator(`#q-${q.id}`);
      await expect(card.locator('legend')).toContainText(q.prompt);
      await expect(card.getByRole('group')).toBeVisible();
    }
  });
}

test('a glossary term opens its definition from the keyboard', async ({ page }) => {
  const term = reading.terms.find((t) => t.term === 'NATO');
  const section = reading.sections.find((s) =>
    s.paragraphs.some((p) => new RegExp(`\\b${term.term}\\b`).test(paragraphText(p))),
  );
  await page.goto(`/read/${reading.id}/section/${section.id}`);
  // The term is marked where it first occurs in the section, in whichever form it takes there.
  const button = page.locator(`.section-text .term[aria-controls$="-${term.id}"]`);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const definition = page.locator(`#${await button.getAttribute('aria-controls')}`);
  await expect(definition).toBeVisible();
  await expect(definition).toContainText(term.definition);
  await page.keyboard.press('Enter');
  await expect(definition).toBeHidden();
});
