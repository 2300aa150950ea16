import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../lib/runs/events';
import { repeatId, type Outline } from '../lib/runs/outline';
import { runSummary } from '../lib/runs/selectors';
import { foldRun } from '../lib/runs/state';
import { migrate, openPglite, type Database } from './database';
import { RunStore } from './run-store';
import { freshPgliteDir } from './testing';

/*
 * The service's run list and the run's page fold the same events the same
 * way: the service's summary, made from what it committed in whatever batches
 * and order they came, equals the page's fold of the events it holds.
 */

const OUTLINE: Outline = {
  slug: 'summary-procedure',
  title: 'Summary procedure',
  revision: 'r1',
  inputs: [{ name: 'connectors', label: 'AD connectors', list: true }],
  sections: [{ id: 'steps', title: 'Steps' }],
  steps: [
    { id: 'one', text: 'One.', parentId: null, number: '1.', ranges: [], section: 'steps', repeatFor: null },
    { id: 'old', text: 'Only on old builds.', parentId: null, number: '2.', ranges: ['<=1.1.443.0'], section: 'steps', repeatFor: null },
    { id: 'reset', text: 'Reset {connectors}.', parentId: null, number: '3.', ranges: [], section: 'steps', repeatFor: 'connectors' },
  ],
};
const STEPS = ['one', 'old', repeatId('reset', 'corp.example'), repeatId('reset', 'lab.example')];

type Body = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'at' | 'by'> : never) : never;
const bodyArb = fc.oneof(
  fc.record({ type: fc.constantFrom('tick', 'untick', 'unskip'), step: fc.constantFrom(...STEPS) }),
  fc.record({ type: fc.constant('skip'), step: fc.constantFrom(...STEPS), reason: fc.constantFrom('not here', 'done by hand') }),
  fc.record({ type: fc.constant('note'), step: fc.constantFrom(null, ...STEPS), text: fc.constantFrom('ok', 'printed 0') }),
  fc.record({ type: fc.constant('input'), name: fc.constant('connectors'), value: fc.subarray(['corp.example', 'lab.example']) }),
  fc.record({ type: fc.constant('build'), build: fc.constantFrom(null, '1.1.380.0', '1.1.614.0') }),
  fc.record({ type: fc.constantFrom('finish', 'reopen') }),
  fc.record({ type: fc.constant('start'), title: fc.constantFrom('Summary procedure', 'Renamed'), revision: fc.constant('r1'), stepIds: fc.constant(STEPS), build: fc.constantFrom(null, '1.1.380.0') }),
) as fc.Arbitrary<Body>;

/** Events with unique ids and few distinct minutes, so that ties in time are common, and who did each. */
const eventsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), bodyArb, fc.constantFrom<string | null>('Ana', 'Ben', null)), { minLength: 1, maxLength: 25 })
  .map((list) => list.map(([minute, body, by], index) => ({ id: `summary-${String(index).padStart(4, '0')}`, at: new Date(Date.UTC(2026, 11, 8, 9, minute)).toISOString(), by, ...body }) as RunEvent));

/** The events in batches as a page would send them: any order, some twice, split anywhere. */
const sendingArb = eventsArb.chain((events) =>
  fc.tuple(fc.constant(events), fc.shuffledSubarray([...events, ...events], { minLength: events.length }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 })),
);

let db: Database;
let store: RunStore;
beforeAll(async () => {
  db = await openPglite(await freshPgliteDir());
  await migrate(db);
  store = new RunStore(db, (slug) => (slug === OUTLINE.slug ? OUTLINE : null));
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe("the service's summary of a run", () => {
  it('equals the page’s own fold for any events, sent in any batches and order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(sendingArb, async ([events, sent, sizes]) => {
        const key = { slug: OUTLINE.slug, ticket: `PROP-${++run}` };
        // Every event gets there at least once, after whatever was sent before.
        const batches: RunEvent[][] = [];
        const all = [...sent, ...events];
        for (let index = 0, size = 0; index < all.length; index += sizes[size++ % sizes.length]!) batches.push(all.slice(index, index + sizes[size % sizes.length]!));
        for (const batch of batches) await store.append(key, batch);

        const [listed] = await store.list(key);
        const page = foldRun(key.slug, key.ticket, events);
        expect(listed).toMatchObject(runSummary(key.slug, key.ticket, events, OUTLINE));
        expect(listed!.events).toBe(events.length);
        // The summary says what the page shows.
        expect(listed!.finished).toBe(page.finishedAt !== null);
        expect(listed!.build).toBe(page.build);
      }),
      { seed: 20261208, numRuns: 60 },
    );
  }, 120_000);
});
