import type { AppendResponse, EventsResponse } from './api';
import type { RunEvent } from './events';

/** The run service as the sync module (`sync.ts`) needs it, and how it fails. */

/** Why the service did not take a request, as the transport reports it. */
export interface SyncFailure {
  /**
   * offline: no answer at all; unavailable: the service or its database is down, or busy (try again);
   * denied: access refused (needs a token or sign-in; retrying will not help until it changes);
   * rejected: the service will never take this request as it is;
   * behind: the service has fewer events than this browser read (it was restored or the run removed).
   */
  kind: 'offline' | 'unavailable' | 'denied' | 'rejected' | 'behind';
  message: string;
  /** Seconds the service asked to wait before trying again. */
  retryAfter?: number;
}

/** A page of a run's events as this page could read them; `unreadable` counts those it could not. */
export type ReadPage = EventsResponse & { unreadable: number };

/** The run service as the sync module needs it. */
export interface SyncTransport {
  /** Resolves with the service's answer for each event sent; rejects with a `SyncFailure`. */
  append(events: RunEvent[]): Promise<AppendResponse>;
  /** The run's events after `cursor`, a page at a time; rejects with a `SyncFailure`. */
  read(cursor: number): Promise<ReadPage>;
  /**
   * Streams the run's events after `cursor`, then live ones, until the returned function is
   * called. `unreadable` says the event at `cursor` could not be read by this page. Calls
   * `failed` once when the stream cannot open or breaks; the caller reconnects.
   */
  subscribe(
    cursor: number,
    on: { open(): void; events(events: RunEvent[], cursor: number): void; unreadable(cursor: number): void; failed(failure: SyncFailure): void },
  ): () => void;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Milliseconds before retry number `attempt` (from 0): doubling from half a second up to 30 s, with jitter so clients do not retry in step. */
export function retryDelay(attempt: number, random: () => number = Math.random, retryAfter?: number): number {
  const base = Math.min(30_000, 500 * 2 ** Math.min(attempt, 16));
  return Math.max(Math.round(base * (0.5 + random() / 2)), (retryAfter ?? 0) * 1000);
}
