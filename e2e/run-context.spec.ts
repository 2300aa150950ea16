import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SLUG = 'change-sync-service-account-password';
const PAGE = `/procedures/${SLUG}/`;
const EMEA = 'emea.fabrikam.com';
const APAC = 'apac.fabrikam.com';
const password = (connector: string) => ({ name: `Type the AD DS account's current password into the Password box. (${connector})` });
const newPassword = { name: "Type the account's new password into Password and Confirm password, then select OK." };
const logOnTab = { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' };
const abandonKey = { name: 'Run the key utility with the abandon switch.' };

const progress = (page: Page) => page.getByRole('status').filter({ hasText: 'steps done' });

async function startRun(page: Page, ticket: string, build: string, name = 'Ana') {
  await page.goto(`${PAGE}?build=${build}`);
  // Before the page has booted, the form opens the run without its build.
  await expect(page.getByRole('checkbox', logOnTab)).toBeEnabled();
  await page.getByRole('textbox', { name: 'Ticket id' }).fill(ticket);
  await page.getByRole('textbox', { name: 'Your name, for the record' }).fill(name);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { name: `Run ${ticket}` })).toBeVisible();
}

async function enterConnectors(page: Page, ...connectors: string[]) {
  await page.getByRole('textbox', { name: 'AD connectors' }).fill(connectors.join('\n'));
  // Saved as the field is left.
  await page.getByRole('textbox', { name: 'AD connectors' }).press('Tab');
  for (const connector of connectors) await expect(page.getByRole('region', { name: `AD connectors: ${connector}` })).toBeVisible();
}

async function copied(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /copied$/ })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function runsRow(page: Page, ticket: string) {
  await page.goto('/runs/');
  return page.getByRole('region', { name: 'Runs in this browser' }).getByRole('row').filter({ hasText: ticket });
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return { context, page: await context.newPage() };
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('each AD connector gets its own password steps, and the page, /runs/ and the record agree', async ({ page }) => {
  await startRun(page, 'INC-10', '1.1.380.0');
  await expect(progress(page)).toHaveText(/^0 of 20 steps done/);
  await enterConnectors(page, EMEA, APAC);
  await expect(progress(page)).toHaveText(/^0 of 25 steps done/);

  await page.getByRole('checkbox', password(EMEA)).check();
  await expect(page.getByRole('checkbox', password(APAC))).not.toBeChecked();
  await page.getByRole('checkbox', logOnTab).check();
  await expect(progress(page)).toHaveText(/^2 of 25 steps done/);

  // Each copy has its own link.
  await page.getByRole('button', { name: `Copy link to step: ${password(APAC).name}` }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?build=1\.1\.380\.0&run=INC-10#type-ad-ds-password--apac\.fabrikam\.com$/);

  const record = await copied(page, 'Copy for ticket');
  expect(record).toContain('Progress: 2 of 25 steps done, 0 skipped, 23 open');
  expect(record).toContain(`AD connectors: ${EMEA}, ${APAC}`);
  expect(record).toMatch(new RegExp(`\\[done\\] 6\\. \\[${EMEA.replace(/\./g, '\\.')}\\] Type the AD DS account's current password`));
  expect(record).toMatch(new RegExp(`\\[open\\] 6\\. \\[${APAC.replace(/\./g, '\\.')}\\] Type the AD DS account's current password`));

  await expect(await runsRow(page, 'INC-10')).toContainText('2 of 25 done');

  await page.goto(link);
  await expect(page.getByRole('checkbox', password(APAC))).toBeInViewport();
  await page.getByRole('checkbox', password(APAC)).check();
  await expect(progress(page)).toHaveText(/^3 of 25 steps done/);
});

test('a run on 1.1.614.0 counts the same on the page and on /runs/', async ({ page }) => {
  await startRun(page, 'INC-11', '1.1.614.0');
  await page.getByRole('checkbox', logOnTab).check();
  await expect(progress(page)).toHaveText(/^1 of 3 steps done/);
  await expect(await runsRow(page, 'INC-11')).toContainText('1 of 3 done');
});

test('handed over to a fresh browser, a 1.1.614.0 run is gated by its own build, with its history and people', async ({ page, browser }) => {
  await startRun(page, 'INC-12', '1.1.614.0', 'Ana');
  await page.getByRole('checkbox', logOnTab).check();
  await page.getByRole('checkbox', newPassword).check();
  const link = await copied(page, 'Share progress');
  expect(link).toMatch(/\?run=INC-12&build=1\.1\.614\.0#share=/);

  const fresh = await freshPage(browser);
  await fresh.page.goto(link);
  await expect(fresh.page.getByRole('heading', { name: 'Shared progress of run INC-12 (read-only)' })).toBeVisible();
  await expect(progress(fresh.page)).toHaveText(/^2 of 3 steps done/);
  await expect(fresh.page.getByRole('checkbox', abandonKey)).toBeHidden();
  await expect(fresh.page.getByText('Not needed for build 1.1.614.0').first()).toBeVisible();

  await fresh.page.getByRole('button', { name: 'Continue this run in this browser' }).click();
  await expect(fresh.page.getByRole('heading', { name: 'Run INC-12' })).toBeVisible();
  await fresh.page.getByRole('textbox', { name: 'Your name, so the record says who did what' }).fill('Ben');
  await fresh.page.getByRole('button', { name: 'Save name' }).click();
  await fresh.page.getByRole('checkbox', { name: 'Open Services from the Start menu (Start → Services).' }).check();
  await expect(progress(fresh.page)).toHaveText(/^3 of 3 steps done/);
  const record = await copied(fresh.page, 'Copy for ticket');
  expect(record).toContain('Build: 1.1.614.0');
  expect(record).toMatch(/People: Ana, Ben/);

  await fresh.page.getByText(/^History \(\d+ changes\)$/).click();
  const history = fresh.page.getByRole('group').filter({ hasText: 'History' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Ana ticked “Open the properties' })).toBeVisible();
  await expect(history.getByRole('listitem').filter({ hasText: 'Ben ticked “Open Services' })).toBeVisible();
  await fresh.context.close();
});

test('changing the build mid-run keeps every done and skipped step, with its time', async ({ page }) => {
  await startRun(page, 'INC-13', '1.1.380.0');
  await page.getByRole('checkbox', { name: 'Sign in to ‹Azure AD Connect server›, the Azure AD Connect server, with an administrator account.' }).check();
  await page.getByRole('button', { name: `Skip step: ${abandonKey.name}` }).click();
  await page.getByRole('textbox', { name: 'Why skip it?' }).fill('Key was abandoned yesterday');
  await page.getByRole('button', { name: 'Skip step', exact: true }).click();
  await expect(progress(page)).toHaveText(/^1 of 20 steps done, 1 skipped/);

  // The header's build is the reader's; the run keeps its own until someone switches it.
  await page.getByRole('textbox', { name: 'Your build' }).fill('1.1.614.0');
  await expect(page.getByText('This run is for build 1.1.380.0; your build is 1.1.614.0.')).toBeVisible();
  await expect(progress(page)).toHaveText(/^1 of 20 steps done, 1 skipped/);
  await page.getByRole('button', { name: 'Switch the run to 1.1.614.0' }).click();
  // The three steps for 1.1.614.0, plus the two marked on 1.1.380.0.
  await expect(progress(page)).toHaveText(/^1 of 5 steps done, 1 skipped/);

  const record = await copied(page, 'Copy for ticket');
  expect(record).toContain('Build: 1.1.614.0');
  expect(record).toMatch(/Build changed from 1\.1\.380\.0 to 1\.1\.614\.0/);
  expect(record).toMatch(/\[done\] 1\. Sign in to .* \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  expect(record).toMatch(/\[skip\] 4\. Run the key utility with the abandon switch\. \(.*reason: Key was abandoned yesterday\)/);
  await page.getByText(/^History \(\d+ changes\)$/).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'changed the run’s build to 1.1.614.0' })).toBeVisible();
});

test('the record’s handover link shows the run’s ticks, notes and inputs in a fresh browser', async ({ page, browser }) => {
  await startRun(page, 'INC-14', '1.1.380.0');
  await enterConnectors(page, EMEA);
  await page.getByRole('textbox', { name: 'Azure AD Connect server' }).fill('aadc01.fabrikam.com');
  await page.getByRole('textbox', { name: 'Azure AD Connect server' }).press('Enter');
  await page.getByRole('checkbox', logOnTab).check();
  await page.getByRole('button', { name: `Add a note to step: ${logOnTab.name}` }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill('Service was stopped already');
  await page.getByRole('button', { name: 'Add note' }).click();
  const record = await copied(page, 'Copy for ticket');
  const link = /^Link: (.+)$/m.exec(record)![1]!;
  // A static host hands the run over in the link; the run service shares the run itself.
  expect(link).toMatch(process.env.E2E_STATIC ? /#share=/ : /\?run=INC-14&build=1\.1\.380\.0$/);
  expect(record).toContain('Service was stopped already');

  const fresh = await freshPage(browser);
  await fresh.page.goto(link);
  await expect(fresh.page.getByRole('checkbox', logOnTab)).toBeChecked();
  await expect(fresh.page.getByRole('list', { name: `Notes on step: ${logOnTab.name}` })).toContainText('Service was stopped already');
  await expect(fresh.page.getByRole('textbox', { name: 'Azure AD Connect server' })).toHaveValue('aadc01.fabrikam.com');
  await expect(fresh.page.getByRole('region', { name: `AD connectors: ${EMEA}` })).toBeVisible();
  await fresh.context.close();
});

test('a command with a run input copies with its value filled in, and says when one is missing', async ({ page }) => {
  await startRun(page, 'INC-15', '1.1.380.0');
  // The code block: the command and its Copy button.
  const block = page.locator('pre').filter({ hasText: 'cd "$env:ProgramFiles' }).locator('..');
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: /^Copied, but \{syncServer\} has no value yet/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Azure AD Connect server' }).fill('aadc01.fabrikam.com');
  await page.getByRole('textbox', { name: 'Azure AD Connect server' }).press('Enter');
  await expect(block).toContainText('# on aadc01.fabrikam.com');
  await block.getByRole('button', { name: /^Cop/ }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('# on aadc01.fabrikam.com\ncd "$env:ProgramFiles\\Microsoft Azure AD Sync\\bin"');
});

test('a downloaded run imports into a fresh browser as the same run; a broken file is refused and loses nothing', async ({ page, browser }) => {
  await startRun(page, 'INC-16', '1.1.614.0');
  await page.getByRole('checkbox', logOnTab).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download run' }).click();
  const file = await (await download).path();

  const fresh = await freshPage(browser);
  await fresh.page.goto('/runs/');
  await expect(fresh.page.getByLabel('Import run')).toBeEnabled();
  await fresh.page.getByLabel('Import run').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"runbook-run",') });
  await expect(fresh.page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('“broken.json” was not imported');
  await fresh.page.getByLabel('Import run').setInputFiles(file);
  await expect(fresh.page.getByRole('status').filter({ hasText: 'Run INC-16 was imported' })).toBeVisible();
  const row = fresh.page.getByRole('region', { name: 'Runs in this browser' }).getByRole('row').filter({ hasText: 'INC-16' });
  await expect(row).toContainText('1 of 3 done');
  await fresh.page.getByLabel('Import run').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(fresh.page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('Nothing was changed');
  await expect(row).toContainText('1 of 3 done');
  await row.getByRole('link').click();
  await expect(fresh.page.getByRole('checkbox', logOnTab)).toBeChecked();
  await fresh.context.close();
});

test('ticks on the plain checklist can be carried into a new run; a finished run is read-only until reopened', async ({ page }) => {
  await page.goto(`${PAGE}?build=1.1.614.0`);
  await page.getByRole('checkbox', logOnTab).check();
  await page.getByRole('textbox', { name: 'Ticket id' }).fill('INC-17');
  await expect(page.getByRole('checkbox', { name: 'Carry over the step already ticked or skipped here' })).toBeChecked();
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { name: 'Run INC-17' })).toBeVisible();
  await expect(page.getByRole('checkbox', logOnTab)).toBeChecked();

  await page.getByRole('button', { name: 'Finish run' }).click();
  await expect(page.getByText('The run is read-only: reopen it to change anything.')).toBeVisible();
  await expect(page.getByRole('checkbox', newPassword)).toBeDisabled();
  await page.getByRole('button', { name: 'Reopen run' }).click();
  await expect(page.getByRole('checkbox', newPassword)).toBeEnabled();
});

test('a run saved by the previous version still opens with its ticks and skips', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate((slug) => {
    const at = '2026-11-20T08:00:00.000Z';
    const run = { ticket: 'INC-OLD', slug, title: 'Change the ADSync service account password', revision: 'older', stepIds: ['open-log-on-tab', 'type-new-service-password'], startedAt: at, updatedAt: at, build: '1.1.614.0' };
    const state = {
      version: 1,
      steps: { 'open-log-on-tab': { doneAt: at } },
      skipped: { 'type-new-service-password': { at, reason: 'Done by the night shift' } },
      log: [
        { at, step: 'open-log-on-tab', action: 'done' },
        { at, step: 'type-new-service-password', action: 'skipped', reason: 'Done by the night shift' },
      ],
      run,
    };
    localStorage.setItem(`runbook:run:${slug}:INC-OLD`, JSON.stringify(state));
  }, SLUG);
  await page.goto(`${PAGE}?run=INC-OLD`);
  await expect(page.getByRole('checkbox', logOnTab)).toBeChecked();
  await expect(page.getByText('Skipped: Done by the night shift')).toBeVisible();
  await expect(progress(page)).toHaveText(/^1 of 3 steps done, 1 skipped/);
});
