import { readConfig } from './config';
import { startService } from './service';

const log = (message: string) => console.error(`[runbook] ${message}`);

const read = readConfig(process.env);
if (!read.ok) {
  log(read.error);
  process.exit(1);
}
const { config } = read;
try {
  const service = await startService(config, log);
  log(`serving ${config.siteDir} and the run API at ${service.url}/ (runs in ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void service.close().finally(() => process.exit(0)));
} catch (error) {
  log((error as Error).message);
  process.exit(1);
}
