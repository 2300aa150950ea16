import { EventSourceParserStream } from 'eventsource-parser/stream';
import { runApiPath, type AppendRequest, type AppendResponse, type ApiError, type RefusedEvent } from './api';
import { parseRunEvent, type RunEvent } from './events';
import type { ReadPage, SyncFailure, SyncTransport } from './sync-transport';

export interface ServiceClientOptions {
  slug: string;
  ticket: string;
  /** The service's address; '' for the site's own. */
  base?: string;
  /** Sent as a bearer token when the service asks for one. */
  token?: string | null;
  fetch?: typeof fetch;
}

/**
 * The run service over HTTP, for `RunSync`. The live stream is read with
 * `fetch` rather than `EventSource`, which cannot send the access token.
 */
export function serviceTransport({ slug, ticket, base = '', token = null, fetch: fetchImpl = globalThis.fetch }: ServiceClientOptions): SyncTransport {
  const headers = (extra: Record<string, string>) => (token ? { ...extra, Authorization: `Bearer ${token}` } : extra);

  return {
    async append(events) {
      const response = await fetchImpl(`${base}${runApiPath(slug, ticket, 'events')}`, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ events } satisfies AppendRequest),
      }).catch(offline);
      // A 400 that answers for each event (every one refused) is an answer like any other: each is set aside.
      if (!response.ok && response.status !== 400) throw await failureOf(response);
      const answer = await answerOf(response.clone(), isAppendResponse);
      if (!answer && !response.ok) throw await failureOf(response);
      if (!answer) throw { kind: 'unavailable', message: 'The run service answered in a form this page does not know: reload the page.' } satisfies SyncFailure;
      return answer;
    },

    async read(cursor) {
      const response = await fetchImpl(`${base}${runApiPath(slug, ticket, 'events')}?after=${cursor}`, { headers: headers({}), cache: 'no-store' }).catch(offline);
      if (!response.ok) throw await failureOf(response);
      const page = await answerOf(response, isEventsPage);
      if (!page) throw { kind: 'unavailable', message: 'The run service answered in a form this page does not know: reload the page.' } satisfies SyncFailure;
      const events: RunEvent[] = [];
      for (const item of page.events) {
        const parsed = parseRunEvent(item);
        if (parsed.ok) events.push(parsed.event);
      }
      return { events, cursor: page.cursor, more: page.more, unreadable: page.events.length - events.length } satisfies ReadPage;
    },

    subscribe(cursor, on) {
      const abort = new AbortController();
      let last = cursor;
      let ended = false;
      const fail = (failure: SyncFailure) => {
        if (ended || abort.signal.aborted) return;
        ended = true;
        on.failed(failure);
      };
      void (async () => {
        const response = await fetchImpl(`${base}${runApiPath(slug, ticket, 'stream')}`, {
          headers: headers({ Accept: 'text/event-stream', 'Last-Event-ID': String(cursor) }),
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw await failureOf(response);
        on.open();
        const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
        for await (const message of messages) {
          const seq = Number(message.id);
          // Only the next event in order: a gap would move the cursor past events never seen.
          if (seq !== last + 1) continue;
          last = seq;
          const parsed = parseRunEvent(parseJson(message.data));
          // One this page cannot read still moves the cursor on, and is reported: never silently dropped.
          if (parsed.ok) on.events([parsed.event], seq);
          else on.unreadable(seq);
        }
        fail({ kind: 'offline', message: 'The live connection to the run service closed.' });
      })().catch((error: unknown) => fail(isFailure(error) ? error : { kind: 'offline', message: 'The run service cannot be reached.' }));
      return () => abort.abort();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The answer's JSON when it has the expected shape, else null: checked, not cast. */
async function answerOf<T>(response: Response, is: (value: unknown) => value is T): Promise<T | null> {
  const value: unknown = await response.json().catch(() => null);
  return is(value) ? value : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isAppendResponse(value: unknown): value is AppendResponse {
  return (
    isRecord(value) &&
    Array.isArray(value.added) &&
    Number.isSafeInteger(value.cursor) &&
    Array.isArray(value.refused) &&
    value.refused.every((item: unknown): item is RefusedEvent => isRecord(item) && Number.isSafeInteger(item.index) && typeof item.error === 'string')
  );
}

function isEventsPage(value: unknown): value is { events: unknown[]; cursor: number; more: boolean } {
  return isRecord(value) && Array.isArray(value.events) && Number.isSafeInteger(value.cursor) && typeof value.more === 'boolean';
}

function offline(): never {
  throw { kind: 'offline', message: 'The run service cannot be reached.' } satisfies SyncFailure;
}

function isFailure(value: unknown): value is SyncFailure {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

/** What an error answer means for the queue, with the service's own words. */
async function failureOf(response: Response): Promise<SyncFailure> {
  const body = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  const message = typeof body?.error === 'string' ? body.error : `The run service answered ${response.status}.`;
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  if (response.status === 401 || response.status === 403) return { kind: 'denied', message };
  if (response.status === 409) return { kind: 'behind', message };
  if (response.status === 429 || response.status >= 500) return { kind: 'unavailable', message, retryAfter };
  return { kind: 'rejected', message };
}
