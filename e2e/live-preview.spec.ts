import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * An author's view: `next dev` on a copy of the content, edited while it runs.
 * Its own port, beside the served site's; dev pages log freely, so this spec
 * does not use the suite's console watch.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const BASE = `http://127.0.0.1:${PORT}`;
const PAGE = `${BASE}/procedures/update-ad-ds-account-password/`;
const REPORT_URL = 'https://tracker.example/runbooks/issues/new?title={title}&body={body}';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let dir: string;
let server: ChildProcess;
let log = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(tmpdir(), 'live-content-'));
  cpSync('e2e/content', dir, { recursive: true });
  writeFileSync(path.join(dir, 'portal.yaml'), `reportUrl: ${REPORT_URL}\n`);
  server = spawn('node_modules/.bin/next', ['dev', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await expect(async () => expect((await fetch(`${BASE}/`)).status).toBe(200)).toPass({ timeout: 150_000 });
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
  rmSync(dir, { recursive: true, force: true });
});

function edit(file: string, from: string, to: string) {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  expect(text, `${file} holds the text to edit`).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

/** Reloads until the page shows what was saved. */
async function showsAfterReload(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

test('an edit to a procedure and to a shared step shows on the next reload', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toBeVisible({ timeout: 60_000 });

  edit('update-ad-ds-account-password.mdx', 'so that it forgets the old password', 'so that it drops the old password');
  await showsAfterReload(page, () => expect(page.getByRole('checkbox', { name: /so that it drops the old password/ })).toBeVisible());

  edit('shared/enter-ad-ds-password.mdx', 'Switch to the **Connectors** tab.', 'Open the **Connectors** tab.');
  await showsAfterReload(page, () => expect(page.getByRole('checkbox', { name: 'Open the Connectors tab.' })).toBeVisible());
  await expect(page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' })).toHaveCount(0);
});

test('a broken file shows its file, line and fix in the browser and the terminal, and the page recovers once it is fixed', async ({ page }) => {
  // The line the field stands on in the test content, so that adding a field above it breaks nothing here.
  const line = readFileSync('e2e/content/update-ad-ds-account-password.mdx', 'utf8').split('\n').findIndex((text) => text.startsWith('lastReviewed:')) + 1;
  const problem = `update-ad-ds-account-password.mdx:${line}: unknown field "lastReviewd"`;
  const fix = 'fix: did you mean "lastReviewed"? Rename it, or remove it';
  log = '';
  edit('update-ad-ds-account-password.mdx', 'lastReviewed: 2026-11-22', 'lastReviewd: 2026-11-22');
  await page.goto(PAGE);
  await expect(page.getByText(problem).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(fix).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/authoring-tools-dev-error.png' });
  await expect.poll(() => log).toContain(problem);
  expect(log).toContain(fix);

  edit('update-ad-ds-account-password.mdx', 'lastReviewd: 2026-11-22', 'lastReviewed: 2026-11-22');
  await showsAfterReload(page, () => expect(page.getByRole('heading', { level: 1 })).toHaveText('Update the AD DS connector account password'));
  await expect(page.getByText(problem)).toHaveCount(0);
});

test('"Report a problem" opens the tracker with the procedure, the step, its link, the build and the revision filled in', async ({ page }) => {
  await page.goto(`${PAGE}?build=1.1.380.0&run=INC-42`);
  const report = page.getByRole('link', { name: "Report a problem with step: Type the AD DS account's current password into the Password box." });
  await expect(report).toHaveAttribute('href', /^https:\/\/tracker\.example\//);
  // The link in the report is absolute, with the reader's build, once the page has booted.
  await expect(page.getByRole('checkbox', { name: "Type the AD DS account's current password into the Password box." })).toBeEnabled();
  const url = new URL((await report.getAttribute('href'))!);
  expect(url.origin + url.pathname).toBe('https://tracker.example/runbooks/issues/new');
  expect(url.searchParams.get('title')).toBe(
    `Problem in "Update the AD DS connector account password", step "Type the AD DS account's current password into the Password…"`,
  );
  const body = url.searchParams.get('body')!;
  expect(body).toContain('Procedure: Update the AD DS connector account password\n');
  expect(body).toContain("Step: Type the AD DS account's current password into the Password box.\n");
  // The link keeps the reader's build and leaves the ticket of the run out.
  expect(body).toContain(`Link: ${PAGE}?build=1.1.380.0#type-ad-ds-password\n`);
  expect(body).toContain('Build: 1.1.380.0\n');
  expect(body).toMatch(/Revision: [0-9a-f]{10}\n/);
  await expect(report).toHaveAttribute('target', '_blank');

  const whole = page.getByRole('link', { name: 'Report a problem with this procedure' });
  const wholeBody = new URL((await whole.getAttribute('href'))!).searchParams.get('body')!;
  expect(wholeBody).toContain(`Link: ${PAGE}?build=1.1.380.0\n`);
  expect(wholeBody).not.toContain('Step:');
});
