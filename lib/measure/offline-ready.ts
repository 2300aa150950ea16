import { chromium } from '@playwright/test';
import { OFFLINE_COPY_URL, OFFLINE_META_CACHE } from '../offline/cache-plan';

/**
 * Milliseconds from the start of a first visit to `url` until the service worker has saved its
 * copy of the site, that is until the portal works with no network, in a fresh Chromium profile.
 */
export async function timeUntilReadyOffline(url: string, executablePath: string): Promise<number> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    // A string, not a function: tsx would wrap a function with a helper the page does not have.
    return await page.evaluate<number>(
      `new Promise((resolve) => {
        const check = () => caches.match(${JSON.stringify(OFFLINE_COPY_URL)}, { cacheName: ${JSON.stringify(OFFLINE_META_CACHE)} })
          .then((saved) => (saved ? resolve(performance.now()) : setTimeout(check, 20)));
        check();
      })`,
    );
  } finally {
    await browser.close();
  }
}
