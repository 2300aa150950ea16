import { execFileSync } from 'node:child_process';
import { acceptRate, listLatency, peakMemory, propagation, seedSql } from '../lib/bench/run-service';
import { migrate, openPglite, openPostgres } from '../server/database';
import { freshPgliteDir, freshPostgres, startProcess, testSite, type ServiceProcess } from '../server/testing';

/*
 * npm run bench:runs: the run service on PGlite, and on PostgreSQL ($DATABASE_URL, two instances),
 * measured over HTTP on this machine. BENCH_RUNS_SECONDS sets how long each load lasts.
 */

const SECONDS = Number(process.env.BENCH_RUNS_SECONDS ?? 15);
const SEED_RUNS = 10_000;
const SEED_EVENTS = 50;
const PROCEDURES = 20;
const PORTS = [3163, 3164];

interface Figures {
  name: string;
  acceptPerSecond: number;
  propagation: Awaited<ReturnType<typeof propagation>>;
  list: Awaited<ReturnType<typeof listLatency>>;
  peakMb: number[];
}

async function measure(name: string, services: ServiceProcess[]): Promise<Figures> {
  const bases = services.map((service) => service.url);
  console.error(`${name}: accept rate…`);
  const accept = await acceptRate(bases, 16, Math.min(SECONDS, 10));
  console.error(`${name}: propagation, 200 watchers and 20 writers at 5 events/s for ${SECONDS} s…`);
  const spread = await propagation(bases, { runs: 20, watchersPerRun: 10, rate: 5, seconds: SECONDS });
  console.error(`${name}: list runs…`);
  const procedures = Array.from({ length: PROCEDURES }, (_, n) => `seed-procedure-${n}`);
  const tickets = Array.from({ length: 50 }, (_, n) => `SEED-${n * 197 + 1}`);
  const list = await listLatency(bases[0]!, 300, procedures, tickets);
  return { name, acceptPerSecond: accept.perSecond, propagation: spread, list, peakMb: services.map((service) => peakMemory(service.child.pid!) / 2 ** 20) };
}

const env = { RUNBOOK_SITE: testSite(), RUNBOOK_RATE_LIMIT: '100000000', RUNBOOK_MAX_STREAMS: '10000' };
const results: Figures[] = [];

{
  const dataDir = await freshPgliteDir();
  console.error(`PGlite: seeding ${SEED_RUNS} runs of ${SEED_EVENTS} events…`);
  const db = await openPglite(dataDir);
  await migrate(db);
  for (const statement of seedSql(SEED_RUNS, SEED_EVENTS, PROCEDURES)) await db.query(statement);
  await db.close();
  const service = await startProcess({ ...env, PORT: String(PORTS[0]), RUNBOOK_DATA: dataDir, DATABASE_URL: '' }, 120_000);
  try {
    results.push(await measure('PGlite, 1 instance', [service]));
  } finally {
    service.child.kill();
  }
}

const databaseUrl = await freshPostgres();
if (databaseUrl) {
  console.error(`PostgreSQL: seeding ${SEED_RUNS} runs of ${SEED_EVENTS} events…`);
  const db = openPostgres(databaseUrl, console.error);
  await migrate(db);
  for (const statement of seedSql(SEED_RUNS, SEED_EVENTS, PROCEDURES)) await db.query(statement);
  await db.close();
  const services = await Promise.all(PORTS.map((port) => startProcess({ ...env, PORT: String(port), DATABASE_URL: databaseUrl })));
  try {
    results.push(await measure('PostgreSQL, 2 instances', services));
  } finally {
    services.forEach((service) => service.child.kill());
  }
} else {
  console.error('DATABASE_URL is unset: PostgreSQL is not measured (eval "$(scripts/test-postgres.sh start)" starts one).');
}

const cpus = execFileSync('nproc', { encoding: 'utf8' }).trim();
console.log(`\nRun service on this machine (${cpus} cores), ${SECONDS} s loads:\n`);
console.log('| | events accepted/s | propagation p50 / p95 (200 watchers, 20 writers × 5/s) | lost / duplicated | list runs p50 / p95 (10,000 runs × 50 events) | peak memory |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const p = r.propagation;
  console.log(
    `| ${r.name} | ${Math.round(r.acceptPerSecond)} | ${p.p50.toFixed(0)} / ${p.p95.toFixed(0)} ms (${p.events} events, ${p.events * 10} deliveries) | ${p.lost} / ${p.duplicated} | ` +
      `${r.list.p50.toFixed(1)} / ${r.list.p95.toFixed(1)} ms | ${r.peakMb.map((mb) => `${mb.toFixed(0)} MB`).join(' + ')} |`,
  );
}
