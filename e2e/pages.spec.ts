import { expect, holdScripts, PROCEDURES, test } from './fixtures';

test('the home page lists every procedure by topic with its key symptoms', async ({ page }) => {
  await page.goto('/');
  const topic = page.getByRole('region', { name: 'Azure AD Connect sync credentials' });
  await expect(topic.getByRole('link')).toHaveCount(PROCEDURES.length);
  const item = topic.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Update the AD DS connector account password' }) });
  await expect(item.getByRole('list', { name: 'Key symptoms' })).toContainText('Event 6000');
  await expect(item.getByRole('list', { name: 'Key symptoms' })).toContainText('no-start-credentials');

  await page.getByRole('link', { name: 'Reset the Azure AD connector account credentials' }).click();
  await expect(page).toHaveURL(/\/procedures\/reset-azure-ad-connector-account\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset the Azure AD connector account credentials');
});

test('a procedure page shows symptoms, the build range, related procedures and its review', async ({ page }) => {
  await page.goto('/procedures/change-sync-service-account-password/');
  const symptoms = page.getByRole('group', { name: /^Symptoms/ });
  await expect(symptoms).toContainText('Event 7038 in System log');
  await expect(symptoms).toContainText('Error 1069 in Service Control Manager');
  await expect(symptoms.locator('var')).toHaveText('account');
  await expect(page.getByText('Applies to build 1.1.443.0 or older')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('0 of 20 steps done');
  await expect(page.getByRole('checkbox', { name: 'Run the key utility with the abandon switch.' })).toBeVisible();
  // The shared AD DS password steps appear here too.
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeVisible();
  const related = page.getByRole('region', { name: 'Related procedures' });
  await expect(related.getByRole('link')).toHaveText([
    'Update the AD DS connector account password',
    'Reset the Azure AD connector account credentials',
  ]);
  await expect(page.getByText(/Last reviewed \d{4}-\d{2}-\d{2} by Identity operations/)).toBeVisible();
});

test('commands have a copy button that copies the command', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/procedures/reset-azure-ad-connector-account/');
  await page.getByRole('button', { name: 'Copy', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Add-ADSyncAADServiceAccount');
});

test('copy buttons wait for the page to boot, so a click on one is never dropped', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const release = await holdScripts(page);
  await page.goto('/procedures/reset-azure-ad-connector-account/', { waitUntil: 'domcontentloaded' });
  const copy = page.getByRole('button', { name: 'Copy', exact: true });
  const stepLink = page.getByRole('button', { name: 'Copy link to step: Run Add-ADSyncAADServiceAccount.' });
  await expect(copy).toBeDisabled();
  await expect(stepLink).toBeDisabled();
  release();
  await expect(stepLink).toBeEnabled();
  await stepLink.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/procedures\/reset-azure-ad-connector-account\/#[\w-]+$/);
  await copy.click();
  await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
});

test('an unknown address shows the 404 page with the topics and the way to all procedures', async ({ page }) => {
  const response = await page.goto('/procedures/no-such-procedure/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('list', { name: 'Topics' }).getByRole('listitem')).toHaveText(['Azure AD Connect sync credentials · 3 procedures']);
  await page.getByRole('link', { name: 'all procedures' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All procedures');
  await expect(page.getByRole('list', { name: 'Procedures' }).getByRole('link', { name: 'Change the ADSync service account password' })).toBeVisible();
});

test('on a phone, pages fit the screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', ...PROCEDURES.map((slug) => `/procedures/${slug}/`)]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test('printing keeps the checklist with its ticks and drops the controls', async ({ page }) => {
  await page.goto('/procedures/update-ad-ds-account-password/');
  await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Reset checklist' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
});
