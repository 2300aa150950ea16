import { describe, expect, it, vi } from 'vitest';
import { EMPTY_STATE as EMPTY, mergeChecklists, orphanedTicks, parseChecklist, progress, setStepDone, storageKey } from './state';
import { createChecklistStore } from './store';

/** A Storage with the browser's contract, backed by a Map. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const KEY = storageKey('some-procedure');
const NOW = new Date('2026-11-22T10:15:00.000Z');

describe('reading saved state', () => {
  it.each([
    ['garbage', 'not json at all'],
    ['JSON of the wrong type', '42'],
    ['an older shape (a list of ids)', '["open-services","restart-service"]'],
    ['a newer version', '{"version":2,"steps":{}}'],
    ['a tick with no time', '{"version":1,"steps":{"open-services":{}}}'],
  ])('treats %s as unreadable and empty', (_, raw) => {
    expect(parseChecklist(raw)).toEqual({ state: { version: 1, steps: {} }, unreadable: true });
  });

  it('reads a valid state, and nothing as empty', () => {
    const raw = JSON.stringify({ version: 1, steps: { 'open-services': { doneAt: NOW.toISOString() } } });
    expect(parseChecklist(raw)).toEqual({ state: JSON.parse(raw), unreadable: false });
    expect(parseChecklist(null)).toEqual({ state: { version: 1, steps: {} }, unreadable: false });
  });

  it('counts progress over the procedure steps only, and names ticks on removed steps', () => {
    const { state } = parseChecklist(
      JSON.stringify({ version: 1, steps: { a: { doneAt: NOW.toISOString() }, gone: { doneAt: NOW.toISOString() } } }),
    );
    expect(progress(state, ['a', 'b', 'c'])).toEqual({ done: 1, skipped: 0, total: 3 });
    expect(orphanedTicks(state, ['a', 'b', 'c'])).toEqual(['gone']);
  });

  it('does not take names every object has for ticked steps', () => {
    expect(progress(parseChecklist('{"version":1,"steps":{}}').state, ['constructor', 'to-string'])).toEqual({ done: 0, skipped: 0, total: 2 });
  });
});

describe('the checklist store', () => {
  it('saves a tick with its time, and unticks', () => {
    const storage = new MemoryStorage();
    const store = createChecklistStore({ storage, key: KEY, now: () => NOW });
    store.update((state, now) => setStepDone(state, 'open-services', true, now));
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ version: 1, steps: { 'open-services': { doneAt: '2026-11-22T10:15:00.000Z' } } });
    store.update((state, now) => setStepDone(state, 'open-services', false, now));
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ version: 1, steps: {} });
    expect(JSON.parse(storage.getItem(KEY)!).log).toEqual([
      { at: '2026-11-22T10:15:00.000Z', step: 'open-services', action: 'done' },
      { at: '2026-11-22T10:15:00.000Z', step: 'open-services', action: 'undone' },
    ]);
  });

  it('keeps a tick another tab saved since this tab last rendered', () => {
    const storage = new MemoryStorage();
    const here = createChecklistStore({ storage, key: KEY, now: () => NOW });
    const otherTab = createChecklistStore({ storage, key: KEY, now: () => NOW });
    here.update((state, now) => setStepDone(state, 'a', true, now));
    otherTab.update((state, now) => setStepDone(state, 'b', true, now));
    here.update((state, now) => setStepDone(state, 'c', true, now));
    expect(Object.keys(parseChecklist(here.getSnapshot()).state.steps)).toEqual(['a', 'b', 'c']);
  });

  it('replaces unreadable storage with a fresh state on the next tick', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '{broken');
    createChecklistStore({ storage, key: KEY, now: () => NOW }).update((state, now) => setStepDone(state, 'a', true, now));
    expect(parseChecklist(storage.getItem(KEY))).toMatchObject({ unreadable: false, state: { steps: { a: {} } } });
  });

  it('tells listeners about its own writes and about other tabs, but not about other keys', () => {
    const events = new EventTarget();
    const store = createChecklistStore({ storage: new MemoryStorage(), key: KEY, events: events as unknown as Window });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.update((state, now) => setStepDone(state, 'a', true, now));
    events.dispatchEvent(Object.assign(new Event('storage'), { key: KEY }));
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'runbook:checklist:another' }));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    events.dispatchEvent(Object.assign(new Event('storage'), { key: KEY }));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps ticks in memory and says so when storage refuses to write', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    const onWriteFailed = vi.fn();
    const store = createChecklistStore({ storage, key: KEY, onWriteFailed, now: () => NOW });
    store.update((state, now) => setStepDone(state, 'a', true, now));
    store.update((state, now) => setStepDone(state, 'b', true, now));
    expect(onWriteFailed).toHaveBeenCalledTimes(2);
    expect(Object.keys(parseChecklist(store.getSnapshot()).state.steps)).toEqual(['a', 'b']);
  });

  it('works with no storage at all, as in a locked-down browser', () => {
    const onWriteFailed = vi.fn();
    const store = createChecklistStore({ storage: null, key: KEY, onWriteFailed, now: () => NOW });
    expect(store.getSnapshot()).toBeNull();
    store.update((state, now) => setStepDone(state, 'a', true, now));
    expect(onWriteFailed).toHaveBeenCalledOnce();
    expect(parseChecklist(store.getSnapshot()).state.steps).toHaveProperty('a');
  });

  it('merges two tabs that tick at the same moment, each from a stale copy, so that neither tick is lost', () => {
    // Each tab has its own copy of storage, as each renderer does; the browser passes writes on as storage events.
    const tabs = [new MemoryStorage(), new MemoryStorage()];
    const events = [new EventTarget(), new EventTarget()];
    let clock = 0;
    const stores = tabs.map((storage, index) =>
      createChecklistStore({ storage, key: KEY, events: events[index] as unknown as Window, now: () => new Date(NOW.getTime() + clock++ * 1000) }),
    );
    stores.forEach((store) => store.subscribe(() => {}));
    const deliver = (to: number) => {
      const value = tabs[1 - to]!.getItem(KEY);
      tabs[to]!.setItem(KEY, value!);
      events[to]!.dispatchEvent(Object.assign(new Event('storage'), { key: KEY, newValue: value }));
    };

    stores[0]!.update((state, now) => setStepDone(state, 'a', true, now));
    stores[1]!.update((state, now) => setStepDone(state, 'b', true, now));
    deliver(0); // Tab 1's write lands last: tab 0 sees a copy without its own tick, and puts it back.
    deliver(1); // Tab 0's merged write reaches tab 1, which has nothing to add.
    for (const store of stores) expect(Object.keys(parseChecklist(store.getSnapshot()).state.steps).sort()).toEqual(['a', 'b']);
  });

  it('keeps a later untick from another tab over an earlier tick of its own', () => {
    const mine = setStepDone(EMPTY, 'a', true, new Date('2026-11-22T10:00:00Z'));
    const theirs = setStepDone(setStepDone(EMPTY, 'a', true, new Date('2026-11-22T09:59:00Z')), 'a', false, new Date('2026-11-22T10:01:00Z'));
    const merged = mergeChecklists(theirs, mine)!;
    expect(merged.steps).toEqual({});
    expect(merged.log!.map((entry) => entry.action)).toEqual(['done', 'done', 'undone']);
    expect(mergeChecklists(merged, mine)).toBeNull();
  });
});
