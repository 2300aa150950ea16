import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app';
import type { ServiceConfig } from './config';
import { lockDataDir } from './data-lock';
import { migrate, openPglite, openPostgres } from './database';
import { listen } from './http-server';
import { exportOutlines } from './outlines';
import { RunHub } from './run-hub';
import { RUN_CHANNEL, runKey, RunStore } from './run-store';

/** How often each instance re-reads its watched runs anyway, in case a notification was lost. */
const SWEEP_MS = 10_000;

/** A running instance of the service. */
export interface RunningService {
  url: string;
  /** Stops listening, ends open streams and closes the database. */
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date and starts listening. Throws, with a message for the operator, when it cannot. */
export async function startService(config: ServiceConfig, log: (message: string) => void): Promise<RunningService> {
  if (!existsSync(path.join(config.siteDir, 'index.html')))
    throw new Error(`There is no built site in ${config.siteDir}: run "npm run build" first, or "npm run serve" to build and serve.`);
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    return await open(config, log, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function open(config: ServiceConfig, log: (message: string) => void, unlock: () => void): Promise<RunningService> {
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl, log)
    : await openPglite(config.dataDir).catch((error: Error) => {
        throw new Error(`Cannot open the run database in ${config.dataDir} (${error.message}).`);
      });
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw new Error(`Cannot prepare the run database: ${(error as Error).message}`);
  }
  const store = new RunStore(db, exportOutlines(config.siteDir));
  const refreshed = await store.refreshSummaries();
  if (refreshed > 0) log(`counted the progress of ${refreshed} runs again, as their pages count it`);
  const hub = new RunHub((name, cursor) => store.readSince(runKey(name), cursor), log);
  await db.listen(RUN_CHANNEL, (name) => void hub.notify(name), () => void hub.notifyAll());
  const app = createApp({ config, store, hub, log });
  const server = await listen(app, config.host, config.port).catch(async (error: Error) => {
    await db.close().catch(() => {});
    throw error;
  });
  const sweep = setInterval(() => void hub.notifyAll(), SWEEP_MS);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    async close() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Live streams would hold the server open.
        server.closeAllConnections();
      });
      await db.close();
      unlock();
    },
  };
}
