import { readFileSync } from 'node:fs';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { runApiPath } from '../runs/api';
import { newEventId, type RunEvent } from '../runs/events';
import { percentile } from './search-measure';

/*
 * Measurements of a running run service over HTTP, for `npm run bench:runs`.
 */

const SLUG = 'bench-procedure';

function tickEvent(step: string): RunEvent {
  return { id: newEventId(), at: new Date().toISOString(), by: 'Bench', type: 'tick', step };
}

async function append(base: string, ticket: string, events: RunEvent[]): Promise<boolean> {
  const response = await fetch(`${base}${runApiPath(SLUG, ticket, 'events')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  await response.arrayBuffer();
  return response.ok;
}

/** Events accepted per second: `writers` clients appending one event a request, as fast as answers come, for `seconds`. */
export async function acceptRate(bases: string[], writers: number, seconds: number): Promise<{ perSecond: number; failed: number }> {
  const until = performance.now() + seconds * 1000;
  let accepted = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; performance.now() < until; n++) {
        if (await append(bases[writer % bases.length]!, `RATE-${writer}`, [tickEvent(`step-${n}`)])) accepted++;
        else failed++;
      }
    }),
  );
  return { perSecond: accepted / seconds, failed };
}

/**
 * Propagation from a writer to every watcher: `runs` runs, each with one writer at `rate` events a
 * second and `watchersPerRun` live streams, for `seconds`. Writers and watchers are spread over `bases`
 * (instances of the service on one database), so a tick often crosses from one instance to another.
 */
export async function propagation(bases: string[], { runs, watchersPerRun, rate, seconds }: { runs: number; watchersPerRun: number; rate: number; seconds: number }) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const received = new Map<string, number>();
  let deliveries = 0;
  const aborts: AbortController[] = [];

  const watch = async (base: string, ticket: string, watcher: string, opened: () => void) => {
    const abort = new AbortController();
    aborts.push(abort);
    const response = await fetch(`${base}${runApiPath(SLUG, ticket, 'stream')}`, { signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`a watcher could not connect: ${response.status}`);
    opened();
    try {
      for await (const message of response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream())) {
        const event = JSON.parse(message.data) as RunEvent;
        const sent = sentAt.get(event.id);
        if (sent === undefined) continue;
        deliveries++;
        latencies.push(performance.now() - sent);
        received.set(`${watcher}/${event.id}`, (received.get(`${watcher}/${event.id}`) ?? 0) + 1);
      }
    } catch {
      // Aborted at the end.
    }
  };

  // Runs start with one event, so watchers resume after it and count only what is sent during the test.
  const tickets = Array.from({ length: runs }, (_, run) => `PROP-${run}`);
  await Promise.all(tickets.map((ticket) => append(bases[0]!, ticket, [tickEvent('start')])));
  let open = 0;
  const watching = tickets.flatMap((ticket, run) =>
    Array.from({ length: watchersPerRun }, (_, index) => watch(bases[(run + index) % bases.length]!, ticket, `${run}-${index}`, () => open++)),
  );
  while (open < runs * watchersPerRun) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 1000));

  let sent = 0;
  await Promise.all(
    tickets.map(async (ticket, run) => {
      const started = performance.now();
      for (let n = 0; n < rate * seconds; n++) {
        const due = started + (n * 1000) / rate;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const event = tickEvent(`step-${n}`);
        sentAt.set(event.id, performance.now());
        if (await append(bases[run % bases.length]!, ticket, [event])) sent++;
      }
    }),
  );
  // Let the last events arrive.
  const expected = sent * watchersPerRun;
  const deadline = performance.now() + 10_000;
  while (deliveries < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  aborts.forEach((abort) => abort.abort());
  await Promise.allSettled(watching);

  const duplicated = [...received.values()].reduce((sum, count) => sum + count - 1, 0);
  return {
    watchers: runs * watchersPerRun,
    events: sent,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    lost: expected - received.size,
    duplicated,
  };
}

/** p95 of listing runs by procedure, by ticket and all, `requests` times each. */
export async function listLatency(base: string, requests: number, procedures: string[], tickets: string[]): Promise<{ p50: number; p95: number; runsPerPage: number }> {
  const latencies: number[] = [];
  let runsPerPage = 0;
  for (let n = 0; n < requests; n++) {
    const query = [`procedure=${procedures[n % procedures.length]}`, `ticket=${tickets[n % tickets.length]}`, ''][n % 3];
    const started = performance.now();
    const response = await fetch(`${base}/api/runs?${query}`);
    const body = (await response.json()) as { runs: unknown[] };
    latencies.push(performance.now() - started);
    if (n % 3 === 0) runsPerPage = Math.max(runsPerPage, body.runs.length);
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), runsPerPage };
}

/** The peak resident memory of a process so far (Linux), in bytes. */
export function peakMemory(pid: number): number {
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes ?? 0) * 1024;
}

/**
 * SQL that fills the database with `runs` runs of `events` tick events each, spread over
 * `procedures` procedures, as the service itself would have stored them.
 */
export function seedSql(runs: number, events: number, procedures: number): string[] {
  return [
    `INSERT INTO runs (slug, ticket, event_count, summary, created_at, updated_at)
     SELECT 'seed-procedure-' || (n % ${procedures}), 'SEED-' || n, ${events},
            jsonb_build_object('title', 'Seeded procedure', 'build', null, 'finished', false, 'people', jsonb_build_array('Seed'),
              'progress', jsonb_build_object('done', ${events}, 'skipped', 0, 'open', 0, 'total', ${events})),
            now() - make_interval(mins => n), now() - make_interval(secs => n)
     FROM generate_series(1, ${runs}) AS n`,
    `INSERT INTO run_events (run_id, seq, id, event)
     SELECT r.id, s, md5(r.id || '-' || s), jsonb_build_object('id', md5(r.id || '-' || s), 'at', now(), 'by', 'Seed', 'type', 'tick', 'step', 'step-' || s)
     FROM runs r, generate_series(1, ${events}) AS s WHERE r.ticket LIKE 'SEED-%'`,
    'ANALYZE',
  ];
}
