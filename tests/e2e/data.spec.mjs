// Progress that is never lost: backups out and in, deleting, two tabs at once, and corrupt or
// newer stored data, all through the UI.

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { loadReading } from './support/content.mjs';
import { answerRight, answerWrong, card, check } from './support/answer.mjs';

const reading = loadReading('adversaries-to-allies');
const KEY = 'lectern:progress:default';
const section = reading.sections[0];
const [q1, q2] = reading.questions.filter((q) => q.section === section.id);
const sectionUrl = `/read/${reading.id}/section/${section.id}`;

test('download a backup, delete, then restore it with a preview', async ({ page }) => {
  await page.goto(sectionUrl);
  await answerRight(page, reading, q1);
  await check(page, q1);

  await page.getByRole('link', { name: 'Your data' }).click();
  await expect(page).toHaveTitle('Your data · Lectern');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lectern-backup-me-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(backup.format).toBe('lectern-backup');
  expect(backup.progress.readings[reading.id].answers[q1.id].tries).toBe(1);

  await page.getByRole('button', { name: 'Delete my data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('Your progress on this device was deleted.')).toBeVisible();
  expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).readings).toEqual({});

  await page.getByLabel('Choose a backup file').setInputFiles(await download.path());
  await expect(page.getByRole('table', { name: 'What this backup holds' })).toContainText(reading.title);
  await expect(page.getByRole('table', { name: 'What this backup holds' })).toContainText('1');
  await page.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(page.getByText('You now have 1 answered question(s).')).toBeVisible();
  await page.goto(sectionUrl);
  await expect(card(page, q1).locator('.verdict')).toContainText('Correct!');
});

test('a refused download says why in words, in the release build', async ({ page }) => {
  // A locked-down browser that refuses downloads: the message names what it threw, not a
  // wasm-bindgen dump, and nothing else on the page changes.
  await page.addInitScript(() => {
    URL.createObjectURL = () => {
      throw new DOMException('Downloads are turned off on this computer', 'SecurityError');
    };
  });
  await page.goto('/data');
  await page.getByRole('button', { name: 'Download backup' }).click();
  // The message names the file it could not save (as the one after a saved file does).
  await expect(page.getByRole('region', { name: 'Back up' }).getByRole('status')).toHaveText(
    /^lectern-backup-[^ ]+\.json could not be saved: the browser refused the download \(SecurityError: Downloads are turned off on this computer\)\.$/,
  );
});

test('a file that is not a backup is refused and changes nothing', async ({ page }) => {
  await page.goto(sectionUrl);
  await answerRight(page, reading, q1);
  await check(page, q1);
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  await page.goto('/data');
  const refusals = [
    [{ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') }, 'not a backup file at all'],
    // The parser's details reach the student whole, quoted value included, in the release build
    // (`-Zfmt-debug=none` would print that value as nothing: docs/performance.md).
    [
      { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"lectern-backup",') },
      '(Details: EOF while parsing an object at line 1 column 27)',
    ],
    [
      {
        name: 'damaged.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"lectern-backup","version":1,"app":"Lectern","exported_at":"yesterday","profile":"x","progress":{}}'),
      },
      '(Details: invalid type: string "yesterday", expected f64 at line 1 column 80)',
    ],
    [{ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') }, 'not a Lectern backup'],
    [
      {
        name: 'newer.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"lectern-backup","version":99,"app":"Lectern","exported_at":0,"profile":"x","progress":{}}'),
      },
      'newer version of Lectern',
    ],
    [
      {
        name: 'other-reading.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          '{"format":"lectern-backup","version":1,"app":"Lectern","exported_at":0,"profile":"x","progress":{"version":1,"readings":{"moby-dick":{}}}}',
        ),
      },
      'does not have: moby-dick',
    ],
    [{ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024, 32) }, 'too large'],
  ];
  for (const [file, why] of refusals) {
    await page.getByLabel('Choose a backup file').setInputFiles(file);
    await expect(page.locator('.data-error')).toContainText('Nothing was changed.');
    await expect(page.locator('.data-error')).toContainText(why);
  }
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
});

test('two tabs: an answer in one shows in the other, and answers in both are kept', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(sectionUrl);
  await b.goto(sectionUrl);
  await answerRight(a, reading, q1);
  await check(a, q1);
  await expect(card(b, q1).locator('.verdict')).toContainText('Correct!');

  // Each tab answers a different question: both answers survive in storage and on screen.
  await answerWrong(b, reading, q2);
  await check(b, q2);
  await answerRight(a, reading, q2);
  await check(a, q2);
  const stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), KEY));
  expect(Object.keys(stored.readings[reading.id].answers).sort()).toEqual([q1.id, q2.id].sort());
  expect(stored.readings[reading.id].answers[q2.id].tries).toBe(2);
  expect(stored.readings[reading.id].answers[q2.id].first_try_correct).toBe(false);
  await b.reload();
  await expect(card(b, q2).locator('.verdict')).toContainText('Correct!');
});

test('corrupt stored data is kept aside, and the student starts clean with a notice', async ({ page }) => {
  await page.goto('/');
  // The app has read its storage before the data is broken: the page's load event can come
  // before the wasm starts, and an app starting after the next line would keep it aside too.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1, "readings": oops'), KEY);
  await page.reload();
  await expect(page.locator('.storage-notice')).toContainText('kept aside');
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('lectern:quarantine:')).map((k) => localStorage.getItem(k)),
  );
  expect(aside).toEqual(['{"version":1, "readings": oops']);
  await page.goto('/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the data kept aside' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe('{"version":1, "readings": oops');
});

test('data from a newer version is never overwritten', async ({ page }) => {
  const newer = '{"version":7,"readings":{},"profiles":["from the future"]}';
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.goto(sectionUrl);
  await expect(page.locator('.storage-notice')).toContainText('newer version of Lectern');
  await answerRight(page, reading, q1);
  await expect((await check(page, q1)).locator('.verdict')).toContainText('Correct!');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
});

test('with storage blocked, the app runs from memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(sectionUrl);
  await expect(page.locator('.storage-notice')).toContainText('not letting Lectern save');
  await expect(page.locator('.storage-notice').getByRole('link', { name: /backup/ })).toBeVisible();
  await answerRight(page, reading, q1);
  await expect((await check(page, q1)).locator('.verdict')).toContainText('Correct!');
});

test('a full storage keeps the answer in memory, says so, and saves once there is room', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'lectern:progress:default' && window.__storageFull !== false) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await page.goto(sectionUrl);
  await answerRight(page, reading, q1);
  await check(page, q1);
  await expect(page.locator('.storage-notice')).toContainText('could not be saved');
  await expect(card(page, q1).locator('.verdict')).toContainText('Correct!');
  await page.evaluate(() => {
    window.__storageFull = false;
  });
  await answerRight(page, reading, q2);
  await check(page, q2);
  await expect(page.locator('.storage-notice')).not.toContainText('could not be saved');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  expect(Object.keys(stored.readings[reading.id].answers).sort()).toEqual([q1.id, q2.id].sort());
});

test('profiles on a shared device keep each student\'s answers apart', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Studying as Me' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is studying?');
  await page.getByLabel('Add someone: name').fill('Ana');
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await expect(page.getByRole('link', { name: 'Studying as Ana' })).toBeVisible();

  await page.goto(sectionUrl);
  await answerRight(page, reading, q1);
  await check(page, q1);

  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Switch to Me' }).click();
  await expect(page.getByRole('link', { name: 'Studying as Me' })).toBeVisible();
  await page.goto(sectionUrl);
  await expect(card(page, q1).locator('.verdict')).toHaveCount(0);

  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Switch to Ana' }).click();
  await page.goto(sectionUrl);
  await expect(card(page, q1).locator('.verdict')).toContainText('Correct!');

  await page.goto('/profiles');
  await page.getByRole('button', { name: 'Rename Ana' }).click();
  await page.getByLabel('New name').fill('Ana B');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: 'Studying as Ana B' })).toBeVisible();
  await page.getByLabel('Add someone: name').fill('me');
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'already' })).toBeVisible();

  const progressKeys = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lectern:progress:')).sort());
  expect(await progressKeys()).toEqual(['lectern:progress:ana', 'lectern:progress:default']);
  await page.getByRole('button', { name: 'Remove Ana B…' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('link', { name: 'Studying as Me' })).toBeVisible();
  // Ana's answers are gone from the device; Me's are untouched.
  expect(await progressKeys()).toEqual(['lectern:progress:default']);
});

test('reading settings are kept with the profile and hold at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/settings');
  await page.getByLabel('Text size').selectOption({ label: 'Largest' });
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-text-size', 'largest');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(root).toHaveAttribute('data-text-size', 'largest');
  await expect(page.getByLabel('Text size')).toHaveValue('largest');
  await page.goto(`/read/${reading.id}/section/${reading.sections[2].id}`);
  await expect(root).toHaveAttribute('data-text-size', 'largest');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Another student on the same device has their own settings.
  await page.goto('/profiles');
  await page.getByLabel('Add someone: name').fill('Sam');
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await expect(root).toHaveAttribute('data-text-size', 'normal');
  await expect(root).toHaveAttribute('data-theme', 'system');
});

test('deleting or restoring as one profile leaves the other profiles\' answers alone', async ({ page }) => {
  await page.goto(sectionUrl);
  await answerRight(page, reading, q1);
  await check(page, q1);
  await page.goto('/profiles');
  await page.getByLabel('Add someone: name').fill('Sam');
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await page.goto(sectionUrl);
  await answerRight(page, reading, q2);
  await check(page, q2);

  await page.goto('/data');
  await page.getByRole('button', { name: 'Delete my data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const answers = (key) =>
    page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k)).readings[`adversaries-to-allies`]?.answers ?? {}), key);
  expect(await answers('lectern:progress:sam')).toEqual([]);
  expect(await answers(KEY)).toEqual([q1.id]);
});
