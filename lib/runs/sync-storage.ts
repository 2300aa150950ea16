import { parseRunEvent, type RunEvent } from './events';

/**
 * What the sync of one run keeps in the browser's storage, read as untrusted
 * input: the queue of events waiting for the service, and the sync record,
 * what this browser knows the service has. Both stay small whatever the
 * run's length: the queue holds only what waits, the record a fingerprint.
 */

/** Where the queue is kept: `localStorage` in the browser. */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key of a run's queue. */
export function queueKey(slug: string, ticket: string): string {
  return `runbook:outbox:${slug}:${ticket}`;
}

/** The storage key of a run's sync record. */
export function syncRecordKey(slug: string, ticket: string): string {
  return `runbook:synced:${slug}:${ticket}`;
}

/** An event the service will never take, kept in this browser's record and shown as refused. */
export interface Refusal {
  id: string;
  /** The service's reason, naming the field. */
  error: string;
}

/** What this browser knows of a run on the service. */
export interface SyncRecord {
  /** The live stream's position: the service's events up to it have reached this browser. */
  cursor: number;
  /** The fingerprint (`IdSet.fingerprint`) of the ids of events the service is known to have. */
  known: string;
  refused: Refusal[];
}

/**
 * A set of event ids with a fingerprint kept as it grows: the count and two
 * 32-bit hashes of the ids, combined by XOR, so the order of arrival does not
 * matter and a record of thousands of ids stores in a few bytes.
 */
export class IdSet {
  readonly ids = new Set<string>();
  private first = 0;
  private second = 0;

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.first ^= hash(id, 0x811c9dc5);
    this.second ^= hash(id, 0x01000193);
  }

  get fingerprint(): string {
    return `${this.ids.size}:${(this.first >>> 0).toString(16)}:${(this.second >>> 0).toString(16)}`;
  }
}

/** FNV-1a over UTF-16 code units from a given start. */
function hash(text: string, start: number): number {
  let value = start;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value;
}

const EMPTY: SyncRecord = { cursor: 0, known: new IdSet().fingerprint, refused: [] };

function read(storage: SyncStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a value, or removes the key for null; says whether storage took it. */
function write(storage: SyncStorage, key: string, value: string | null): boolean {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The run's sync record; an unreadable one is reset (`problem` says so), which costs one full read of the run. */
export function loadSyncRecord(storage: SyncStorage, key: string): { record: SyncRecord; problem: string | null } {
  const raw = read(storage, key);
  if (raw === null) return { record: EMPTY, problem: null };
  try {
    const value = JSON.parse(raw) as Partial<SyncRecord>;
    const refused = Array.isArray(value.refused) ? value.refused.filter((item) => typeof item?.id === 'string' && typeof item.error === 'string') : null;
    if (Number.isSafeInteger(value.cursor) && value.cursor! >= 0 && typeof value.known === 'string' && refused)
      return { record: { cursor: value.cursor!, known: value.known, refused }, problem: null };
  } catch {
    // Reported below.
  }
  write(storage, key, null);
  return { record: EMPTY, problem: 'What this browser knew of the run on the server could not be read; the run is read from the server again.' };
}

export function saveSyncRecord(storage: SyncStorage, key: string, record: SyncRecord): void {
  write(storage, key, JSON.stringify(record));
}

/** The stored queue, read as untrusted input. */
export function loadQueue(storage: SyncStorage, key: string, onProblem: (message: string) => void): RunEvent[] {
  const raw = read(storage, key);
  if (raw === null) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    stored = undefined;
  }
  if (!Array.isArray(stored)) {
    write(storage, key, null);
    onProblem('The changes waiting to be sent for this run could not be read and were cleared.');
    return [];
  }
  const events = readEvents(stored);
  if (events.length < stored.length) {
    onProblem(`${stored.length - events.length} of the changes waiting to be sent for this run were unreadable and were dropped.`);
    write(storage, key, events.length === 0 ? null : JSON.stringify(events));
  }
  return events;
}

/**
 * Stores the queue. Another tab of the same run may have queued events
 * meanwhile: keep theirs too, except `done`, those the service now has or
 * refused. Returns false when storage would not take it.
 */
export function saveQueue(storage: SyncStorage, key: string, queue: readonly RunEvent[], done: ReadonlySet<string>): boolean {
  const mine = new Set(queue.map((event) => event.id));
  let theirs: RunEvent[] = [];
  try {
    const stored: unknown = JSON.parse(read(storage, key) ?? '[]');
    if (Array.isArray(stored)) theirs = readEvents(stored).filter((event) => !mine.has(event.id) && !done.has(event.id));
  } catch {
    // Unreadable: ours replaces it.
  }
  const all = [...queue, ...theirs];
  return write(storage, key, all.length === 0 ? null : JSON.stringify(all));
}

function readEvents(items: unknown[]): RunEvent[] {
  return items.flatMap((item) => {
    const parsed = parseRunEvent(item);
    return parsed.ok ? [parsed.event] : [];
  });
}
