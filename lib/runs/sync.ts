import { API_LIMITS } from './api';
import { eventBytes, type RunEvent } from './events';
import type { SyncStatus } from './sync-status';
import { IdSet, loadQueue, loadSyncRecord, queueKey, saveQueue, saveSyncRecord, syncRecordKey, type Refusal, type SyncStorage } from './sync-storage';
import { retryDelay, type SyncFailure, type SyncTransport, type Timers } from './sync-transport';

export { refusedText, statusText, type SyncStatus } from './sync-status';
export { queueKey, type SyncStorage } from './sync-storage';
export { retryDelay, type ReadPage, type SyncFailure, type SyncTransport, type Timers } from './sync-transport';

/**
 * Keeps one run in step with the run service. What this browser's record of
 * the run holds that the service lacks goes to a local queue first (so
 * ticking stays instant), which survives a reload and being offline, and is
 * sent in order, with retries and backoff, until the service says it has it,
 * or refuses it: a refused event is set aside where people see it and never
 * holds back the rest. Events from others arrive over a live stream that
 * reconnects by itself and resumes where it stopped. The service merges by
 * event id, so sending an event twice is harmless.
 *
 * What the service is known to have is kept as a fingerprint beside the
 * stream's position, so opening a run sends only what the service lacks;
 * when the fingerprint does not match this browser's record (events came in
 * from a file, or the service lost the run), the run is read from the service
 * once and the difference sent.
 *
 * Pure logic over three adapters: the transport (HTTP in the browser, see
 * `service-client.ts`), storage (`localStorage`) and timers.
 */

/** Room in a request body for the `{"events":[…]}` around the events. */
const BODY_ROOM = API_LIMITS.bodyBytes - 1024;

export interface RunSyncOptions {
  slug: string;
  ticket: string;
  transport: SyncTransport;
  storage: SyncStorage;
  /** This browser's record of the run: what the service must come to have. */
  localEvents(): readonly RunEvent[];
  /** Events from the service, others' and this browser's own, as they arrive: merge them by id. */
  onEvents(events: RunEvent[]): void;
  /** Called whenever `status` or `refused` changes. */
  onStatus?(status: SyncStatus): void;
  /** Called when stored sync data was unreadable and was reset, or the service sent what this page cannot read. */
  onProblem?(message: string): void;
  /** The service speaks a newer protocol than this page: queue, but send nothing and never claim to be in sync. */
  outdated?: boolean;
  timers?: Timers;
  random?: () => number;
}

/** One run's sync with the service. Call `start` once, and `offer` whenever this browser's record of the run changes. */
export class RunSync {
  private queue: RunEvent[];
  private readonly queueKey: string;
  private readonly recordKey: string;
  private cursor: number;
  private storedKnown: string;
  private known = new IdSet();
  private refusals: Refusal[];
  /** While the run is read from the service: the ids this browser had when it began, offered once it is done. */
  private reconciling: Set<string> | null = null;
  /** The page is out of date: it says so instead of claiming to be in sync. */
  private outdated: boolean;
  /** The service speaks a newer protocol: nothing is sent until the page is reloaded. */
  private readonly mustNotSend: boolean;
  private connected = false;
  private sending = false;
  private batchLimit: number = API_LIMITS.eventsPerRequest;
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
    this.queueKey = queueKey(options.slug, options.ticket);
    this.recordKey = syncRecordKey(options.slug, options.ticket);
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as number) };
    this.random = options.random ?? Math.random;
    this.outdated = this.mustNotSend = options.outdated ?? false;
    this.queue = loadQueue(options.storage, this.queueKey, (message) => options.onProblem?.(message));
    const { record, problem } = loadSyncRecord(options.storage, this.recordKey);
    if (problem) options.onProblem?.(problem);
    this.cursor = record.cursor;
    this.storedKnown = record.known;
    this.refusals = record.refused;
    this.update();
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** The events not yet acknowledged by the service, oldest first. */
  get waiting(): readonly RunEvent[] {
    return this.queue;
  }

  /** The events the service refused, kept in this browser's record only. */
  get refused(): readonly Refusal[] {
    return this.refusals;
  }

  /** Connects the live stream and sends what the service lacks. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const unsent = new Set([...this.queue, ...this.refusals].map((event) => event.id));
    const local = new IdSet(this.options.localEvents().flatMap((event) => (unsent.has(event.id) ? [] : [event.id])));
    if (this.mustNotSend) {
      // Nothing is sent; what is made here still waits in the queue for a page that may send it.
      this.reconciling = local.ids;
      return this.update();
    }
    if (local.fingerprint === this.storedKnown) {
      this.known = local;
      this.connect();
      this.flush();
    } else {
      this.reconcile();
    }
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

  /** Queues what this browser's record holds that the service lacks, and sends it as soon as it can. */
  offer(): void {
    if (this.stopped) return;
    const queued = new Set(this.queue.map((event) => event.id));
    const refused = new Set(this.refusals.map((event) => event.id));
    const fresh = this.options.localEvents().filter(
      (event) => !this.known.has(event.id) && !queued.has(event.id) && !refused.has(event.id) && !this.reconciling?.has(event.id),
    );
    if (fresh.length === 0) return;
    this.queue.push(...fresh);
    this.saveQueue();
    this.update();
    this.flush();
  }

  /** Tries again now: the browser is back online, or the person gave a token. */
  retryNow(): void {
    if (this.stopped || this.mustNotSend) return;
    if (this.failure?.kind === 'denied') this.failure = null;
    this.sendAttempt = 0;
    this.streamAttempt = 0;
    if (!this.connected && this.unsubscribe === null && this.reconciling === null) {
      this.timers.clearTimeout(this.streamTimer);
      this.streamTimer = null;
      this.connect();
    }
    this.timers.clearTimeout(this.sendTimer);
    this.sendTimer = null;
    this.flush();
  }

  /** Reads the whole run from the service, then offers what this browser has and the service lacks. */
  private reconcile() {
    this.reconciling = new Set(this.options.localEvents().map((event) => event.id));
    this.known = new IdSet();
    this.cursor = 0;
    this.update();
    const received: RunEvent[] = [];
    const next = (cursor: number): void => {
      this.options.transport.read(cursor).then(
        (page) => {
          if (this.stopped) return;
          received.push(...page.events);
          if (page.unreadable > 0) this.cannotRead();
          if (page.more) return next(page.cursor);
          for (const event of received) this.known.add(event.id);
          this.cursor = page.cursor;
          this.reconciling = null;
          this.streamAttempt = 0;
          this.saveRecord();
          if (received.length > 0) this.options.onEvents(received);
          this.connect();
          this.offer();
          this.flush();
        },
        (failure: SyncFailure) => this.streamFailed(failure, () => this.reconcile()),
      );
    };
    next(0);
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
        for (const event of events) this.known.add(event.id);
        this.cursor = Math.max(this.cursor, cursor);
        this.saveRecord();
        this.options.onEvents(events);
      },
      unreadable: (cursor) => {
        this.cursor = Math.max(this.cursor, cursor);
        this.saveRecord();
        this.cannotRead();
      },
      failed: (failure) => {
        this.unsubscribe = null;
        this.connected = false;
        // The service lost events this browser had read: read the run again and send it what it lacks.
        if (failure.kind === 'behind') return this.reconcile();
        this.streamFailed(failure, () => this.connect());
      },
    });
  }

  /** The service sent an event this page cannot read: it moved on, and says so rather than claim to be in sync. What waits is still sent. */
  private cannotRead() {
    if (!this.outdated) this.options.onProblem?.('The server sent a change this page cannot read: reload the page to see it.');
    this.outdated = true;
    this.update();
  }

  private streamFailed(failure: SyncFailure, again: () => void) {
    if (failure.kind === 'denied') this.failure = failure;
    if (this.stopped || failure.kind === 'denied') return this.update();
    const delay = retryDelay(this.streamAttempt++, this.random, failure.retryAfter);
    this.update();
    this.streamTimer = this.timers.setTimeout(() => {
      this.streamTimer = null;
      if (!this.stopped) again();
    }, delay);
  }

  private retrySending() {
    this.timers.clearTimeout(this.sendTimer);
    this.sendTimer = null;
    this.flush();
  }

  /** The next batch: in order, at most `batchLimit` events and what fits in one request body. */
  private nextBatch(): RunEvent[] {
    const batch: RunEvent[] = [];
    let bytes = 0;
    for (const event of this.queue) {
      const size = eventBytes(event) + 1;
      if (batch.length === this.batchLimit || (batch.length > 0 && bytes + size > BODY_ROOM)) break;
      batch.push(event);
      bytes += size;
    }
    return batch;
  }

  private flush() {
    if (this.stopped || this.mustNotSend || this.sending || this.sendTimer !== null || this.queue.length === 0 || this.failure?.kind === 'denied') return;
    const batch = this.nextBatch();
    this.sending = true;
    this.update();
    this.options.transport.append(batch).then(
      (answer) => {
        this.sending = false;
        this.sendAttempt = 0;
        this.failure = null;
        const refused = new Map(answer.refused.flatMap(({ index, error }) => (batch[index] ? [[batch[index].id, error] as const] : [])));
        for (const event of batch) if (!refused.has(event.id)) this.known.add(event.id);
        this.done(batch, [...refused].map(([id, error]) => ({ id, error })));
        this.batchLimit = Math.min(API_LIMITS.eventsPerRequest, this.batchLimit * 2);
        this.flush();
      },
      (failure: SyncFailure) => {
        this.sending = false;
        if (failure.kind === 'rejected') {
          // The request as a whole was refused: halve it until the one event it is about stands alone, and set that aside.
          if (batch.length > 1) this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
          else this.done(batch, [{ id: batch[0]!.id, error: failure.message }]);
          return this.flush();
        }
        this.failure = failure;
        this.update();
        if (failure.kind === 'denied' || this.stopped) return;
        this.sendTimer = this.timers.setTimeout(() => {
          this.sendTimer = null;
          this.flush();
        }, retryDelay(this.sendAttempt++, this.random, failure.retryAfter));
      },
    );
  }

  /** The batch is answered: out of the queue, the refused ones set aside. */
  private done(batch: RunEvent[], refused: Refusal[]) {
    const ids = new Set(batch.map((event) => event.id));
    this.queue = this.queue.filter((event) => !ids.has(event.id));
    this.refusals = [...this.refusals, ...refused];
    this.saveQueue(ids);
    this.saveRecord();
    this.update(refused.length > 0);
  }

  private saveQueue(done: ReadonlySet<string> = new Set()) {
    if (!saveQueue(this.options.storage, this.queueKey, this.queue, done))
      this.options.onProblem?.('This browser would not store the changes waiting to be sent; they are kept until this page closes.');
  }

  private saveRecord() {
    if (this.reconciling) return;
    this.storedKnown = this.known.fingerprint;
    saveSyncRecord(this.options.storage, this.recordKey, { cursor: this.cursor, known: this.storedKnown, refused: this.refusals });
  }

  private update(force = false) {
    const waiting = this.queue.length;
    const failure = this.failure;
    const next: SyncStatus = this.outdated
      ? { kind: 'outdated', waiting }
      : failure && (failure.kind === 'denied' || failure.kind === 'unavailable')
        ? { kind: 'not-saved', reason: failure.message, waiting }
        : failure?.kind === 'offline' || (!this.connected && this.streamAttempt > 0)
          ? { kind: 'offline', waiting }
          : !this.connected || this.reconciling
            ? { kind: 'connecting', waiting }
            : waiting > 0 || this.sending
              ? { kind: 'sending', waiting }
              : { kind: 'synced' };
    if (!force && JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.options.onStatus?.(next);
  }
}
