import { expect, test } from './fixtures';

const alsoCalled = { name: 'Also called:' };

test('a procedure shows the other names of what it is about under its summary', async ({ page }) => {
  await page.goto('/procedures/change-sync-service-account-password/');
  await expect(page.getByRole('list', alsoCalled).getByRole('listitem')).toHaveText([
    'ADSync service account',
    'Microsoft Entra Connect Sync service account',
    'NT SERVICE\\ADSync',
  ]);
});

test('a procedure with no other names shows no such line', async ({ page }) => {
  await page.goto('/procedures/reset-azure-ad-connector-account/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('list', alsoCalled)).toHaveCount(0);
});

test('searching for an account by its name in the directory finds its procedure, and says which name matched', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('MSOL_4b1f7c2d9e3a')}`);
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  await expect(first.getByRole('link', { name: 'Update the AD DS connector account password' })).toBeVisible();
  await expect(first).toContainText('Also called: MSOL_…');
});
