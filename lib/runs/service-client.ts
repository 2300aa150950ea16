import { EventSourceParserStream } from 'eventsource-parser/stream';
import { runApiPath, type AppendRequest, type AppendResponse, type ApiError } from './api';
import { parseRunEvent } from './events';
import type { SyncFailure, SyncTransport } from './sync';

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
      if (!response.ok) throw await failureOf(response);
      return (await response.json()) as AppendResponse;
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
          let parsed: ReturnType<typeof parseRunEvent>;
          try {
            parsed = parseRunEvent(JSON.parse(message.data));
          } catch {
            continue;
          }
          // Only the next event in order: a gap would move the cursor past events never seen.
          if (!parsed.ok || seq !== last + 1) continue;
          last = seq;
          on.events([parsed.event], seq);
        }
        fail({ kind: 'offline', message: 'The live connection to the run service closed.' });
      })().catch((error: unknown) => fail(isFailure(error) ? error : { kind: 'offline', message: 'The run service cannot be reached.' }));
      return () => abort.abort();
    },
  };
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
  if (response.status === 429 || response.status >= 500) return { kind: 'unavailable', message, retryAfter };
  return { kind: 'rejected', message };
}
