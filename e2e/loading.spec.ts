import type { Page, Request } from '@playwright/test';
import { expect, holdScripts, test } from './fixtures';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Requests for another page's data, which the router makes when it prefetches or opens a page. */
function pageDataRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.has('_rsc')) requests.push(request);
  });
  return requests;
}

const forPath = (requests: Request[], path: string) => requests.filter((request) => new URL(request.url()).pathname.startsWith(path));

test('a page fetches no other page until someone points at, focuses or touches its link', async ({ page }) => {
  const requests = pageDataRequests(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('link', { name: 'Update the AD DS connector account password' })).toBeVisible();
  expect(requests.map((request) => request.url())).toEqual([]);

  await page.getByRole('link', { name: 'Symptoms', exact: true }).hover();
  await expect.poll(() => forPath(requests, '/symptoms/').length).toBeGreaterThan(0);
  expect(forPath(requests, '/runs/')).toEqual([]);

  await page.getByRole('link', { name: 'Runs' }).focus();
  await expect.poll(() => forPath(requests, '/runs/').length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Symptoms', exact: true }).click();
  await expect(page).toHaveURL(/\/symptoms\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Symptoms');
});

test('on a touch screen, touching a link is enough to start fetching its page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const requests = pageDataRequests(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);
  const link = page.getByRole('link', { name: 'Reset the Azure AD connector account credentials' });
  // A finger on the link, not yet lifted: the page is fetched while the browser waits for the tap to end.
  await link.dispatchEvent('touchstart');
  await expect.poll(() => forPath(requests, '/procedures/reset-azure-ad-connector-account/').length).toBeGreaterThan(0);
  await expect(page).toHaveURL(/\/$/);
  await link.tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset the Azure AD connector account credentials');
  await context.close();
});

test('the scripts a page runs at startup are compiled up front, and search code loaded later is not', async ({ page }) => {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.text());
  });
  await page.goto('/procedures/change-sync-service-account-password/');
  // Booted: every script the page runs at startup has arrived.
  await expect(page.getByRole('checkbox', { name: 'Run the key utility with the abandon switch.' })).toBeEnabled();
  const atStartup = new Map(scripts);
  expect(atStartup.size).toBeGreaterThan(0);
  for (const [url, code] of atStartup) expect((await code).startsWith(`${COMPILE_HINT}\n`), url).toBe(true);

  await page.getByRole('combobox', { name: 'Search procedures' }).fill('6000');
  await expect(page.getByRole('option').first()).toContainText('Update the AD DS connector account password');
  const later = [...scripts].filter(([url]) => !atStartup.has(url));
  expect(later.length).toBeGreaterThan(0);
  for (const [url, code] of later) expect((await code).startsWith(COMPILE_HINT), url).toBe(false);
});

test.describe('what is typed while the page boots is kept', () => {
  const PAGE = '/procedures/change-sync-service-account-password/';

  test('a query typed into the search box is searched once the page has booted', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    const search = page.getByRole('combobox', { name: 'Search procedures' });
    await search.fill('6000');
    release();
    await expect(page.getByRole('option').first()).toContainText('Update the AD DS connector account password');
    await expect(search).toHaveValue('6000');
    await search.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update the AD DS connector account password');
  });

  test('a build typed into the build field gates the page once it has booted, and is remembered', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    const field = page.getByRole('textbox', { name: 'Your build' });
    await field.fill('1.1.614.0');
    await field.press('Tab');
    release();
    await expect(page.getByText('Not needed for build 1.1.614.0: applies to 1.1.443.0 or older')).toBeVisible();
    await expect(field).toHaveValue('1.1.614.0');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Your build' })).toHaveValue('1.1.614.0');
  });

  test('a ticket id typed before boot starts its run, whether the page has booted by the time of the click or not', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    await page.getByRole('textbox', { name: 'Ticket id' }).fill('INC-301');
    release();
    await expect(page.getByRole('checkbox', { name: 'Run the key utility with the abandon switch.' })).toBeEnabled();
    await expect(page.getByRole('textbox', { name: 'Ticket id' })).toHaveValue('INC-301');
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect(page.getByRole('heading', { name: 'Run INC-301' })).toBeVisible();

    const holdAgain = await holdScripts(page);
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
    await page.getByRole('textbox', { name: 'Ticket id' }).fill('INC-302');
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect(page).toHaveURL(/\?run=INC-302$/);
    holdAgain();
    await expect(page.getByRole('heading', { name: 'Run INC-302' })).toBeVisible();
  });
});

test('a page is parsed whole, text and all, before it asks for its scripts, and then comes alive', async ({ page }) => {
  // When the parser has reached the first element after <main>, the page's text is all in: note the time.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.getElementById('main')?.nextElementSibling) return;
      (window as unknown as { mainParsedAt: number }).mainParsedAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/procedures/change-sync-service-account-password/');
  await expect(page.getByRole('checkbox', { name: 'Run the key utility with the abandon switch.' })).toBeEnabled();
  // Not domInteractive: the parser reaches the end of the document a moment after the loader at its end may already have run.
  const { parsed, scriptStarts } = await page.evaluate(() => ({
    parsed: (window as unknown as { mainParsedAt: number }).mainParsedAt,
    scriptStarts: performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
      .map((entry) => entry.startTime),
  }));
  expect(parsed).toBeGreaterThan(0);
  expect(scriptStarts.length).toBeGreaterThan(0);
  for (const start of scriptStarts) expect(start).toBeGreaterThanOrEqual(parsed);
});
