import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { finishExport } from '../lib/export/finish';
import { buildServiceWorker } from '../lib/export/service-worker';
import { freshPgliteDir, startProcess } from '../server/testing';
import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });
// A run service of its own (a PGlite folder to open), a worker to install twice, two browsers.
test.describe.configure({ timeout: 180_000 });
test.skip(Boolean(process.env.E2E_STATIC), 'a plain static host has no run service');

const PAGE = '/procedures/change-sync-service-account-password/';
const TITLE = 'Change the ADSync service account password';
const NEW_TITLE = `${TITLE}, revised`;
const UPDATE_NOTICE = 'Procedures were updated: reload to see the new version';
const step = (name: string) => ({ name });
const abandonKey = step('Run the key utility with the abandon switch.');
const logOnTab = step('Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.');
const newPassword = step("Type the account's new password into Password and Confirm password, then select OK.");
const powerShell = step('Open a new PowerShell window.');
const programFolder = step("Change to the sync engine's program folder.");

const sharing = (page: Page) => page.getByRole('status', { name: 'Sharing' });
const isControlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.state === 'activated');

/**
 * The run service on a copy of the test site, in a process of its own with a fresh PGlite folder,
 * so the test can deploy a new build under the browsers using it.
 */
async function serviceOnCopy() {
  const site = mkdtempSync(path.join(tmpdir(), 'runbook-deploy-'));
  cpSync('.e2e/site', site, { recursive: true });
  const data = await freshPgliteDir();
  const service = await startProcess({ RUNBOOK_SITE: site, RUNBOOK_DATA: data, PORT: '0', DATABASE_URL: '' });
  return {
    site,
    origin: service.url,
    async close() {
      service.child.kill('SIGTERM');
      await service.exited;
      rmSync(site, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** What a new build changes: the procedure's title on its page and payloads, then policies and worker as the build writes them. */
async function deployNewBuild(site: string) {
  const folder = path.join(site, 'procedures/change-sync-service-account-password');
  for (const file of readdirSync(folder)) {
    const full = path.join(folder, file);
    writeFileSync(full, readFileSync(full, 'utf8').replaceAll(TITLE, NEW_TITLE));
  }
  finishExport(site);
  await buildServiceWorker(site);
}

/**
 * Opens the run in this browser and waits until the service worker has saved its copy, then opens
 * it again, so that the page, its scripts, the service's answers and the live stream all go
 * through the worker.
 */
async function openUnderWorker(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match('/offline/copy.json'))), { timeout: 30_000, message: 'the service worker saved no copy' })
    .toBe(true);
  await page.reload();
  expect(await isControlled(page), 'the worker controls the page from its first request').toBe(true);
  await expect(sharing(page)).toHaveText('Shared · synced');
  return page;
}

/** A tick made on one page shows on the other, and both say they are in step with the service. */
async function tickReaches(from: Page, to: Page, name: { name: string }, done = true) {
  await from.getByRole('checkbox', name).setChecked(done);
  await expect(to.getByRole('checkbox', name)).toBeChecked({ checked: done });
  await expect(sharing(from)).toHaveText('Shared · synced');
  await expect(sharing(to)).toHaveText('Shared · synced');
}

/** The network goes and comes back: the page asks for a new version, which installs and waits. */
async function findUpdate(page: Page) {
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await expect(page.getByText(UPDATE_NOTICE)).toBeVisible({ timeout: 30_000 });
}

async function reloadToNewVersion(page: Page) {
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
  await expect(page.getByText(UPDATE_NOTICE)).toHaveCount(0);
  expect(await isControlled(page), 'the new worker controls the reloaded page').toBe(true);
  await expect(sharing(page)).toHaveText('Shared · synced', { timeout: 20_000 });
}

test('pages controlled by the service worker share a run, before, during and after the worker updates to a new build', async ({ context, browser }) => {
  const service = await serviceOnCopy();
  const other = await browser.newContext();
  let ana: Page | undefined;
  try {
    const url = `${service.origin}${PAGE}?run=INC-WORKER-1&build=1.1.380.0`;
    ana = await openUnderWorker(context, url);
    const ben = await openUnderWorker(other, url);

    await tickReaches(ana, ben, logOnTab);
    await tickReaches(ben, ana, newPassword);

    await deployNewBuild(service.site);
    await findUpdate(ana);
    await findUpdate(ben);
    // Installed and waiting: the old worker still serves both pages, and the run goes on.
    await expect(ana.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(sharing(ana)).toHaveText('Shared · synced', { timeout: 20_000 });
    await expect(sharing(ben)).toHaveText('Shared · synced', { timeout: 20_000 });
    await tickReaches(ana, ben, abandonKey);
    await tickReaches(ben, ana, powerShell);

    // Ana takes the new version; Ben stays on the old one for now.
    await reloadToNewVersion(ana);
    for (const name of [abandonKey, logOnTab, newPassword, powerShell]) await expect(ana.getByRole('checkbox', name)).toBeChecked();
    await tickReaches(ana, ben, programFolder);
    await tickReaches(ben, ana, logOnTab, false);

    await reloadToNewVersion(ben);
    await tickReaches(ana, ben, logOnTab);
    await tickReaches(ben, ana, programFolder, false);
    await expect(ana.getByRole('status').filter({ hasText: 'steps done' })).toHaveText(/^4 of 20 steps done/);
    await expect(ben.getByRole('status').filter({ hasText: 'steps done' })).toHaveText(/^4 of 20 steps done/);
  } finally {
    // Pages first: a live stream cut by the service going away is an error in the page's console.
    await ana?.close();
    await other.close();
    await service.close();
  }
});
