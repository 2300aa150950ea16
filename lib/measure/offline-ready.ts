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
    return await page.evaluate(
      ({ key, cacheName }) =>
        new Promise<number>((resolve) => {
          const check = async () => {
            if (await caches.match(key, { cacheName })) resolve(performance.now());
            else setTimeout(check, 20);
          };
          void check();
        }),
      { key: OFFLINE_COPY_URL, cacheName: OFFLINE_META_CACHE },
    );
  } finally {
    await browser.close();
  }
}
