import { mergeEvents, newEventId, parseRunEvent, type RunEvent } from './events';
import { LEGACY_CHECKLIST_PREFIX, legacyStorageKey, parseLegacyStorageKey } from './legacy-keys';
import type { migrateLegacy } from './migrate';
import { foldRun, type RunState } from './state';
import { isTicketId, SLUG, TICKET_ID_HINT } from './names';

/**
 * The one store of runs in the browser. Views read it with
 * `useSyncExternalStore` (`getRun`, `listRuns` give the same object until
 * something changes) and the pure selectors; every change is an event
 * appended here. Where events are kept is an adapter: `localStorage` on a
 * static host (`localStorageAdapter`), the same with the run service's sync on
 * top when the site is served by it.
 */

/** A run: the plain checklist of a procedure when `ticket` is null. */
export interface RunKey {
  slug: string;
  ticket: string | null;
}

export function isRunKey(value: RunKey): boolean {
  return SLUG.test(value.slug) && value.slug.length <= 200 && (value.ticket === null || isTicketId(value.ticket));
}

const EVENTS_PREFIX = 'runbook:events:';
const UNREADABLE_PREFIX = 'runbook:unreadable:';
const STORED_VERSION = 2;

/** Where a run's events are kept: `runbook:events:<slug>` or `runbook:events:<slug>:<ticket>`. Throws on a key no run can have. */
export function runStorageKey(key: RunKey): string {
  if (!isRunKey(key)) throw new Error(`Not a run: slug "${key.slug}", ticket "${key.ticket}". ${TICKET_ID_HINT}`);
  return `${EVENTS_PREFIX}${key.slug}${key.ticket === null ? '' : `:${key.ticket}`}`;
}

/** The run a storage key holds, or null for any other key. */
export function parseRunStorageKey(storageKey: string): RunKey | null {
  if (!storageKey.startsWith(EVENTS_PREFIX)) return null;
  const [slug = '', ticket = null, ...rest] = storageKey.slice(EVENTS_PREFIX.length).split(':');
  const key = { slug, ticket };
  return rest.length === 0 && isRunKey(key) ? key : null;
}

/** Something about stored runs that the person using the page should know. */
export interface StoreProblem {
  /**
   * unreadable: what a key held could not be read (in part or whole); what could be read is kept.
   * not-saved: this browser refused to save; changes stay in this page until it is closed.
   */
  kind: 'unreadable' | 'not-saved';
  /** The storage key concerned. */
  key: string;
  /** What happened and what was done about it, for a person. */
  message: string;
  /** Where the unreadable value was copied before the key was reset. */
  keptAs?: string;
}

export interface RunStorageAdapter {
  /** A run's events in fold order. Throws nothing: what cannot be read is reported and left out. */
  load(key: RunKey): RunEvent[];
  /** Every run that has events here, in no particular order. */
  list(): RunKey[];
  /** Merges by id with what is stored now (another tab may have written since), and saves. */
  append(key: RunKey, events: RunEvent[]): void;
  remove(key: RunKey): void;
  /** Changes made elsewhere (other tabs): the run, or null when anything may have changed. */
  subscribe(onExternalChange: (key: RunKey | null) => void): () => void;
}

type Stored = { events: RunEvent[]; problem: string | null };

/** Reads a stored value: the events it holds that are events, and what was wrong, if anything. */
function readStored(raw: string): Stored {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { events: [], problem: 'it is not JSON' };
  }
  if (typeof value !== 'object' || value === null || !('version' in value) || !('events' in value) || !Array.isArray(value.events))
    return { events: [], problem: 'it is not a list of run events' };
  if (value.version !== STORED_VERSION)
    return {
      events: [],
      problem: typeof value.version === 'number' && value.version > STORED_VERSION ? `a newer version of this site wrote it (version ${value.version})` : 'it is not a list of run events',
    };
  const events: RunEvent[] = [];
  const errors: string[] = [];
  for (const item of value.events) {
    const read = parseRunEvent(item);
    if (read.ok) events.push(read.event);
    else errors.push(read.error);
  }
  const problem = errors.length === 0 ? null : `${errors.length} of ${value.events.length} events are not valid (the first: ${errors[0]})`;
  return { events: mergeEvents(events, []), problem };
}

const serialize = (events: readonly RunEvent[]) => JSON.stringify({ version: STORED_VERSION, events });

/**
 * Runs in `localStorage` (or any `Storage`), one key per run. Legacy keys are
 * migrated on first read and left in place. An unreadable value is copied to
 * `runbook:unreadable:<key>:<time>` before the key is reset, so nothing is
 * lost unseen. When storage refuses a write, the events stay in memory for
 * this page and the store keeps working. `storage` is null where there is
 * none (the server, a browser that blocks it).
 */
/**
 * Reads what the version before the run store saved. Given at once (tests,
 * scripts), or loaded the first time a page meets such data, so that pages
 * of browsers that never held any do not carry the code.
 */
export type LegacyReader = { migrate: typeof migrateLegacy } | { load: () => Promise<typeof migrateLegacy> };

export function localStorageAdapter(
  storage: Storage | null,
  events: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined,
  onProblem: (problem: StoreProblem) => void,
  legacy: LegacyReader,
): RunStorageAdapter {
  /** Told when something changed that this page did not do: another tab's write, or legacy data read at last. */
  const external = new Set<(key: RunKey | null) => void>();
  let migrate = 'migrate' in legacy ? legacy.migrate : null;
  let loading = false;
  /** Runs met with legacy data before the reader had loaded: a tick made meanwhile may already have written the new key. */
  const waiting = new Map<string, RunKey>();
  const loadMigrate = (key: RunKey, storageKey: string) => {
    waiting.set(storageKey, key);
    if (loading || 'migrate' in legacy) return;
    loading = true;
    legacy.load().then(
      (loaded) => {
        migrate = loaded;
        for (const [storageKey, key] of waiting) {
          const legacyKey = legacyStorageKey(key.slug, key.ticket);
          const legacyRaw = getItem(legacyKey);
          const migrated = legacyRaw === null ? null : loaded(legacyRaw, legacyKey);
          const raw = getItem(storageKey);
          // The new key holds only what was made since the page opened: the migrated past joins it.
          if (migrated && raw !== null) save(storageKey, mergeEvents(readStored(raw).events, migrated.events));
        }
        waiting.clear();
        for (const listener of [...external]) listener(null);
      },
      () => onProblem({ kind: 'unreadable', key: LEGACY_CHECKLIST_PREFIX, message: 'Progress saved by an older version of this site could not be read just now: reload the page to try again.' }),
    );
  };
  /** Events this page could not save, by storage key: all of the run's, merged with what storage has on each read. */
  const unsaved = new Map<string, RunEvent[]>();
  /** Keys whose refused write was reported; a key is reported again only after a write to it worked. */
  const reported = new Set<string>();
  /** Keys whose unreadable value was handled (set aside, or found impossible to set aside). */
  const handled = new Set<string>();
  /** Keys holding an unreadable value that could not be set aside: never overwritten from this page. */
  const protectedKeys = new Set<string>();
  /** The events this page appended, by storage key: put back if another tab writes over them from a stale copy. */
  const mine = new Map<string, RunEvent[]>();

  const getItem = (key: string): string | null => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };

  /** Saves a run's events; on refusal keeps them in memory and says so once. Returns whether storage has them. */
  const save = (storageKey: string, runEvents: RunEvent[], report = true): boolean => {
    try {
      if (!storage) throw new Error('storage is not available');
      if (protectedKeys.has(storageKey)) throw new Error('what it holds could not be read nor set aside');
      storage.setItem(storageKey, serialize(runEvents));
      unsaved.delete(storageKey);
      reported.delete(storageKey);
      return true;
    } catch (error) {
      unsaved.set(storageKey, runEvents);
      if (report && !reported.has(storageKey)) {
        reported.add(storageKey);
        const why = error instanceof Error ? error.message : String(error);
        onProblem({ kind: 'not-saved', key: storageKey, message: `This browser is not letting the portal save your ticks (${why}). They are kept while this page is open and lost when it closes: in a run, Download run keeps them.` });
      }
      return false;
    }
  };

  /** Copies an unreadable value aside and resets the key to what could be read. */
  const setAside = (storageKey: string, raw: string, { events: readable, problem }: Stored) => {
    if (handled.has(storageKey)) return;
    handled.add(storageKey);
    const keptAs = `${UNREADABLE_PREFIX}${storageKey}:${new Date().toISOString()}`;
    try {
      if (!storage) throw new Error('storage is not available');
      storage.setItem(keptAs, raw);
    } catch {
      protectedKeys.add(storageKey);
      onProblem({ kind: 'unreadable', key: storageKey, message: `Saved progress could not be read (${problem}) and could not be copied aside, so it is left as it is; changes to this run are kept in this page only.` });
      return;
    }
    save(storageKey, readable, false);
    const kept = readable.length === 0 ? 'nothing in it could be read' : `the ${readable.length} events that could be read are kept`;
    onProblem({ kind: 'unreadable', key: storageKey, keptAs, message: `Saved progress could not be read (${problem}): ${kept}, and the value as it was is kept under ${keptAs}.` });
  };

  /** What storage holds for a run now, migrating a legacy key the first time. */
  const read = (key: RunKey, storageKey: string): RunEvent[] => {
    const raw = getItem(storageKey);
    if (raw !== null) {
      const stored = readStored(raw);
      if (stored.problem) setAside(storageKey, raw, stored);
      return stored.events;
    }
    const legacyKey = legacyStorageKey(key.slug, key.ticket);
    const legacyRaw = getItem(legacyKey);
    if (legacyRaw === null) return [];
    if (!migrate) {
      // Read once the reader has loaded: the page shows the run a moment later.
      loadMigrate(key, storageKey);
      return [];
    }
    const migrated = migrate(legacyRaw, legacyKey);
    if (!migrated) {
      if (!handled.has(legacyKey))
        onProblem({ kind: 'unreadable', key: legacyKey, message: 'Progress saved by an older version of this site could not be read; it is left as it is.' });
      handled.add(legacyKey);
      return [];
    }
    // Saved under the new key so that this is done once; a failure to save is reported at the next change.
    save(storageKey, migrated.events, false);
    return migrated.events;
  };

  const withUnsaved = (storageKey: string, stored: RunEvent[]) => {
    const mine = unsaved.get(storageKey);
    return mine ? mergeEvents(stored, mine) : stored;
  };

  /**
   * Two tabs that append at the same moment may each read before the other
   * writes, and the later write would drop the other's events. A write by
   * another tab that lacks this page's events gets them back. A removal (or the
   * empty run that stands for one) is deliberate and is not undone.
   */
  const putBack = (key: RunKey, storageKey: string, newValue: string | null, ours: RunEvent[]) => {
    if (newValue === null || readStored(newValue).events.length === 0) {
      mine.delete(storageKey);
      return;
    }
    const current = read(key, storageKey);
    const have = new Set(current.map((event) => event.id));
    const missing = ours.filter((event) => !have.has(event.id));
    if (missing.length > 0) save(storageKey, mergeEvents(withUnsaved(storageKey, current), missing));
  };

  return {
    load(key) {
      const storageKey = runStorageKey(key);
      return withUnsaved(storageKey, read(key, storageKey));
    },
    list() {
      const keys = new Map<string, RunKey>();
      const legacy: RunKey[] = [];
      try {
        for (let index = 0; storage && index < storage.length; index++) {
          const name = storage.key(index);
          if (name === null) continue;
          const key = parseRunStorageKey(name) ?? parseLegacyStorageKey(name);
          if (!key || !isRunKey(key)) continue;
          if (name.startsWith(EVENTS_PREFIX)) keys.set(name, key);
          else legacy.push(key);
        }
      } catch {
        // Storage that cannot be listed lists nothing; what this page holds is below.
      }
      for (const key of legacy) {
        const storageKey = runStorageKey(key);
        if (!keys.has(storageKey) && getItem(storageKey) === null) keys.set(storageKey, key);
      }
      for (const storageKey of unsaved.keys()) {
        const key = parseRunStorageKey(storageKey);
        if (key) keys.set(storageKey, key);
      }
      return [...keys.values()];
    },
    append(key, newEvents) {
      const storageKey = runStorageKey(key);
      mine.set(storageKey, mergeEvents(mine.get(storageKey) ?? [], newEvents));
      save(storageKey, mergeEvents(withUnsaved(storageKey, read(key, storageKey)), newEvents));
    },
    remove(key) {
      const storageKey = runStorageKey(key);
      unsaved.delete(storageKey);
      mine.delete(storageKey);
      try {
        storage?.removeItem(storageKey);
      } catch {
        // Removing never runs into the quota; a storage that refuses even this keeps the run.
      }
      // An empty run keeps a legacy copy from being migrated back.
      if (getItem(legacyStorageKey(key.slug, key.ticket)) !== null) save(storageKey, []);
    },
    subscribe(onExternalChange) {
      external.add(onExternalChange);
      if (!events) return () => external.delete(onExternalChange);
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea && event.storageArea !== storage) return;
        if (event.key === null) {
          mine.clear();
          return onExternalChange(null);
        }
        const key = parseRunStorageKey(event.key) ?? parseLegacyStorageKey(event.key);
        if (!key || !isRunKey(key)) return;
        const ours = mine.get(event.key);
        if (ours) putBack(key, event.key, event.newValue, ours);
        onExternalChange(key);
      };
      events.addEventListener('storage', onStorage);
      return () => {
        external.delete(onExternalChange);
        events.removeEventListener('storage', onStorage);
      };
    },
  };
}

/** An event as a view makes it: the store stamps its id, time and who. */
export type NewRunEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'at' | 'by'> : never) : never;

export interface RunStoreOptions {
  now?: () => Date;
  /** Who is working: a display name, or the identity a sign-in proxy passed; null when nobody said. */
  who?: () => string | null;
}

export interface RunStore {
  subscribe(listener: () => void): () => void;
  /** The run's state: the same object until that run changes. */
  getRun(key: RunKey): RunState;
  /** Runs with a ticket that have events, newest activity first: the same array until any run changes. */
  listRuns(): RunState[];
  /** Stamps each event with an id, the time and who, saves them and tells subscribers. Throws on an event that is not valid. */
  append(key: RunKey, events: NewRunEvent[]): void;
  /** Adds events made elsewhere (a file, a share link, the service), read with `parseRunEvent`; says how many were new. */
  merge(key: RunKey, events: readonly RunEvent[]): { added: number };
  remove(key: RunKey): void;
}

const sameEvents = (a: readonly RunEvent[], b: readonly RunEvent[]) => a.length === b.length && a.every((event, index) => event.id === b[index]!.id && event.via === b[index]!.via);
const sameRuns = (a: readonly RunState[], b: readonly RunState[]) => a.length === b.length && a.every((run, index) => run === b[index]);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest activity first; then by procedure and ticket, so the order is the same everywhere. */
function byActivity(a: RunState, b: RunState): number {
  return compareText(b.updatedAt ?? '', a.updatedAt ?? '') || compareText(a.slug, b.slug) || compareText(a.ticket ?? '', b.ticket ?? '');
}

/**
 * The store over an adapter. `options` may be the clock alone, as in
 * `createRunStore(adapter, () => now)`.
 */
export function createRunStore(adapter: RunStorageAdapter, options: RunStoreOptions | (() => Date) = {}): RunStore {
  const { now = () => new Date(), who = () => null } = typeof options === 'function' ? { now: options } : options;
  const listeners = new Set<() => void>();
  /** Folded runs by storage key; `fresh` until a change to the run is heard of. */
  const runs = new Map<string, { state: RunState; fresh: boolean }>();
  let list: { runs: RunState[]; fresh: boolean } | null = null;
  /** Set while someone listens: only then are changes from other tabs heard, and the caches trusted. */
  let stopWatching: (() => void) | null = null;
  /** The time of this store's last event: events made here get strictly increasing times, so they fold in the order they were made. */
  let lastAt = -Infinity;

  const invalidate = (key: RunKey | null) => {
    if (key === null) for (const entry of runs.values()) entry.fresh = false;
    else {
      const entry = runs.get(runStorageKey(key));
      if (entry) entry.fresh = false;
    }
    if (list) list.fresh = false;
  };
  const changed = (key: RunKey | null) => {
    invalidate(key);
    for (const listener of [...listeners]) listener();
  };

  const getRun = (key: RunKey): RunState => {
    const storageKey = runStorageKey(key);
    const cached = runs.get(storageKey);
    if (cached?.fresh && stopWatching) return cached.state;
    const events = adapter.load(key);
    const state = cached && sameEvents(cached.state.events, events) ? cached.state : foldRun(key.slug, key.ticket, events);
    runs.set(storageKey, { state, fresh: true });
    return state;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!stopWatching) {
        // Nothing was heard while nobody listened: read again (a run that did not change keeps its object).
        invalidate(null);
        stopWatching = adapter.subscribe(changed);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopWatching) {
          stopWatching();
          stopWatching = null;
        }
      };
    },
    getRun,
    listRuns() {
      if (list?.fresh && stopWatching) return list.runs;
      const next = adapter
        .list()
        .filter((key) => key.ticket !== null)
        .map(getRun)
        .filter((run) => run.events.length > 0)
        .sort(byActivity);
      const result = list && sameRuns(list.runs, next) ? list.runs : next;
      list = { runs: result, fresh: true };
      return result;
    },
    append(key, drafts) {
      const by = who();
      const events = drafts.map((draft) => {
        lastAt = Math.max(now().getTime(), lastAt + 1);
        const read = parseRunEvent({ ...draft, id: newEventId(), at: new Date(lastAt).toISOString(), by });
        if (!read.ok) throw new Error(`Not a valid run event: ${read.error}`);
        return read.event;
      });
      if (events.length === 0) return;
      adapter.append(key, events);
      changed(key);
    },
    merge(key, events) {
      // A copy the service vouched for (`via`) replaces this browser's copy of the same event.
      const known = new Map(getRun(key).events.map((event) => [event.id, event.via !== undefined]));
      const added = new Map<string, RunEvent>();
      for (const event of events) {
        const vouched = known.get(event.id);
        if ((vouched === undefined || (!vouched && event.via !== undefined)) && !added.has(event.id)) added.set(event.id, event);
      }
      if (added.size > 0) {
        adapter.append(key, [...added.values()]);
        changed(key);
      }
      return { added: added.size };
    },
    remove(key) {
      adapter.remove(key);
      changed(key);
    },
  };
}
