// A SCORM 1.2 package made by `cargo xtask scorm`, run the way an LMS runs it: unzipped under a
// deep file path of the LMS's site (no SPA fallback there), `.wasm` served as
// application/octet-stream, in an iframe of a course page whose `API` is scorm-again's SCORM 1.2
// runtime. The app must start from the package's own files alone, with no service worker, no
// Content-Security-Policy violation and no request outside the package. (What the app then does
// with the API, the assignment in SCORM mode, comes with the assignment page's SCORM mode.)
//
// Also: the site's own loader starts the app when the host serves `.wasm` with the wrong type.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { start } from './serve.mjs';
import { watch } from './support/watch.mjs';
import { loadReading } from './support/content.mjs';
import { assignmentCode } from './support/codes.mjs';
import { readZip } from './support/zip.mjs';

const reading = loadReading('adversaries-to-allies');
const cargo = process.env.CARGO ?? 'cargo';
const PACKAGE = 'lms/pluginfile.php/27/mod_scorm/content/3/';
const WRONG_TYPE = { '.wasm': 'application/octet-stream' };
let root;

/** The course page of a stand-in LMS: scorm-again as `window.API`, the package in an iframe. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Course · Week 3</title>
    <script src="scorm12.min.js"></script>
    <script src="host.js"></script>
  </head>
  <body>
    <h1>Week 3</h1>
    <iframe title="Assignment" src="../${PACKAGE}index.html" width="1000" height="700"></iframe>
  </body>
</html>
`;
const HOST_SCRIPT = `window.API = new Scorm12API({ autocommit: false });
window.lmsCalls = [];
for (const name of ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
  window.API.on(name, (...args) => window.lmsCalls.push([name, ...args]));
}
`;

test.beforeAll(() => {
  test.setTimeout(900_000);
  root = mkdtempSync(path.join(tmpdir(), 'lectern-lms-host-'));
  const zip = path.join(root, 'package.zip');
  const code = assignmentCode(reading, { questions: reading.questions.slice(0, 4).map((q) => q.id) });
  execFileSync(cargo, ['xtask', 'scorm', '--assignment', code, '--dist', 'dist', '--out', zip], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 900_000,
  });
  for (const [name, bytes] of readZip(readFileSync(zip))) {
    const file = path.join(root, PACKAGE, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  mkdirSync(path.join(root, 'host'));
  writeFileSync(path.join(root, 'host', 'index.html'), HOST_PAGE);
  writeFileSync(path.join(root, 'host', 'host.js'), HOST_SCRIPT);
  cpSync('node_modules/scorm-again/dist/scorm12.min.js', path.join(root, 'host', 'scorm12.min.js'));
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Serves `dir` with `.wasm` as application/octet-stream, opens a watched page of it, runs `check`
 * with the page, the server and the `.wasm` responses' types, then expects no problem.
 */
async function withWrongWasmType(browser, dir, app, check) {
  const server = await start({ dir, port: 0, app, types: WRONG_TYPE });
  const context = await browser.newContext({ baseURL: server.url });
  const problems = await watch(context, server.url);
  try {
    const page = await context.newPage();
    const wasmTypes = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm')) wasmTypes.push(response.headers()['content-type']);
    });
    await check(page, server, wasmTypes);
    expect(problems.list()).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
}

test('the package starts the app from its own files inside an LMS page', async ({ browser }) => {
  await withWrongWasmType(browser, root, 'host/index.html', async (page, server, wasmTypes) => {
    await page.goto('host/index.html');
    await expect(page.getByRole('heading', { name: 'Week 3' })).toBeVisible();
    const app = page.frameLocator('iframe[title="Assignment"]');
    await expect(app.getByRole('link', { name: 'Lectern', exact: true })).toBeVisible();
    expect(wasmTypes).toEqual(['application/octet-stream']);

    const frame = page.frames().find((f) => f.url().endsWith(`${PACKAGE}index.html`));
    expect(await frame.evaluate(() => document.querySelector('meta[name="lectern-package"]').content)).toBe('scorm-1.2');
    expect(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    // The LMS's runtime is where the package will find it.
    expect(await page.evaluate(() => typeof window.API.LMSInitialize)).toBe('function');

    // Everything came from the package's folder (and the course page's own files).
    const outside = server.requests.filter((r) => !r.path.startsWith(`/${PACKAGE}`) && !r.path.startsWith('/host/'));
    expect(outside).toEqual([]);
    expect(server.requests.filter((r) => r.status !== 200)).toEqual([]);
    // (The icon is for a package launched in a window of its own: a frame fetches none.)
    const fetched = server.requests.map((r) => r.path.slice(`/${PACKAGE}`.length)).filter((p) => !p.startsWith('/'));
    expect(fetched.filter((p) => /\.(js|wasm|css)$/.test(p)).length).toBe(3);
  });
});

test("the site's loader starts the app when .wasm comes with the wrong type", async ({ browser }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-mime-'));
  cpSync('dist', dir, { recursive: true });
  try {
    await withWrongWasmType(browser, dir, 'index.html', async (page, _server, wasmTypes) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(reading.title);
      expect(wasmTypes.length).toBeGreaterThan(0);
      expect(new Set(wasmTypes)).toEqual(new Set(['application/octet-stream']));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
