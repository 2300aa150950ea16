import type { RunEvent } from './events';
import type { Progress } from './selectors';

/**
 * The run service's HTTP contract, shared by the service (`server/`) and the
 * browser's sync module, so the two cannot drift apart.
 *
 *   GET  /api/service.json                      what the service is and what access it wants
 *   GET  /api/runs?procedure=…&ticket=…         runs, most recently active first, with progress
 *   GET  /api/runs/<slug>/<ticket>/events?after=N   a run's events after cursor N
 *   POST /api/runs/<slug>/<ticket>/events       append { events: RunEvent[] }, idempotent by event id
 *   GET  /api/runs/<slug>/<ticket>/stream       Server-Sent Events, resumable with Last-Event-ID
 *
 * A run's cursor is the number of events the service holds for it: event n
 * (from 1) has sequence number n, in the order the service committed them.
 * A read or a stream from a cursor past the run's end is refused (409): the
 * client lost track of the run (it was restored or removed) and starts again
 * from 0 with what it has.
 */

/**
 * The version of this contract. A page compares it with its own and, when the
 * service's is newer, says it is out of date instead of claiming to be in sync.
 * 2: appends answer for each event; reads and streams carry `via`; a cursor past the end is refused.
 */
export const PROTOCOL_VERSION = 2;

/** Where the service's description is. A static export serves a file here that says there is no service. */
export const SERVICE_INFO_PATH = '/api/service.json';

/** What `/api/service.json` says. */
export type ServiceInfo =
  | { service: false }
  | {
      service: true;
      /** The version of this contract the service speaks (`PROTOCOL_VERSION`). */
      protocol: number;
      /** The page must send `Authorization: Bearer <token>` with every API request. */
      token: boolean;
      /** Who a sign-in proxy says this request comes from; events are recorded as this person. */
      identity: string | null;
    };

/** How much one request may carry. */
export const API_LIMITS = {
  /** Bytes of one request body: room for a batch of events at their largest (`EVENT_LIMITS.eventBytes`). */
  bodyBytes: 256 * 1024,
  /** Events in one append. */
  eventsPerRequest: 100,
  /** Runs in one page of the list. */
  runsPerPage: 200,
  /** Events in one read. */
  eventsPerRead: 1000,
} as const;

/** The path of a run's events, or with `stream`, of its live stream. */
export function runApiPath(slug: string, ticket: string, what: 'events' | 'stream'): string {
  return `/api/runs/${encodeURIComponent(slug)}/${encodeURIComponent(ticket)}/${what}`;
}

/** The body of an append. */
export interface AppendRequest {
  events: RunEvent[];
}

/** An event of an append that the service will never take, and why. */
export interface RefusedEvent {
  /** Its place in the request's `events`. */
  index: number;
  /** Its id, when it had a readable one. */
  id: string | null;
  /** What is wrong with it, naming the field. */
  error: string;
}

/**
 * The answer to an append: every event of the request that is valid is
 * committed (now, or by an earlier try); each one that is not is in `refused`.
 */
export interface AppendResponse {
  /** Ids of the request's events that were new. The other valid ones were already there and are unchanged. */
  added: string[];
  /** The run's cursor after the append. */
  cursor: number;
  refused: RefusedEvent[];
}

/** The answer to a read. */
export interface EventsResponse {
  /** Events after the requested cursor, in the service's order; the last one's sequence number is `cursor`. */
  events: RunEvent[];
  cursor: number;
  /** More events follow: read again from `cursor`. */
  more: boolean;
}

/**
 * One run in the list, summarised by the page's own fold (`foldRun` and the
 * run selectors) against the procedure's outline in the export the service
 * serves, so the list and the run's page show the same numbers.
 */
export interface RunListing {
  slug: string;
  ticket: string;
  /** The procedure's title from the run's `start` event, if it has one. */
  title: string | null;
  /** The build the run is gated by. */
  build: string | null;
  /** Progress as the run's page counts it; null when the site has no such procedure. */
  progress: Progress | null;
  finished: boolean;
  events: number;
  /** Everyone who did something in the run, in order of first appearance. */
  people: string[];
  /** When the service first and last accepted an event for it (ISO 8601). */
  createdAt: string;
  updatedAt: string;
}

/** The answer to a list. */
export interface RunsResponse {
  runs: RunListing[];
}

/** What every 4xx and 5xx of the API carries: what went wrong, in words a person can act on. */
export interface ApiError {
  error: string;
}
