import { API_LIMITS, type AppendResponse } from './api';
import { parseRunEvent, type RunEvent } from './events';

/**
 * Keeps one run in step with the run service. Events made here go to a local
 * queue first (so ticking stays instant), which survives a reload and being
 * offline, and are sent in order, with retries and backoff, until the service
 * says they are committed. Events from others arrive over a live stream that
 * reconnects by itself and resumes where it stopped. The service merges by
 * event id, so sending an event twice is harmless: the queue errs that way.
 *
 * Pure logic over three adapters: the transport (HTTP in the browser, see
 * `service-client.ts`), storage (`localStorage`) and timers.
 */

/** Why the service did not take events, as the transport reports it. */
export interface SyncFailure {
  /**
   * offline: no answer at all; unavailable: the service or its database is down, or busy (try again);
   * denied: access refused (needs a token or sign-in; retrying will not help until it changes);
   * rejected: the service will never take these events (they are dropped from the queue).
   */
  kind: 'offline' | 'unavailable' | 'denied' | 'rejected';
  message: string;
  /** Seconds the service asked to wait before trying again. */
  retryAfter?: number;
}

/** The run service as the sync module needs it. */
export interface SyncTransport {
  /** Resolves once the service has committed every event sent; rejects with a `SyncFailure`. */
  append(events: RunEvent[]): Promise<AppendResponse>;
  /**
   * Streams the run's events after `cursor`, then live ones, until the returned function is
   * called. Calls `failed` once when the stream cannot open or breaks; the caller reconnects.
   */
  subscribe(
    cursor: number,
    on: { open(): void; events(events: RunEvent[], cursor: number): void; failed(failure: SyncFailure): void },
  ): () => void;
}

/** Where the queue is kept: `localStorage` in the browser. */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a page shows about a run's sync. */
export type SyncStatus =
  | { kind: 'connecting'; waiting: number }
  | { kind: 'synced' }
  | { kind: 'sending'; waiting: number }
  | { kind: 'offline'; waiting: number }
  | { kind: 'not-saved'; reason: string; waiting: number };

/** The status in a few words, as the page shows it. */
export function statusText(status: SyncStatus): string {
  const waiting = (count: number) => `${count} ${count === 1 ? 'change' : 'changes'} waiting`;
  switch (status.kind) {
    case 'connecting':
      return status.waiting > 0 ? `Connecting · ${waiting(status.waiting)}` : 'Connecting…';
    case 'synced':
      return 'Shared · synced';
    case 'sending':
      return `Shared · sending ${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'}`;
    case 'offline':
      return status.waiting > 0 ? `Offline · ${waiting(status.waiting)}` : 'Offline';
    case 'not-saved':
      return `Not saved to the server: ${status.reason}`;
  }
}

/** Milliseconds before retry number `attempt` (from 0): doubling from half a second up to 30 s, with jitter so clients do not retry in step. */
export function retryDelay(attempt: number, random: () => number = Math.random, retryAfter?: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(attempt, 16));
  return Math.max(Math.round(base * (0.5 + random() / 2)), (retryAfter ?? 0) * 1000);
}

/** The storage key of a run's queue. */
export function queueKey(slug: string, ticket: string): string {
  return `runbook:outbox:${slug}:${ticket}`;
}

export interface RunSyncOptions {
  slug: string;
  ticket: string;
  transport: SyncTransport;
  storage: SyncStorage;
  /** Events from the service, others' and this browser's own, as they arrive: merge them by id. */
  onEvents(events: RunEvent[]): void;
  /** Called whenever `status` changes. */
  onStatus?(status: SyncStatus): void;
  /** Called when the stored queue was unreadable or held events that are not events; it is reset. */
  onProblem?(message: string): void;
  timers?: Timers;
  random?: () => number;
}

/** One run's sync with the service. Call `start` once; `add` for each event made here. */
export class RunSync {
  private queue: RunEvent[];
  private readonly key: string;
  private cursor = 0;
  private connected = false;
  private sending = false;
  private sendAttempt = 0;
  private streamAttempt = 0;
  private sendTimer: unknown = null;
  private streamTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private failure: SyncFailure | null = null;
  private stopped = true;
  private readonly timers: Timers;
  private readonly random: () => number;
  private current: SyncStatus = { kind: 'connecting', waiting: 0 };

  constructor(private readonly options: RunSyncOptions) {
    this.key = queueKey(options.slug, options.ticket);
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as number) };
    this.random = options.random ?? Math.random;
    this.queue = this.load();
    this.update();
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** The events not yet acknowledged by the service, oldest first. */
  get waiting(): readonly RunEvent[] {
    return this.queue;
  }

  /** Connects the live stream and sends what the queue holds. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
    this.flush();
  }

  /** Disconnects; the queue stays stored for the next start, here or after a reload. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.timers.clearTimeout(this.sendTimer);
    this.timers.clearTimeout(this.streamTimer);
    this.sendTimer = this.streamTimer = null;
    this.connected = false;
    this.update();
  }

  /** Queues an event made here and sends it as soon as it can. */
  add(event: RunEvent): void {
    this.queue.push(event);
    this.save();
    this.update();
    this.flush();
  }

  /** Tries again now: the browser is back online, or the person gave a token. */
  retryNow(): void {
    if (this.stopped) return;
    if (this.failure?.kind === 'denied') this.failure = null;
    this.sendAttempt = 0;
    this.streamAttempt = 0;
    if (!this.connected && this.unsubscribe === null) {
      this.timers.clearTimeout(this.streamTimer);
      this.streamTimer = null;
      this.connect();
    }
    this.timers.clearTimeout(this.sendTimer);
    this.sendTimer = null;
    this.flush();
  }

  private connect() {
    this.unsubscribe = this.options.transport.subscribe(this.cursor, {
      open: () => {
        this.connected = true;
        this.streamAttempt = 0;
        this.update();
        // The service is reachable again: whatever waits can go now.
        if (this.sendTimer !== null) this.retrySending();
      },
      events: (events, cursor) => {
        this.cursor = Math.max(this.cursor, cursor);
        this.options.onEvents(events);
      },
      failed: (failure) => {
        this.unsubscribe = null;
        this.connected = false;
        if (failure.kind === 'denied') this.failure = failure;
        if (this.stopped || failure.kind === 'denied') return this.update();
        const delay = retryDelay(this.streamAttempt++, this.random, failure.retryAfter);
        this.update();
        this.streamTimer = this.timers.setTimeout(() => {
          this.streamTimer = null;
          if (!this.stopped) this.connect();
        }, delay);
      },
    });
  }

  private retrySending() {
    this.timers.clearTimeout(this.sendTimer);
    this.sendTimer = null;
    this.flush();
  }

  private flush() {
    if (this.stopped || this.sending || this.sendTimer !== null || this.queue.length === 0 || this.failure?.kind === 'denied') return;
    const batch = this.queue.slice(0, API_LIMITS.eventsPerRequest);
    this.sending = true;
    this.update();
    this.options.transport.append(batch).then(
      () => {
        this.sending = false;
        this.sendAttempt = 0;
        if (this.failure?.kind !== 'rejected') this.failure = null;
        this.acknowledge(batch);
        this.flush();
      },
      (failure: SyncFailure) => {
        this.sending = false;
        this.failure = failure;
        if (failure.kind === 'rejected') {
          // The service will never take these: keep them out of the queue so the rest can go.
          this.acknowledge(batch);
          this.flush();
          return;
        }
        this.update();
        if (failure.kind === 'denied' || this.stopped) return;
        this.sendTimer = this.timers.setTimeout(() => {
          this.sendTimer = null;
          this.flush();
        }, retryDelay(this.sendAttempt++, this.random, failure.retryAfter));
      },
    );
  }

  private acknowledge(batch: RunEvent[]) {
    const done = new Set(batch.map((event) => event.id));
    this.queue = this.queue.filter((event) => !done.has(event.id));
    this.save(done);
    this.update();
  }

  private update() {
    const waiting = this.queue.length;
    const failure = this.failure;
    const next: SyncStatus =
      failure && (failure.kind === 'denied' || failure.kind === 'rejected' || failure.kind === 'unavailable')
        ? { kind: 'not-saved', reason: failure.message, waiting }
        : failure?.kind === 'offline' || (!this.connected && this.streamAttempt > 0)
          ? { kind: 'offline', waiting }
          : !this.connected
            ? { kind: 'connecting', waiting }
            : waiting > 0
              ? { kind: 'sending', waiting }
              : { kind: 'synced' };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.options.onStatus?.(next);
  }

  /** The stored queue, read as untrusted input. */
  private load(): RunEvent[] {
    const raw = this.read();
    if (raw === null) return [];
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      stored = undefined;
    }
    if (!Array.isArray(stored)) {
      this.options.storage.removeItem(this.key);
      this.options.onProblem?.('The changes waiting to be sent for this run could not be read and were cleared.');
      return [];
    }
    const events: RunEvent[] = [];
    for (const item of stored) {
      const parsed = parseRunEvent(item);
      if (parsed.ok) events.push(parsed.event);
    }
    if (events.length < stored.length) {
      this.options.onProblem?.(`${stored.length - events.length} of the changes waiting to be sent for this run were unreadable and were dropped.`);
      this.write(events);
    }
    return events;
  }

  /**
   * Stores the queue. Another tab of the same run may have queued events
   * meanwhile: keep theirs too (`done` are those the service now has).
   */
  private save(done: ReadonlySet<string> = new Set()) {
    const mine = new Set(this.queue.map((event) => event.id));
    let theirs: RunEvent[] = [];
    try {
      const stored: unknown = JSON.parse(this.read() ?? '[]');
      if (Array.isArray(stored)) theirs = stored.flatMap((item) => {
        const parsed = parseRunEvent(item);
        return parsed.ok && !mine.has(parsed.event.id) && !done.has(parsed.event.id) ? [parsed.event] : [];
      });
    } catch {
      // Unreadable: ours replaces it.
    }
    this.write([...this.queue, ...theirs]);
  }

  private read(): string | null {
    try {
      return this.options.storage.getItem(this.key);
    } catch {
      return null;
    }
  }

  private write(events: RunEvent[]) {
    try {
      if (events.length === 0) this.options.storage.removeItem(this.key);
      else this.options.storage.setItem(this.key, JSON.stringify(events));
    } catch {
      this.options.onProblem?.('This browser would not store the changes waiting to be sent; they are kept until this page closes.');
    }
  }
}
