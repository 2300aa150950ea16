import { expect, test } from './fixtures';

const OLD_NAMES = {
  'how-to-connect-sync-change-addsacct-pass': 'update-ad-ds-account-password',
  'active-directory-aadconnectsync-change-addsacct-pass': 'update-ad-ds-account-password',
  'how-to-connect-azureadaccount': 'reset-azure-ad-connector-account',
  'active-directory-aadconnectsync-howto-azureadaccount': 'reset-azure-ad-connector-account',
  'how-to-connect-sync-change-serviceacct-pass': 'change-sync-service-account-password',
  'active-directory-aadconnectsync-change-serviceacct-pass': 'change-sync-service-account-password',
};

test('copy link gives the step URL with build and run, and opening it highlights the step', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/procedures/update-ad-ds-account-password/?build=1.1.614.0&run=INC-2041&utm=x');
  await page.getByRole('button', { name: 'Copy link to step: Switch to the Connectors tab.' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}/procedures/update-ad-ds-account-password/?build=1.1.614.0&run=INC-2041#open-connectors-tab`);

  const other = await context.newPage();
  await other.goto(copied);
  const step = other.locator('#open-connectors-tab');
  await expect(step).toBeInViewport();
  expect(await step.evaluate((element) => element.matches(':target'))).toBe(true);
  await expect(other.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeVisible();
});

test('a link to a step in a part for other builds opens that part', async ({ page }) => {
  await page.goto('/procedures/change-sync-service-account-password/?build=1.1.614.0#abandon-encryption-key');
  await expect(page.getByRole('checkbox', { name: 'Run the key utility with the abandon switch.' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Hide again' })).toBeVisible();
});

for (const [oldName, slug] of Object.entries(OLD_NAMES)) {
  test(`the old name ${oldName} redirects, keeping query and step`, async ({ page }) => {
    await page.goto(`/procedures/${oldName}/?build=1.1.380.0#open-services`);
    await expect(page).toHaveURL(new RegExp(`/procedures/${slug}/\\?build=1\\.1\\.380\\.0#open-services$`));
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('This procedure has moved');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `/procedures/${slug}/`);
  });
}

test('each procedure page has a canonical link and a description for link previews', async ({ page }) => {
  await page.goto('/procedures/reset-azure-ad-connector-account/?run=INC-1');
  await expect(page).toHaveTitle('Reset the Azure AD connector account credentials · Runbooks');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', '/procedures/reset-azure-ad-connector-account/');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /AADSTS50054/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Reset the Azure AD connector account credentials');
});

test('an unknown procedure address suggests procedures from its words', async ({ page }) => {
  const response = await page.goto('/procedures/encryption-key-abandon/');
  expect(response?.status()).toBe(404);
  const suggestions = page.getByRole('region', { name: 'Procedures like “encryption key abandon”' });
  await expect(suggestions.getByRole('link').first()).toHaveText('Change the ADSync service account password');
});
