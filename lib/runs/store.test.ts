import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseRunEvent, type RunEvent } from './events';
import { sampleRun } from './fixtures/sample-run';
import { migrateLegacy } from './migrate';
import { foldRun } from './state';
import { createRunStore, localStorageAdapter, parseRunStorageKey, runStorageKey, type RunKey, type StoreProblem } from './store';

/** A browser's localStorage shared by its tabs: each tab's writes reach the other tabs as `storage` events, when `flush` delivers them. */
class Browser {
  readonly items = new Map<string, string>();
  /** Writes throw as a full storage does while this says so. */
  refuse: (key: string) => boolean = () => false;
  private readonly tabs: { storage: TabStorage; window: EventTarget }[] = [];
  private readonly queue: (() => void)[] = [];

  tab() {
    const window = new EventTarget();
    const storage = new TabStorage(this, (key, newValue) => {
      for (const other of this.tabs)
        if (other.window !== window)
          this.queue.push(() => other.window.dispatchEvent(Object.assign(new Event('storage'), { key, newValue, storageArea: other.storage })));
    });
    this.tabs.push({ storage, window });
    const problems: StoreProblem[] = [];
    const adapter = localStorageAdapter(storage, window as unknown as Window, (problem) => problems.push(problem), { migrate: migrateLegacy });
    return { storage, window, problems, adapter };
  }

  /** Delivers the `storage` events written so far. */
  flush() {
    while (this.queue.length > 0) this.queue.shift()!();
  }
}

/** One tab's view of the browser's storage, with the browser's contract. */
class TabStorage implements Storage {
  constructor(
    private readonly browser: Browser,
    private readonly written: (key: string | null, newValue: string | null) => void,
  ) {}
  get length() {
    return this.browser.items.size;
  }
  clear() {
    this.browser.items.clear();
    this.written(null, null);
  }
  getItem(key: string) {
    return this.browser.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.browser.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.browser.items.delete(key);
    this.written(key, null);
  }
  setItem(key: string, value: string) {
    if (this.browser.refuse(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.browser.items.set(key, String(value));
    this.written(key, String(value));
  }
}

const RUN: RunKey = { slug: 'update-ad-ds-account-password', ticket: 'INC-2041' };
const OTHER: RunKey = { slug: 'update-ad-ds-account-password', ticket: 'INC-2042' };
const PLAIN: RunKey = { slug: 'update-ad-ds-account-password', ticket: null };
const NOW = new Date('2026-11-22T10:15:00.000Z');
const clock = (start = NOW) => {
  let time = start.getTime();
  return () => new Date((time += 60_000));
};
const stored = (browser: Browser, key: string) => JSON.parse(browser.items.get(key)!) as { version: number; events: RunEvent[] };
const tick = (step: string) => ({ type: 'tick' as const, step });

describe('keys', () => {
  it('names a run’s key, and reads it back', () => {
    expect(runStorageKey(RUN)).toBe('runbook:events:update-ad-ds-account-password:INC-2041');
    expect(runStorageKey(PLAIN)).toBe('runbook:events:update-ad-ds-account-password');
    expect(parseRunStorageKey(runStorageKey(RUN))).toEqual(RUN);
    expect(parseRunStorageKey(runStorageKey(PLAIN))).toEqual(PLAIN);
    expect(parseRunStorageKey('runbook:events:x:y:z')).toBeNull();
    expect(parseRunStorageKey('runbook:run:x:y')).toBeNull();
  });

  it('refuses a key that no run can have', () => {
    expect(() => runStorageKey({ slug: 'p', ticket: 'a:b' })).toThrow('ticket id');
    expect(() => runStorageKey({ slug: 'Not A Slug', ticket: null })).toThrow();
  });
});

describe('the run store', () => {
  it('stamps what it appends with an id, the time and who, and saves it', () => {
    const browser = new Browser();
    const store = createRunStore(browser.tab().adapter, { now: () => NOW, who: () => 'Ana Lima' });
    store.append(RUN, [tick('open-services'), { type: 'skip', step: 'watch-next-run', reason: 'no run scheduled' }]);
    const { version, events } = stored(browser, 'runbook:events:update-ad-ds-account-password:INC-2041');
    expect(version).toBe(2);
    expect(events).toMatchObject([
      { at: '2026-11-22T10:15:00.000Z', by: 'Ana Lima', type: 'tick', step: 'open-services' },
      // Events made here get strictly increasing times, so they fold in the order they were made.
      { at: '2026-11-22T10:15:00.001Z', by: 'Ana Lima', type: 'skip', step: 'watch-next-run', reason: 'no run scheduled' },
    ]);
    expect(events.every((event) => parseRunEvent(event).ok)).toBe(true);
    expect(store.getRun(RUN).marks['open-services']).toEqual({ status: 'done', at: '2026-11-22T10:15:00.000Z', by: 'Ana Lima' });
  });

  it('folds changes made in the same millisecond in the order they were made', () => {
    const store = createRunStore(new Browser().tab().adapter, () => NOW);
    store.append(RUN, [tick('a')]);
    store.append(RUN, [{ type: 'untick', step: 'a' }]);
    store.append(RUN, [tick('b')]);
    store.append(RUN, [{ type: 'skip', step: 'b', reason: 'not here' }]);
    expect(store.getRun(RUN).marks).toEqual({ b: { status: 'skipped', at: '2026-11-22T10:15:00.003Z', by: null, reason: 'not here' } });
  });

  it('refuses an event that is not valid, saying why', () => {
    const store = createRunStore(new Browser().tab().adapter);
    expect(() => store.append(RUN, [{ type: 'skip', step: 'a', reason: '' }])).toThrow('"reason" must be a text');
    expect(store.getRun(RUN).events).toEqual([]);
  });

  it('takes the copy of an event the service vouched for in place of its own, and shows it at once', () => {
    const store = createRunStore(new Browser().tab().adapter, { now: () => NOW, who: () => 'Ana' });
    store.subscribe(() => {});
    store.append(RUN, [tick('a')]);
    const [mine] = store.getRun(RUN).events;
    expect(store.merge(RUN, [{ ...mine!, via: 'ben@corp.example' }])).toEqual({ added: 1 });
    expect(store.getRun(RUN).marks['a']?.by).toBe('Ana, via ben@corp.example');
    expect(store.merge(RUN, [mine!])).toEqual({ added: 0 });
    expect(store.getRun(RUN).events[0]!.via).toBe('ben@corp.example');
  });

  it('merges events made elsewhere once, and says how many were new', () => {
    const store = createRunStore(new Browser().tab().adapter);
    const events = sampleRun(30);
    expect(store.merge(RUN, events.slice(0, 20))).toEqual({ added: 20 });
    const before = store.getRun(RUN);
    expect(store.merge(RUN, events.slice(0, 20))).toEqual({ added: 0 });
    expect(store.getRun(RUN)).toBe(before);
    expect(store.merge(RUN, [...events, ...events])).toEqual({ added: 10 });
    expect(store.getRun(RUN).events).toEqual(foldRun(RUN.slug, RUN.ticket, events).events);
  });

  it('removes a run', () => {
    const browser = new Browser();
    const store = createRunStore(browser.tab().adapter, clock());
    store.append(RUN, [tick('a')]);
    store.remove(RUN);
    expect(store.getRun(RUN).events).toEqual([]);
    expect(browser.items.size).toBe(0);
    expect(store.listRuns()).toEqual([]);
  });
});

describe('two tabs', () => {
  it('keeps both tabs’ changes, and tells the other tab’s listeners', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const [here, there] = [createRunStore(one.adapter, { now: clock(), who: () => 'Ana' }), createRunStore(two.adapter, { now: clock(), who: () => 'Jonas' })];
    const heard = vi.fn();
    here.subscribe(heard);
    expect(here.getRun(RUN).events).toEqual([]);
    // Both write before either hears of the other.
    here.append(RUN, [tick('a')]);
    there.append(RUN, [tick('b')]);
    browser.flush();
    expect(heard).toHaveBeenCalled();
    expect(Object.keys(here.getRun(RUN).marks).sort()).toEqual(['a', 'b']);
    expect(Object.keys(there.getRun(RUN).marks).sort()).toEqual(['a', 'b']);
    expect(here.getRun(RUN).people.sort()).toEqual(['Ana', 'Jonas']);
  });

  it('puts back its events when another tab wrote over them from a stale copy', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const here = createRunStore(one.adapter, clock());
    here.subscribe(() => {});
    here.append(RUN, [tick('a')]);
    const stale = browser.items.get(runStorageKey(RUN))!;
    here.append(RUN, [tick('b')]);
    // The other tab read before the second tick and writes its own change on that copy: the second tick is gone from storage.
    const theirs = { ...stored(browser, runStorageKey(RUN)), events: [...JSON.parse(stale).events, { id: 'their-tick-0001', at: NOW.toISOString(), by: null, type: 'tick', step: 'c' }] };
    two.storage.setItem(runStorageKey(RUN), JSON.stringify(theirs));
    browser.flush();
    expect(stored(browser, runStorageKey(RUN)).events.map((event) => 'step' in event && event.step).sort()).toEqual(['a', 'b', 'c']);
    expect(Object.keys(here.getRun(RUN).marks).sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not undo a removal made in another tab', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const [here, there] = [createRunStore(one.adapter, clock()), createRunStore(two.adapter, clock())];
    here.subscribe(() => {});
    here.append(RUN, [tick('a')]);
    there.remove(RUN);
    browser.flush();
    expect(browser.items.has(runStorageKey(RUN))).toBe(false);
    expect(here.getRun(RUN).events).toEqual([]);
  });

  it('hears a clear of all storage, and ignores keys that are not runs', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const here = createRunStore(one.adapter, clock());
    const heard = vi.fn();
    here.subscribe(heard);
    here.append(RUN, [tick('a')]);
    heard.mockClear();
    two.storage.setItem('theme', 'dark');
    browser.flush();
    expect(heard).not.toHaveBeenCalled();
    two.storage.clear();
    browser.flush();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(here.getRun(RUN).events).toEqual([]);
  });

  it('merge order does not matter: any split of the same events, in any order, over two tabs gives one state', () => {
    const step = fc.constantFrom('a', 'b', 'constructor');
    const at = fc.integer({ min: 0, max: 5 }).map((minute) => new Date(NOW.getTime() + minute * 60_000).toISOString());
    const event = fc.oneof(
      fc.record({ type: fc.constantFrom('tick' as const, 'untick' as const, 'unskip' as const), step, at }),
      fc.record({ type: fc.constant('skip' as const), step, at, reason: fc.constantFrom('no', 'later') }),
      fc.record({ type: fc.constantFrom('finish' as const, 'reopen' as const), at }),
    );
    const run = fc.array(event, { minLength: 1, maxLength: 25 }).map((drafts) => drafts.map((draft, index) => ({ ...draft, id: `event-${String(index).padStart(4, '0')}`, by: null }) as RunEvent));
    fc.assert(
      fc.property(run, fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.nat({ max: 3 })), { minLength: 1, maxLength: 30 }), (events, plan) => {
        const browser = new Browser();
        const tabs = [browser.tab(), browser.tab()].map((tab) => createRunStore(tab.adapter));
        tabs.forEach((store) => store.subscribe(() => {}));
        // Each step of the plan: one tab merges a few events, starting anywhere, some of them again; sometimes the tabs hear of it.
        for (const [start, first, size] of plan) {
          const from = start % events.length;
          tabs[first ? 0 : 1]!.merge(RUN, events.slice(from, from + size + 1));
          if (start % 2 === 0) browser.flush();
        }
        tabs[0]!.merge(RUN, events);
        browser.flush();
        const expected = foldRun(RUN.slug, RUN.ticket, events);
        for (const store of tabs) expect(store.getRun(RUN)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapshots for useSyncExternalStore', () => {
  it('gives the same run object until that run changes', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const here = createRunStore(one.adapter, clock());
    const there = createRunStore(two.adapter, clock());
    here.subscribe(() => {});
    const first = here.getRun(RUN);
    expect(here.getRun({ ...RUN })).toBe(first);
    here.append(OTHER, [tick('a')]);
    expect(here.getRun(RUN)).toBe(first);
    // Another tab writes the same events again, or writes another run: still the same object.
    two.storage.setItem(runStorageKey(RUN), JSON.stringify({ version: 2, events: [] }));
    there.append(OTHER, [tick('b')]);
    browser.flush();
    expect(here.getRun(RUN)).toBe(first);
    here.append(RUN, [tick('a')]);
    const second = here.getRun(RUN);
    expect(second).not.toBe(first);
    expect(here.getRun(RUN)).toBe(second);
  });

  it('gives the same list until a run changes, and keeps the objects of runs that did not', () => {
    const browser = new Browser();
    const store = createRunStore(browser.tab().adapter, clock());
    store.subscribe(() => {});
    store.append(RUN, [tick('a')]);
    store.append(OTHER, [tick('a')]);
    const list = store.listRuns();
    expect(store.listRuns()).toBe(list);
    const other = store.getRun(OTHER);
    store.append(RUN, [tick('b')]);
    const next = store.listRuns();
    expect(next).not.toBe(list);
    expect(next[1]).toBe(other);
    expect(store.listRuns()).toBe(next);
  });

  it('reads storage again after a time nobody listened, keeping what did not change', () => {
    const browser = new Browser();
    const [one, two] = [browser.tab(), browser.tab()];
    const here = createRunStore(one.adapter, clock());
    const unsubscribe = here.subscribe(() => {});
    here.append(RUN, [tick('a')]);
    const first = here.getRun(RUN);
    unsubscribe();
    expect(here.getRun(RUN)).toBe(first);
    // Nobody listens here, so this tab never hears of the other's change: it reads storage again instead.
    createRunStore(two.adapter, clock()).append(RUN, [tick('b')]);
    browser.flush();
    here.subscribe(() => {});
    expect(Object.keys(here.getRun(RUN).marks).sort()).toEqual(['a', 'b']);
  });
});

describe('listing runs', () => {
  it('lists runs with a ticket, newest activity first, and not the plain checklist or an empty run', () => {
    const browser = new Browser();
    const store = createRunStore(browser.tab().adapter, clock());
    store.append(RUN, [tick('a')]);
    store.append(OTHER, [tick('a')]);
    store.append(PLAIN, [tick('a')]);
    store.append({ slug: 'reset-azure-ad-connector-account', ticket: 'INC-7' }, [tick('a')]);
    browser.items.set(runStorageKey({ slug: 'empty', ticket: 'INC-0' }), '{"version":2,"events":[]}');
    expect(store.listRuns().map((run) => run.ticket)).toEqual(['INC-7', 'INC-2042', 'INC-2041']);
    store.append(RUN, [tick('b')]);
    expect(store.listRuns().map((run) => run.ticket)).toEqual(['INC-2041', 'INC-7', 'INC-2042']);
  });
});

describe('when storage fails', () => {
  it('keeps working in memory when writes are refused, says so once, and saves it all when writes work again', () => {
    const browser = new Browser();
    const tab = browser.tab();
    browser.items.set('runbook:run:update-ad-ds-account-password:INC-KEEP', '{"keep":true}');
    const store = createRunStore(tab.adapter, clock());
    browser.refuse = () => true;
    store.append(RUN, [tick('a')]);
    store.append(RUN, [tick('b')]);
    expect(Object.keys(store.getRun(RUN).marks)).toEqual(['a', 'b']);
    expect(store.listRuns().map((run) => run.ticket)).toEqual(['INC-2041']);
    expect(tab.problems.filter((problem) => problem.kind === 'not-saved')).toEqual([
      { kind: 'not-saved', key: runStorageKey(RUN), message: expect.stringContaining('The quota has been exceeded') },
    ]);
    expect(browser.items.get('runbook:run:update-ad-ds-account-password:INC-KEEP')).toBe('{"keep":true}');
    browser.refuse = () => false;
    store.append(RUN, [tick('c')]);
    expect(stored(browser, runStorageKey(RUN)).events.map((event) => 'step' in event && event.step)).toEqual(['a', 'b', 'c']);
  });

  it('works without storage at all', () => {
    const problems: StoreProblem[] = [];
    const store = createRunStore(localStorageAdapter(null, undefined, (problem) => problems.push(problem), { migrate: migrateLegacy }), clock());
    store.append(RUN, [tick('a')]);
    store.append(RUN, [tick('b')]);
    expect(Object.keys(store.getRun(RUN).marks)).toEqual(['a', 'b']);
    expect(store.listRuns()).toHaveLength(1);
    expect(problems.map((problem) => problem.kind)).toEqual(['not-saved']);
  });

  it.each([
    ['garbage', 'not json at all', 'it is not JSON', 0],
    ['JSON of another shape', '["a","b"]', 'not a list of run events', 0],
    ['a newer version', '{"version":3,"events":[]}', 'a newer version of this site wrote it (version 3)', 0],
    ['a bad event among good ones', JSON.stringify({ version: 2, events: [...sampleRun(3), { id: 'short', type: 'tick' }] }), '1 of 4 events are not valid (the first: "id" must be', 3],
  ])('sets %s aside, says so, and keeps what it can read', (_, raw, what, kept) => {
    const browser = new Browser();
    const tab = browser.tab();
    browser.items.set(runStorageKey(RUN), raw);
    browser.items.set(runStorageKey(OTHER), JSON.stringify({ version: 2, events: sampleRun(2) }));
    const store = createRunStore(tab.adapter, clock());
    expect(store.getRun(RUN).events).toHaveLength(kept);
    expect(tab.problems).toEqual([{ kind: 'unreadable', key: runStorageKey(RUN), keptAs: expect.stringMatching(/^runbook:unreadable:runbook:events:update-ad-ds-account-password:INC-2041:2\d{3}-/), message: expect.stringContaining(what) }]);
    expect(browser.items.get(tab.problems[0]!.keptAs!)).toBe(raw);
    expect(stored(browser, runStorageKey(RUN)).events).toHaveLength(kept);
    expect(store.getRun(OTHER).events).toHaveLength(2);
    // Read again, it is a valid (reset) value: nothing more to report, nothing copied twice.
    store.append(RUN, [tick('a')]);
    expect(createRunStore(browser.tab().adapter).getRun(RUN).events).toHaveLength(kept + 1);
    expect(tab.problems).toHaveLength(1);
    expect([...browser.items.keys()].filter((key) => key.startsWith('runbook:unreadable:'))).toHaveLength(1);
  });

  it('leaves an unreadable value alone when it cannot be copied aside, and keeps changes in memory', () => {
    const browser = new Browser();
    const tab = browser.tab();
    browser.items.set(runStorageKey(RUN), 'not json');
    browser.refuse = (key) => key.startsWith('runbook:unreadable:');
    const store = createRunStore(tab.adapter, clock());
    store.append(RUN, [tick('a')]);
    expect(Object.keys(store.getRun(RUN).marks)).toEqual(['a']);
    expect(browser.items.get(runStorageKey(RUN))).toBe('not json');
    expect(tab.problems.map((problem) => [problem.kind, problem.key])).toEqual([
      ['unreadable', runStorageKey(RUN)],
      ['not-saved', runStorageKey(RUN)],
    ]);
    expect(tab.problems[0]!.message).toContain('could not be copied aside');
  });
});

describe('runs saved by today’s code', () => {
  const legacy = JSON.parse(readFileSync(new URL('fixtures/legacy-storage.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const withLegacy = () => {
    const browser = new Browser();
    for (const [key, value] of Object.entries(legacy)) browser.items.set(key, JSON.stringify(value));
    return browser;
  };

  it('migrates a legacy run on first read, saves it under the new key, and leaves the legacy key as it was', () => {
    const browser = withLegacy();
    const store = createRunStore(browser.tab().adapter, clock());
    expect(store.listRuns().map((run) => run.ticket)).toEqual(['INC-2041', 'INC-1999']);
    const run = store.getRun(RUN);
    expect(run.finishedAt).toBe('2026-11-20T09:46:00.000Z');
    expect(run.build).toBe('1.1.443.0');
    expect(run.marks['open-services']).toMatchObject({ status: 'skipped', reason: 'Restarted from PowerShell with Restart-Service ADSync instead' });
    expect(stored(browser, runStorageKey(RUN)).events).toEqual(run.events);
    for (const [key, value] of Object.entries(legacy)) expect(browser.items.get(key)).toBe(JSON.stringify(value));
    expect(Object.keys(store.getRun(PLAIN).marks)).toEqual([]);
    expect(Object.keys(store.getRun({ slug: 'reset-azure-ad-connector-account', ticket: null }).marks)).toHaveLength(3);
  });

  it('gives two tabs migrating at once one copy of each event', () => {
    const browser = withLegacy();
    const [one, two] = [browser.tab(), browser.tab()];
    const first = createRunStore(one.adapter).getRun(RUN).events;
    // The other tab read before this one wrote its migration, so it migrates too; its write lands on this one's.
    const written = browser.items.get(runStorageKey(RUN))!;
    browser.items.delete(runStorageKey(RUN));
    const second = two.adapter.load(RUN);
    browser.items.set(runStorageKey(RUN), written);
    two.adapter.append(RUN, second);
    expect(second).toEqual(first);
    expect(stored(browser, runStorageKey(RUN)).events).toEqual(first);
  });

  it('adds new events to a migrated run, and a removed run stays removed', () => {
    const browser = withLegacy();
    const store = createRunStore(browser.tab().adapter, clock());
    store.append(RUN, [{ type: 'reopen' }]);
    expect(store.getRun(RUN).finishedAt).toBeNull();
    store.remove(RUN);
    expect(store.getRun(RUN).events).toEqual([]);
    expect(store.listRuns().map((run) => run.ticket)).toEqual(['INC-1999']);
    expect(browser.items.has('runbook:run:update-ad-ds-account-password:INC-2041')).toBe(true);
  });

  it('can load its reader only when a page first meets legacy data, and shows the run once it has', async () => {
    const browser = withLegacy();
    let loads = 0;
    const adapter = localStorageAdapter(browser.tab().storage, undefined, () => {}, {
      load: async () => {
        loads++;
        return migrateLegacy;
      },
    });
    const store = createRunStore(adapter, clock());
    const heard = vi.fn();
    store.subscribe(heard);
    expect(store.getRun(RUN).events).toEqual([]);
    expect(store.getRun(PLAIN).events).toEqual([]);
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
    expect(store.getRun(RUN).build).toBe('1.1.443.0');
    expect(loads).toBe(1);
  });

  it('keeps a legacy run whole when something is ticked before the reader has loaded', async () => {
    const browser = withLegacy();
    let release = () => {};
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const adapter = localStorageAdapter(browser.tab().storage, undefined, () => {}, { load: () => loaded.then(() => migrateLegacy) });
    const store = createRunStore(adapter, clock());
    const heard = vi.fn();
    store.subscribe(heard);
    expect(store.getRun(RUN).events).toEqual([]);
    store.append(RUN, [{ type: 'reopen' }]);
    release();
    await vi.waitFor(() => expect(store.getRun(RUN).build).toBe('1.1.443.0'));
    expect(store.getRun(RUN).marks['open-services']).toMatchObject({ status: 'skipped' });
    expect(store.getRun(RUN).events.at(-1)!.type).toBe('reopen');
  });

  it('reports a legacy value it cannot read, once, and leaves it alone', () => {
    const browser = new Browser();
    const tab = browser.tab();
    browser.items.set('runbook:run:update-ad-ds-account-password:INC-KEEP', '{"keep":true}');
    const store = createRunStore(tab.adapter, clock());
    expect(store.listRuns()).toEqual([]);
    expect(store.listRuns()).toEqual([]);
    expect(tab.problems).toEqual([{ kind: 'unreadable', key: 'runbook:run:update-ad-ds-account-password:INC-KEEP', message: expect.stringContaining('older version') }]);
    expect([...browser.items.entries()]).toEqual([['runbook:run:update-ad-ds-account-password:INC-KEEP', '{"keep":true}']]);
  });
});

describe('what a run weighs', () => {
  it('stores 200 events of a realistic run in about 30 KB (150 bytes an event)', () => {
    const browser = new Browser();
    createRunStore(browser.tab().adapter).merge(RUN, sampleRun(200));
    const bytes = new TextEncoder().encode(browser.items.get(runStorageKey(RUN))!).length;
    expect(bytes).toBeGreaterThan(25_000);
    expect(bytes).toBeLessThan(35_000);
  });
});
