// Hosted under a sub-path: the release build as `trunk build --public-url /lectern/` makes it
// (trunk only prefixes the asset URLs and the <base href>), placed in a folder of that name.
// The loader script's URLs change, so its hash in the Content-Security-Policy is computed again,
// and the pages are pre-rendered again for /lectern/ (xtask/prerender.mjs), both as `cargo xtask
// post-build` does after a real `--public-url` build.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { watchSecurity } from './fixtures.mjs';
import { start } from './serve.mjs';
import { loadReading } from './support/content.mjs';

const reading = loadReading('adversaries-to-allies');

/** The CSP source for a script's text: `'sha256-<base64>'`. */
const scriptHash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** The loader's inline script (xtask/src/split.rs), which names the build's files. */
const loaderScript = (html) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((text) => text.includes('const student'));

test('the app, its links, deep links and worker all work under /lectern/', async ({ browser }) => {
  const root = mkdtempSync(path.join(tmpdir(), 'lectern-subpath-'));
  const dir = path.join(root, 'lectern');
  cpSync('dist', dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  const built = readFileSync(index, 'utf8');
  const oldHash = scriptHash(loaderScript(built));
  expect(built).toContain(oldHash);
  let html = built
    .replace('<base href="/"', '<base href="/lectern/"')
    .replaceAll(/(["' ])\/(lectern-(?:student-|scorm-)?[0-9a-f]+|main-[0-9a-f]+)/g, '$1/lectern/$2');
  html = html.replace(oldHash, scriptHash(loaderScript(html)));
  expect(html).toContain('<base href="/lectern/"');
  // Every file's address moved, the package's app's in its meta element too.
  expect(html).not.toMatch(/["' ]\/(lectern-|main-)/);
  expect(html).toMatch(/content="\/lectern\/lectern-scorm-[0-9a-f]+\.js \/lectern\/lectern-scorm-[0-9a-f]+_bg\.wasm"/);
  expect(html).toContain("base-uri 'none'");
  writeFileSync(index, html);
  rmSync(path.join(dir, 'read'), { recursive: true });
  execFileSync('node', ['xtask/prerender.mjs', '--dir', dir, '--public-url', '/lectern/'], { stdio: 'pipe' });

  const server = await start({ dir: root, port: 0, app: 'lectern/index.html' });
  const context = await browser.newContext({ baseURL: server.url });
  const problems = [];
  context.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await watchSecurity(context, (text) => problems.push(text));
  context.on('weberror', (e) => problems.push(String(e.error())));
  context.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  const page = await context.newPage();

  await page.goto('/lectern/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
  await page.getByRole('link', { name: reading.sections[1].heading }).click();
  await expect(page).toHaveURL(`${server.url}lectern/read/${reading.id}/section/${reading.sections[1].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[1].heading);
  await page.getByRole('link', { name: 'Lectern', exact: true }).click();
  await expect(page).toHaveURL(`${server.url}lectern/`);

  await page.goto(`/lectern/read/${reading.id}/section/${reading.sections[3].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.sections[3].heading);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${server.url}lectern/`);
  // The loader tells the teacher's pages apart under the sub-path too (whole app, not student).
  await page.goto('/lectern/teach');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make an assignment');
  expect(problems).toEqual([]);

  await context.close();

  // Without JavaScript, a deep link under the sub-path is its own page, and its links stay under
  // the sub-path too.
  const plain = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
  const still = await plain.newPage();
  const section = reading.sections[2];
  await still.goto(`/lectern/read/${reading.id}/section/${section.id}`);
  await expect(still.getByRole('heading', { level: 1 })).toHaveText(section.heading);
  await expect(still.getByRole('note')).toContainText('need JavaScript and WebAssembly');
  const next = still.getByRole('link', { name: new RegExp(reading.sections[3].heading) });
  expect(await next.getAttribute('href')).toBe(`/lectern/read/${reading.id}/section/${reading.sections[3].id}`);
  await next.click();
  await expect(still.getByRole('heading', { level: 1 })).toHaveText(reading.sections[3].heading);
  await plain.close();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});
