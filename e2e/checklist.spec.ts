import { expect, holdScripts, test } from './fixtures';

const PAGE = '/procedures/update-ad-ds-account-password/';
const STORAGE_KEY = 'runbook:events:update-ad-ds-account-password';
const LEGACY_KEY = 'runbook:checklist:update-ad-ds-account-password';

test('ticks survive a reload, each with the time it was made', async ({ page }) => {
  await page.goto(PAGE);
  const open = page.getByRole('checkbox', { name: 'Open Synchronization Service Manager from the Start menu (Start → Synchronization Service).' });
  const connectors = page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' });
  await open.check();
  await connectors.check();
  await expect(page.getByRole('status')).toHaveText('2 of 11 steps done');

  await page.reload();
  await expect(open).toBeChecked();
  await expect(connectors).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Select the AD connector/ })).not.toBeChecked();
  await expect(page.getByRole('status')).toHaveText('2 of 11 steps done');
  const times = page.locator('#open-sync-service-manager time, #open-connectors-tab time');
  await expect(times).toHaveCount(2);
  // The same format as the run panel and the record: local time with its zone.
  await expect(times.first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}$/);
});

test('a second tab sees a tick made in the first without reloading', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(PAGE);
  await second.goto(PAGE);
  const step = (page: typeof first) => page.getByRole('checkbox', { name: /Restart the sync service so that it forgets/ });
  await expect(step(second)).not.toBeChecked();

  // A step with sub-steps: ticking it ticks both of them.
  await step(first).check();
  await expect(step(second)).toBeChecked();
  await expect(second.getByRole('status')).toHaveText('2 of 11 steps done');

  await step(second).uncheck();
  await expect(step(first)).not.toBeChecked();
});

test('steps can be ticked with the keyboard alone', async ({ page }) => {
  await page.goto(PAGE);
  const first = page.getByRole('checkbox', { name: /Open Synchronization Service Manager/ });
  await expect(page.getByRole('status')).toHaveText('0 of 11 steps done');
  // Tab skips a disabled box, and the boxes are disabled until the page has booted.
  await expect(first).toBeEnabled();
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    if (await first.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  // The next step's checkbox is two Tabs on: the step's copy-link control comes between.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Copy link to step: Open Synchronization Service Manager/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status')).toHaveText('2 of 11 steps done');
});

test('reset asks first, then unticks everything', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
  await page.getByRole('button', { name: 'Reset checklist' }).click();
  await page.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeChecked();

  await page.getByRole('button', { name: 'Reset checklist' }).click();
  await page.getByRole('button', { name: 'Untick all' }).click();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).not.toBeChecked();
  await expect(page.getByRole('status')).toHaveText('0 of 11 steps done');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).not.toBeChecked();
});

test('garbage in storage is set aside and reported, and ticking still works', async ({ page }) => {
  // Written from a page without a checklist, so no checklist can repair it before the procedure opens.
  await page.goto('/symptoms/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"events":[oops'), STORAGE_KEY);
  await page.goto(PAGE);
  const notice = page.getByRole('alert').filter({ hasText: 'Saved progress could not be read' });
  await expect(notice).toBeVisible();
  // Nothing is thrown away: the value as it was is kept beside, under a key the notice names.
  const keptAs = /kept under (runbook:unreadable:\S+)\.$/.exec((await notice.textContent())!)![1]!;
  expect(await page.evaluate((key) => localStorage.getItem(key), keptAs)).toBe('{"version":2,"events":[oops');

  await page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' }).check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeChecked();
  await expect(notice).toHaveCount(0);
});

test('ticks on steps the procedure no longer has are reported, not dropped', async ({ page }) => {
  await page.goto('/symptoms/');
  await page.evaluate((key) => {
    const doneAt = new Date().toISOString();
    localStorage.setItem(key, JSON.stringify({ version: 1, steps: { 'open-connectors-tab': { doneAt }, 'a-removed-step': { doneAt } } }));
  }, LEGACY_KEY);
  await page.goto(PAGE);
  const notice = page.getByRole('alert').filter({ hasText: 'One ticked or skipped step is no longer on this page' });
  await expect(notice).toContainText('a-removed-step');
  await expect(page.getByRole('status')).toHaveText('1 of 11 steps done');
  await page.getByRole('checkbox', { name: /Select the AD connector/ }).check();
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), STORAGE_KEY);
  const ticked = saved.events.filter((event: { type: string }) => event.type === 'tick').map((event: { step: string }) => event.step);
  expect(ticked.sort()).toEqual(['a-removed-step', 'open-connectors-tab', 'select-ad-connector']);
});

test('a link to a step scrolls to it and highlights it', async ({ page }) => {
  await page.goto(`${PAGE}#restart-sync-service`);
  const step = page.locator('#restart-sync-service');
  await expect(step).toBeInViewport();
  const background = (id: string) => page.locator(id).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('#restart-sync-service')).not.toEqual(await background('#open-connectors-tab'));
});

test('a step cannot be ticked before the page has booted, so no tick is silently lost', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  const step = page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' });
  await expect(step).toBeVisible();
  await expect(step).toBeDisabled();

  release();
  await expect(step).toBeEnabled();
  await step.check();
  await expect(page.getByRole('status')).toHaveText(/^1 of \d+ steps done$/);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeChecked();
});
