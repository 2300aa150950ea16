import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGE = '/procedures/change-sync-service-account-password/';
const logOnTab = { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' };
const newPassword = { name: "Type the account's new password into Password and Confirm password, then select OK." };

const sharing = (page: Page) => page.getByRole('status', { name: 'Sharing' });
const progress = (page: Page) => page.getByRole('status').filter({ hasText: 'steps done' });

/** A person on their own machine, with their name given once. */
async function person(browser: Browser, name: string, url: string): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript((given) => localStorage.setItem('runbook:name', given), name);
  const page = await context.newPage();
  await page.goto(url);
  await expect(sharing(page)).toHaveText('Shared · synced');
  return page;
}

test.describe('runs shared through the run service', () => {
  test.skip(Boolean(process.env.E2E_STATIC), 'a plain static host has no run service');

  test('two people tick one run from two machines and each sees the other’s tick; a third opens the record’s link and sees it all', async ({ browser }) => {
    const url = `${PAGE}?run=INC-SHARED-1&build=1.1.614.0`;
    const ana = await person(browser, 'Ana', url);
    const ben = await person(browser, 'Ben', url);

    await ana.getByRole('checkbox', logOnTab).check();
    await expect(ben.getByRole('checkbox', logOnTab)).toBeChecked();
    await ben.getByRole('checkbox', newPassword).check();
    await expect(ana.getByRole('checkbox', newPassword)).toBeChecked();
    await expect(progress(ana)).toHaveText(/^2 of 3 steps done/);
    await expect(progress(ben)).toHaveText(/^2 of 3 steps done/);

    await ana.getByRole('button', { name: 'Copy for ticket' }).click();
    await expect(ana.getByText('Record copied')).toBeVisible();
    const record = await ana.evaluate(() => navigator.clipboard.readText());
    const link = /^Link: (.+)$/m.exec(record)![1]!;
    // On the run service the record links to the shared run itself, not to a copy in the link.
    expect(link).toMatch(/\?run=INC-SHARED-1&build=1\.1\.614\.0$/);
    expect(record).toContain('People: Ana, Ben');

    const cara = await person(browser, 'Cara', link);
    await expect(cara.getByRole('checkbox', logOnTab)).toBeChecked();
    await expect(cara.getByRole('checkbox', newPassword)).toBeChecked();
    await expect(progress(cara)).toHaveText(/^2 of 3 steps done/);
    await cara.getByText(/^History \(\d+ changes\)$/).click();
    await expect(cara.getByRole('listitem').filter({ hasText: 'Ben ticked “Type the account' })).toBeVisible();

    await cara.goto('/runs/');
    const row = cara.getByRole('region', { name: 'Runs on this server' }).getByRole('row').filter({ hasText: 'INC-SHARED-1' });
    await expect(row).toContainText('2 of 3 done');
    await expect(row).toContainText('Ana, Ben');
  });

  test('ticks made offline wait in a queue and arrive once the network is back', async ({ browser }) => {
    const url = `${PAGE}?run=INC-SHARED-2&build=1.1.380.0`;
    const ana = await person(browser, 'Ana', url);
    const ben = await person(browser, 'Ben', url);
    await ana.getByRole('checkbox', logOnTab).check();
    await expect(progress(ben)).toHaveText(/^1 of 20 steps done/);

    await ana.context().setOffline(true);
    for (const name of [newPassword.name, 'Open a new PowerShell window.', "Change to the sync engine's program folder."]) {
      await ana.getByRole('checkbox', { name }).check();
    }
    await expect(sharing(ana)).toHaveText('Offline · 3 changes waiting');
    await expect(progress(ana)).toHaveText(/^4 of 20 steps done/);
    await expect(progress(ben)).toHaveText(/^1 of 20 steps done/);

    await ana.context().setOffline(false);
    await expect(sharing(ana)).toHaveText('Shared · synced', { timeout: 20_000 });
    await expect(progress(ben)).toHaveText(/^4 of 20 steps done/);
    await ben.reload();
    await expect(progress(ben)).toHaveText(/^4 of 20 steps done/);
    // Each arrived once.
    await ben.getByText(/^History \(\d+ changes\)$/).click();
    await expect(ben.getByRole('listitem').filter({ hasText: 'Ana ticked “Open a new PowerShell window' })).toHaveCount(1);
  });

  test('a change the server refuses is set aside and shown, and the changes after it keep arriving', async ({ browser }) => {
    const url = `${PAGE}?run=INC-SHARED-3&build=1.1.614.0`;
    const ana = await person(browser, 'Ana', url);
    const ben = await person(browser, 'Ben', url);
    // The service refuses Ana's tick of the Log On step, as it would an event it cannot store, and takes the rest.
    await ana.route('**/api/runs/*/*/events', async (route) => {
      const body = route.request().postDataJSON() as { events: { id: string; type: string; step?: string }[] } | null;
      const refused = body?.events.findIndex((event) => event.type === 'tick' && event.step === 'open-log-on-tab') ?? -1;
      if (route.request().method() !== 'POST' || !body || refused < 0) return route.fallback();
      const rest = body.events.filter((_, index) => index !== refused);
      const answer = rest.length > 0 ? await (await route.fetch({ postData: JSON.stringify({ events: rest }) })).json() : { added: [], cursor: 0 };
      await route.fulfill({ json: { ...answer, refused: [{ index: refused, id: body.events[refused]!.id, error: 'event x: "step" is not a step of this procedure' }] } });
    });
    await ana.getByRole('checkbox', logOnTab).check();
    const refused = ana.getByRole('alert').filter({ hasText: 'refused by the server' });
    await expect(refused).toHaveText('1 change was refused by the server: event x: "step" is not a step of this procedure. It is kept in this browser’s record only.');
    await expect(sharing(ana)).toHaveText('Shared · synced');
    await ana.getByRole('checkbox', newPassword).check();
    await expect(ben.getByRole('checkbox', newPassword)).toBeChecked();
    await expect(ben.getByRole('checkbox', logOnTab)).not.toBeChecked();
    // Ana's own record keeps the refused tick, and it stays shown after a reload.
    await ana.reload();
    await expect(ana.getByRole('checkbox', logOnTab)).toBeChecked();
    await expect(refused).toContainText('1 change was refused by the server');
  });

  test('a page older than the service says it is out of date instead of synced, and sends once reloaded', async ({ browser }) => {
    const url = `${PAGE}?run=INC-SHARED-4&build=1.1.614.0`;
    const ben = await person(browser, 'Ben', url);
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('runbook:name', 'Ana'));
    const ana = await context.newPage();
    await ana.route('**/api/service.json', (route) => route.fulfill({ json: { service: true, protocol: 99, token: false, identity: null } }));
    await ana.goto(url);
    await expect(sharing(ana)).toHaveText('This page is out of date: reload to keep syncing');
    await ana.getByRole('checkbox', logOnTab).check();
    await expect(sharing(ana)).toHaveText('This page is out of date: reload to keep syncing');
    await expect(ben.getByRole('checkbox', logOnTab)).not.toBeChecked();

    // The new page speaks the service's protocol: what waited is sent.
    await ana.unroute('**/api/service.json');
    await ana.reload();
    await expect(sharing(ana)).toHaveText('Shared · synced');
    await expect(ben.getByRole('checkbox', logOnTab)).toBeChecked();
  });

  test('opening a run again sends the service nothing it already has', async ({ browser }) => {
    const url = `${PAGE}?run=INC-SHARED-5&build=1.1.380.0`;
    const ana = await person(browser, 'Ana', url);
    for (const name of [logOnTab.name, newPassword.name, 'Open a new PowerShell window.']) await ana.getByRole('checkbox', { name }).check();
    await expect(sharing(ana)).toHaveText('Shared · synced');
    const appends: string[] = [];
    ana.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/runs/')) appends.push(request.url());
    });
    await ana.reload();
    await expect(sharing(ana)).toHaveText('Shared · synced');
    await expect(progress(ana)).toHaveText(/^3 of 20 steps done/);
    // A second tab of the same browser opens it too.
    const tab = await ana.context().newPage();
    await tab.goto(url);
    await expect(sharing(tab)).toHaveText('Shared · synced');
    expect(appends).toEqual([]);
    await tab.getByRole('checkbox', { name: "Change to the sync engine's program folder." }).check();
    await expect(progress(ana)).toHaveText(/^4 of 20 steps done/);
  });
});

test('on a plain static host a run says it is kept in this browser', async ({ page }) => {
  test.skip(!process.env.E2E_STATIC, 'served by the run service, runs are shared');
  await page.goto(`${PAGE}?run=INC-LOCAL`);
  await expect(page.getByText('Kept in this browser only')).toBeVisible();
  await page.getByRole('checkbox', logOnTab).check();
  await page.reload();
  await expect(page.getByRole('checkbox', logOnTab)).toBeChecked();
});
