import { expect, test } from './fixtures';

const PAGE = '/procedures/change-sync-service-account-password/';
const ALL_STEPS = 20;
const UNGATED_STEPS = 3;
const keyUtility = { name: 'Run the key utility with the abandon switch.' };

test.describe('with no build chosen', () => {
  test('everything shows, each gated part with its range', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByText('Applies to build 1.1.443.0 or older')).toBeVisible();
    await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`0 of ${ALL_STEPS} steps done`);
  });

  test('without JavaScript the page still shows everything with its badges', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${PAGE}?build=1.1.614.0`);
    await expect(page.getByText('Applies to build 1.1.443.0 or older')).toBeVisible();
    await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
    await context.close();
  });
});

for (const build of ['1.1.443.0', '1.1.443', '1.1.99.0', '1.0.9125.0', ' 1.1.380.0 ']) {
  test(`build ${JSON.stringify(build)} in the URL is in range: the key steps show and count`, async ({ page }) => {
    await page.goto(`${PAGE}?build=${encodeURIComponent(build)}`);
    await expect(page.getByText(/^Applies to your build \(/)).toBeVisible();
    await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`0 of ${ALL_STEPS} steps done`);
  });
}

for (const build of ['1.1.443.1', '1.1.614.0', '1.1.1000.0', '2.0.0.0']) {
  test(`build ${build} in the URL is out of range: the key steps collapse and drop out of the count`, async ({ page }) => {
    await page.goto(`${PAGE}?build=${build}`);
    await expect(page.getByText(`Not needed for build ${build}: applies to 1.1.443.0 or older`)).toBeVisible();
    await expect(page.getByRole('paragraph').filter({ hasText: 'Abandon the encryption key and rebuild it' })).toBeVisible();
    await expect(page.getByRole('checkbox', keyUtility)).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(`0 of ${UNGATED_STEPS} steps done`);

    await page.getByRole('button', { name: 'Show anyway' }).click();
    await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`0 of ${UNGATED_STEPS} steps done`);
    await page.getByRole('button', { name: 'Hide again' }).click();
    await expect(page.getByRole('checkbox', keyUtility)).toBeHidden();
  });
}

for (const build of ['1.1.abc', '1..443.0', '1.1.443.0.1', '-1.1.443.0', '<script>alert(1)</script>']) {
  test(`invalid build ${JSON.stringify(build)} gets a message and hides nothing`, async ({ page }) => {
    await page.goto(`${PAGE}?build=${encodeURIComponent(build)}`);
    await expect(page.getByRole('alert').filter({ hasText: 'is not a build' })).toBeVisible();
    await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`0 of ${ALL_STEPS} steps done`);
  });
}

test('the picker gates the page, and the build survives reload and navigation', async ({ page }) => {
  await page.goto(PAGE);
  const picker = page.getByRole('textbox', { name: 'Your build' });
  await picker.fill('1.1.614.0');
  await expect(page.getByText('Not needed for build 1.1.614.0: applies to 1.1.443.0 or older')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`0 of ${UNGATED_STEPS} steps done`);

  await picker.fill('1.1.380.0');
  await expect(page.getByText('Applies to your build (1.1.380.0)')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`0 of ${ALL_STEPS} steps done`);

  await page.reload();
  await expect(picker).toHaveValue('1.1.380.0');
  await expect(page.getByText('Applies to your build (1.1.380.0)')).toBeVisible();

  await page.getByRole('link', { name: 'Runbooks', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Sections for some builds only' })).toContainText('Applies to your build (1.1.380.0)');
  await page.getByRole('link', { name: 'Change the ADSync service account password' }).click();
  await expect(page.getByText('Applies to your build (1.1.380.0)')).toBeVisible();
});

test('an invalid build typed in the picker is reported and hides nothing', async ({ page }) => {
  await page.goto(PAGE);
  const picker = page.getByRole('textbox', { name: 'Your build' });
  await picker.fill('1.1.614.0');
  await expect(page.getByRole('checkbox', keyUtility)).toBeHidden();
  await picker.fill('1.1.six');
  await picker.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '"1.1.six" is not a build' })).toBeVisible();
  await expect(picker).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', keyUtility)).toBeVisible();
});

test('?build= overrides the saved build, and internal links keep it', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('textbox', { name: 'Your build' }).fill('1.1.380.0');
  await expect(page.getByText('Applies to your build (1.1.380.0)')).toBeVisible();
  await page.goto(`/?build=1.1.614.0`);
  await expect(page.getByRole('textbox', { name: 'Your build' })).toHaveValue('1.1.614.0');
  await expect(page.getByRole('list', { name: 'Sections for some builds only' })).toContainText(
    'Not needed for build 1.1.614.0: applies to 1.1.443.0 or older',
  );
  await page.getByRole('link', { name: 'Change the ADSync service account password' }).click();
  await expect(page).toHaveURL(/\/procedures\/change-sync-service-account-password\/\?build=1\.1\.614\.0$/);
  await expect(page.getByText('Not needed for build 1.1.614.0: applies to 1.1.443.0 or older')).toBeVisible();
  await page.getByRole('link', { name: 'Reset the Azure AD connector account credentials' }).click();
  await expect(page).toHaveURL(/\/procedures\/reset-azure-ad-connector-account\/\?build=1\.1\.614\.0$/);
});

test.describe('a link to a step in a gated part', () => {
  const notForThisBuild = 'Not for your build (1.1.614.0): this step is for build 1.1.443.0 or older only';

  test('on a build outside the range, the step itself says it is not for this build, under the warning for it', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.614.0#abandon-encryption-key`);
    const step = page.getByRole('checkbox', keyUtility);
    await expect(step).toBeVisible();
    // Said on the step, where the link lands, and tied to its checkbox.
    await expect(step).toHaveAccessibleDescription(notForThisBuild);
    await expect(page.getByText(notForThisBuild)).toBeInViewport();

    // The warning for the destructive step stands between the step before it and the step.
    const warning = page.getByRole('note').filter({ hasText: 'The next step is for build 1.1.443.0 or older only' });
    await expect(warning).toBeVisible();
    const before = await page.getByRole('checkbox', { name: "Change to the sync engine's program folder." }).boundingBox();
    const [above, target] = [await warning.boundingBox(), await step.boundingBox()];
    expect(before!.y).toBeLessThan(above!.y);
    expect(above!.y + above!.height).toBeLessThanOrEqual(target!.y);
  });

  test('on a build inside the range, or with none, the step names its range', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.380.0#abandon-encryption-key`);
    await expect(page.getByRole('checkbox', keyUtility)).toHaveAccessibleDescription(
      'This step is for build 1.1.443.0 or older only, which includes your build (1.1.380.0)',
    );
    await page.goto(`${PAGE}#abandon-encryption-key`);
    await page.reload();
    await expect(page.getByRole('checkbox', keyUtility)).toHaveAccessibleDescription(
      'This step is for build 1.1.443.0 or older only: set your build to check',
    );
  });

  test('only the linked step says it, and a step for every build says nothing', async ({ page }) => {
    await page.goto(`${PAGE}?build=1.1.614.0#go-to-sync-bin-folder`);
    await expect(page.getByRole('checkbox', { name: "Change to the sync engine's program folder." })).toHaveAccessibleDescription(notForThisBuild);
    await expect(page.getByRole('checkbox', keyUtility)).toHaveAccessibleDescription('');
    await page.goto(`${PAGE}?build=1.1.614.0#open-log-on-tab`);
    await expect(page.getByRole('checkbox', { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' })).toBeVisible();
    await expect(page.getByText(/this step is for build/)).toHaveCount(0);
  });
});
