// Writes a static HTML page for every address that shows content (the start page, each
// reading's contents, each section with its questions and print worksheet), so that a student
// sees and can read the text before any script runs. Run by `cargo xtask post-build` on a
// release build (xtask/src/prerender.rs), after the Content-Security-Policy is in index.html
// and before the service worker's file list is written, so the worker precaches the pages.
//
//   node xtask/prerender.mjs --dir BUILD_DIR --public-url /sub/ [--limit N]
//
// The pages are the app's own rendering, not a second copy of its markup: the built app runs in
// Chromium (Debian's, as the tests use it) with empty storage, and each page is its DOM once
// drawn, with questions unanswered and default settings. Starting at the start page, it follows
// the app's own links to every contents and section page. What it writes, per page, is
// index.html as built (its head byte for byte, so the policy's script hashes still hold) with:
//   - the page's title;
//   - `data-route` on <html>: the address the page is for, which the page's first script checks
//     (a host's SPA fallback may serve the page for another address);
//   - the body the app drew, with every form control disabled: they need the app, and a click
//     before it takes over must not be lost (src/platform/page.rs replaces the body in one task).
// The start page is index.html itself; every other page is <address>/index.html, which every
// static host serves for the address, with or without a trailing slash.

import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { start } from '../tests/e2e/serve.mjs';

/** App addresses that show content and get a page ("/", "/read/r", "/read/r/section/s"). */
export const CONTENT_ROUTE = /^\/(read\/[^/?#]+(\/section\/[^/?#]+)?)?$/;

function parseArgs(argv) {
  const options = { publicUrl: '/' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[(i += 1)];
    if (flag === '--dir') options.dir = value;
    else if (flag === '--public-url') options.publicUrl = value;
    else if (flag === '--limit') options.limit = Number(value);
    else throw new Error(`unknown argument ${argv[i]} (use --dir DIR [--public-url /sub/] [--limit N])`);
  }
  if (!options.dir) throw new Error('--dir is required');
  if (!options.publicUrl.startsWith('/')) throw new Error(`--public-url must start with /: ${options.publicUrl}`);
  if (!options.publicUrl.endsWith('/')) options.publicUrl += '/';
  return options;
}

/** The app's address of a URL under `base` ("/read/r"), or null when it is elsewhere. */
function appPath(url, base) {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const rest = url.pathname.slice(base.pathname.length).replace(/\/+$/, '');
  return `/${rest}`;
}

/** Runs in the page once the app has drawn it: the page's title, body and links. */
function snapshot() {
  const controls = 'button, input, select, textarea, option';
  const live = [...document.body.querySelectorAll(controls)];
  const body = document.body.cloneNode(true);
  // A control's state lives in its properties, which HTML does not serialize: write it out.
  for (const [i, copy] of [...body.querySelectorAll(controls)].entries()) {
    const control = live[i];
    if (control.localName === 'option') {
      if (control.selected) copy.setAttribute('selected', '');
      continue;
    }
    if (control.localName === 'textarea') copy.textContent = control.value;
    else if (control.localName === 'input' && (control.type === 'checkbox' || control.type === 'radio')) {
      if (control.checked) copy.setAttribute('checked', '');
    } else if (control.localName === 'input') copy.setAttribute('value', control.value);
    copy.setAttribute('disabled', '');
  }
  // The printed answer key, which the screen never shows: a page's source must not give the
  // answers away.
  for (const key of body.querySelectorAll('.answer-key')) key.remove();
  return {
    title: document.title,
    // Leptos's empty placeholder comments mean nothing in a static page, and in a <textarea>
    // they would be read back as its text.
    body: body.innerHTML.replaceAll('<!---->', ''),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
  };
}

const escapeText = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text) => escapeText(text).replaceAll('"', '&quot;');

/** Where index.html's own body (the note that questions need a newer browser) ends and the
 *  app's drawing begins, so that pre-rendering an already pre-rendered build replaces it. */
const DRAWN = '<!--lectern:pre-rendered-->';

/** index.html as built, made the page for `route` with this title and the body the app drew
 *  after index.html's own. */
export function pageFrom(template, route, { title, body }) {
  const fail = (what) => {
    throw new Error(`index.html has no ${what}: cannot write the page for ${route}`);
  };
  if (!/<html[^>]*>/.test(template)) fail('<html> element');
  if (!/<title>[\s\S]*?<\/title>/.test(template)) fail('<title>');
  if (!/<body>[\s\S]*<\/body>/.test(template)) fail('<body>');
  return template
    .replace(/<html([^>]*)>/, (_, attributes) => `<html${attributes.replace(/ data-route="[^"]*"/, '')} data-route="${escapeAttribute(route)}">`)
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeText(title)}</title>`)
    .replace(/<body>([\s\S]*)<\/body>/, (_, own) => `<body>${own.split(DRAWN)[0]}${DRAWN}${body}</body>`);
}

async function main() {
  const { dir, publicUrl, limit = Infinity } = parseArgs(process.argv.slice(2));
  const build = path.resolve(dir);
  const template = readFileSync(path.join(build, 'index.html'), 'utf8');
  // Serve the build at its public URL, as a host would.
  const root = mkdtempSync(path.join(tmpdir(), 'lectern-prerender-'));
  const sub = publicUrl.replace(/^\/|\/$/g, '');
  if (sub) {
    mkdirSync(path.dirname(path.join(root, sub)), { recursive: true });
    symlinkSync(build, path.join(root, sub), 'dir');
  }
  const server = await start({ dir: sub ? root : build, port: 0, app: sub ? `${sub}/index.html` : 'index.html' });
  const browser = await chromium.launch(launchOptions);
  const pages = new Map();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const base = new URL(publicUrl, server.url);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const queue = ['/'];
    const seen = new Set(queue);
    while (queue.length > 0 && pages.size < limit) {
      const route = queue.shift();
      await page.goto(new URL(route.slice(1), base).href);
      await page.waitForFunction(() => document.documentElement.dataset.app === 'running' && document.querySelector('main h1'), null, {
        timeout: 30_000,
      });
      // Effects run after the first render: let them settle for two frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      if (problems.length > 0) throw new Error(`${route}: ${problems.join('; ')}`);
      const drawn = await page.evaluate(snapshot);
      pages.set(route, drawn);
      for (const link of drawn.links) {
        const next = appPath(new URL(link), base);
        if (next !== null && CONTENT_ROUTE.test(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
  for (const [route, drawn] of pages) {
    const file = route === '/' ? path.join(build, 'index.html') : path.join(build, ...route.slice(1).split('/').map(decodeURIComponent), 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pageFrom(template, route, drawn));
  }
  console.log(`[prerender] ${pages.size} pages: ${[...pages.keys()].join(' ')}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
  main().catch((error) => {
    console.error(`prerender: ${error.message}`);
    process.exit(1);
  });
}
