import type { RunEvent } from './events';

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
 */

/** Where the service's description is. A static export serves a file here that says there is no service. */
export const SERVICE_INFO_PATH = '/api/service.json';

/** What `/api/service.json` says. */
export type ServiceInfo =
  | { service: false }
  | {
      service: true;
      /** The page must send `Authorization: Bearer <token>` with every API request. */
      token: boolean;
      /** Who a sign-in proxy says this request comes from; events are recorded as this person. */
      identity: string | null;
    };

/** How much one request may carry. */
export const API_LIMITS = {
  /** Bytes of one request body. */
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

/** The answer to an append: every event of the request is committed (now, or by an earlier try). */
export interface AppendResponse {
  /** Ids of the request's events that were new. The others were already there and are unchanged. */
  added: string[];
  /** The run's cursor after the append. */
  cursor: number;
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
 * One run in the list. What the service can tell without the procedure's
 * gates: the run store's selectors give the progress a page shows.
 */
export interface RunListing {
  slug: string;
  ticket: string;
  /** The procedure's title from the run's `start` event, if it has one. */
  title: string | null;
  /** Steps the run started with (its `start` event's step ids). */
  stepCount: number | null;
  /** Steps ticked now, after every untick. */
  ticked: number;
  /** Steps skipped now, after every unskip. */
  skipped: number;
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
