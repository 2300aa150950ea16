import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/** Where the suite serves the site; E2E_PORT moves it, so two checkouts can test side by side. */
const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * The suite runs against the run service (`npm start`), with runs in a fresh PGlite folder; with
 * E2E_STATIC=1, against a plain static server, as on any static host.
 */
const STATIC = Boolean(process.env.E2E_STATIC);

/** The browser to drive: $CHROMIUM_PATH, then Debian's chromium, then Playwright's own if one is installed. */
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install Debian\'s ("apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The service worker would answer from its cache what tests route or hold; e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: findChromium(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: STATIC
      ? `node_modules/.bin/serve out --listen ${PORT} --no-clipboard --config ../headers/serve.json`
      : `DATABASE_URL= RUNBOOK_DATA="$(mktemp -d)" PORT=${PORT} node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    // A fresh PGlite folder is initialised on the service's first start.
    timeout: 120_000,
  },
});
