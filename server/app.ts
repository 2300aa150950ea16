import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { isTicketId, SLUG, TICKET_ID_HINT } from '../lib/runs/names';
import { API_LIMITS, PROTOCOL_VERSION, type RefusedEvent, type ServiceInfo } from '../lib/runs/api';
import { EVENT_LIMITS, parseRunEvent, type RunEvent } from '../lib/runs/events';
import { SECURITY_HEADERS } from '../lib/security/headers';
import { hostAllowed, proxyIdentity } from './access';
import type { ServiceConfig } from './config';
import { DatabaseUnavailable } from './database';
import { RateLimit, StreamCap } from './limits';
import type { RunHub } from './run-hub';
import { CursorAhead, runName, type RunKey, type RunStore } from './run-store';

/** What the service's routes work with. */
export interface ServiceParts {
  config: ServiceConfig;
  store: RunStore;
  hub: RunHub;
  log: (message: string) => void;
}

/** A 4xx or 5xx with a message for whoever sent the request. */
class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 421 | 429 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How often an idle stream says it is still there, so proxies keep it open. */
const KEEP_ALIVE_MS = 15_000;

/**
 * The run service: the exported site exactly as a static host serves it, with
 * our security headers, and the run API under /api/ (see lib/runs/api.ts).
 */
export function createApp({ config, store, hub, log }: ServiceParts): Hono {
  const app = new Hono();
  const perClient = new RateLimit(config.requestsPerMinute);
  // Behind a sign-in proxy everyone shares its address; the address has its own, larger limit, so that no one gets past by changing the identity sent.
  const perAddress = config.trustProxyHeader ? new RateLimit(config.requestsPerAddress) : null;
  const streams = new StreamCap(config.streamsPerClient);

  const address = (c: Context): string => getConnInfo(c).remote.address ?? 'unknown';
  const identity = (c: Context): string | null => {
    if (!config.trustProxyHeader) return null;
    const values = (c.env as HttpBindings).incoming.headersDistinct[config.trustProxyHeader.toLowerCase()] ?? [];
    const read = proxyIdentity(values, config.trustProxyHeader, EVENT_LIMITS.by);
    if ('error' in read) throw new ApiProblem(400, read.error);
    return read.identity;
  };
  const client = (c: Context): string => identity(c) ?? address(c);
  const limit = (rateLimit: RateLimit | null, who: string) => {
    const wait = rateLimit?.take(who) ?? 0;
    if (wait > 0) throw new ApiProblem(429, `Too many requests from this client; try again in ${wait} s.`, { 'Retry-After': String(wait) });
  };

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.use('*', async (c, next) => {
    const host = c.req.header('Host');
    if (!hostAllowed(host, config.allowedHosts))
      throw new ApiProblem(421, `This service does not answer to the name "${host ?? ''}". If people reach it by that name, add it to RUNBOOK_ALLOWED_HOSTS.`);
    await next();
  });

  app.use('/api/*', async (c, next) => {
    limit(perAddress, address(c));
    limit(perClient, client(c));
    if (c.req.path !== '/api/service.json') checkAccess(c);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') checkWrite(c);
    await next();
  });

  function checkAccess(c: Context) {
    if (config.token) {
      // The scheme's name is case-insensitive (RFC 9110): "bearer" is "Bearer".
      const given = /^Bearer +(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
      if (!given || !sameSecret(given, config.token))
        throw new ApiProblem(401, given ? 'The access token is wrong.' : 'This service needs its access token: send "Authorization: Bearer <token>".', {
          'WWW-Authenticate': 'Bearer',
        });
    }
    if (config.trustProxyHeader) {
      const who = identity(c);
      if (!who) throw new ApiProblem(401, `This service takes who you are from the ${config.trustProxyHeader} header your sign-in proxy sets, and this request has none.`);
    }
  }

  function checkWrite(c: Context) {
    const origin = c.req.header('Origin');
    if (origin !== undefined && hostOf(origin) !== c.req.header('Host'))
      throw new ApiProblem(403, `Requests from ${origin} may not change runs here; only pages of this site may.`);
    if (c.req.header('Sec-Fetch-Site') === 'cross-site') throw new ApiProblem(403, 'Requests from other sites may not change runs here.');
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? ''))
      throw new ApiProblem(415, 'Send the body as JSON, with "Content-Type: application/json".');
  }

  app.get('/api/service.json', (c) => c.json({ service: true, protocol: PROTOCOL_VERSION, token: Boolean(config.token), identity: identity(c) } satisfies ServiceInfo));

  app.get('/api/runs', async (c) => {
    const slug = c.req.query('procedure');
    const ticket = c.req.query('ticket');
    if (slug !== undefined) checkSlug(slug);
    if (ticket !== undefined) checkTicket(ticket);
    return c.json({ runs: await store.list({ slug, ticket }) });
  });

  app.get('/api/runs/:slug/:ticket/events', async (c) => {
    const after = cursor(c.req.query('after') ?? '0', '"after"');
    return c.json(await store.readSince(key(c), after));
  });

  app.post(
    '/api/runs/:slug/:ticket/events',
    bodyLimit({
      maxSize: API_LIMITS.bodyBytes,
      onError: () => {
        // The rest of the body is never read, so this connection cannot carry another request.
        throw new ApiProblem(413, `The request body is larger than ${API_LIMITS.bodyBytes / 1024} KB; send fewer events at a time.`, { Connection: 'close' });
      },
    }),
    async (c) => {
      const run = key(c);
      const body: unknown = await c.req.json().catch((error: Error) => {
        throw error instanceof SyntaxError ? new ApiProblem(400, `The body is not valid JSON (${error.message}).`) : error;
      });
      const { events, refused } = readEvents(body);
      if (events.length === 0) {
        // Nothing to save: a 400 that names the field, with the same answer for each event as any append.
        const error = `No event of this request can be saved: events[${refused[0]!.index}]: ${refused[0]!.error}.`;
        return c.json({ error, added: [], cursor: await store.cursorOf(run), refused }, 400);
      }
      // Every valid event is committed, whatever else the request held: one bad event must not hold back the rest.
      return c.json({ ...(await store.append(run, events, identity(c))), refused });
    },
  );

  app.get('/api/runs/:slug/:ticket/stream', async (c) => {
    const run = key(c);
    const lastEventId = c.req.header('Last-Event-ID');
    const after = cursor(lastEventId ?? c.req.query('after') ?? '0', lastEventId !== undefined ? 'Last-Event-ID' : '"after"');
    const end = await store.cursorOf(run);
    if (after > end) throw new CursorAhead(after, end);
    // A HEAD's body is never read, so a stream for it would never end: answer its headers, and hold no place.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' });
    const release = streams.acquire(client(c));
    if (!release) throw new ApiProblem(429, `This client already has ${config.streamsPerClient} live streams open; close one first.`);
    return streamSSE(c, async (stream) => {
      let written = Promise.resolve();
      const write = (work: () => Promise<unknown>) => (written = written.then(work).then(() => undefined, () => undefined));
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      const stop = hub.watch(runName(run), {
        cursor: after,
        send(events, last) {
          const first = last - events.length;
          write(async () => {
            for (const [index, event] of events.entries()) await stream.writeSSE({ id: String(first + index + 1), data: JSON.stringify(event) });
          });
        },
      });
      const keepAlive = setInterval(() => write(() => stream.write(': still here\n\n')), KEEP_ALIVE_MS);
      try {
        await stream.write('retry: 1000\n\n');
        await closed;
      } finally {
        clearInterval(keepAlive);
        stop();
        release();
      }
    });
  });

  app.all('/api/*', (c) => {
    throw new ApiProblem(404, `There is no ${c.req.method} ${c.req.path} in this service's API.`);
  });

  app.use('*', trailingSlash(config.siteDir));
  app.use('*', serveStatic({ root: path.relative(process.cwd(), config.siteDir) || '.' }));
  app.all('*', (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.json({ error: `The site's files are read with GET or HEAD, not ${c.req.method}.` }, 405, { Allow: 'GET, HEAD' });
    const notFound = path.join(config.siteDir, '404.html');
    return existsSync(notFound) ? c.html(readFileSync(notFound, 'utf8'), 404) : c.text('Not found', 404);
  });

  app.onError((error, c) => {
    if (error instanceof ApiProblem) return c.json({ error: error.message }, error.status, error.headers);
    if (error instanceof CursorAhead) return c.json({ error: error.message, cursor: error.cursor }, 409);
    if (error instanceof DatabaseUnavailable) return c.json({ error: `${error.message} Your changes are kept in your browser; try again shortly.` }, 503, { 'Retry-After': '5' });
    log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.json({ error: 'The run service failed on this request; the failure is in its log.' }, 500);
  });

  return app;
}

function key(c: Context): RunKey {
  const slug = c.req.param('slug') ?? '';
  const ticket = c.req.param('ticket') ?? '';
  checkSlug(slug);
  checkTicket(ticket);
  return { slug, ticket };
}

function checkSlug(slug: string) {
  if (!SLUG.test(slug) || slug.length > 200) throw new ApiProblem(400, 'A procedure is named by its slug: lowercase letters, digits and single hyphens.');
}

function checkTicket(ticket: string) {
  if (!isTicketId(ticket)) throw new ApiProblem(400, TICKET_ID_HINT);
}

function cursor(value: string, what: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new ApiProblem(400, `${what} must be a cursor: the number of events already read, 0 or more.`);
  return Number(value);
}

/**
 * The events of an append, each checked by the one parser of events: those
 * that pass, and for each that does not, why. What a client says in `via` is
 * dropped: only the service records who its sign-in proxy vouched for.
 */
function readEvents(body: unknown): { events: RunEvent[]; refused: RefusedEvent[] } {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { events?: unknown }).events))
    throw new ApiProblem(400, 'The body must be JSON of the form {"events": [...]}.');
  const list = (body as { events: unknown[] }).events;
  if (list.length === 0) throw new ApiProblem(400, '"events" is empty; send at least one event.');
  if (list.length > API_LIMITS.eventsPerRequest)
    throw new ApiProblem(413, `${list.length} events in one request; send at most ${API_LIMITS.eventsPerRequest} at a time.`);
  const events: RunEvent[] = [];
  const refused: RefusedEvent[] = [];
  list.forEach((item, index) => {
    const parsed = parseRunEvent(item);
    if (parsed.ok) {
      const event = { ...parsed.event };
      delete event.via;
      events.push(event);
    } else {
      const id = (item as { id?: unknown } | null)?.id;
      refused.push({ index, id: typeof id === 'string' && id.length <= EVENT_LIMITS.id ? id : null, error: parsed.error });
    }
  });
  return { events, refused };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A folder's page is at its address with a trailing slash, as the export links to it: send the
 * short form there. Only an address already in its plain form is sent on, so the redirect is
 * always a path on this site: never `//other.example/…`, which a browser reads as another site.
 */
function trailingSlash(siteDir: string) {
  return async (c: Context, next: () => Promise<void>) => {
    const { pathname, search } = new URL(c.req.url);
    if (pathname.endsWith('/') || /[\0\\]|(^|\/)\.\.?(\/|$)/.test(pathname)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return next();
    }
    if (decoded !== path.posix.normalize(decoded) || !/^\/[^/\\]/.test(decoded)) return next();
    const folder = path.join(siteDir, decoded);
    const isFolder = folder.startsWith(siteDir) && existsSync(path.join(folder, 'index.html')) && statSync(folder).isDirectory();
    if (isFolder) return c.redirect(`${pathname}/${search}`, 308);
    return next();
  };
}
