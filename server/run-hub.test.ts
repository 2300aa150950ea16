import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../lib/runs/events';
import { RunHub } from './run-hub';

const event = (n: number): RunEvent => ({ id: `event-${String(n).padStart(4, '0')}`, at: '2026-11-23T10:00:00.000Z', by: null, type: 'tick', step: `s${n}` });

function fakeRun(pageSize = 1000) {
  const events: RunEvent[] = [];
  let reads = 0;
  const read = async (_name: string, cursor: number) => {
    reads++;
    const page = events.slice(cursor, cursor + pageSize);
    return { events: page, cursor: cursor + page.length, more: cursor + page.length < events.length };
  };
  return { events, read, reads: () => reads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('RunHub', () => {
  it('gives each watcher every event after its own cursor once, in order, with one read per notification', async () => {
    const run = fakeRun();
    const hub = new RunHub(run.read, () => {});
    run.events.push(event(1), event(2));
    const early: string[] = [];
    const late: string[] = [];
    hub.watch('demo/INC-1', { cursor: 0, send: (events) => early.push(...events.map((e) => e.id)) });
    hub.watch('demo/INC-1', { cursor: 2, send: (events) => late.push(...events.map((e) => e.id)) });
    await settle();
    run.events.push(event(3));
    const reads = run.reads();
    await hub.notify('demo/INC-1');
    await hub.notify('demo/INC-1');
    expect(early).toEqual(['event-0001', 'event-0002', 'event-0003']);
    expect(late).toEqual(['event-0003']);
    expect(run.reads() - reads).toBe(2);
  });

  it('reads page after page for a watcher far behind', async () => {
    const run = fakeRun(2);
    for (let n = 1; n <= 5; n++) run.events.push(event(n));
    const hub = new RunHub(run.read, () => {});
    const seen: number[] = [];
    hub.watch('demo/INC-1', { cursor: 0, send: (_events, cursor) => seen.push(cursor) });
    await settle();
    expect(seen).toEqual([2, 4, 5]);
  });

  it('keeps cursors through a failed read, and catches up on the next notification', async () => {
    const run = fakeRun();
    let down = true;
    const logged: string[] = [];
    const hub = new RunHub((name, cursor) => (down ? Promise.reject(new Error('database down')) : run.read(name, cursor)), (message) => logged.push(message));
    const seen: string[] = [];
    hub.watch('demo/INC-1', { cursor: 0, send: (events) => seen.push(...events.map((e) => e.id)) });
    run.events.push(event(1));
    await settle();
    expect(seen).toEqual([]);
    expect(logged[0]).toMatch(/database down/);
    down = false;
    await hub.notifyAll();
    expect(seen).toEqual(['event-0001']);
  });

  it('a watcher that joins behind the others while a read is under way gets every event it lacks, none skipped', async () => {
    const run = fakeRun();
    for (let n = 1; n <= 4; n++) run.events.push(event(n));
    let release = () => {};
    let slow = false;
    const hub = new RunHub(async (name, cursor) => {
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      return run.read(name, cursor);
    }, () => {});
    hub.watch('demo/INC-1', { cursor: 3, send: () => {} });
    await settle();
    run.events.push(event(5));
    slow = true;
    const reading = hub.notify('demo/INC-1');
    await settle();
    // Joins from cursor 1 while the hub reads from 3.
    const seen: number[] = [];
    hub.watch('demo/INC-1', { cursor: 1, send: (events, cursor) => seen.push(...events.map((_, index) => cursor - events.length + index + 1)) });
    slow = false;
    release();
    await reading;
    await settle();
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it('forgets a run when its last watcher stops', async () => {
    const run = fakeRun();
    const hub = new RunHub(run.read, () => {});
    const stop = hub.watch('demo/INC-1', { cursor: 0, send: () => {} });
    expect(hub.watchers).toBe(1);
    stop();
    expect(hub.watchers).toBe(0);
    const reads = run.reads();
    await hub.notify('demo/INC-1');
    expect(run.reads()).toBe(reads);
  });
});
