import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const PAGE = '/procedures/update-ad-ds-account-password/';
const connectors = { name: 'Switch to the Connectors tab.' };
const properties = { name: 'In the Actions pane, choose Properties.' };
/** A static host hands a run over inside the record's link; the run service shares the run itself, so its link is plain. */
const HANDOVER = process.env.E2E_STATIC ? '#share=[\\w-]+' : '';

async function startRun(page: Page, ticket: string) {
  await page.goto(PAGE);
  await page.getByRole('textbox', { name: 'Ticket id' }).fill(ticket);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { name: `Run ${ticket}` })).toBeVisible();
}

test('two runs of one procedure keep separate ticks, apart from the plain checklist', async ({ page }) => {
  await startRun(page, 'INC-1');
  await page.getByRole('checkbox', connectors).check();
  await startRun(page, 'INC-2');
  await expect(page.getByRole('checkbox', connectors)).not.toBeChecked();
  await page.getByRole('checkbox', properties).check();

  await page.goto(`${PAGE}?run=INC-1`);
  await expect(page.getByRole('checkbox', connectors)).toBeChecked();
  await expect(page.getByRole('checkbox', properties)).not.toBeChecked();
  await page.goto(PAGE);
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText('0 of 11 steps done');
  const runs = page.getByRole('region', { name: 'Work this for a ticket' });
  await expect(runs.getByRole('link', { name: 'INC-1' })).toBeVisible();
  await expect(runs.getByRole('link', { name: 'INC-2' })).toBeVisible();
});

test('/runs/ lists every run with its progress; runs can be finished, reopened and deleted', async ({ page }) => {
  await startRun(page, 'CHG-7');
  await page.getByRole('checkbox', connectors).check();
  await page.getByRole('checkbox', properties).check();
  await startRun(page, 'INC-8');
  await page.getByRole('checkbox', connectors).check();

  await page.getByRole('link', { name: 'Runs', exact: true }).click();
  const table = page.getByRole('region', { name: 'Runs in this browser' });
  const row = (ticket: string) => table.getByRole('row').filter({ hasText: ticket });
  await expect(row('CHG-7')).toContainText('2 of 11 done');
  await expect(row('INC-8')).toContainText('1 of 11 done');
  await expect(row('CHG-7').getByRole('link')).toHaveText('Update the AD DS connector account password');

  await row('CHG-7').getByRole('button', { name: /^Finish run CHG-7/ }).click();
  await expect(row('CHG-7')).toContainText('finished');
  await row('CHG-7').getByRole('button', { name: /^Reopen run CHG-7/ }).click();
  await expect(row('CHG-7')).not.toContainText('finished');

  await row('INC-8').getByRole('button', { name: /^Delete run INC-8/ }).click();
  await page.getByRole('group', { name: /Confirm deleting run INC-8/ }).getByRole('button', { name: 'Cancel' }).click();
  await expect(row('INC-8')).toBeVisible();
  await row('INC-8').getByRole('button', { name: /^Delete run INC-8/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row('INC-8')).toHaveCount(0);
  await page.reload();
  await expect(row('CHG-7')).toBeVisible();
  await expect(row('INC-8')).toHaveCount(0);
});

test('a skip with its reason shows in the ticket summary', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startRun(page, 'INC-2041');
  await page.getByRole('checkbox', connectors).check();
  await page.getByRole('button', { name: 'Skip step: Select the AD connector ‹AD connectors›.' }).click();
  await page.getByRole('textbox', { name: 'Why skip it?' }).fill('Only one connector on this server');
  await page.getByRole('button', { name: 'Skip step', exact: true }).click();
  await expect(page.getByText('Skipped: Only one connector on this server')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toContainText('1 of 11 steps done, 1 skipped');

  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(page.getByText('Record copied')).toBeVisible();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain('Procedure: Update the AD DS connector account password');
  expect(summary).toMatch(new RegExp(`Link: http://[^/]+/procedures/update-ad-ds-account-password/\\?run=INC-2041${HANDOVER}\n`));
  expect(summary).toContain('Ticket: INC-2041');
  expect(summary).toMatch(/Started: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}/);
  expect(summary).toMatch(/\[done\] 2\. Switch to the Connectors tab\. \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  expect(summary).toMatch(/\[skip\] 3\. Select the AD connector \{connectors\}\. \(.*; reason: Only one connector on this server\)/);
  expect(summary).toContain('Progress: 1 of 11 steps done, 1 skipped, 9 open');
  expect(summary).toContain('Open: Give the connector the new password 1., 4., 5., 6., 7., 8.1., 8.2.; Confirm that sync works again 1., 2.');

  await page.getByText(/^History \(\d+ changes\)$/).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'skipped “Select the AD connector' })).toContainText('Only one connector on this server');
});

test('the summary link carries a build that was only saved in this browser', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PAGE);
  await page.getByRole('textbox', { name: 'Your build' }).fill('1.1.380.0');
  // A build typed while the page boots is saved when it has booted, as the enabled steps show; leaving sooner loses it.
  await expect(page.getByRole('checkbox', connectors)).toBeEnabled();
  await startRun(page, 'INC-9');
  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(page.getByText('Record copied')).toBeVisible();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toMatch(new RegExp(`Link: http://[^/]+/procedures/update-ad-ds-account-password/\\?run=INC-9&build=1\\.1\\.380\\.0${HANDOVER}\n`));
  expect(summary).toContain('Build: 1.1.380.0');
});

test('a share link shows the same ticks read-only in a fresh browser, and the run can be continued there', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startRun(page, 'INC-77');
  await page.getByRole('checkbox', connectors).check();
  await page.getByRole('checkbox', properties).check();
  await page.getByRole('button', { name: 'Share progress' }).click();
  await expect(page.getByText('Handover link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?run=INC-77#share=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (error) => errors.push(error.message));
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Shared progress of run INC-77 (read-only)' })).toBeVisible();
  await expect(other.getByRole('checkbox', connectors)).toBeChecked();
  await expect(other.getByRole('checkbox', connectors)).toBeDisabled();
  await expect(other.getByRole('checkbox', properties)).toBeChecked();

  await other.getByRole('button', { name: 'Continue this run in this browser' }).click();
  await expect(other.getByRole('heading', { name: 'Run INC-77' })).toBeVisible();
  await expect(other).toHaveURL(/\?run=INC-77$/);
  await expect(other.getByRole('checkbox', connectors)).toBeChecked();
  await expect(other.getByRole('checkbox', connectors)).toBeEnabled();
  await other.getByRole('checkbox', { name: /Select the AD connector/ }).check();
  await expect(other.getByRole('status').filter({ hasText: 'steps done' })).toContainText('3 of 11 steps done');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('an invalid run id gets a message and the plain checklist keeps working', async ({ page }) => {
  await page.goto(`${PAGE}?run=${encodeURIComponent('INC 42/<b>x</b>')}`);
  await expect(page.getByRole('alert').filter({ hasText: 'is not a ticket id' })).toContainText('INC 42/<b>x</b>');
  await page.getByRole('checkbox', connectors).check();
  await page.goto(PAGE);
  await expect(page.getByRole('checkbox', connectors)).toBeChecked();
});

test('a corrupted share fragment gets a message and breaks nothing', async ({ page }) => {
  for (const fragment of ['share=eyJ2ZXJzaW9uIjox', 'share=%%%', 'share=' + 'A'.repeat(10_000)]) {
    await page.goto(`${PAGE}?run=INC-5#${fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: 'damaged or incomplete' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Run INC-5' })).toBeVisible();
    await page.getByRole('checkbox', connectors).check();
    await expect(page.getByRole('checkbox', connectors)).toBeChecked();
    await page.getByRole('checkbox', connectors).uncheck();
  }
});

test('a run started on an older revision says which steps were added and removed', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate(() => {
    const at = new Date().toISOString();
    const run = {
      ticket: 'INC-OLD',
      slug: 'update-ad-ds-account-password',
      title: 'Update the AD DS connector account password',
      revision: 'older',
      stepIds: ['open-sync-service-manager', 'open-connectors-tab', 'a-step-since-removed'],
      startedAt: at,
      updatedAt: at,
    };
    const steps = { 'open-connectors-tab': { doneAt: at }, 'a-step-since-removed': { doneAt: at } };
    localStorage.setItem('runbook:run:update-ad-ds-account-password:INC-OLD', JSON.stringify({ version: 1, steps, run }));
  });
  await page.goto(`${PAGE}?run=INC-OLD`);
  const notice = page.getByRole('alert').filter({ hasText: 'This procedure has changed since the run started' });
  await expect(notice).toContainText('Added: Select the AD connector ‹AD connectors›.;');
  await expect(notice).toContainText("Removed: a-step-since-removed (their ticks stay in the run’s record)");
  await expect(page.getByRole('checkbox', connectors)).toBeChecked();
});

test('rows keep their places after Finish, Reopen and Delete, and the focus stays on what is left', async ({ page }) => {
  for (const ticket of ['CHG-31', 'CHG-32', 'CHG-33']) {
    await startRun(page, ticket);
    await page.getByRole('checkbox', connectors).check();
  }
  await page.goto('/runs/');
  const table = page.getByRole('region', { name: 'Runs in this browser' });
  const rows = table.getByRole('row').filter({ hasText: /CHG-3\d/ });
  await expect(rows).toHaveText([/CHG-33/, /CHG-32/, /CHG-31/]);

  await table.getByRole('button', { name: /^Finish run CHG-31 / }).click();
  await expect(table.getByRole('button', { name: /^Reopen run CHG-31 / })).toBeFocused();
  await expect(rows).toHaveText([/CHG-33/, /CHG-32/, /CHG-31.*finished/]);
  await table.getByRole('button', { name: /^Reopen run CHG-31 / }).click();
  await expect(rows).toHaveText([/CHG-33/, /CHG-32/, /CHG-31/]);
  await expect(rows.last()).not.toContainText('finished');

  await table.getByRole('button', { name: /^Delete run CHG-32 / }).click();
  await expect(table.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await table.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { name: '2 runs' })).toBeFocused();
  await expect(rows).toHaveText([/CHG-33/, /CHG-31/]);
});

test('the table of runs fits a 1366 px screen without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  for (const ticket of ['CHG-41', 'CHG-42']) {
    await startRun(page, ticket);
    await page.getByRole('checkbox', connectors).check();
  }
  await page.goto('/runs/');
  const table = page.getByRole('region', { name: 'Runs in this browser' });
  await expect(table.getByRole('row').filter({ hasText: /CHG-4\d/ })).toHaveCount(2);
  const edge = await table.evaluate((region) => region.getBoundingClientRect().right);
  for (const ticket of ['CHG-41', 'CHG-42']) {
    const box = (await table.getByRole('button', { name: new RegExp(`^Delete run ${ticket} `) }).boundingBox())!;
    expect(box.x + box.width, ticket).toBeLessThanOrEqual(edge);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
