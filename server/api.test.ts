import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppendResponse, EventsResponse, RunsResponse } from '../lib/runs/api';
import { API_LIMITS, PROTOCOL_VERSION } from '../lib/runs/api';
import { EVENT_LIMITS, newEventId, type RunEvent } from '../lib/runs/events';
import type { ServiceConfig } from './config';
import { startService, type RunningService } from './service';
import { freshPgliteDir, freshPostgres, NO_POSTGRES, openStream, post, testConfig, tick } from './testing';

const RUN = 'demo-procedure/INC-4711';
const start: RunEvent = {
  id: 'start-inc-4711',
  at: '2026-11-23T09:59:00.000Z',
  by: 'Ana',
  type: 'start',
  title: 'Demo procedure',
  revision: 'r1',
  stepIds: ['one', 'two', 'three'],
  build: null,
};

const backends = [
  { name: 'PGlite', database: async () => ({ dataDir: await freshPgliteDir() }) },
  { name: 'PostgreSQL', database: async () => ({ databaseUrl: await freshPostgres() }), skip: !process.env.DATABASE_URL },
];

const started: RunningService[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.close()));
});

describe.each(backends)('the run API on $name', ({ database, skip }) => {
  if (skip) {
    it.skip(NO_POSTGRES, () => {});
    return;
  }
  let base = '';
  let serviceOf: (overrides: Partial<ServiceConfig>) => Promise<string>;

  beforeAll(async () => {
    serviceOf = async (overrides) => {
      const service = await startService(testConfig({ ...(await database()), ...overrides }), () => {});
      started.push(service);
      return service.url;
    };
    base = await serviceOf({});
  }, 120_000);

  const read = async (run: string, after = 0) => (await (await fetch(`${base}/api/runs/${run}/events?after=${after}`)).json()) as EventsResponse;

  it('appends idempotently by event id: a retried request adds nothing, and the run keeps one copy', async () => {
    const first = tick('one');
    const response = await post(base, RUN, { events: [start, first] });
    expect(response.status).toBe(200);
    expect((await response.json()) as AppendResponse).toEqual({ added: [start.id, first.id], cursor: 2, refused: [] });

    const retried = await post(base, RUN, { events: [first, first] });
    expect((await retried.json()) as AppendResponse).toEqual({ added: [], cursor: 2, refused: [] });
    expect((await read(RUN)).events.map((event) => event.id)).toEqual([start.id, first.id]);
  });

  it('reads a run since a cursor, a page at a time, in the order the service committed', async () => {
    const run = 'demo-procedure/CHG-cursor';
    const events = Array.from({ length: API_LIMITS.eventsPerRead + 50 }, (_, index) => tick(`step-${index}`));
    for (let index = 0; index < events.length; index += API_LIMITS.eventsPerRequest)
      expect((await post(base, run, { events: events.slice(index, index + API_LIMITS.eventsPerRequest) })).status).toBe(200);

    const first = await read(run);
    expect(first).toMatchObject({ cursor: API_LIMITS.eventsPerRead, more: true });
    const rest = await read(run, first.cursor);
    expect(rest).toMatchObject({ cursor: events.length, more: false });
    expect([...first.events, ...rest.events].map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await read(run, events.length)).toEqual({ events: [], cursor: events.length, more: false });
    expect(await read('demo-procedure/NO-SUCH-RUN')).toEqual({ events: [], cursor: 0, more: false });
  }, 30_000);

  it('lists runs by procedure and by ticket, with their progress and who worked on them', async () => {
    await post(base, 'demo-procedure/INC-list', { events: [{ ...start, id: 'start-inc-list' }, tick('one', 'Ana'), tick('two', 'Ben')] });
    await post(base, 'other-procedure/INC-list', { events: [tick('x', 'Cy')] });

    const byTicket = (await (await fetch(`${base}/api/runs?ticket=INC-list`)).json()) as RunsResponse;
    expect(byTicket.runs.map((run) => run.slug)).toEqual(['other-procedure', 'demo-procedure']);
    // Counted as the run's page counts it: on no build, all three steps of the procedure's outline count.
    expect(byTicket.runs[1]).toMatchObject({ ticket: 'INC-list', title: 'Demo procedure', progress: { done: 2, skipped: 0, open: 1, total: 3 }, events: 3, people: ['Ana', 'Ben'] });

    // A procedure the site does not have has no progress to tell.
    const byProcedure = (await (await fetch(`${base}/api/runs?procedure=other-procedure`)).json()) as RunsResponse;
    expect(byProcedure.runs).toMatchObject([{ ticket: 'INC-list', title: null, progress: null, people: ['Cy'] }]);
  });

  it('streams a run live, and resumes after Last-Event-ID with nothing missed or repeated', async () => {
    const run = 'demo-procedure/INC-stream';
    await post(base, run, { events: [tick('one'), tick('two')] });
    const stream = await openStream(`${base}/api/runs/${run}/stream`);
    expect(stream.response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    await stream.until(2);
    const live = tick('three', 'Ben');
    await post(base, run, { events: [live] });
    const messages = await stream.until(3);
    expect(messages.map((message) => message.id)).toEqual(['1', '2', '3']);
    expect(messages[2]!.event).toEqual(live);
    stream.close();

    const later = tick('four');
    await post(base, run, { events: [later] });
    const resumed = await openStream(`${base}/api/runs/${run}/stream`, { 'Last-Event-ID': '3' });
    await resumed.until(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.messages).toEqual([{ id: '4', event: later }]);
    resumed.close();
  });

  it('keeps both of two people ticking and unticking one step at once, in one order for everyone', async () => {
    const run = 'demo-procedure/INC-race';
    const at = '2026-11-23T10:30:00.000Z';
    const [ana, ben] = await Promise.all([
      post(base, run, { events: [{ id: 'race-tick-ana', at, by: 'Ana', type: 'tick', step: 'one' }] }),
      post(base, run, { events: [{ id: 'race-untick-ben', at, by: 'Ben', type: 'untick', step: 'one' }] }),
    ]);
    expect([ana.status, ben.status]).toEqual([200, 200]);
    expect((await read(run)).events.map((event) => event.id).sort()).toEqual(['race-tick-ana', 'race-untick-ben']);
    const listed = (await (await fetch(`${base}/api/runs?ticket=INC-race`)).json()) as RunsResponse;
    // Folded by time, then id: "race-untick-ben" comes last, so the step is not ticked, whichever arrived first.
    expect(listed.runs[0]!.progress).toMatchObject({ done: 0 });
  });

  describe('bad input gets a 4xx that says what is wrong, and changes nothing', () => {
    const expectError = async (response: Response, status: number, message: RegExp) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    };

    it('a body that is not JSON, or not sent as JSON', async () => {
      await expectError(await post(base, RUN, '{"events": [', {}), 400, /not valid JSON/);
      await expectError(await post(base, RUN, JSON.stringify({ events: [tick('one')] }), { 'Content-Type': 'text/plain' }), 415, /JSON/);
      await expectError(await post(base, RUN, { tick: 'one' }), 400, /\{"events": \[\.\.\.\]\}/);
      await expectError(await post(base, RUN, { events: [] }), 400, /empty/);
    });

    it('a mixed request: every valid event is committed, and each refused one is answered for, naming its field', async () => {
      const run = 'demo-procedure/INC-mixed';
      const good = [tick('one'), tick('two')];
      const bad = [
        { ...tick('x'), type: 'explode' },
        { ...tick('x'), step: '' },
        { id: newEventId(), at: start.at, by: null, type: 'note', step: null, text: 'x'.repeat(EVENT_LIMITS.note + 1) },
        // What the database cannot store: a NUL, half of a surrogate pair; and times it cannot order.
        { id: newEventId(), at: start.at, by: null, type: 'note', step: null, text: 'before\u0000after' },
        { id: newEventId(), at: start.at, by: 'Ana \uD800', type: 'tick', step: 'one' },
        { ...tick('x'), at: '1' },
        { ...tick('x'), at: '+275760-09-13T00:00:00.000Z' },
        'not an event',
      ];
      const response = await post(base, run, { events: [good[0], ...bad, good[1]] });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as AppendResponse;
      expect(answer.added).toEqual(good.map((event) => event.id));
      expect(answer.refused.map((refusal) => refusal.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(answer.refused.map((refusal) => refusal.error)).toEqual([
        expect.stringMatching(/unknown "type"/),
        expect.stringMatching(/"step" must be a step id/),
        expect.stringMatching(new RegExp(`"text" must be a note of 1 to ${EVENT_LIMITS.note} characters`)),
        expect.stringMatching(/"text" holds a NUL character/),
        expect.stringMatching(/"by" holds a NUL character or half of a surrogate pair/),
        expect.stringMatching(/"at" must be an ISO 8601 time/),
        expect.stringMatching(/"at" must be an ISO 8601 time/),
        expect.stringMatching(/JSON object/),
      ]);
      expect(answer.refused[0]!.id).toBe((bad[0] as { id: string }).id);
      expect((await read(run)).events.map((event) => event.id)).toEqual(good.map((event) => event.id));
      // Only refused events: a 400 naming the field, with the same answer for each event, and the run's cursor as it was.
      const refusedAll = await post(base, run, { events: [bad[3]] });
      expect(refusedAll.status).toBe(400);
      expect(await refusedAll.json()).toMatchObject({ error: expect.stringMatching(/^No event of this request can be saved: events\[0\]: .*"text" holds a NUL/), added: [], cursor: 2, refused: [{ index: 0 }] });
    });

    it('a cursor past the end of the run is refused, for a read and for a stream', async () => {
      const run = 'demo-procedure/INC-ahead';
      await expectError(await fetch(`${base}/api/runs/${run}/stream`, { headers: { 'Last-Event-ID': '2' } }), 409, /fewer than the 2/);
      await post(base, run, { events: [tick('one'), tick('two'), tick('three')] });
      await expectError(await fetch(`${base}/api/runs/${run}/events?after=4`), 409, /has 3 events/);
      const stream = await openStream(`${base}/api/runs/${run}/stream`, { 'Last-Event-ID': '2' });
      expect((await stream.until(1)).map((message) => message.id)).toEqual(['3']);
      stream.close();
    });

    it('too many events, or too large a body', async () => {
      const many = Array.from({ length: API_LIMITS.eventsPerRequest + 1 }, (_, index) => tick(`s${index}`));
      await expectError(await post(base, RUN, { events: many }), 413, new RegExp(`at most ${API_LIMITS.eventsPerRequest}`));
      const huge = JSON.stringify({ events: [tick('one')], padding: 'x'.repeat(API_LIMITS.bodyBytes) });
      await expectError(await post(base, RUN, huge), 413, /larger than 256 KB/);
    });

    it('a ticket id or procedure outside the grammar, or a bad cursor', async () => {
      await expectError(await post(base, 'demo-procedure/INC%204711', { events: [tick('one')] }), 400, /1 to 64 letters/);
      await expectError(await post(base, `demo-procedure/${'A'.repeat(65)}`, { events: [tick('one')] }), 400, /1 to 64 letters/);
      await expectError(await post(base, 'Demo_Procedure/INC-1', { events: [tick('one')] }), 400, /lowercase letters/);
      await expectError(await fetch(`${base}/api/runs/${RUN}/events?after=-1`), 400, /"after" must be a cursor/);
      await expectError(await fetch(`${base}/api/runs/${RUN}/stream`, { headers: { 'Last-Event-ID': 'abc' } }), 400, /Last-Event-ID must be a cursor/);
      await expectError(await fetch(`${base}/api/runs?ticket=%3Cscript%3E`), 400, /1 to 64 letters/);
      await expectError(await fetch(`${base}/api/nothing-here`), 404, /no GET \/api\/nothing-here/);
    });

    it('nothing that comes in is reflected as HTML', async () => {
      const response = await fetch(`${base}/api/runs/${encodeURIComponent('<img src=x onerror=alert(1)>')}/x/events`);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    });
  });

  it('checks Origin on writes: another site may not change a run', async () => {
    const origin = new URL(base);
    expect((await post(base, RUN, { events: [tick('one')] }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(base, RUN, { events: [tick('one')] }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post(base, RUN, { events: [tick('one')] }, { Origin: origin.origin })).status).toBe(200);
  });

  it('limits requests per client, and says when to try again', async () => {
    const url = await serviceOf({ requestsPerMinute: 5 });
    const statuses = [];
    for (let index = 0; index < 7; index++) statuses.push((await fetch(`${url}/api/runs`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await fetch(`${url}/api/runs`);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { error: string }).error).toMatch(/Too many requests/);
  }, 60_000);

  it('caps the streams one client holds open, and frees a place when one closes', async () => {
    const url = await serviceOf({ streamsPerClient: 2 });
    const streams = [await openStream(`${url}/api/runs/${RUN}/stream`), await openStream(`${url}/api/runs/${RUN}/stream`)];
    const third = await fetch(`${url}/api/runs/${RUN}/stream`);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: string }).error).toMatch(/already has 2 live streams/);
    streams[0]!.close();
    await expect.poll(async () => {
      const again = await openStream(`${url}/api/runs/${RUN}/stream`);
      again.close();
      return again.response.status;
    }).toBe(200);
    streams[1]!.close();
  }, 60_000);

  describe('access', () => {
    const token = 'a-long-random-test-token-1234';

    it('with RUNBOOK_TOKEN, reads and writes need the token; the service description tells the page so', async () => {
      const url = await serviceOf({ token });
      expect(await (await fetch(`${url}/api/service.json`)).json()).toEqual({ service: true, protocol: PROTOCOL_VERSION, token: true, identity: null });
      const bare = await fetch(`${url}/api/runs/${RUN}/events`);
      expect(bare.status).toBe(401);
      expect(bare.headers.get('WWW-Authenticate')).toBe('Bearer');
      expect((await fetch(`${url}/api/runs`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
      expect((await fetch(`${url}/api/runs/${RUN}/stream`)).status).toBe(401);
      expect((await post(url, RUN, { events: [tick('one')] })).status).toBe(401);
      expect((await post(url, RUN, { events: [tick('one')] }, { Authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await fetch(`${url}/api/runs`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      // The site itself is not secret.
      expect((await fetch(`${url}/`)).status).toBe(200);
    }, 60_000);

    it('with a trusted proxy header, the service records who the proxy says sent each event beside it, and never rewrites the event', async () => {
      const url = await serviceOf({ trustProxyHeader: 'X-Forwarded-Email' });
      expect((await fetch(`${url}/api/runs`)).status).toBe(401);
      const who = { 'X-Forwarded-Email': 'ana@example.com' };
      expect(await (await fetch(`${url}/api/service.json`, { headers: who })).json()).toEqual({ service: true, protocol: PROTOCOL_VERSION, token: false, identity: 'ana@example.com' });
      // Ana uploads a run Ben worked offline, and claims a "via" of her own making: the service keeps Ben's event as it is, and records Ana beside it.
      const bens = tick('one', 'Ben');
      expect((await post(url, 'demo-procedure/INC-proxy', { events: [{ ...bens, via: 'someone@else.example' }] }, who)).status).toBe(200);
      const { events } = (await (await fetch(`${url}/api/runs/demo-procedure/INC-proxy/events`, { headers: who })).json()) as EventsResponse;
      expect(events).toEqual([{ ...bens, via: 'ana@example.com' }]);
      const stream = await openStream(`${url}/api/runs/demo-procedure/INC-proxy/stream`, who);
      expect((await stream.until(1))[0]!.event).toEqual({ ...bens, via: 'ana@example.com' });
      stream.close();
    }, 60_000);
  });

  it('serves the exported site as a static host does, with the security headers on every answer', async () => {
    const page = await fetch(`${base}/procedures/demo-procedure/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Demo</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("connect-src 'self'");
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');

    const short = await fetch(`${base}/procedures/demo-procedure?run=INC-1`, { redirect: 'manual' });
    expect(short.status).toBe(308);
    expect(short.headers.get('Location')).toBe('/procedures/demo-procedure/?run=INC-1');

    for (const missing of ['/nope/', '/_next/', '/procedures/', '/%2e%2e/%2e%2e/etc/passwd', '/a%00b']) {
      const response = await fetch(`${base}${missing}`);
      expect(response.status, missing).toBe(404);
      expect(await response.text(), missing).toContain('This page does not exist');
      expect(response.headers.get('Referrer-Policy'), missing).toBe('no-referrer');
    }
    const api = await fetch(`${base}/api/runs`);
    expect(api.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(api.headers.get('Cache-Control')).toBe('no-store');
  });
});
