import { expect, test } from './fixtures';

const PAGE = '/procedures/update-ad-ds-account-password/';

test('a procedure says when it was last reviewed, and nothing more while the review holds', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-05-21T12:00:00Z'));
  await page.goto(PAGE);
  await expect(page.getByText('Last reviewed 2026-11-22 by Identity operations.')).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeEnabled();
  await expect(page.getByText(/Review overdue/)).toHaveCount(0);
});

test('a procedure past its review date says so to a reader, whenever the site was built', async ({ page }) => {
  // Reviewed 2026-11-22, every 180 days: due by 2027-05-21. The site was built before then.
  await page.clock.setFixedTime(new Date('2027-05-22T08:00:00Z'));
  await page.goto(PAGE);
  await expect(page.getByText('Review overdue: it was due by 2027-05-21. Steps may no longer match the product.')).toBeVisible();
  await expect(page.getByText('Last reviewed 2026-11-22 by Identity operations.')).toBeVisible();
});

test('with no report address set for the site, nothing offers to report a problem', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeEnabled();
  await expect(page.getByRole('link', { name: /Report a problem/ })).toHaveCount(0);
});
