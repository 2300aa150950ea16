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

test.describe('/runs/ on a phone', () => {
  test.use(PHONE);

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
