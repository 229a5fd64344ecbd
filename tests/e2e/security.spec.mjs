// Private and locked down: the page's Content-Security-Policy, that this suite really notices a
// violation or a warning, and that markup in anything from outside shows as plain text.

import { createHash } from 'node:crypto';
import { test, expect } from './fixtures.mjs';

/** Markup that would run or load something if it were ever parsed as HTML. */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

test('the page carries a policy that allows only its own files', async ({ page }) => {
  const response = await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
  );
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['style-src']).toEqual(["'self'"]);
  const scripts = directives['script-src'];
  expect(scripts[0]).toBe("'self'");
  expect(scripts.at(-1)).toBe("'wasm-unsafe-eval'");
  // Exactly the page's two inline scripts (the first-paint script and the loader), by hash.
  const inline = [...(await response.text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(2);
  const hashes = inline.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  expect(scripts.slice(1, -1)).toEqual(hashes);
  expect(policy).not.toContain('unsafe-inline');
  // The policy comes after <base>, so the base still applies and no later <base> can.
  const order = await page.evaluate(() =>
    [...document.head.children].map((e) => e.tagName.toLowerCase() + (e.httpEquiv ? `:${e.httpEquiv}` : '')),
  );
  expect(order.indexOf('meta:Content-Security-Policy')).toBe(order.indexOf('base') + 1);
});

test('a script the page did not ship is blocked, and the suite reports it', async ({ page, appProblems }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 1;';
    document.body.append(script);
  });
  await expect.poll(() => appProblems.cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(appProblems.cspViolations.join('\n')).toMatch(/script-src/);
  // Seen: cleared, so the fixture does not fail this test for the violation it caused on purpose.
  appProblems.cspViolations.length = 0;
});

test('a console warning is reported like an error', async ({ page, appProblems }) => {
  await page.goto('/');
  await page.evaluate(() => console.warn('lectern test warning'));
  await expect.poll(() => appProblems.consoleWarnings.join('\n')).toContain('lectern test warning');
  appProblems.consoleWarnings.length = 0;
});

test('markup in a backup and in a profile name shows as text and runs nothing', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => dialogs.push(dialog.message()));
  await page.goto('/data');
  const backup = {
    format: 'lectern-backup',
    version: 1,
    app: 'Lectern',
    exported_at: 0,
    profile: `${IMG}${SCRIPT}`,
    progress: { version: 1, readings: {} },
  };
  await page.getByLabel('Choose a backup file').setInputFiles({
    name: 'markup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByText(`Backup of “${IMG}${SCRIPT}”`)).toBeVisible();

  // A reading id is shown in the refusal message: markup there is text too.
  backup.progress.readings = { [IMG]: {} };
  await page.getByLabel('Choose a backup file').setInputFiles({
    name: 'markup-reading.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.locator('.data-error')).toContainText(`does not have: ${IMG}`);

  await page.goto('/profiles');
  const name = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Add someone: name').fill(name);
  await page.getByRole('button', { name: 'Add and switch' }).click();
  await expect(page.getByRole('link', { name: `Studying as ${name}` })).toBeVisible();

  // Nothing was parsed as HTML: no element from the markup exists and no handler ran.
  expect(await page.locator('img[src="x"], body script').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
