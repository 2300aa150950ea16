import { expect, test } from './fixtures';

test('typing a code in the header box shows its procedure first, and Enter opens it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await box.fill('AADSTS50054');
  const options = page.getByRole('listbox', { name: 'Matching procedures' }).getByRole('option');
  await expect(options.first()).toContainText('Reset the Azure AD connector account credentials');
  await expect(options.first()).toContainText('Exact symptom match: AADSTS50054');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/procedures\/reset-azure-ad-connector-account\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset the Azure AD connector account credentials');
});

test('Enter on an event ID that a procedure lists opens that procedure directly', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await box.fill('Event ID 6028');
  await expect(page.getByRole('option').first()).toContainText('Exact symptom match: Event 6028');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the ADSync service account password');
});

for (const { query, code } of [
  { query: 'Event ID 6010', code: '6010' },
  { query: 'Error 1067: The process terminated unexpectedly.', code: '1067' },
  { query: 'AADSTS90002', code: 'AADSTS90002' },
]) {
  test(`Enter on a code no procedure lists (${code}) opens the results page, which says so first`, async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search procedures' });
    await box.fill(query);
    const notice = `No procedure lists the code “${code}”.`;
    await expect(page.getByRole('search').getByText(notice)).toBeVisible();
    await expect(page.getByRole('option', { selected: true })).toHaveCount(0);
    await box.press('Enter');

    await expect(page).toHaveURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    const status = page.getByRole('main').getByRole('status');
    await expect(status).toContainText(notice);
    // Whatever shares words with the query is not offered as its results.
    await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
  });
}

test('a code no procedure lists, among words procedures share: the notice first, then those procedures as sharing words', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('Event 6010: the sync service account password expired'));
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText('No procedure lists the code “6010”.');
  const shared = page.getByRole('list', { name: 'Procedures that share words with your search' });
  await expect(shared.getByRole('listitem').first()).toBeVisible();
  await expect(shared.getByText(/Exact symptom match/)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
  expect((await status.boundingBox())!.y).toBeLessThan((await shared.boundingBox())!.y);
});

test('chat shorthand finds what the full words find', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await box.fill('svc acct pwd changed');
  await expect(page.getByRole('option').first()).toContainText('Change the ADSync service account password');
  await box.fill('Entra connector acct creds reset');
  await expect(page.getByRole('option').first()).toContainText('Reset the Azure AD connector account credentials');
  await page.goto('/search/?q=' + encodeURIComponent("entra connect sync svc can't start"));
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    'Change the ADSync service account password',
  );
});

test('arrows move through the results, Escape closes them, and "/" focuses the box', async ({ page }) => {
  await page.goto('/procedures/update-ad-ds-account-password/');
  // The shortcut is the page's own script, there once the page has booted, as the enabled steps show.
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeEnabled();
  await page.locator('body').press('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await expect(box).toBeFocused();
  await page.keyboard.type('password');
  const options = page.getByRole('option');
  await expect(options).toHaveCount(3);
  // Words in common are no answer: nothing is chosen until an arrow chooses it.
  await expect(page.getByRole('option', { selected: true })).toHaveCount(0);
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await box.press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await box.press('ArrowUp');
  await box.press('ArrowUp');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await box.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
});

test('Enter on words opens the results page, and on a result chosen with the arrows opens it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await box.fill('encryption key');
  await expect(page.getByRole('option').first()).toContainText('Change the ADSync service account password');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=encryption(\+|%20)key$/);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    'Change the ADSync service account password',
  );

  await page.goto('/');
  await box.fill('encryption key');
  await expect(page.getByRole('option').first()).toContainText('Change the ADSync service account password');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the ADSync service account password');
});

test('a pasted event message with another domain finds its procedure', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('combobox', { name: 'Search procedures' })
    .fill('The management agent “corp.fabrikam.local” failed to run because the credentials were invalid.');
  await expect(page.getByRole('option').first()).toContainText('Update the AD DS connector account password');
});

test('the results page keeps its query in the header box, where it can be refined', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('Source: ADSync\nStatus: no-start-credentials'));
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  await expect(box).toHaveValue('Source: ADSync Status: no-start-credentials');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
  await box.fill('AADSTS50054');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/procedures\/reset-azure-ad-connector-account\//);
});

test('/search/?q= works on a cold load, best first, with the match marked', async ({ page }) => {
  await page.goto('/search/?q=Error%201069%3A%20The%20service%20did%20not%20start%20due%20to%20a%20logon%20failure.');
  const results = page.getByRole('list', { name: 'Search results' });
  const first = results.getByRole('listitem').first();
  await expect(first.getByRole('link').first()).toHaveText('Change the ADSync service account password');
  await expect(first.getByRole('link').first()).toHaveAttribute('href', '/procedures/change-sync-service-account-password/');
  await expect(first).toContainText('Exact symptom match: Error 1069');
  await expect(first.locator('mark').first()).toBeVisible();
  await first.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the ADSync service account password');
});

test('"See all results" opens the shareable results page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search procedures' }).fill('encryption key');
  await page.getByRole('link', { name: 'See all results' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=encryption(\+|%20)key$/);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    'Change the ADSync service account password',
  );
});

test('no results says so, shows the query, and offers the symptoms table', async ({ page }) => {
  await page.goto('/search/?q=quokka%20xylophone');
  await expect(page.getByText('No procedures match “quokka xylophone”.')).toBeVisible();
  await page.getByRole('link', { name: 'symptoms table' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Symptoms');
});

test('hostile queries are shown as text and break nothing', async ({ page }) => {
  for (const query of ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', '.*(a+)+$[](', 'a'.repeat(10_000), '%E0%A4%A']) {
    await page.goto(`/search/?q=${query.startsWith('%') ? query : encodeURIComponent(query)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results');
    await expect(page.getByText(/No procedures match|procedures? match/).first()).toBeVisible();
  }
  await expect(page.locator('img')).toHaveCount(0);
});

test('search results mark what does not apply to the chosen build', async ({ page }) => {
  await page.goto('/search/?q=abandon%20encryption%20key&build=1.1.614.0');
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  await expect(first).toContainText('The part that matched: Not needed for build 1.1.614.0: applies to 1.1.443.0 or older');
  await expect(first.getByRole('link').first()).toHaveAttribute('href', '/procedures/change-sync-service-account-password/?build=1.1.614.0');
});

test('no search code or index loads before someone starts searching', async ({ page }) => {
  const indexRequests: string[] = [];
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/search-index/')) indexRequests.push(request.url());
  });
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text());
  });
  await page.goto('/procedures/update-ad-ds-account-password/');
  await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
  await page.waitForLoadState('networkidle');
  expect(indexRequests).toEqual([]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => script.includes('/search-index/'))).toEqual([]);

  await page.getByRole('combobox', { name: 'Search procedures' }).fill('6000');
  await expect(page.getByRole('option').first()).toContainText('Update the AD DS connector account password');
  expect(indexRequests.some((url) => url.endsWith('/search-index/manifest.json'))).toBe(true);
});

test('the symptoms page lists every symptom with its procedure', async ({ page }) => {
  await page.goto('/symptoms/');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(11);
  const row = table.getByRole('row').filter({ hasText: '6000' });
  await expect(row).toContainText('Application log');
  await row.getByRole('link', { name: 'Update the AD DS connector account password' }).click();
  await expect(page).toHaveURL(/\/procedures\/update-ad-ds-account-password\/$/);
});

test('no script the browser loads, on the pages or for a first search, carries zod', async ({ page }) => {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) scripts.set(response.url(), response.text());
  });
  for (const path of ['/', '/procedures/update-ad-ds-account-password/', '/symptoms/', '/runs/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.getByRole('combobox', { name: 'Search procedures' }).fill('6000');
  await expect(page.getByRole('option').first()).toContainText('Update the AD DS connector account password');
  await page.goto('/search/?q=AADSTS50054');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toHaveText(
    'Reset the Azure AD connector account credentials',
  );
  await page.waitForLoadState('networkidle');

  const bodies = await Promise.all([...scripts].map(async ([url, body]) => ({ url, body: await body })));
  // The search code itself was among them, so the check below looked at what a search loads.
  expect(bodies.filter(({ body }) => body.includes('/search-index/')).length).toBeGreaterThan(0);
  // zod names its classes and checks in strings that survive minifying: "$ZodType", "ZodError", "$ZodString".
  expect(bodies.filter(({ body }) => /\$?Zod(?:Type|Error|String|Object)\b/.test(body)).map(({ url }) => url)).toEqual([]);
});
