import { describe, expect, it } from 'vitest';
import { API_LIMITS, type AppendResponse } from './api';
import { parseRunEvent, type RunEvent } from './events';
import { queueKey, refusedText, retryDelay, RunSync, statusText, type ReadPage, type SyncFailure, type SyncStatus, type SyncTransport, type Timers } from './sync';

let counter = 0;
const tick = (step: string): RunEvent => ({ id: `event-${String(counter++).padStart(6, '0')}`, at: '2026-11-23T10:00:00.000Z', by: 'Ana', type: 'tick', step });

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** Timers the test runs by hand: `run()` fires every timer due, as if that much time had passed. */
class ManualTimers implements Timers {
  pending = new Map<number, { run: () => void; ms: number }>();
  private next = 1;
  setTimeout = (run: () => void, ms: number) => {
    this.pending.set(this.next, { run, ms });
    return this.next++;
  };
  clearTimeout = (handle: unknown) => void this.pending.delete(handle as number);
  delays = () => [...this.pending.values()].map((timer) => timer.ms);
  run() {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((timer) => timer.run());
  }
}

/** A service the test controls: it answers appends with `answer`, and keeps what it committed. */
class FakeService implements SyncTransport {
  committed: RunEvent[] = [];
  answer: () => SyncFailure | null = () => null;
  requests: RunEvent[][] = [];
  stream: Parameters<SyncTransport['subscribe']>[1] | null = null;
  subscribedFrom: number[] = [];

  reads: number[] = [];

  async append(events: RunEvent[]): Promise<AppendResponse> {
    this.requests.push(events);
    const failure = this.answer();
    if (failure) throw failure;
    const refused: AppendResponse['refused'] = [];
    const added: RunEvent[] = [];
    events.forEach((event, index) => {
      const parsed = parseRunEvent(event);
      if (!parsed.ok) refused.push({ index, id: event.id, error: parsed.error });
      else if (!this.committed.some((kept) => kept.id === event.id) && !added.some((kept) => kept.id === event.id)) added.push(event);
    });
    this.committed.push(...added);
    return { added: added.map((event) => event.id), cursor: this.committed.length, refused };
  }

  async read(cursor: number): Promise<ReadPage> {
    this.reads.push(cursor);
    const events = this.committed.slice(cursor, cursor + 100);
    return { events, cursor: cursor + events.length, more: cursor + events.length < this.committed.length, unreadable: 0 };
  }

  subscribe(cursor: number, on: NonNullable<FakeService['stream']>) {
    this.subscribedFrom.push(cursor);
    this.stream = on;
    return () => {
      this.stream = null;
    };
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const offline: SyncFailure = { kind: 'offline', message: 'The run service cannot be reached.' };

function setUp(storage = new MemoryStorage(), service = new FakeService(), local: RunEvent[] = []) {
  const timers = new ManualTimers();
  const received: RunEvent[] = [];
  const problems: string[] = [];
  const statuses: SyncStatus[] = [];
  const sync = new RunSync({
    slug: 'demo',
    ticket: 'INC-1',
    transport: service,
    storage,
    timers,
    random: () => 1,
    localEvents: () => local,
    onEvents: (events) => {
      received.push(...events);
      for (const event of events) if (!local.some((kept) => kept.id === event.id)) local.push(event);
    },
    onStatus: (status) => statuses.push(status),
    onProblem: (message) => problems.push(message),
  });
  /** An event made on this page: into the browser's record, then offered, as the run store and its subscriber do. */
  const make = (event: RunEvent) => {
    local.push(event);
    sync.offer();
  };
  return { sync, service, storage, timers, received, problems, statuses, local, make, text: () => statusText(sync.status) };
}

describe('RunSync', () => {
  it('keeps changes made offline in a queue that survives a reload, and sends each exactly once when back', async () => {
    const storage = new MemoryStorage();
    const first = setUp(storage);
    first.service.answer = () => offline;
    first.sync.start();
    first.service.stream!.failed(offline);
    const events = [tick('a'), tick('b'), tick('c')];
    events.forEach((event) => first.make(event));
    await flush();
    expect(first.text()).toBe('Offline · 3 changes waiting');
    first.sync.stop();

    // The page is reloaded, still offline, then the network comes back.
    const second = setUp(storage, new FakeService(), [...events]);
    expect(second.sync.waiting.map((event) => event.id)).toEqual(events.map((event) => event.id));
    second.sync.start();
    second.service.stream!.open();
    await flush();
    expect(second.service.committed).toEqual(events);
    expect(second.text()).toBe('Shared · synced');
    expect(storage.getItem(queueKey('demo', 'INC-1'))).toBeNull();
  });

  it('retries with growing delays, and sends at once when the live stream reconnects', async () => {
    const { sync, service, timers, text, make } = setUp();
    service.answer = () => offline;
    sync.start();
    make(tick('a'));
    await flush();
    const delays = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      delays.push(...timers.delays());
      timers.run();
      await flush();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(service.committed).toEqual([]);

    service.answer = () => null;
    service.stream!.open();
    await flush();
    expect(service.committed).toHaveLength(1);
    expect(text()).toBe('Shared · synced');
  });

  it('says why the server did not save, keeps the queue while the database is down, and sends it after', async () => {
    const { sync, service, timers, text, make } = setUp();
    sync.start();
    service.stream!.open();
    service.answer = () => ({ kind: 'unavailable', message: 'The run database is unreachable.', retryAfter: 5 });
    make(tick('a'));
    await flush();
    expect(text()).toBe('Not saved to the server: The run database is unreachable.');
    expect(timers.delays()).toEqual([5000]);
    service.answer = () => null;
    timers.run();
    await flush();
    expect(service.committed).toHaveLength(1);
    expect(text()).toBe('Shared · synced');
  });

  it('sets aside an event the service refuses as a whole request, says so, and sends the rest', async () => {
    const { sync, service, text, make } = setUp();
    sync.start();
    service.stream!.open();
    const bad = tick('bad');
    service.answer = () => (service.requests.at(-1)!.includes(bad) ? { kind: 'rejected', message: 'events[0]: "step" must be a step id' } : null);
    make(bad);
    await flush();
    make(tick('good'));
    await flush();
    expect(service.committed.map((event) => ('step' in event ? event.step : null))).toEqual(['good']);
    expect(sync.waiting).toEqual([]);
    expect(text()).toBe('Shared · synced');
    expect(refusedText(sync.refused)).toBe('1 change was refused by the server: events[0]: "step" must be a step id. It is kept in this browser’s record only.');
  });

  it('commits every valid event of a mixed batch, sets aside the refused one visibly, and never sends it again', async () => {
    const storage = new MemoryStorage();
    const { sync, service, text, local } = setUp(storage);
    const good = [tick('a'), tick('b')];
    const bad = { ...tick('c'), at: '1' } as RunEvent;
    local.push(good[0]!, bad, good[1]!);
    sync.start();
    await flush();
    service.stream!.open();
    await flush();
    expect(service.requests).toHaveLength(1);
    expect(service.committed).toEqual(good);
    expect(sync.refused).toEqual([{ id: bad.id, error: expect.stringContaining('"at" must be an ISO 8601 time') }]);
    expect(text()).toBe('Shared · synced');

    // Reloaded: the refused event is still shown, and not sent again.
    const again = setUp(storage, service, local);
    again.sync.start();
    await flush();
    service.stream!.open();
    await flush();
    expect(service.requests).toHaveLength(1);
    expect(again.sync.refused.map((event) => event.id)).toEqual([bad.id]);
  });

  it('halves a batch the service refuses whole until the one event it is about stands alone', async () => {
    const { sync, service, local } = setUp();
    const events = Array.from({ length: 8 }, (_, index) => tick(`s${index}`));
    const poison = events[5]!;
    service.answer = () => (service.requests.at(-1)!.includes(poison) ? { kind: 'rejected', message: 'The request body is too large.' } : null);
    local.push(...events);
    sync.start();
    await flush();
    service.stream!.open();
    for (let round = 0; round < 10; round++) await flush();
    expect(service.committed.map((event) => event.id).sort()).toEqual(events.filter((event) => event !== poison).map((event) => event.id).sort());
    expect(sync.refused.map((event) => event.id)).toEqual([poison.id]);
    expect(sync.waiting).toEqual([]);
  });

  it('sizes batches by bytes as well as by count, so no request is too large', async () => {
    const { sync, service, local } = setUp();
    const long = (n: number): RunEvent => ({ id: `note-${String(n).padStart(6, '0')}`, at: '2026-11-23T10:00:00.000Z', by: 'Ana', type: 'note', step: null, text: '€'.repeat(2000) });
    local.push(...Array.from({ length: API_LIMITS.eventsPerRequest }, (_, n) => long(n)));
    sync.start();
    await flush();
    service.stream!.open();
    for (let round = 0; round < 5; round++) await flush();
    expect(service.committed).toHaveLength(API_LIMITS.eventsPerRequest);
    expect(service.requests.length).toBeGreaterThan(1);
    for (const request of service.requests) expect(new TextEncoder().encode(JSON.stringify({ events: request })).length).toBeLessThanOrEqual(API_LIMITS.bodyBytes);
  });

  it('opening a run the service already has sends nothing; one event imported since is all it sends', async () => {
    const storage = new MemoryStorage();
    const service = new FakeService();
    const history = Array.from({ length: 1000 }, (_, index) => tick(`step-${index}`));
    service.committed.push(...history);
    // The first visit from this browser streams the run from its start and sends nothing back.
    const first = setUp(storage, service, []);
    first.sync.start();
    first.service.stream!.open();
    first.service.stream!.events(history, 1000);
    await flush();
    expect(first.received).toHaveLength(1000);
    expect(service.requests).toEqual([]);
    expect(first.text()).toBe('Shared · synced');
    first.sync.stop();

    // Opened again: no read, no append, the stream resumes where it was.
    const readsBefore = service.reads.length;
    const second = setUp(storage, service, [...first.local]);
    second.sync.start();
    second.service.stream!.open();
    await flush();
    expect(service.reads.length).toBe(readsBefore);
    expect(service.requests).toEqual([]);
    expect(service.subscribedFrom.at(-1)).toBe(1000);
    second.sync.stop();

    // An event that came from a file since: the run is read once more, and that event alone is sent.
    const imported = tick('from-a-file');
    const third = setUp(storage, service, [...first.local, imported]);
    third.sync.start();
    for (let round = 0; round < 600 && service.requests.length === 0; round++) await flush();
    expect(service.requests).toEqual([[imported]]);
    expect(service.reads.length).toBe(readsBefore + 10);
  });

  it('moves past an event it cannot read, says the page is out of date, and never claims to be synced', async () => {
    const { sync, service, timers, text, problems } = setUp();
    sync.start();
    service.stream!.open();
    service.stream!.events([tick('x')], 1);
    expect(text()).toBe('Shared · synced');
    service.stream!.unreadable(2);
    expect(text()).toBe('This page is out of date: reload to keep syncing');
    expect(problems).toEqual(['The server sent a change this page cannot read: reload the page to see it.']);
    service.stream!.failed(offline);
    timers.run();
    expect(service.subscribedFrom).toEqual([0, 2]);
  });

  it('on a service that speaks a newer protocol, queues but sends nothing and says the page is out of date', async () => {
    const service = new FakeService();
    const local: RunEvent[] = [];
    const sync = new RunSync({ slug: 'demo', ticket: 'INC-1', transport: service, storage: new MemoryStorage(), localEvents: () => local, onEvents: () => {}, outdated: true });
    sync.start();
    local.push(tick('a'));
    sync.offer();
    await flush();
    expect(service.requests).toEqual([]);
    expect(service.stream).toBeNull();
    expect(sync.waiting).toHaveLength(1);
    expect(statusText(sync.status)).toBe('This page is out of date: reload to keep syncing');
  });

  it('reads the run again from the start when the service has lost what this browser read, and sends it what it lacks', async () => {
    const { sync, service, make } = setUp();
    sync.start();
    service.stream!.open();
    const mine = [tick('a'), tick('b')];
    mine.forEach(make);
    await flush();
    expect(service.committed).toEqual(mine);
    service.stream!.events(mine, 2);
    // The service is restored from an older backup: it has none of them.
    service.committed = [];
    service.stream!.failed({ kind: 'behind', message: 'This run has 0 events on the service' });
    for (let round = 0; round < 5; round++) await flush();
    expect(service.reads).toContain(0);
    expect(service.committed.map((event) => event.id)).toEqual(mine.map((event) => event.id));
  });

  it('never says synced while a change waits', async () => {
    const { sync, service, make, timers } = setUp();
    const seen: { status: string; waiting: number }[] = [];
    const watch = () => seen.push({ status: statusText(sync.status), waiting: sync.waiting.length });
    service.answer = () => offline;
    sync.start();
    service.stream!.open();
    watch();
    make(tick('a'));
    watch();
    await flush();
    watch();
    service.answer = () => null;
    timers.run();
    watch();
    await flush();
    watch();
    expect(seen.filter(({ status, waiting }) => status === 'Shared · synced' && waiting > 0)).toEqual([]);
    expect(seen.at(-1)).toEqual({ status: 'Shared · synced', waiting: 0 });
  });

  it('stops retrying when access is refused, until told to try again', async () => {
    const { sync, service, timers, text, make } = setUp();
    sync.start();
    service.stream!.open();
    service.answer = () => ({ kind: 'denied', message: 'The access token is wrong.' });
    make(tick('a'));
    await flush();
    expect(text()).toBe('Not saved to the server: The access token is wrong.');
    expect(timers.delays()).toEqual([]);
    service.answer = () => null;
    sync.retryNow();
    await flush();
    expect(service.committed).toHaveLength(1);
  });

  it('passes on events from others, and resumes the stream from the last one it had', async () => {
    const { sync, service, timers, received, text } = setUp();
    sync.start();
    expect(text()).toBe('Connecting…');
    service.stream!.open();
    const theirs = [tick('x'), tick('y')];
    service.stream!.events(theirs, 2);
    expect(received).toEqual(theirs);
    service.stream!.failed(offline);
    expect(text()).toBe('Offline');
    timers.run();
    expect(service.subscribedFrom).toEqual([0, 2]);
  });

  it('clears a queue it cannot read, and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(queueKey('demo', 'INC-1'), '{not json');
    const { sync, problems } = setUp(storage);
    expect(sync.waiting).toEqual([]);
    expect(problems).toEqual(['The changes waiting to be sent for this run could not be read and were cleared.']);

    storage.setItem(queueKey('demo', 'INC-1'), JSON.stringify([tick('a'), { id: 'x' }]));
    const again = setUp(storage);
    expect(again.sync.waiting).toHaveLength(1);
    expect(again.problems[0]).toMatch(/^1 of the changes waiting .* were unreadable/);
  });
});

describe('statusText', () => {
  it('says what is true in a few words', () => {
    expect(statusText({ kind: 'synced' })).toBe('Shared · synced');
    expect(statusText({ kind: 'offline', waiting: 1 })).toBe('Offline · 1 change waiting');
    expect(statusText({ kind: 'sending', waiting: 2 })).toBe('Shared · sending 2 changes');
    expect(statusText({ kind: 'not-saved', reason: 'The access token is wrong.', waiting: 1 })).toBe('Not saved to the server: The access token is wrong.');
  });
});

describe('retryDelay', () => {
  it('doubles up to 30 s, spreads clients apart, and waits at least as long as the service asked', () => {
    expect([0, 1, 2, 10, 40].map((attempt) => retryDelay(attempt, () => 1))).toEqual([500, 1000, 2000, 30_000, 30_000]);
    expect(retryDelay(3, () => 0)).toBe(2000);
    expect(retryDelay(0, () => 1, 7)).toBe(7000);
  });
});
