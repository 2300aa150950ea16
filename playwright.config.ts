import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * Where the suite serves the sites: the one built from the test content
 * (`npm run build:e2e`) on E2E_PORT, the real one (`npm run build`) on the
 * next port. E2E_PORT moves both, so two checkouts can test side by side.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMOKE_PORT = PORT + 1;
const TEST_SITE = '.e2e/site';

/**
 * The test site is served by the run service (`npm start`), with runs in a fresh PGlite folder;
 * with E2E_STATIC=1, by a plain static server, as on any static host.
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

const staticServer = (site: string, port: number) =>
  `node_modules/.bin/serve ${site} --listen ${port} --no-clipboard --config ${path.relative(site, 'headers/serve.json')}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    // The service worker would answer from its cache what tests route or hold; e2e/offline.spec.ts lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // Every feature, on procedures made for the tests (e2e/content), so that rewording real content breaks no test.
    { name: 'chromium', testIgnore: 'smoke.spec.ts', use: { baseURL: `http://127.0.0.1:${PORT}` } },
    // The real content: each procedure renders and is found by its symptoms.
    { name: 'smoke', testMatch: 'smoke.spec.ts', use: { baseURL: `http://127.0.0.1:${SMOKE_PORT}` } },
  ],
  webServer: [
    {
      command: STATIC
        ? staticServer(TEST_SITE, PORT)
        : `DATABASE_URL= RUNBOOK_DATA="$(mktemp -d)" RUNBOOK_SITE=${TEST_SITE} PORT=${PORT} node --import tsx server/main.ts`,
      url: `http://127.0.0.1:${PORT}/`,
      // A fresh PGlite folder is initialised on the service's first start.
      timeout: 120_000,
    },
    { command: staticServer('out', SMOKE_PORT), url: `http://127.0.0.1:${SMOKE_PORT}/`, timeout: 30_000 },
  ].map((server) => ({ ...server, reuseExistingServer: !process.env.CI })),
});
