import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../lib/runs/events';
import { serviceTransport } from '../lib/runs/service-client';
import { RunSync, statusText } from '../lib/runs/sync';
import { startService, type RunningService } from './service';
import {
  allEvents,
  cuttableProxy,
  eventually,
  freshPgliteDir,
  freshPostgres,
  MemoryStorage,
  NO_POSTGRES,
  openStream,
  post,
  privateCluster,
  startProcess,
  testConfig,
  testSite,
  tick,
  type ServiceProcess,
} from './testing';

/*
 * Faults, with real processes and a real network path: the service killed,
 * the network cut, the database stopped. Clients are the browser's own sync
 * module (lib/runs/sync.ts) over HTTP, with storage in memory.
 */

const SLUG = 'demo-procedure';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});


/** A person's browser on a run: a sync module, what it has seen, and what the service has acknowledged. */
function client(base: () => string, ticket: string) {
  const seen = new Map<string, RunEvent>();
  const sync = new RunSync({
    slug: SLUG,
    ticket,
    storage: new MemoryStorage(),
    transport: {
      append: (events) => serviceTransport({ slug: SLUG, ticket, base: base() }).append(events),
      read: (cursor) => serviceTransport({ slug: SLUG, ticket, base: base() }).read(cursor),
      subscribe: (cursor, on) => serviceTransport({ slug: SLUG, ticket, base: base() }).subscribe(cursor, on),
    },
    // The browser's record of the run: what it saw and what it made.
    localEvents: () => [...seen.values()],
    onEvents: (events) => events.forEach((event) => seen.set(event.id, event)),
    // Quick retries keep the test short; the delays' growth is tested on its own.
    random: () => 0.2,
  });
  cleanups.push(() => sync.stop());
  sync.start();
  /** An event made on this page: into the browser's record, then offered, as the run store's subscriber does. */
  const make = (event: RunEvent) => {
    seen.set(event.id, event);
    sync.offer();
  };
  return { sync, seen, make, text: () => statusText(sync.status) };
}



/** Every event landed exactly once. */
function expectExactlyOnce(stored: RunEvent[], sent: RunEvent[]) {
  expect(new Set(stored.map((event) => event.id)).size).toBe(stored.length);
  expect(stored.map((event) => event.id).sort()).toEqual(sent.map((event) => event.id).sort());
}

describe('faults', () => {
  it('the service killed with kill -9 mid-run and restarted: no acknowledged event is lost, and clients catch up by themselves', async () => {
    const env = { PORT: '3166', RUNBOOK_DATA: await freshPgliteDir(), RUNBOOK_SITE: testSite(), DATABASE_URL: '' };
    let service: ServiceProcess = await startProcess(env);
    cleanups.push(() => service.child.kill('SIGKILL'));
    const base = () => service.url;
    const people = [client(base, 'INC-kill'), client(base, 'INC-kill'), client(base, 'INC-kill')];
    await eventually(() => people.every((person) => person.text() === 'Shared · synced'), 'everyone to connect');

    const sent: RunEvent[] = [];
    const acknowledgedBeforeKill = new Set<string>();
    const work = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        for (const person of people) {
          const event = tick(`step-${sent.length}`);
          sent.push(event);
          person.make(event);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await work(10);
    const waiting = () => new Set(people.flatMap((person) => person.sync.waiting.map((event) => event.id)));
    await eventually(() => waiting().size < sent.length, 'the service to acknowledge some events');
    await work(5);
    // Killed with some events acknowledged and others in flight or still queued.
    const queued = waiting();
    service.child.kill('SIGKILL');
    sent.filter((event) => !queued.has(event.id)).forEach((event) => acknowledgedBeforeKill.add(event.id));
    await service.exited;
    await work(5);
    expect(people[0]!.text()).toMatch(/^(Offline|Not saved to the server)/);

    service = await startProcess(env);
    await eventually(() => people.every((person) => person.sync.waiting.length === 0), 'every queue to drain');
    const stored = await allEvents(service.url, `${SLUG}/INC-kill`);
    expect(acknowledgedBeforeKill.size).toBeGreaterThan(0);
    expect(stored.filter((event) => acknowledgedBeforeKill.has(event.id))).toHaveLength(acknowledgedBeforeKill.size);
    expectExactlyOnce(stored, sent);
    await eventually(() => people.every((person) => person.seen.size === sent.length), 'everyone to see every event');
  }, 180_000);

  it('the network cut, then back: every event made meanwhile lands exactly once', async () => {
    const service = await startService(testConfig({ dataDir: await freshPgliteDir() }), () => {});
    cleanups.push(() => service.close());
    // A proxy the test controls stands for the network between the browser and the service.
    const proxy = await cuttableProxy(new URL(service.url).port);
    cleanups.push(() => proxy.close());
    const base = () => proxy.url;
    const ana = client(base, 'INC-cut');
    const ben = client(base, 'INC-cut');
    await eventually(() => ana.text() === 'Shared · synced' && ben.text() === 'Shared · synced', 'both to connect');

    const sent = [tick('before')];
    ana.make(sent[0]!);
    await eventually(() => ben.seen.has(sent[0]!.id), 'Ben to see the first tick');
    proxy.cut();
    for (let index = 0; index < 3; index++) {
      const event = tick(`offline-${index}`);
      sent.push(event);
      ana.make(event);
    }
    await eventually(() => ana.text() === 'Offline · 3 changes waiting', 'Ana to show that she is offline', 20_000);
    // The cut lasts CUT_SECONDS (5 s by default; the scenario is two minutes: CUT_SECONDS=120).
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.CUT_SECONDS ?? 5) * 1000));
    proxy.restore();
    await eventually(() => ana.sync.waiting.length === 0, "Ana's queue to drain");
    expectExactlyOnce(await allEvents(service.url, `${SLUG}/INC-cut`), sent);
    await eventually(() => ben.seen.size === sent.length, 'Ben to see every tick without a reload');
    expect(ana.text()).toBe('Shared · synced');
  }, 300_000);

  describe.skipIf(!process.env.DATABASE_URL)('on PostgreSQL', () => {
    it('two instances on one PostgreSQL act as one: a tick accepted by one reaches watchers of the other', async () => {
      const databaseUrl = await freshPostgres();
      const [one, two] = await Promise.all([0, 1].map(() => startService(testConfig({ databaseUrl }), () => {})));
      cleanups.push(() => one!.close(), () => two!.close());
      const watcher = await openStream(`${two!.url}/api/runs/${SLUG}/INC-two/stream`);
      cleanups.push(() => watcher.close());
      const event = tick('one');
      expect((await post(one!.url, `${SLUG}/INC-two`, { events: [event] })).status).toBe(200);
      expect((await watcher.until(1)).map((message) => message.event)).toEqual([event]);
    }, 60_000);

    it('the database stopped and started: the API answers 503 with a message, clients keep their queue, and all of it lands after', async () => {
      const cluster = privateCluster('/tmp/runbook-fault-postgres', 3168);
      cleanups.push(() => cluster.remove());
      const logged: string[] = [];
      const service: RunningService = await startService(testConfig({ databaseUrl: cluster.url }), (message) => logged.push(message));
      cleanups.push(() => service.close());
      const ana = client(() => service.url, 'INC-db');
      const watcher = client(() => service.url, 'INC-db');
      await eventually(() => ana.text() === 'Shared · synced' && watcher.text() === 'Shared · synced', 'both to connect');
      const sent = [tick('before')];
      ana.make(sent[0]!);
      await eventually(() => ana.sync.waiting.length === 0, 'the first tick to be saved');

      await cluster.ctl('stop -m immediate');
      const down = await post(service.url, `${SLUG}/INC-db`, { events: [tick('direct')] });
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: string }).error).toMatch(/^The run database is unreachable .* Your changes are kept in your browser/);
      for (let index = 0; index < 3; index++) {
        const event = tick(`down-${index}`);
        sent.push(event);
        ana.make(event);
      }
      await eventually(() => ana.text().startsWith('Not saved to the server: The run database is unreachable'), 'Ana to be told', 20_000);
      expect(ana.sync.waiting).toHaveLength(3);

      await cluster.ctl('start -w');
      await eventually(() => ana.sync.waiting.length === 0, "Ana's queue to drain");
      expectExactlyOnce(await allEvents(service.url, `${SLUG}/INC-db`), sent);
      await eventually(() => watcher.seen.size === sent.length, 'the watcher to catch up');
      expect(ana.text()).toBe('Shared · synced');
    }, 180_000);
  });

  if (!process.env.DATABASE_URL) it.skip(NO_POSTGRES, () => {});
});
