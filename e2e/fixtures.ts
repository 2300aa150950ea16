import { expect, test as base, type Page } from '@playwright/test';

/** The procedures design.md promises, by slug. */
export const PROCEDURES = [
  'update-ad-ds-account-password',
  'reset-azure-ad-connector-account',
  'change-sync-service-account-password',
] as const;

/**
 * Every test fails on a page error, a console error or warning (React's
 * hydration mismatches among them), or a dialog the test did not expect.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          // A page that is itself a 404 (the not-found page) logs its own status; anything else that 404s is a problem.
          const ownStatus = message.text().includes('status of 404') && message.location().url === page.url();
          // The suite blocks the service worker outside e2e/offline.spec.ts; Playwright says so in the console.
          const workerBlocked = message.text().startsWith('Service Worker registration blocked by Playwright');
          if ((message.type() === 'error' || message.type() === 'warning') && !ownStatus && !workerBlocked) {
            problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
          }
        });
        page.on('dialog', (dialog) => {
          problems.push(`dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      expect(problems, 'the page reported problems').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Holds back the page's scripts, so the test can act on the page as it is before it boots, as an
 * admin on a slow line would. Call the returned function to let them through.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * The icons shown on the page, each with whether it is drawn: one whose shape did not load from the
 * site's icon file (missing, blocked, not saved offline) is an empty box.
 */
export function shownIcons(page: Page) {
  return page.locator('svg:has(> use)').evaluateAll((icons) =>
    icons
      .filter((icon) => icon.checkVisibility())
      .map((icon) => {
        const box = icon.querySelector('use')!.getBBox();
        return { href: icon.querySelector('use')!.getAttribute('href'), drawn: box.width > 0 && box.height > 0 };
      }),
  );
}

export { expect };
