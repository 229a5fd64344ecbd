// Lighthouse in `cargo xtask bench`: the page load as PageSpeed Insights measures it. Lighthouse
// 12.2.3 (bench/package.json, installed into bench/node_modules by the xtask, never by
// `cargo xtask test`) with its default settings: the mobile preset (a Moto G Power sized
// screen) and simulated throttling (slow 4G, a 4× slower CPU, applied to a trace of an
// unthrottled load), performance only. Each run gets a fresh Chromium, and Lighthouse clears
// the origin's storage and service worker first, so every run is a first visit.

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { args as chromiumArgs, executablePath } from '../tests/e2e/chromium.mjs';

/** What a run reports, by the metric name the samples file uses. */
const AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  si: 'speed-index',
  cls: 'cumulative-layout-shift',
  bytes: 'total-byte-weight',
};

/** One Lighthouse run on `url`: the performance score (0–100) and the metrics above
 *  (milliseconds, CLS as a fraction, bytes as transferred), and the machine's benchmark index. */
export async function lighthouseRun(url) {
  const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const run = { score: lhr.categories.performance.score * 100, benchmarkIndex: lhr.environment.benchmarkIndex };
    for (const [name, audit] of Object.entries(AUDITS)) run[name] = lhr.audits[audit].numericValue;
    run.warnings = lhr.runWarnings;
    return run;
  } finally {
    await chrome.kill();
  }
}

/** `runs` Lighthouse runs on `url`, each metric as a list for the samples file. */
export async function lighthouseRuns(url, runs) {
  const series = {};
  const warnings = new Set();
  for (let i = 0; i < runs; i += 1) {
    const run = await lighthouseRun(url);
    for (const [name, value] of Object.entries(run)) {
      if (name === 'warnings') value.forEach((w) => warnings.add(w));
      else (series[name] ??= []).push(value);
    }
  }
  return { series, warnings: [...warnings] };
}
