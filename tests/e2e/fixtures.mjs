// The `test` every spec imports instead of @playwright/test's. It fails a test on:
//   - console errors (console.error, failed loads the page reports),
//   - uncaught page errors (exceptions, unhandled rejections, Rust panics),
//   - any request to an origin other than the app's own (such requests are also blocked).
// A spec that expects some console errors (offline tests, say) can allow them:
//   test.use({ allowedConsoleErrors: [/Failed to load resource/] });

import { test as base, expect } from '@playwright/test';

export { expect };

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);

export const test = base.extend({
  /** Regular expressions for console errors a test expects. */
  allowedConsoleErrors: [[], { option: true }],

  /** What the page did wrong, for tests that want to look at it themselves. */
  appProblems: [
    async ({ context, baseURL, allowedConsoleErrors }, use) => {
      const origin = new URL(baseURL).origin;
      const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };

      const isForeign = (url) => {
        const parsed = new URL(url);
        return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
      };

      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
        const { url, lineNumber } = message.location();
        problems.consoleErrors.push(url ? `${text} (${url}:${lineNumber})` : text);
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
        ...problems.consoleErrors.map((e) => `console error: ${e}`),
        ...problems.foreignRequests.map((r) => `request to another origin than ${origin}: ${r}`),
      ];
      if (report.length > 0) throw new Error(`the app misbehaved:\n  ${report.join('\n  ')}`);
    },
    { auto: true },
  ],
});
