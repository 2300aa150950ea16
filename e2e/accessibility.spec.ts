import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, PROCEDURES, test } from './fixtures';

/** axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules (target size among them) and its best practices. */
const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);

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

for (const [colorScheme, viewport] of [
  ['light', undefined],
  ['dark', undefined],
  ['dark', { width: 390, height: 844 }],
] as const) {
  test.describe(`${colorScheme} mode${viewport ? ', on a phone' : ''}`, () => {
    test.use({ colorScheme, ...(viewport && { viewport, hasTouch: true, isMobile: true }) });

    for (const path of PAGES) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        // On the run service a run is shared: each of these tests works one of its own.
        await page.goto(path.replace('run=INC-1', `run=INC-1-${colorScheme}${viewport ? '-phone' : ''}`));
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
        const results = await axe(page).analyze();
        expect(results.violations.map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
      });
    }
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode, with forms and confirmations open`, () => {
    test.use({ colorScheme });

    test('axe finds no violations on a run with a skip form open, or on /runs/ with a delete confirmation', async ({ page }) => {
      // A ticket of its own for each scheme: on the run service both tests would work the same shared run.
      const ticket = `INC-A11Y-${colorScheme}`;
      await page.goto(`/procedures/update-ad-ds-account-password/?run=${ticket}`);
      await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
      await page.getByRole('button', { name: 'Skip step: In the Actions pane, choose Properties.' }).click();
      await expect(page.getByRole('textbox', { name: 'Why skip it?' })).toBeFocused();
      await page.getByText(/^History/).click();
      let results = await axe(page).analyze();
      expect(results.violations.map(({ id, nodes }) => `${id} (${nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);

      await page.goto('/runs/');
      await page.getByRole('button', { name: new RegExp(`^Delete run ${ticket}`) }).click();
      await expect(page.getByRole('group', { name: new RegExp(`Confirm deleting run ${ticket}`) })).toBeVisible();
      results = await axe(page).analyze();
      expect(results.violations.map(({ id, nodes }) => `${id} (${nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  });
}

test('every control on a run page is reached by Tab and shows where the focus is', async ({ page }) => {
  await page.goto('/procedures/change-sync-service-account-password/?run=INC-KEYS&build=1.1.614.0');
  await expect(page.getByRole('heading', { name: 'Run INC-KEYS' })).toBeVisible();
  const seen = new Set<string>();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        name: `${element.tagName} ${
          element.getAttribute('aria-label') ??
          (element as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
          element.textContent?.trim().slice(0, 40)
        }`,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      };
    });
    if (!focused) continue;
    expect(focused.outline, `${focused.name} shows no focus outline`).toBe(true);
    seen.add(focused.name);
  }
  // The header's search and build fields, the run's buttons, the gated part's toggle and the steps' controls.
  expect([...seen].some((name) => name.startsWith('INPUT') && name.includes('Search'))).toBe(true);
  expect(seen.has('BUTTON Copy for ticket')).toBe(true);
  expect(seen.has('BUTTON Show anyway')).toBe(true);
  expect([...seen].some((name) => name.startsWith('INPUT Open Services from the Start menu'))).toBe(true);
});
