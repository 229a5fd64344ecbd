// The `test` every spec imports instead of @playwright/test's. It fails a test on:
//   - console errors (console.error, failed loads the page reports) and console warnings
//     (Chromium reports many misconfigurations, such as an ignored integrity attribute, as
//     warnings; none is expected),
//   - Content-Security-Policy violations: both the `securitypolicyviolation` event (an init
//     script reports every one) and Chromium's console message, which no allowance can excuse,
//   - uncaught page errors (exceptions, unhandled rejections, Rust panics),
//   - any request to an origin other than the app's own (such requests are also blocked).
// A spec that expects some console errors (offline tests, say) can allow them:
//   test.use({ allowedConsoleErrors: [/Failed to load resource/] });
// The pages of its `context` wait after each navigation until the app has taken the page over
// (see `untilTheAppRuns`).

import { test as base, expect } from '@playwright/test';

export { expect };

/** Chromium's console message for a blocked load or script. */
export const CSP_MESSAGE = /Content Security Policy/i;

/** Runs in every page before its own scripts: reports each CSP violation to the test. */
export const reportCspViolations = () => {
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__lecternCspViolation?.(
      `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`,
    );
  });
};

/**
 * For specs that make contexts of their own (offline, sub-path): calls `note` with every CSP
 * violation and console warning in `context`.
 */
export async function watchSecurity(context, note) {
  await context.exposeBinding('__lecternCspViolation', (_source, report) => note(`Content-Security-Policy violation: ${report}`));
  await context.addInitScript(reportCspViolations);
  context.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) note(`Content-Security-Policy violation: ${message.text()}`);
    else if (message.type() === 'warning') note(`console warning: ${message.text()}`);
  });
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);

/**
 * A pre-rendered page shows its text and disabled controls before the app runs, and the app then
 * replaces them (ARCHITECTURE.md, "Pre-rendered pages"): a test that acted on them, or read the
 * storage as the app left it, would race the takeover. So after a navigation the fixture's
 * `page` waits until `data-app` is no longer `loading` or `elsewhere` (the app runs, or cannot).
 * A test that holds the app back on purpose sets `page.holdsTheApp` (prerender.spec.mjs).
 */
export async function untilTheAppRuns(page) {
  if (page.holdsTheApp) return;
  await page
    .waitForFunction(() => !['loading', 'elsewhere'].includes(document.documentElement?.dataset.app), null, { timeout: 20_000 })
    // A page that navigated on meanwhile: the next navigation waits again.
    .catch(() => {});
}

/** Makes `page`'s navigations wait for the app (`untilTheAppRuns`); once per page. */
function waitsForTheApp(page) {
  if (page.waitsForTheApp) return;
  page.waitsForTheApp = true;
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      await untilTheAppRuns(page);
      return response;
    };
  }
}

export const test = base.extend({
  // Every page of the fixture's context, the fixture's `page` included (the context's `page`
  // event fires for it too).
  context: async ({ context }, use) => {
    context.on('page', waitsForTheApp);
    await use(context);
  },

  /** Regular expressions for console errors a test expects. */
  allowedConsoleErrors: [[], { option: true }],

  /** What the page did wrong, for tests that want to look at it themselves. */
  appProblems: [
    async ({ context, baseURL, allowedConsoleErrors }, use) => {
      const origin = new URL(baseURL).origin;
      const problems = { consoleErrors: [], consoleWarnings: [], cspViolations: [], pageErrors: [], foreignRequests: [] };

      const isForeign = (url) => {
        const parsed = new URL(url);
        return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
      };

      await context.exposeBinding('__lecternCspViolation', (_source, report) => problems.cspViolations.push(report));
      await context.addInitScript(reportCspViolations);
      context.on('console', (message) => {
        const type = message.type();
        if (type !== 'error' && type !== 'warning') return;
        const text = message.text();
        const { url, lineNumber } = message.location();
        const where = url ? `${text} (${url}:${lineNumber})` : text;
        if (CSP_MESSAGE.test(text)) problems.cspViolations.push(where);
        else if (type === 'warning') problems.consoleWarnings.push(where);
        else if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) problems.consoleErrors.push(where);
      });
      context.on('weberror', (error) => {
        problems.pageErrors.push(String(error.error()?.stack ?? error.error()));
      });
      context.on('request', (request) => {
        if (isForeign(request.url())) problems.foreignRequests.push(`${request.method()} ${request.url()}`);
      });
      // Block foreign requests too, so nothing leaves the machine even when a test passes.
      await context.route(
        (url) => isForeign(url.href),
        (route) => route.abort('blockedbyclient'),
      );

      await use(problems);

      const report = [
        ...problems.pageErrors.map((e) => `page error: ${e}`),
        ...problems.cspViolations.map((e) => `Content-Security-Policy violation: ${e}`),
        ...problems.consoleErrors.map((e) => `console error: ${e}`),
        ...problems.consoleWarnings.map((e) => `console warning: ${e}`),
        ...problems.foreignRequests.map((r) => `request to another origin than ${origin}: ${r}`),
      ];
      if (report.length > 0) throw new Error(`the app misbehaved:\n  ${report.join('\n  ')}`);
    },
    { auto: true },
  ],
});
