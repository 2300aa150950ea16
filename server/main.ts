import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { migrate, openPglite, openPostgres } from './database';
import { RunHub } from './run-hub';
import { RUN_CHANNEL, runKey, RunStore } from './run-store';

/** How often each instance re-reads its watched runs anyway, in case a notification was lost. */
const SWEEP_MS = 10_000;

const log = (message: string) => console.error(`[runbook] ${message}`);
function fail(message: string): never {
  log(message);
  process.exit(1);
}

const read = readConfig(process.env);
if (!read.ok) fail(read.error);
const { config } = read;
if (!existsSync(path.join(config.siteDir, 'index.html')))
  fail(`There is no built site in ${config.siteDir}: run "npm run build" first, or "npm run serve" to build and serve.`);

const db = config.databaseUrl ? openPostgres(config.databaseUrl, log) : await openPglite(config.dataDir).catch((error: Error) =>
  fail(`Cannot open the run database in ${config.dataDir} (${error.message}). Is another instance using that folder? Give each its own RUNBOOK_DATA, or use DATABASE_URL.`),
);
await migrate(db).catch((error: Error) => fail(`Cannot prepare the run database: ${error.message}`));
const store = new RunStore(db);
const hub = new RunHub((name, cursor) => store.readSince(runKey(name), cursor), log);
await db.listen(RUN_CHANNEL, (name) => void hub.notify(name), () => void hub.notifyAll()).catch((error: Error) =>
  fail(`Cannot listen for the run database's notifications: ${error.message}`),
);
const sweep = setInterval(() => void hub.notifyAll(), SWEEP_MS);

const server = serve({ fetch: createApp({ config, store, hub, log }).fetch, hostname: config.host, port: config.port }, (info) => {
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  log(`serving ${config.siteDir} and the run API at http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}/ (runs in ${where})`);
});
server.on('error', (error) => fail(`Cannot listen on ${config.host}:${config.port}: ${error.message}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(sweep);
    server.close();
    // Open streams would hold the server open; the database closes cleanly and the process ends.
    void db.close().finally(() => process.exit(0));
  });
}
