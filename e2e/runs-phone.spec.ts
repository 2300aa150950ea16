import type { Locator, Page } from '@playwright/test';
import { expect, PROCEDURES, test } from './fixtures';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Starts a run once the page has booted: before, the form only opens the run's address, and a run with no events is not listed. */
async function startRun(page: Page, slug: string, ticket: string) {
  await page.goto(`/procedures/${slug}/`);
  await expect(page.getByRole('checkbox').first()).toBeEnabled();
  await page.getByRole('textbox', { name: 'Ticket id' }).fill(ticket);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { name: `Run ${ticket}` })).toBeVisible();
}

/** The tickets of a list's runs as they are shown, top to bottom, whether in cards or in rows. */
const shownTickets = (list: Locator, pattern: RegExp) => list.getByText(pattern).filter({ visible: true });

/** Lines of text an element takes up, told apart by where each starts. */
const lineCount = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

test.describe('/runs/ on a phone', () => {
  test.use(PHONE);

  test('fits 390 px without scrolling sideways, with every control at least 24 px square and each run’s actions on screen', async ({ page }) => {
    const started = [
      { ticket: 'INC-101', slug: PROCEDURES[0], title: 'Update the AD DS connector account password' },
      { ticket: 'INC-102', slug: PROCEDURES[1], title: 'Reset the Azure AD connector account credentials' },
      { ticket: 'INC-103', slug: PROCEDURES[2], title: 'Change the ADSync service account password' },
    ];
    for (const { ticket, slug } of started) await startRun(page, slug, ticket);
    await page.goto('/runs/');
    const runs = page.getByRole('region', { name: 'Runs in this browser' });
    await expect(runs.getByText(/^\d+ of \d+ done$/).filter({ visible: true })).toHaveCount(3);

    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    for (const { ticket, title } of started) {
      for (const name of [`Finish run ${ticket}`, `Delete run ${ticket}`]) {
        const box = (await runs.getByRole('button', { name: new RegExp(`^${name} `) }).boundingBox())!;
        expect(box.x, name).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, name).toBeLessThanOrEqual(390);
      }
      expect(await lineCount(runs.getByRole('link', { name: title }).filter({ visible: true })), title).toBeLessThanOrEqual(3);
      // Each card is headed by what tells the runs apart.
      await expect(runs.getByRole('heading', { name: `${ticket} ${title}` })).toBeVisible();
    }

    // WCAG 2.2, 2.5.8: every target at least 24 by 24 CSS pixels. The page's own: the site header's links are the layout's.
    const tooSmall = await page.getByRole('main').evaluate((main) =>
      [...main.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, textarea')]
        .filter((control) => control.checkVisibility())
        .map((control) => ({ control, box: control.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ control, box }) => `${control.tagName} “${control.getAttribute('aria-label') ?? control.textContent}” ${box.width}×${box.height}`),
    );
    expect(tooSmall).toEqual([]);
  });

  test('finishing, reopening and deleting a run leave the other runs where they were, with the focus on what is left', async ({ page }) => {
    for (const ticket of ['INC-201', 'INC-202', 'INC-203']) await startRun(page, PROCEDURES[0], ticket);
    await page.goto('/runs/');
    const runs = page.getByRole('region', { name: 'Runs in this browser' });
    const order = shownTickets(runs, /^INC-20\d$/);
    await expect(order).toHaveText(['INC-203', 'INC-202', 'INC-201']);

    await runs.getByRole('button', { name: /^Finish run INC-201 / }).tap();
    await expect(runs.getByRole('button', { name: /^Reopen run INC-201 / })).toBeFocused();
    await expect(order).toHaveText(['INC-203', 'INC-202', 'INC-201']);
    await runs.getByRole('button', { name: /^Reopen run INC-201 / }).tap();
    await expect(runs.getByRole('button', { name: /^Finish run INC-201 / })).toBeFocused();
    await expect(order).toHaveText(['INC-203', 'INC-202', 'INC-201']);

    await runs.getByRole('button', { name: /^Delete run INC-202 / }).tap();
    await expect(runs.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
    await runs.getByRole('button', { name: 'Delete', exact: true }).tap();
    await expect(page.getByRole('heading', { name: '2 runs' })).toBeFocused();
    await expect(order).toHaveText(['INC-203', 'INC-201']);
  });

  test('the run service’s list keeps runs in the order they started, whatever was done last', async ({ page }) => {
    test.skip(Boolean(process.env.E2E_STATIC), 'a plain static host has no run service');
    const sharing = page.getByRole('status', { name: 'Sharing' });
    // The service keeps its runs from test to test: tickets of their own keep this test's runs apart.
    const stamp = Date.now().toString(36);
    const tickets = [1, 2, 3].map((number) => `PHONE-S${number}-${stamp}`);
    for (const ticket of tickets) {
      await startRun(page, PROCEDURES[0], ticket);
      await expect(sharing).toHaveText('Shared · synced');
    }
    // The oldest run is the last one worked on: listed by activity, it would come first.
    await page.goto(`/procedures/${PROCEDURES[0]}/?run=${tickets[0]}`);
    await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
    await expect(sharing).toHaveText('Shared · synced');

    await page.goto('/runs/');
    const shared = page.getByRole('region', { name: 'Runs on this server' });
    await expect(shownTickets(shared, new RegExp(`^PHONE-S\\d-${stamp}$`))).toHaveText(tickets.toReversed());
  });
});
