import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildServiceWorker } from '../lib/export/service-worker';
import { finishExport } from '../lib/export/finish';
import { expect, shownIcons, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });
// Each test waits for the worker to save the whole site first: seconds on a busy machine.
test.describe.configure({ timeout: 90_000 });

const UPDATE_AD_DS = '/procedures/update-ad-ds-account-password/';
const SYNC_SERVICE = '/procedures/change-sync-service-account-password/';
const OFFLINE_NOTICE = /^Offline: showing the copy saved on /;
const UPDATE_NOTICE = 'Procedures were updated: reload to see the new version';
const NEW_TITLE = 'Update the AD DS connector account password, revised';

/** Waits until the service worker has saved its copy of the site: from then on the portal works offline. */
async function waitForSavedCopy(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match('/offline/copy.json'))), { timeout: 30_000, message: 'the service worker saved no copy' })
    .toBe(true);
}

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(({ id, nodes }) => `${id} (${nodes.map((node) => node.target.join(' ')).join(', ')})`);

/** A copy of the built site served on a port of its own, so a test can deploy a new version under a running browser. */
async function serveCopy(port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-deploy-'));
  // The site built from the test content (npm run build:e2e), like the rest of the suite.
  cpSync('.e2e/site', dir, { recursive: true });
  const config = path.resolve('headers/serve.json');
  const server: ChildProcess = spawn('node_modules/.bin/serve', [dir, '--listen', String(port), '--no-clipboard', '--config', config], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await expect.poll(() => fetch(origin).then((response) => response.status, () => 0), { timeout: 15_000 }).toBe(200);
  return {
    dir,
    origin,
    close() {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('after one visit, the portal opens, searches, gates and keeps ticks with no network', async ({ page, context }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search procedures' });
  const results = page.getByRole('listbox', { name: 'Matching procedures' }).getByRole('option');
  await box.fill('6028');
  await expect(results.first()).toContainText('Change the ADSync service account password');
  const onlineResults = await results.allTextContents();
  await waitForSavedCopy(page);
  await expect(page.getByText(OFFLINE_NOTICE)).toHaveCount(0);

  await context.setOffline(true);
  await page.goto(UPDATE_AD_DS);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update the AD DS connector account password');
  await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await box.fill('6028');
  await expect(results.first()).toContainText('Change the ADSync service account password');
  expect(await results.allTextContents()).toEqual(onlineResults);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${SYNC_SERVICE}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the ADSync service account password');

  await page.getByRole('textbox', { name: 'Your build' }).fill('1.1.614.0');
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText('0 of 3 steps done');
  const first = page.getByRole('checkbox', { name: 'Open Services from the Start menu (Start → Services).' });
  const second = page.getByRole('checkbox', { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' });
  await first.check();
  await second.check();
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText('2 of 3 steps done');
  await expect(first).toBeChecked();
  await expect(second).toBeChecked();
  await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
  const icons = await shownIcons(page);
  expect(icons.length).toBeGreaterThan(3);
  expect(icons.filter((icon) => !icon.drawn), 'icons offline').toEqual([]);

  await page.getByRole('region', { name: 'Related procedures' }).getByRole('link', { name: 'Reset the Azure AD connector account credentials' }).click();
  await expect(page).toHaveURL(/\/procedures\/reset-azure-ad-connector-account\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset the Azure AD connector account credentials');

  await context.setOffline(false);
  await expect(page.getByText(OFFLINE_NOTICE)).toHaveCount(0);
});

test('offline, a page that is not saved says so and lists the procedures that are', async ({ page, context }) => {
  await page.goto('/');
  await waitForSavedCopy(page);
  await context.setOffline(true);
  await page.goto('/procedures/written-after-this-visit/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline use');
  const saved = page.getByRole('list').filter({ has: page.getByRole('link', { name: 'Update the AD DS connector account password' }) });
  await expect(saved.getByRole('link')).toHaveText([
    'Change the ADSync service account password',
    'Reset the Azure AD connector account credentials',
    'Update the AD DS connector account password',
  ]);
  await saved.getByRole('link', { name: 'Update the AD DS connector account password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update the AD DS connector account password');
});

test('a new deploy waits: the page says so, never reloads by itself, and reloads when asked', async ({ page, context }) => {
  const site = await serveCopy(3172);
  try {
    await page.goto(`${site.origin}${UPDATE_AD_DS}`);
    await waitForSavedCopy(page);
    await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();

    // The new version rewords the procedure's title: its page and payloads change, their policies and the worker with them.
    const folder = path.join(site.dir, 'procedures/update-ad-ds-account-password');
    for (const file of readdirSync(folder)) {
      const full = path.join(folder, file);
      writeFileSync(full, readFileSync(full, 'utf8').replaceAll('Update the AD DS connector account password', NEW_TITLE));
    }
    finishExport(site.dir);
    await buildServiceWorker(site.dir);

    await page.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });
    // The network comes back after an outage: the page asks the server for a new version.
    await context.setOffline(true);
    await context.setOffline(false);
    const notice = page.getByText(UPDATE_NOTICE);
    await expect(notice).toBeVisible({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.waitForTimeout(2_000);
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Update the AD DS connector account password');

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeChecked();
  } finally {
    site.close();
  }
});

test('the portal can be installed: a valid manifest, linked from every page, with icons that load', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Runbooks', start_url: '/', display: 'standalone' });
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type'], icon.src).toContain(icon.type);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
  expect((await request.get('/favicon.ico')).status()).toBe(200);
});

test('above the budget, opened pages are kept, and "Keep all procedures offline" saves the rest', async ({ page, context }) => {
  const site = await serveCopy(3173);
  try {
    // The same site with a budget that leaves every page that grows with the procedures out of the background download.
    await buildServiceWorker(site.dir, 1);
    // Each page kept on demand is listed by its address, which ends in `/`; its payload files by their names.
    const onDemand = JSON.parse(readFileSync(path.join(site.dir, 'offline/on-demand.json'), 'utf8')) as string[];
    const onDemandPages = onDemand.filter((url) => url.endsWith('/')).length;
    expect(onDemand).toEqual(expect.arrayContaining([UPDATE_AD_DS, '/procedures/', '/topics/', '/symptoms/']));
    await page.goto(`${site.origin}${UPDATE_AD_DS}`);
    await waitForSavedCopy(page);
    await expect
      .poll(() => page.evaluate(async (url) => Boolean(await caches.match(url, { cacheName: 'runbook-procedures' })), UPDATE_AD_DS), {
        message: 'the opened procedure was not kept',
      })
      .toBe(true);

    await context.setOffline(true);
    await page.goto(`${site.origin}${SYNC_SERVICE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline use');
    await expect(page.getByRole('main').getByRole('listitem')).toHaveText(['Update the AD DS connector account password']);
    await page.goto(`${site.origin}/symptoms/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline use');
    await page.goto(`${site.origin}/search/?q=6028`);
    await expect(page.getByRole('link', { name: 'Change the ADSync service account password' }).first()).toBeVisible();

    await context.setOffline(false);
    await page.goto(site.origin);
    const offlineUse = page.getByRole('region', { name: 'Offline use' });
    await expect(offlineUse).toContainText(`${onDemandPages} other pages are saved only when opened`);
    await offlineUse.getByRole('button', { name: 'Keep all procedures offline' }).click();
    await expect(offlineUse.getByRole('progressbar', { name: 'Saving procedures for offline use' })).toBeVisible();
    await expect(offlineUse.getByRole('status')).toHaveText('All procedures are saved in this browser.', { timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${site.origin}/symptoms/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Symptoms');
    await page.goto(`${site.origin}${SYNC_SERVICE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change the ADSync service account password');
    await page.getByRole('region', { name: 'Related procedures' }).getByRole('link', { name: 'Reset the Azure AD connector account credentials' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset the Azure AD connector account credentials');
  } finally {
    site.close();
  }
});
