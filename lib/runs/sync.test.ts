import { describe, expect, it } from 'vitest';
import type { AppendResponse } from './api';
import type { RunEvent } from './events';
import { queueKey, retryDelay, RunSync, statusText, type SyncFailure, type SyncStatus, type SyncTransport, type Timers } from './sync';

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

  async append(events: RunEvent[]): Promise<AppendResponse> {
    this.requests.push(events);
    const failure = this.answer();
    if (failure) throw failure;
    const added = events.filter((event) => !this.committed.some((kept) => kept.id === event.id));
    this.committed.push(...added);
    return { added: added.map((event) => event.id), cursor: this.committed.length };
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

function setUp(storage = new MemoryStorage(), service = new FakeService()) {
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
    onEvents: (events) => received.push(...events),
    onStatus: (status) => statuses.push(status),
    onProblem: (message) => problems.push(message),
  });
  return { sync, service, storage, timers, received, problems, statuses, text: () => statusText(sync.status) };
}

describe('RunSync', () => {
  it('keeps changes made offline in a queue that survives a reload, and sends each exactly once when back', async () => {
    const storage = new MemoryStorage();
    const first = setUp(storage);
    first.service.answer = () => offline;
    first.sync.start();
    first.service.stream!.failed(offline);
    const events = [tick('a'), tick('b'), tick('c')];
    events.forEach((event) => first.sync.add(event));
    await flush();
    expect(first.text()).toBe('Offline · 3 changes waiting');
    first.sync.stop();

    // The page is reloaded, still offline, then the network comes back.
    const second = setUp(storage);
    expect(second.sync.waiting.map((event) => event.id)).toEqual(events.map((event) => event.id));
    second.sync.start();
    second.service.stream!.open();
    await flush();
    expect(second.service.committed).toEqual(events);
    expect(second.text()).toBe('Shared · synced');
    expect(storage.getItem(queueKey('demo', 'INC-1'))).toBeNull();
  });

  it('retries with growing delays, and sends at once when the live stream reconnects', async () => {
    const { sync, service, timers, text } = setUp();
    service.answer = () => offline;
    sync.start();
    sync.add(tick('a'));
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
    const { sync, service, timers, text } = setUp();
    sync.start();
    service.stream!.open();
    service.answer = () => ({ kind: 'unavailable', message: 'The run database is unreachable.', retryAfter: 5 });
    sync.add(tick('a'));
    await flush();
    expect(text()).toBe('Not saved to the server: The run database is unreachable.');
    expect(timers.delays()).toEqual([5000]);
    service.answer = () => null;
    timers.run();
    await flush();
    expect(service.committed).toHaveLength(1);
    expect(text()).toBe('Shared · synced');
  });

  it('drops an event the service will never take, says so, and sends the rest', async () => {
    const { sync, service, text } = setUp();
    sync.start();
    service.stream!.open();
    const bad = tick('bad');
    service.answer = () => (service.requests.at(-1)!.includes(bad) ? { kind: 'rejected', message: 'events[0]: "step" must be a step id' } : null);
    sync.add(bad);
    await flush();
    sync.add(tick('good'));
    await flush();
    expect(service.committed.map((event) => ('step' in event ? event.step : null))).toEqual(['good']);
    expect(sync.waiting).toEqual([]);
    expect(text()).toBe('Not saved to the server: events[0]: "step" must be a step id');
  });

  it('stops retrying when access is refused, until told to try again', async () => {
    const { sync, service, timers, text } = setUp();
    sync.start();
    service.stream!.open();
    service.answer = () => ({ kind: 'denied', message: 'The access token is wrong.' });
    sync.add(tick('a'));
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
