import { test, expect } from './fixtures.mjs';

test('home page shows the reading with its authors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /Adversaries to Allies\?/ })).toBeVisible();
  await expect(page.locator('body')).toContainText('William C. Potter');
  await expect(page.locator('body')).toContainText('Nikolai Sokov');
});
