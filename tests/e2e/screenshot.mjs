// Saves a 1280x800 screenshot of the home page of dist/ (used by `cargo xtask screenshot`).
//   node tests/e2e/screenshot.mjs [--dir dist] [--out docs/screenshot.png] [--path /]

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from './chromium.mjs';
import { start } from './serve.mjs';

const options = { dir: 'dist', out: 'docs/screenshot.png', path: '/' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in options) || argv[i + 1] === undefined) {
    console.error(`usage: node tests/e2e/screenshot.mjs [--dir DIR] [--out FILE.png] [--path /route]`);
    process.exit(2);
  }
  options[key] = argv[i + 1];
}

const server = await start({ dir: options.dir, port: 0 });
const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(new URL(options.path, server.url).href, { waitUntil: 'networkidle' });
  // Wait until the app has mounted something visible into <body>.
  await page.waitForFunction(() =>
    [...document.body.children].some((el) => !['SCRIPT', 'LINK', 'STYLE'].includes(el.tagName)),
  );
  await page.evaluate(() => document.fonts.ready);
  await mkdir(path.dirname(options.out), { recursive: true });
  await page.screenshot({ path: options.out });
  console.log(`screenshot of ${options.path} saved to ${options.out}`);
  if (errors.length > 0) console.warn(`the page reported errors:\n  ${errors.join('\n  ')}`);
} finally {
  await browser.close();
  await server.stop();
}
