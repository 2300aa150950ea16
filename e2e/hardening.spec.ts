import { expect, PROCEDURES, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Input meant to break things: markup, script URLs, very long text, broken escapes, regex syntax. */
const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '%E0%A4%A',
  '%',
  '%00%FF',
  '.*(a+)+$[](){}\\',
  '\u202Eevil\u0000',
  'x'.repeat(10_000),
];

/** Encoded for the URL, except the broken escapes, which go in as they are. */
const encode = (value: string) => (/^%/.test(value) ? value : encodeURIComponent(value));

async function expectIntact(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test.describe('hostile URLs get a message or are ignored, and nothing runs or breaks', () => {
  const PAGE = '/procedures/change-sync-service-account-password/';
  for (const [name, url] of [
    ['?q=', (value: string) => `/search/?q=${encode(value)}`],
    ['?build=', (value: string) => `${PAGE}?build=${encode(value)}`],
    ['?run=', (value: string) => `${PAGE}?run=${encode(value)}`],
    ['#share=', (value: string) => `${PAGE}?run=INC-1#share=${encode(value)}`],
    ['#step-id', (value: string) => `${PAGE}#${encode(value)}`],
    ['the path', (value: string) => `/procedures/${encode(value).slice(0, 2000)}/`],
  ] as const) {
    test(name, async ({ page, problems }) => {
      test.setTimeout(60_000);
      for (const value of HOSTILE) {
        const target = url(value);
        const response = await page.goto(target);
        if (name === 'the path' && response && response.status() >= 400 && response.status() !== 404) {
          // A path that is not valid UTF-8, or holds a NUL, never reaches the portal: the static server refuses
          // it with its own error page (400, or 500 from serve for a NUL). No script may run; the reports that
          // page causes (its status, its blocked inline style, its missing favicon) are expected.
          expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
          const fromThisPage = problems.filter((problem) => problem.includes(`(${page.url()})`) || problem.includes('/favicon.ico)'));
          problems.splice(0, problems.length, ...problems.filter((problem) => !fromThisPage.includes(problem)));
          continue;
        }
        await expectIntact(page);
        if (name !== '?q=' && name !== 'the path') {
          // The checklist still works.
          const step = page.getByRole('checkbox', { name: 'Open the properties of Microsoft Azure AD Sync and switch to the Log On tab.' });
          await step.check();
          await step.uncheck();
        }
      }
    });
  }
});

test('the site is served with a strict Content Security Policy that every page keeps to', async ({ page }) => {
  for (const path of ['/', ...PROCEDURES.map((slug) => `/procedures/${slug}/`), '/search/?q=6000', '/symptoms/', '/runs/', '/procedures/nope/']) {
    const response = await page.goto(path);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'sha256-");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const headers = await response!.allHeaders();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    // A blocked script or style is a console error, which fails the test in the fixture; and the page must work.
    await expectIntact(page);
  }
});

test.describe('storage faults', () => {
  test('storage that refuses to write (quota exceeded) is reported, ticks still work, other runs are untouched', async ({ page }) => {
    await page.goto('/symptoms/');
    await page.evaluate(() => localStorage.setItem('runbook:run:update-ad-ds-account-password:INC-KEEP', JSON.stringify({ keep: true })));
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto('/procedures/update-ad-ds-account-password/');
    const step = page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' });
    await step.check();
    await expect(step).toBeChecked();
    await expect(page.getByRole('alert').filter({ hasText: 'not letting the portal save your ticks' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'steps done' })).toHaveText('1 of 11 steps done');
    expect(await page.evaluate(() => localStorage.getItem('runbook:run:update-ad-ds-account-password:INC-KEEP'))).toBe('{"keep":true}');
  });

  test('a browser where storage cannot be reached at all (private mode) still shows and ticks the checklist', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto('/procedures/update-ad-ds-account-password/?build=1.1.380.0');
    const step = page.getByRole('checkbox', { name: 'Switch to the Connectors tab.' });
    await step.check();
    await expect(step).toBeChecked();
    await expect(page.getByRole('alert').filter({ hasText: 'not letting the portal save your ticks' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Your build' }).fill('1.1.614.0');
    await expect(page.getByRole('alert').filter({ hasText: 'will not save the build' })).toBeVisible();
  });

  test('two tabs ticking different steps of the same run at the same moment lose neither tick', async ({ context }) => {
    const url = '/procedures/update-ad-ds-account-password/?run=INC-RACE';
    const [first, second] = [await context.newPage(), await context.newPage()];
    await Promise.all([first.goto(url), second.goto(url)]);
    const names = ['Switch to the Connectors tab.', 'In the Actions pane, choose Properties.', 'Select OK to store the password and close the dialog.'];
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        first.getByRole('checkbox', { name: names[round]! }).check(),
        second.getByRole('checkbox', { name: /^Open Synchronization Service Manager|^In the properties dialog|^Type the AD DS account/ }).nth(round).check(),
      ]);
    }
    await first.reload();
    await expect(first.getByRole('status').filter({ hasText: 'steps done' })).toContainText('6 of 11 steps done');
    await expect(second.getByRole('status').filter({ hasText: 'steps done' })).toContainText('6 of 11 steps done');
  });
});
