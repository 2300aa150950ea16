import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunsResponse } from '../lib/runs/api';
import { newEventId, type RunEvent } from '../lib/runs/events';
import { runSummary } from '../lib/runs/selectors';
import { serviceTransport } from '../lib/runs/service-client';
import { RunSync, type SyncFailure, type SyncTransport } from '../lib/runs/sync';
import { allEvents, cuttableProxy, DEMO_OUTLINE, eventually, freshPgliteDir, MemoryStorage, privateCluster, startProcess, testSite, type ServiceProcess } from './testing';

/*
 * A model-based chaos test. Several browsers, each the real sync module
 * (lib/runs/sync.ts) over HTTP (lib/runs/service-client.ts) through a proxy
 * the test can cut, share runs on the real service, run as its own process.
 * fast-check generates what they do (ticks, unticks, notes, inputs, and bad
 * events the shared parser refuses) interleaved with faults: answers lost
 * after the service committed (so the client sends again), late copies of a
 * request, answers delayed so they complete out of order, a page reloaded
 * mid-send, the network cut, the service killed with kill -9 and restarted
 * on the same data, and on PostgreSQL the database stopped and started.
 *
 * After each sequence, once every browser says "Shared · synced":
 *   - every event the service acknowledged is on it exactly once, unchanged, and nothing else is;
 *   - every browser's fold of its record equals the service's summary of the run;
 *   - no browser said "synced" while something waited in its queue;
 *   - every bad event is shown as refused by the browser that made it.
 *
 * The unit suite runs a few short sequences from a fixed seed; `npm run
 * soak:runs` (SOAK=1) runs many longer ones from a seed it prints.
 * CHAOS_SEED and CHAOS_RUNS override either; CHAOS_PATH with the seed replays
 * the one sequence a failure names.
 */

const SLUG = 'demo-procedure';
const SOAK = process.env.SOAK === '1';
const SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : SOAK ? Date.now() % 2 ** 31 : 42;
const RUNS = Number(process.env.CHAOS_RUNS ?? (SOAK ? 60 : 5));
const MIN_OPS = SOAK ? 20 : 8;
const MAX_OPS = SOAK ? 80 : 24;
const PEOPLE = ['Ana', 'Ben', 'Chloé'];
const STEPS = ['one', 'two', 'three'] as const;

type Op =
  | { kind: 'tick' | 'untick'; who: number; step: (typeof STEPS)[number]; skew: number }
  | { kind: 'note'; who: number; text: string; skew: number }
  | { kind: 'input'; who: number; name: string; value: string | string[]; skew: number }
  /** An event the shared parser refuses, as an old page or a corrupted import would put in the record. */
  | { kind: 'bad'; who: number; flaw: 'nul' | 'surrogate' | 'time' }
  /** The record offered twice, as two subscribers of the store would. */
  | { kind: 'offer-twice'; who: number }
  /** The next append's answer is lost after the service committed it: the client sends it again. */
  | { kind: 'lose-answer'; who: number }
  /** The next append is sent again `ms` later, as a retransmission arriving after newer requests. */
  | { kind: 'late-copy'; who: number; ms: number }
  /** The next append is sent twice at once. */
  | { kind: 'double'; who: number }
  /** The next append waits before it is sent and before its answer is delivered: answers complete out of order. */
  | { kind: 'delay'; who: number; before: number; after: number }
  /** The page reloads: whatever it was waiting for is never answered, and a new sync starts from storage. */
  | { kind: 'reload'; who: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'cut'; ms: number }
  | { kind: 'kill'; ms: number }
  | { kind: 'db-stop'; ms: number };

type Fault = Extract<Op, { kind: 'lose-answer' | 'late-copy' | 'double' | 'delay' }>;

function opsFor(people: number, database: boolean): fc.Arbitrary<Op[]> {
  const who = fc.integer({ min: 0, max: people - 1 });
  const skew = fc.integer({ min: -3, max: 3 });
  const op = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('tick' as const, 'untick' as const), who, step: fc.constantFrom(...STEPS), skew }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), who, text: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => /\S/.test(text)), skew }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('input' as const),
        who,
        name: fc.constantFrom('connectors', 'domain'),
        value: fc.oneof(fc.stringMatching(/^[a-z.]{0,20}$/), fc.array(fc.stringMatching(/^[a-z.]{1,12}$/), { maxLength: 3 })),
        skew,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('bad' as const), who, flaw: fc.constantFrom('nul' as const, 'surrogate' as const, 'time' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offer-twice' as const), who }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('lose-answer' as const), who }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('late-copy' as const), who, ms: fc.integer({ min: 50, max: 800 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('double' as const), who }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('delay' as const), who, before: fc.integer({ min: 0, max: 300 }), after: fc.integer({ min: 0, max: 600 }) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), who }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 300 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), ms: fc.integer({ min: 100, max: 1500 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), ms: fc.integer({ min: 0, max: 500 }) }) },
    ...(database ? [{ weight: 2, arbitrary: fc.record({ kind: fc.constant('db-stop' as const), ms: fc.integer({ min: 200, max: 1500 }) }) }] : []),
  );
  // Lengths spread over the whole range: fast-check's default size would keep nearly all of them under 10.
  return fc.array(op, { minLength: MIN_OPS, maxLength: MAX_OPS, size: 'max' });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ids = (events: readonly RunEvent[]) => events.map((event) => event.id).sort();

/** The service and the network to it, with the faults the test can cause. */
interface World {
  /** The proxy's address: every browser goes through it. */
  base: string;
  /** The service's own address, for the test's checks. */
  direct(): string;
  cut(ms: number): void;
  kill(ms: number): Promise<void>;
  stopDatabase?(ms: number): Promise<void>;
  /** Waits for every fault to be over: the network restored, the service and its database up. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

async function world(port: number, env: Record<string, string>, database?: { ctl(args: string): Promise<void> }): Promise<World> {
  const serviceEnv = { PORT: String(port), RUNBOOK_SITE: testSite(), RUNBOOK_RATE_LIMIT: '1000000', RUNBOOK_MAX_STREAMS: '1000', ...env };
  let service: ServiceProcess = await startProcess(serviceEnv);
  const proxy = await cuttableProxy(port);
  let restoreAt = 0;
  let restoreTimer: NodeJS.Timeout | null = null;
  // One fault of the service or its database at a time: a service cannot start on a stopped database.
  let outage: Promise<void> = Promise.resolve();
  const serially = (work: () => Promise<void>) => {
    const next = outage.then(work);
    outage = next.catch(() => {});
    return next;
  };
  const restart = () => startProcess(serviceEnv).then((started) => void (service = started));
  return {
    base: proxy.url,
    direct: () => service.url,
    cut(ms) {
      proxy.cut();
      restoreAt = Math.max(restoreAt, Date.now() + ms);
      if (restoreTimer) clearTimeout(restoreTimer);
      restoreTimer = setTimeout(() => {
        restoreTimer = null;
        proxy.restore();
      }, restoreAt - Date.now());
    },
    async kill(ms) {
      // Killed at once; the restart goes on while the browsers carry on.
      await outage;
      service.child.kill('SIGKILL');
      await service.exited;
      void serially(() => sleep(ms).then(restart));
    },
    stopDatabase: database
      ? async (ms) => {
          await outage;
          await database.ctl('stop -m immediate');
          void serially(() => sleep(ms).then(() => database.ctl('start -w')));
        }
      : undefined,
    async heal() {
      await outage;
      if (restoreTimer) clearTimeout(restoreTimer);
      restoreTimer = null;
      proxy.restore();
    },
    async close() {
      await outage.catch(() => {});
      service.child.kill('SIGKILL');
      await service.exited;
      await proxy.close();
    },
  };
}

/** What the test knows of one sequence on one run: what the service acknowledged, and requests still under way. */
interface Ledger {
  ticket: string;
  /** Ids the service answered 200 for without refusing them. */
  acknowledged: Set<string>;
  /** Ids the service refused. */
  refused: Set<string>;
  /** Requests the test sent on its own (copies) or that a reloaded page left behind. */
  underway: Set<Promise<unknown>>;
}

let clock = 0;
/** Times 10 s apart, shifted by `skew`: browsers' clocks disagree a little, so the fold's order is not the order of making. */
const at = (skew: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + (clock++ + skew) * 10_000).toISOString();

/** A person's browser: its record of the run (what it made and what it received), and the real sync module over HTTP. */
class Browser {
  readonly record = new Map<string, RunEvent>();
  readonly made: RunEvent[] = [];
  readonly bad = new Set<string>();
  readonly storage = new MemoryStorage();
  /** Every status it showed, with the length of its queue at that moment. */
  readonly statuses: { kind: string; waiting: number }[] = [];
  readonly problems: string[] = [];
  private faults: Fault[] = [];
  private page = 0;
  sync!: RunSync;

  constructor(
    readonly name: string,
    private readonly base: string,
    private readonly ledger: Ledger,
  ) {
    this.open();
  }

  /** Opens the run's page: a new sync module on the same storage and record. */
  open() {
    const page = ++this.page;
    // Statuses said while it is being made are said before it has a queue to show.
    let made: RunSync | null = null;
    const sync = new RunSync({
      slug: SLUG,
      ticket: this.ledger.ticket,
      transport: this.transport(page),
      storage: this.storage,
      localEvents: () => [...this.record.values()],
      onEvents: (events) => events.forEach((event) => this.record.set(event.id, event)),
      onStatus: (status) => this.statuses.push({ kind: status.kind, waiting: made?.waiting.length ?? -1 }),
      onProblem: (message) => this.problems.push(message),
      random: () => 0.5,
      // Backoff capped at a second keeps a sequence short; its growth is tested in lib/runs/sync.test.ts.
      timers: { setTimeout: (run, ms) => setTimeout(run, Math.min(ms, 1000)), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    });
    this.sync = made = sync;
    sync.start();
  }

  reload() {
    this.sync.stop();
    this.open();
  }

  make(event: RunEvent, bad = false) {
    this.made.push(event);
    if (bad) this.bad.add(event.id);
    this.record.set(event.id, event);
    this.sync.offer();
  }

  fault(fault: Fault) {
    this.faults.push(fault);
  }

  private transport(page: number): SyncTransport {
    const real = serviceTransport({ slug: SLUG, ticket: this.ledger.ticket, base: this.base });
    const ledger = this.ledger;
    const track = <T,>(promise: Promise<T>) => {
      ledger.underway.add(promise);
      void promise.catch(() => {}).finally(() => ledger.underway.delete(promise));
      return promise;
    };
    const send = (events: RunEvent[]) =>
      real.append(events).then((answer) => {
        const refused = new Set(answer.refused.map((item) => events[item.index]?.id));
        for (const event of events) (refused.has(event.id) ? ledger.refused : ledger.acknowledged).add(event.id);
        return answer;
      });
    // A reloaded page is gone: nothing it asked for is answered to the new one.
    const live = <T,>(promise: Promise<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        track(promise).then(
          (value) => page === this.page && resolve(value),
          (error: unknown) => page === this.page && reject(error),
        );
      });
    return {
      append: (events) => {
        const fault = this.faults.shift();
        return live(
          (async () => {
            if (fault?.kind === 'delay') await sleep(fault.before);
            if (fault?.kind === 'double') void track(send(events));
            if (fault?.kind === 'late-copy') void track(sleep(fault.ms).then(() => send(events)));
            const answer = await send(events);
            if (fault?.kind === 'delay') await sleep(fault.after);
            if (fault?.kind === 'lose-answer') throw { kind: 'offline', message: 'The answer was lost on the way.' } satisfies SyncFailure;
            return answer;
          })(),
        );
      },
      read: (cursor) => live(real.read(cursor)),
      subscribe: (cursor, on) => real.subscribe(cursor, on),
    };
  }
}

function badEvent(flaw: 'nul' | 'surrogate' | 'time', by: string): RunEvent {
  const id = newEventId();
  if (flaw === 'time') return { id, at: '1', by, type: 'tick', step: 'one' };
  return { id, at: at(0), by, type: 'note', step: null, text: flaw === 'nul' ? 'copied from a log\u0000' : 'half a pair \ud83d' };
}

const figures = { sequences: 0, operations: 0, events: 0, refused: 0, kills: 0, cuts: 0, databaseStops: 0, ms: 0 };
let tickets = 0;

async function runSequence(world: World, people: number, ops: Op[]) {
  const started = Date.now();
  figures.sequences++;
  const ledger: Ledger = { ticket: `INC-chaos-${++tickets}`, acknowledged: new Set(), refused: new Set(), underway: new Set() };
  const browsers = PEOPLE.slice(0, people).map((name) => new Browser(name, world.base, ledger));
  try {
    browsers[0]!.make({ id: newEventId(), at: at(-100), by: PEOPLE[0]!, type: 'start', title: DEMO_OUTLINE.title, revision: 'r1', stepIds: [...STEPS], build: null });
    for (const op of ops) {
      figures.operations++;
      const browser = 'who' in op ? browsers[op.who]! : null;
      const by = browser?.name ?? null;
      switch (op.kind) {
        case 'tick':
        case 'untick':
          browser!.make({ id: newEventId(), at: at(op.skew), by, type: op.kind, step: op.step });
          break;
        case 'note':
          browser!.make({ id: newEventId(), at: at(op.skew), by, type: 'note', step: null, text: op.text });
          break;
        case 'input':
          browser!.make({ id: newEventId(), at: at(op.skew), by, type: 'input', name: op.name, value: op.value });
          break;
        case 'bad':
          browser!.make(badEvent(op.flaw, by!), true);
          break;
        case 'offer-twice':
          browser!.sync.offer();
          browser!.sync.offer();
          break;
        case 'lose-answer':
        case 'late-copy':
        case 'double':
        case 'delay':
          browser!.fault(op);
          break;
        case 'reload':
          browser!.reload();
          break;
        case 'pause':
          await sleep(op.ms);
          break;
        case 'cut':
          figures.cuts++;
          world.cut(op.ms);
          break;
        case 'kill':
          figures.kills++;
          await world.kill(op.ms);
          break;
        case 'db-stop':
          figures.databaseStops++;
          await world.stopDatabase!(op.ms);
          break;
      }
      await sleep(10);
    }
    await settle(world, browsers, ledger);
    await check(world, browsers, ledger);
  } finally {
    for (const browser of browsers) browser.sync.stop();
    figures.ms += Date.now() - started;
  }
}

/** Waits, bounded, until the faults are over and every browser has sent everything and received everything. */
async function settle(world: World, browsers: Browser[], ledger: Ledger) {
  await world.heal();
  const state = () => browsers.map((browser) => `${browser.name}: ${browser.sync.status.kind}, ${browser.sync.waiting.length} waiting; problems: ${browser.problems.join(' | ')}`).join('\n');
  await eventually(() => browsers.every((browser) => browser.sync.status.kind === 'synced' && browser.sync.waiting.length === 0), `every browser to be synced:\n${state()}`, 45_000).catch(
    (error: Error) => {
      throw new Error(`${error.message}\nnow:\n${state()}`);
    },
  );
  // Copies the test sent, and requests of pages since reloaded, land (or fail) before the service is read.
  await Promise.race([Promise.allSettled([...ledger.underway]), sleep(15_000)]);
  const stored = await allEvents(world.direct(), `${SLUG}/${ledger.ticket}`);
  const lacking = () =>
    browsers
      .map((browser) => ({ browser, missing: stored.filter((event) => !browser.record.has(event.id)).length }))
      .filter(({ missing }) => missing > 0)
      .map(({ browser, missing }) => `${browser.name} lacks ${missing} of ${stored.length}; sync record ${browser.storage.getItem(`runbook:synced:${SLUG}:${ledger.ticket}`)}`);
  await eventually(() => lacking().length === 0, 'every browser to receive every event', 30_000).catch((error: Error) => {
    throw new Error(`${error.message}: ${lacking().join('; ')}`);
  });
}

async function check(world: World, browsers: Browser[], ledger: Ledger) {
  const stored = await allEvents(world.direct(), `${SLUG}/${ledger.ticket}`);
  const made = browsers.flatMap((browser) => browser.made);
  const bad = new Set(browsers.flatMap((browser) => [...browser.bad]));
  const valid = made.filter((event) => !bad.has(event.id));
  figures.events += made.length;
  figures.refused += bad.size;

  // Every acknowledged event is on the service exactly once, as it was made; so is every other valid event, and nothing else.
  expect(new Set(ids(stored)).size, 'an event is stored twice').toBe(stored.length);
  const onService = new Set(ids(stored));
  expect([...ledger.acknowledged].filter((id) => !onService.has(id)), 'acknowledged events missing from the service').toEqual([]);
  expect(ids(stored)).toEqual(ids(valid));
  const byId = new Map(valid.map((event) => [event.id, event]));
  for (const event of stored) expect(event).toEqual(byId.get(event.id));
  expect([...ledger.refused].filter((id) => !bad.has(id)), 'valid events the service refused').toEqual([]);

  const [listing, ...others] = ((await (await fetch(`${world.direct()}/api/runs?ticket=${ledger.ticket}`)).json()) as RunsResponse).runs;
  expect(others).toEqual([]);
  expect(listing!.events).toBe(stored.length);
  const summary = { title: listing!.title, build: listing!.build, progress: listing!.progress, finished: listing!.finished, people: listing!.people };

  for (const browser of browsers) {
    // A refused event stays in its maker's record only, as the page keeps it; the fold compared is over the record without them.
    const record = [...browser.record.values()].filter((event) => !bad.has(event.id));
    expect(ids(record), `${browser.name}'s record`).toEqual(ids(stored));
    expect(runSummary(SLUG, ledger.ticket, record, DEMO_OUTLINE), `${browser.name}'s fold`).toEqual(summary);
    expect(
      browser.statuses.filter((status) => status.kind === 'synced' && status.waiting !== 0),
      `${browser.name} said synced while changes waited`,
    ).toEqual([]);
    // Every bad event it made is shown as refused, and nothing else is.
    expect(browser.sync.refused.map((refusal) => refusal.id).sort(), `${browser.name}'s refused`).toEqual([...browser.bad].sort());
  }
}

async function chaos(name: string, world: World, database: boolean) {
  Object.assign(figures, { sequences: 0, operations: 0, events: 0, refused: 0, kills: 0, cuts: 0, databaseStops: 0, ms: 0 });
  console.log(`chaos on ${name}: seed ${SEED}, ${RUNS} sequences of ${MIN_OPS} to ${MAX_OPS} operations (CHAOS_SEED=${SEED} replays them)`);
  const arbitrary = fc.integer({ min: 2, max: PEOPLE.length }).chain((people) => fc.tuple(fc.constant(people), opsFor(people, database)));
  // No shrinking: each try costs real processes and seconds. A failure reports the sequence and the seed that replays it.
  await fc.assert(
    fc.asyncProperty(arbitrary, ([people, ops]) => runSequence(world, people, ops)),
    { seed: SEED, numRuns: RUNS, endOnFailure: true, ...(process.env.CHAOS_PATH ? { path: process.env.CHAOS_PATH, numRuns: 1 } : {}) },
  ).finally(() =>
    console.log(
      `chaos on ${name} (seed ${SEED}): ${figures.sequences} sequences, ${figures.operations} operations, ${figures.events} events made, ${figures.refused} refused, ` +
      `${figures.kills} kill -9, ${figures.cuts} network cuts, ${figures.databaseStops} database stops, in ${(figures.ms / 1000).toFixed(1)} s`,
    ),
  );
}

const TIMEOUT = SOAK ? 6 * 3600_000 : 150_000;

describe('chaos', () => {
  it('browsers on one run through kill -9, network cuts, lost, doubled and late answers: nothing lost, nothing doubled, one fold, an honest status', async () => {
    const shared = await world(3177, { RUNBOOK_DATA: await freshPgliteDir(), DATABASE_URL: '' });
    try {
      await chaos('PGlite', shared, false);
    } finally {
      await shared.close();
    }
  }, TIMEOUT);

  it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL, the database stopped and started as well', async () => {
    const cluster = privateCluster('/tmp/runbook-chaos-postgres', 3178);
    try {
      const shared = await world(3179, { DATABASE_URL: cluster.url }, cluster);
      try {
        await chaos('PostgreSQL', shared, true);
      } finally {
        await shared.close();
      }
    } finally {
      cluster.remove();
    }
  }, TIMEOUT);
});
