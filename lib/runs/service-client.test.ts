import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events';
import { serviceTransport } from './service-client';
import type { SyncFailure } from './sync-transport';

const tick = (n: number): RunEvent => ({ id: `event-${String(n).padStart(6, '0')}`, at: '2026-12-08T10:00:00.000Z', by: 'Ana', type: 'tick', step: `step-${n}` });

/** A fetch that answers the stream with these SSE messages, then keeps the connection open. */
function streaming(messages: { id: number; data: string }[]): typeof fetch {
  return async () => {
    const text = messages.map(({ id, data }) => `id: ${id}\ndata: ${data}\n\n`).join('');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  };
}

describe('the live stream as the page reads it', () => {
  it('moves past an event it cannot read, reports it, and keeps passing on the ones after it', async () => {
    const received: [string, number][] = [];
    const unreadable: number[] = [];
    const newer = { ...tick(2), type: 'take', step: 'step-2' };
    const transport = serviceTransport({
      slug: 'demo',
      ticket: 'INC-1',
      fetch: streaming([
        { id: 1, data: JSON.stringify(tick(1)) },
        { id: 2, data: JSON.stringify(newer) },
        { id: 3, data: 'not json' },
        { id: 4, data: JSON.stringify(tick(4)) },
      ]),
    });
    const stop = transport.subscribe(0, {
      open: () => {},
      events: (events, cursor) => events.forEach((event) => received.push([event.id, cursor])),
      unreadable: (cursor) => unreadable.push(cursor),
      failed: () => {},
    });
    await expect.poll(() => received.length).toBe(2);
    stop();
    expect(received).toEqual([
      [tick(1).id, 1],
      [tick(4).id, 4],
    ]);
    expect(unreadable).toEqual([2, 3]);
  });

  it('reports a cursor past the run’s end as "behind", so the page reads the run again', async () => {
    const failures: SyncFailure[] = [];
    const transport = serviceTransport({
      slug: 'demo',
      ticket: 'INC-1',
      fetch: async () => Response.json({ error: 'This run has 0 events on the service, fewer than the 2 the request has already read.' }, { status: 409 }),
    });
    transport.subscribe(2, { open: () => {}, events: () => {}, unreadable: () => {}, failed: (failure) => failures.push(failure) });
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]).toMatchObject({ kind: 'behind' });
    await expect(transport.read(2)).rejects.toMatchObject({ kind: 'behind' });
  });

  it('takes a 400 that answers for each event as an answer, so every refused event is set aside at once', async () => {
    const refused = [{ index: 0, id: tick(1).id, error: 'event x: "text" holds a NUL character' }];
    const transport = serviceTransport({ slug: 'demo', ticket: 'INC-1', fetch: async () => Response.json({ error: 'No event of this request can be saved', added: [], cursor: 3, refused }, { status: 400 }) });
    await expect(transport.append([tick(1)])).resolves.toEqual({ error: 'No event of this request can be saved', added: [], cursor: 3, refused });
    const plain = serviceTransport({ slug: 'demo', ticket: 'INC-1', fetch: async () => Response.json({ error: 'The body must be JSON.' }, { status: 400 }) });
    await expect(plain.append([tick(1)])).rejects.toMatchObject({ kind: 'rejected', message: 'The body must be JSON.' });
  });

  it('checks an append’s answer rather than trusting it', async () => {
    const transport = serviceTransport({ slug: 'demo', ticket: 'INC-1', fetch: async () => Response.json({ added: [], cursor: 'many' }) });
    await expect(transport.append([tick(1)])).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('reload the page') });
  });
});
