// Watches a browser context the test made itself (another student's device, say) for what the
// `test` fixture in fixtures.mjs fails on: page errors, console errors, and requests to any
// origin but the app's own (which are also blocked), and, through fixtures.mjs's watchSecurity,
// console warnings and Content-Security-Policy violations.

import { watchSecurity } from '../fixtures.mjs';

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);

export async function watch(context, baseURL) {
  const origin = new URL(baseURL).origin;
  const found = [];
  const isForeign = (url) => {
    const parsed = new URL(url);
    return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
  };
  context.on('console', (message) => {
    if (message.type() === 'error') found.push(`console error: ${message.text()}`);
  });
  context.on('weberror', (error) => found.push(`page error: ${error.error()?.stack ?? error.error()}`));
  context.on('request', (request) => {
    if (isForeign(request.url())) found.push(`request to another origin: ${request.url()}`);
  });
  await watchSecurity(context, (problem) => found.push(problem));
  await context.route((url) => isForeign(url.href), (route) => route.abort('blockedbyclient'));
  return { list: () => [...found] };
}
