// The printed worksheet, read back from the PDF Chromium prints: every section, on A4 and on
// Letter, with the answer key (the tallest cards). A heading is never left at the bottom of a
// page without what follows it, and each question card is on one page, from its prompt to its
// last line. The PDF is read page by page with Debian's `pdftotext` (poppler-utils, installed by
// `cargo xtask test`'s tools step).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');

/**
 * Text as compared: white space collapsed, compatibility forms (ligatures) and case folded
 * (the style sheet upper-cases some labels, and the PDF holds them as printed).
 */
const collapse = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The PDF's text, one string per page, as compared. */
function pagesOf(pdf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-print-'));
  try {
    const file = path.join(dir, 'worksheet.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text
      .split('\f')
      .map(collapse)
      .filter((page, i, all) => page !== '' || i < all.length - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Finds snippets in the pages in order, each after the one before: `find(text)` gives the page
 * (0-based) where `text` starts, whole on that page, or fails naming it. `find.onPage(text)`
 * says whether `text` is whole on the page of the last snippet found, after it: a card's lines
 * are looked for that way, in any order (pdftotext may read a row of options after the line
 * below it), since nothing of a card split across pages follows its start on that page.
 */
function reader(pages) {
  let page = 0;
  let at = 0;
  const find = (text, what) => {
    const needle = collapse(text);
    for (; page < pages.length; page++, at = 0) {
      const found = pages[page].indexOf(needle, at);
      if (found >= 0) {
        at = found + needle.length;
        return page;
      }
    }
    throw new Error(`${what} ("${needle}") is not whole on any page after the one before it`);
  };
  find.onPage = (text) => pages[page].indexOf(collapse(text), at) >= 0;
  return find;
}

/** The words of `text` from the start (n > 0) or the end (n < 0). */
const words = (text, n) => {
  const all = text.trim().split(/\s+/);
  return (n > 0 ? all.slice(0, n) : all.slice(n)).join(' ');
};

/** What the printed page shows of the section: headings, the text's start, each card's text. */
async function printedParts(page) {
  return page.evaluate(() => {
    // The text nodes a print shows, in order (no form controls' option lists, nothing hidden).
    const shown = (root) => {
      const texts = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (parent.closest('select, option, .visually-hidden') || !parent.checkVisibility()) continue;
        const text = walker.currentNode.textContent.replace(/\s+/g, ' ').trim();
        if (text) texts.push(text);
      }
      return texts;
    };
    return {
      title: document.querySelector('h1').textContent,
      text: shown(document.querySelector('.reading-text')),
      questionsHeading: document.querySelector('#questions-heading').textContent,
      cards: [...document.querySelectorAll('.question')].map((card) => shown(card)),
    };
  });
}

for (const format of ['A4', 'Letter']) {
  test(`the worksheet on ${format}: headings stay with what follows, each question on one page`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const section of reading.sections) {
      await page.goto(`/read/${reading.id}/section/${section.id}`);
      await expect(page.locator('.question').first()).toBeVisible();
      await page.getByLabel('Include the answer key').check();
      await page.emulateMedia({ media: 'print' });
      const parts = await printedParts(page);
      expect(parts.cards.length, section.id).toBeGreaterThan(0);
      const pages = pagesOf(await page.pdf({ format, printBackground: false }));
      const find = reader(pages);
      const where = `${section.id} on ${format}`;

      const title = find(parts.title, `${where}: the heading`);
      expect(find(words(parts.text[0], 4), `${where}: the text's first words`), `${where}: the heading is on the page of the text's start`).toBe(title);
      find(words(parts.text.at(-1), -3), `${where}: the text's last words`);
      const heading = find(parts.questionsHeading, `${where}: "Questions"`);
      let first = true;
      for (const card of parts.cards) {
        const start = find(card[0], `${where}: a card's first line`);
        if (first) {
          expect(start, `${where}: "Questions" is on the page of the first question`).toBe(heading);
          first = false;
        }
        for (const line of card.slice(1)) {
          expect(find.onPage(line), `${where}: the card "${card[0]}" is on one page, "${line}" too`).toBe(true);
        }
      }
      await page.emulateMedia({ media: 'screen' });
    }
  });
}
