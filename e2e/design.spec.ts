import type { Page } from '@playwright/test';
import { expect, shownIcons, test } from './fixtures';

const PAGE = '/procedures/change-sync-service-account-password/';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };

/** Waits until the page has booted: its checkboxes are enabled only then. */
async function booted(page: Page) {
  await expect(page.getByRole('checkbox').first()).toBeEnabled();
}

/**
 * The visible controls smaller than 24×24 px (WCAG 2.2, 2.5.8). Links inside a sentence are left
 * out, as the criterion's exception for inline targets allows.
 */
function smallControls(page: Page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary');
    const small: string[] = [];
    for (const control of controls) {
      // Inside a folded <details> or a hidden block a control is laid out but not shown.
      if (!control.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      const box = control.getBoundingClientRect();
      if (control.closest('[aria-hidden="true"], .sr-only')) continue;
      const inSentence = control.tagName === 'A' && [...(control.parentElement?.childNodes ?? [])].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if (inSentence) continue;
      if (box.width < 24 || box.height < 24) {
        small.push(`${control.tagName.toLowerCase()} "${(control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, options] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    test.describe(`${device}, ${colorScheme}`, () => {
      test.use({ ...options, colorScheme });

      test('no control under 24×24 px on a procedure in a run, /symptoms/ and /runs/', async ({ page }) => {
        // A run of its own: on the run service, runs are shared between tests.
        await page.goto(`${PAGE}?build=1.1.380.0&run=INC-SIZE-${device}-${colorScheme}`);
        await booted(page);
        await page.getByRole('checkbox').first().check();
        expect(await smallControls(page)).toEqual([]);
        if (device === 'phone') {
          // A step's checkbox and text are one hit area, at least 44 px tall on a touch screen.
          const heights = await page.locator('[data-step]').evaluateAll((steps) => steps.map((step) => step.getBoundingClientRect().height));
          expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
        }
        for (const path of ['/symptoms/', '/runs/']) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          expect(await smallControls(page), path).toEqual([]);
        }
      });
    });
  }
}

test.describe('on a phone', () => {
  test.use(PHONE);

  test('a procedure opened from a ticket’s run link shows its title and the run in the first screen', async ({ page }) => {
    await page.goto(`${PAGE}?run=INC-FIRST`);
    const run = page.getByRole('heading', { name: 'Run INC-FIRST' });
    await expect(run).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    await expect(run).toBeInViewport();
    // The symptoms wait, folded, for whoever needs them.
    const symptoms = page.getByRole('group', { name: /^Symptoms/ });
    await expect(symptoms.getByText('Event 7038')).toBeHidden();
    await symptoms.getByText('Symptoms').click();
    await expect(symptoms.getByText('Event 7038')).toBeVisible();
  });

  test('the header folds: the search and the build open from buttons', async ({ page }) => {
    await page.goto(PAGE);
    await booted(page);
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(110);
    const search = page.getByRole('combobox', { name: 'Search procedures' });
    await expect(search).toBeHidden();
    await header.getByText('Build not set').click();
    const build = page.getByRole('textbox', { name: 'Your build' });
    await build.fill('1.1.380.0');
    await build.press('Enter');
    await expect(build).toBeHidden();
    await expect(header.locator('summary', { hasText: '1.1.380.0' })).toBeFocused();

    await header.getByLabel('Search', { exact: true }).click();
    await expect(search).toBeFocused();
    await search.fill('6900');
    await expect(page.getByRole('option').first()).toBeVisible();
    await search.press('Enter');
    await expect(page).toHaveURL(/reset-azure-ad-connector-account/);
    // A search that led to another procedure leaves its box folded there.
    await expect(search).toBeHidden();
  });

  test('the sticky bar keeps to two rows in a run, so the steps keep the screen', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.380.0&run=INC-BAR`);
    await booted(page);
    await page.getByRole('checkbox').first().check();
    await expect(page.getByRole('button', { name: 'Reset checklist' })).toBeEnabled();
    expect((await page.locator('[data-sticky-bar]').boundingBox())!.height).toBeLessThanOrEqual(100);
  });

  test('a build that needs fixing opens its field, so its message is seen', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.abc`);
    await expect(page.getByRole('alert').filter({ hasText: 'is not a build' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your build' })).toBeVisible();
  });

  test('a build this browser will not keep leaves its field open with the warning', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(PAGE);
    await booted(page);
    await page.getByRole('banner').getByText('Build not set').click();
    const build = page.getByRole('textbox', { name: 'Your build' });
    await build.fill('1.1.380.0');
    await build.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'will not save the build' })).toBeVisible();
    await expect(build).toBeVisible();
  });

  test('the search is open on the home page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('combobox', { name: 'Search procedures' })).toBeVisible();
  });

  test('the outline is a menu in the sticky bar that folds once a section is chosen', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.380.0&run=INC-MENU`);
    await booted(page);
    await page.getByText('Sections', { exact: true }).click();
    const menu = page.getByRole('navigation', { name: 'On this page' });
    await menu.getByRole('link', { name: /^Abandon the existing key/ }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Abandon the existing key' })).toBeInViewport();
  });
});

test('opened without a run or step link, a procedure shows its symptoms', async ({ page }) => {
  await page.goto(PAGE);
  await booted(page);
  await expect(page.getByRole('group', { name: /^Symptoms/ }).getByText('Event 7038')).toBeVisible();
});

test.describe('on a wide screen', () => {
  test.use(DESKTOP);

  test('the outline is a column beside the steps, with each section’s progress', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.380.0`);
    await booted(page);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    await expect(outline).toBeInViewport();
    await page.getByRole('checkbox', { name: /^Open Services from the Start menu/ }).first().check();
    await expect(outline.getByRole('link', { name: 'Give Services the new password (1 of 3 steps done or skipped)' })).toBeVisible();
    await page.getByRole('checkbox', { name: /^Open the properties of Microsoft Azure AD Sync/ }).check();
    await page.getByRole('checkbox', { name: /^Type the account’s new password|^Type the account's new password/ }).check();
    await expect(outline.getByRole('link', { name: 'Give Services the new password (all steps done or skipped)' })).toBeVisible();
    await outline.getByRole('link', { name: /^Start the sync service/ }).click();
    await expect(page.getByRole('heading', { name: 'Start the sync service' })).toBeInViewport();
  });
});

test('breadcrumbs lead from a procedure to its topic', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Azure AD Connect sync credentials' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Azure AD Connect sync credentials');
});

for (const [device, options] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
  test.describe(device, () => {
    test.use(options);

    test('every icon shown draws its shape from the site’s icon file', async ({ page }) => {
      await page.goto(`${PAGE}?build=1.1.380.0`);
      await booted(page);
      const icons = await shownIcons(page);
      expect(icons.length).toBeGreaterThan(5);
      expect(icons.filter((icon) => !icon.drawn)).toEqual([]);
    });

    test('nothing shifts while a long procedure is scrolled from top to bottom', async ({ page }) => {
      await page.goto(`${PAGE}?build=1.1.380.0`);
      await booted(page);
      // Where each step sits on the page: a block laid out lazily moves the ones below it as it comes into view.
      const offsets = () => page.locator('[data-step]').evaluateAll((steps) => steps.map((step) => Math.round(step.getBoundingClientRect().top + window.scrollY)));
      const before = await offsets();
      await page.evaluate(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift' });
      });
      await page.mouse.move(options.viewport.width / 2, options.viewport.height / 2);
      for (let step = 0; step < 40; step++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(50);
      }
      await expect.poll(() => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2)).toBe(true);
      // Let the last frames be laid out and reported.
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
      expect(await offsets()).toEqual(before);
    });
  });
}

test.describe('printed from a dark screen', () => {
  test.use({ ...DESKTOP, colorScheme: 'dark' });

  test('a run’s page says which run, build and time, and leaves out its controls and history', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.380.0&run=INC-PRINT`);
    await booted(page);
    await page.getByRole('checkbox').first().check();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText(/^Run INC-PRINT · build 1\.1\.380\.0 · printed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/)).toBeVisible();
    await expect(page.getByText(/^History \(/)).toBeHidden();
    for (const name of ['Finish run', 'Copy for ticket', 'Reset checklist', 'Next open step']) await expect(page.getByRole('button', { name })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
  });
});
