import { expect, test } from './fixtures';

const PAGE = '/procedures/change-sync-service-account-password/';
const logOnTab = { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' };
const newPassword = { name: "Type the account's new password into Password and Confirm password, then select OK." };

test('tapping a step’s text ticks it; a link or code in it does not', async ({ page }) => {
  await page.goto(`${PAGE}?build=1.1.614.0`);
  const step = page.getByRole('checkbox', logOnTab);
  await expect(step).toBeEnabled();
  await page.locator('#open-log-on-tab').getByText('and switch to the').click();
  await expect(step).toBeChecked();
  await page.locator('#open-log-on-tab').getByText('and switch to the').click();
  await expect(step).not.toBeChecked();
});

test('tapping a sub-step’s text ticks that sub-step alone', async ({ page }) => {
  await page.goto('/procedures/update-ad-ds-account-password/');
  const sub = page.getByRole('checkbox', { name: 'Open Services from the Start menu (Start → Services).' });
  await expect(sub).toBeEnabled();
  await page.locator('#open-services').getByText('from the Start menu').click();
  await expect(sub).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Select Microsoft Azure AD Sync/ })).not.toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText('1 of 11 steps done');
});

test('“Next open step” takes the keyboard to the first step still open', async ({ page }) => {
  await page.goto(`${PAGE}?build=1.1.614.0`);
  // Once booted, the part for older builds, with a step of the same name, is folded away.
  await expect(page.getByRole('checkbox', logOnTab)).toBeEnabled();
  await page.getByRole('checkbox', { name: 'Open Services from the Start menu (Start → Services).' }).check();
  await page.getByRole('checkbox', logOnTab).check();
  await page.getByRole('button', { name: 'Next open step' }).click();
  await expect(page.getByRole('checkbox', newPassword)).toBeFocused();
  await expect(page.getByRole('checkbox', newPassword)).toBeInViewport();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText(/^3 of 3 steps done/);
  await expect(page.getByRole('button', { name: 'Next open step' })).toHaveCount(0);
});

test('the procedure’s own link copies with its build and run, and its outline jumps to a part', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${PAGE}?build=1.1.380.0&run=INC-NAV&utm=mail`);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/procedures\/change-sync-service-account-password\/\?build=1\.1\.380\.0&run=INC-NAV$/);

  const outline = page.getByRole('navigation', { name: 'On this page' });
  await outline.getByRole('link', { name: 'Abandon the existing key' }).click();
  await expect(page).toHaveURL(/\?build=1\.1\.380\.0&run=INC-NAV&utm=mail#abandon-the-existing-key$/);
  await expect(page.getByRole('heading', { name: 'Abandon the existing key' })).toBeInViewport();
});

test('on a phone, a step’s controls are at least 24 px, and a skip gives the focus back to its step', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${PAGE}?build=1.1.614.0&run=INC-TOUCH`);
  await expect(page.getByRole('button', { name: `Skip step: ${logOnTab.name}` })).toBeVisible();
  const controls = [
    page.getByRole('checkbox', logOnTab),
    page.getByRole('button', { name: `Copy link to step: ${logOnTab.name}` }),
    page.getByRole('button', { name: `Skip step: ${logOnTab.name}` }),
    page.getByRole('button', { name: `Add a note to step: ${logOnTab.name}` }),
  ];
  for (const control of controls) {
    const box = (await control.boundingBox())!;
    expect(Math.min(box.width, box.height), (await control.getAttribute('aria-label')) ?? 'a control').toBeGreaterThanOrEqual(24);
  }
  await page.getByRole('button', { name: `Skip step: ${logOnTab.name}` }).tap();
  await page.getByRole('textbox', { name: 'Why skip it?' }).fill('Done from PowerShell');
  await page.getByRole('button', { name: 'Skip step', exact: true }).tap();
  await expect(page.getByRole('checkbox', logOnTab)).toBeFocused();
  await context.close();
});

test('on a phone, a step opened from a link or with “Next open step” is not hidden under the sticky bar', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const bar = page.locator('[data-sticky-bar]');
  const clear = async (id: string) => {
    await expect
      .poll(async () => (await page.locator(`#${id}`).boundingBox())!.y - ((await bar.boundingBox())!.y + (await bar.boundingBox())!.height))
      .toBeGreaterThanOrEqual(0);
  };
  await page.goto(`${PAGE}?build=1.1.380.0&run=INC-PHONE#go-to-sync-bin-folder`);
  const first = page.locator('#open-services').getByRole('checkbox');
  await expect(first).toBeEnabled();
  await clear('go-to-sync-bin-folder');
  await page.getByRole('button', { name: 'Next open step' }).tap();
  await expect(first).toBeFocused();
  await clear('open-services');
  await context.close();
});
