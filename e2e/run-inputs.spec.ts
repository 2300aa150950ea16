import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGE = '/procedures/change-sync-service-account-password/';
const EMEA = 'emea.fabrikam.com';
const APAC = 'apac.fabrikam.com';
const password = (connector: string) => ({ name: `Type the AD DS account's current password into the Password box. (${connector})` });
const logOnTab = { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' };

const progress = (page: Page) => page.getByRole('status').filter({ hasText: 'steps done' });
const connectors = (page: Page) => page.getByRole('textbox', { name: 'AD connectors' });
const syncServer = (page: Page) => page.getByRole('textbox', { name: 'Azure AD Connect server' });
const inputsAlert = (page: Page) => page.getByRole('region', { name: 'Run inputs' }).getByRole('alert');
/** The command that names the sync server, as the page fills it in. */
const serverCommand = (page: Page) => page.locator('pre').filter({ hasText: 'cd "$env:ProgramFiles' });

/** A run opened from the ticket's link, once the page has booted. */
async function openRun(page: Page, ticket: string) {
  await page.goto(`${PAGE}?run=${ticket}&build=1.1.380.0`);
  await expect(page.getByRole('checkbox', logOnTab)).toBeEnabled();
  await expect(progress(page)).toHaveText(/^0 of 20 steps done/);
}

test('connectors typed and never saved by hand are kept by the next tick, and survive a reload', async ({ page }) => {
  await openRun(page, 'INC-INPUT-1');
  await connectors(page).fill(`${EMEA}\n${APAC}`);
  // Straight on to the work: no Save button, no Enter.
  await page.getByRole('checkbox', logOnTab).check();
  await expect(page.getByRole('region', { name: `AD connectors: ${EMEA}` })).toBeVisible();
  await expect(progress(page)).toHaveText(/^1 of 25 steps done/);

  await page.reload();
  await expect(connectors(page)).toHaveValue(`${EMEA}\n${APAC}`);
  await expect(page.getByRole('checkbox', logOnTab)).toBeChecked();
  await expect(page.getByRole('checkbox', password(EMEA))).toBeVisible();
  await expect(page.getByRole('checkbox', password(APAC))).toBeVisible();
  await expect(progress(page)).toHaveText(/^1 of 25 steps done/);
});

test('a value still being typed is kept when the page is reloaded or left', async ({ page }) => {
  await openRun(page, 'INC-INPUT-2');
  // The cursor is still in the field when the page goes.
  await syncServer(page).fill('aadc01.fabrikam.com');
  await page.reload();
  await expect(syncServer(page)).toHaveValue('aadc01.fabrikam.com');
  await expect(serverCommand(page)).toContainText('# on aadc01.fabrikam.com');

  await connectors(page).fill(EMEA);
  await page.goto('/runs/');
  await expect(page.getByRole('region', { name: 'Runs in this browser' }).getByRole('row').filter({ hasText: 'INC-INPUT-2' })).toBeVisible();
  await page.goBack();
  await expect(connectors(page)).toHaveValue(EMEA);
  await expect(page.getByRole('checkbox', password(EMEA))).toBeVisible();
  // One connector: its steps once, named for it.
  await expect(progress(page)).toHaveText(/^0 of 20 steps done/);
});

test('Enter saves a value; Ctrl+Enter saves a list, where Enter starts a new line; a value too long is refused and kept to fix', async ({ page }) => {
  await openRun(page, 'INC-INPUT-3');
  await syncServer(page).fill('aadc02.fabrikam.com');
  await syncServer(page).press('Enter');
  await expect(serverCommand(page)).toContainText('# on aadc02.fabrikam.com');
  await expect(syncServer(page)).toBeFocused();

  await connectors(page).fill(EMEA);
  await connectors(page).press('Enter');
  await connectors(page).pressSequentially(APAC);
  await expect(connectors(page)).toHaveValue(`${EMEA}\n${APAC}`);
  await expect(page.getByRole('region', { name: `AD connectors: ${EMEA}` })).toHaveCount(0);
  await connectors(page).press('ControlOrMeta+Enter');
  await expect(page.getByRole('region', { name: `AD connectors: ${APAC}` })).toBeVisible();
  await expect(progress(page)).toHaveText(/^0 of 25 steps done/);

  const tooLong = `${'a'.repeat(201)}.fabrikam.com`;
  await syncServer(page).fill(tooLong);
  await syncServer(page).press('Tab');
  await expect(inputsAlert(page)).toHaveText('Keep each value under 200 characters, and at most 50 values.');
  await expect(syncServer(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(syncServer(page)).toHaveValue(tooLong);
  await expect(serverCommand(page)).toContainText('# on aadc02.fabrikam.com');
  await syncServer(page).fill('aadc03.fabrikam.com');
  await syncServer(page).press('Tab');
  await expect(inputsAlert(page)).toHaveCount(0);
  await expect(serverCommand(page)).toContainText('# on aadc03.fabrikam.com');
});
