import AxeBuilder from '@axe-core/playwright';
import { expect, PROCEDURES, test } from './fixtures';

const PAGES = [
  '/',
  ...PROCEDURES.map((slug) => `/procedures/${slug}/`),
  '/procedures/change-sync-service-account-password/?build=1.1.614.0',
  '/procedures/change-sync-service-account-password/?build=1.1.380.0',
  '/?build=1.1.abc',
  '/search/?q=AADSTS50054%20old%20password&build=1.1.614.0',
  '/search/?q=nothing-matches-this',
  '/symptoms/',
  '/runs/',
  '/procedures/update-ad-ds-account-password/?run=INC-1',
  '/procedures/no-such-page/',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const path of PAGES) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (PROCEDURES.some((slug) => path.includes(slug))) {
          // Check the page in use too: a tick shown with its time, and the reset confirmation open.
          await page.getByRole('checkbox').first().check();
          await page.getByRole('button', { name: 'Reset checklist' }).click();
        }
        if (path === '/') {
          // The search popup open, with results.
          await page.getByRole('combobox', { name: 'Search procedures' }).fill('encryption key');
          await expect(page.getByRole('option').first()).toBeVisible();
        }
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
      });
    }
  });
}
