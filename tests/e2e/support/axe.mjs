// axe-core on a page, the way every accessibility test here runs it: the WCAG 2.0/2.1/2.2 A and
// AA rules, with `target-size` (WCAG 2.5.8) switched on (axe leaves it off by default). Any
// violation fails the test; what axe could not decide ("incomplete": usually contrast over a
// background it cannot compute) is printed in the test output for a person to look at.
//
// A new screen is covered by adding one line to SCREENS (for a screen with its own URL) or one
// call of expectNoAxeViolations in a test that brings the page to the state to check.

import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Screens reached by their URL alone, with what must be on the page before axe runs.
 * `ready` is a function of the page returning a locator that must be visible.
 */
export const SCREENS = [
  { name: 'home', url: '/', ready: (page) => page.getByRole('heading', { level: 1 }) },
  { name: 'review, nothing due', url: '/review', ready: (page) => page.getByRole('heading', { name: 'Nothing to review today' }) },
  { name: 'my notes, none yet', url: '/read/adversaries-to-allies/notes', ready: (page) => page.getByText('No highlights or notes yet.') },
  { name: 'settings', url: '/settings', ready: (page) => page.getByLabel('Line spacing') },
  { name: 'profiles', url: '/profiles', ready: (page) => page.getByLabel('Add someone: name') },
  { name: 'your data', url: '/data', ready: (page) => page.getByRole('button', { name: 'Download backup' }) },
  { name: 'make an assignment', url: '/teach', ready: (page) => page.getByRole('button', { name: 'Make the assignment link' }) },
  { name: 'gradebook (no assignments)', url: '/gradebook', ready: (page) => page.getByText('No assignments on this device yet.') },
  { name: 'broken assignment link', url: '/assignment?code=LA1.nope', ready: (page) => page.getByRole('alert') },
  { name: 'page not found', url: '/no/such/page', ready: (page) => page.getByRole('heading', { name: 'Page not found' }) },
];

/** Runs axe on the page as it is now; fails on any violation and prints the incomplete ones. */
export async function expectNoAxeViolations(page, what) {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: AXE_TAGS },
      rules: { 'target-size': { enabled: true } },
    })
    .analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.map((r) => r.id), 'axe ran the target-size rule').toContain('target-size');

  if (results.incomplete.length > 0) {
    const lines = results.incomplete.map(
      (r) => `  ${r.id}: ${r.help} (${r.nodes.length} node${r.nodes.length === 1 ? '' : 's'}: ${r.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${r.nodes.length > 3 ? ', …' : ''})`,
    );
    console.log(`axe incomplete on ${what}, for a person to check:\n${lines.join('\n')}`);
  }
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).slice(0, 5).join('\n    ')}`,
  );
  expect(summary, `${what}: accessibility violations`).toEqual([]);
}
