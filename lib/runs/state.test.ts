import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEvents, type RunEvent } from './events';
import { foldRun, stepMark } from './state';

type Body = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'at' | 'by'> : never) : never;

let counter = 0;
/** An event `minute` minutes after 09:00 UTC. */
function ev(minute: number, body: Body, by: string | null = 'Ana', id = `event-${String(++counter).padStart(4, '0')}`): RunEvent {
  const at = new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString();
  return { id, at, by, ...body } as RunEvent;
}

describe('foldRun', () => {
  it('folds a run: start, marks, notes, inputs, builds, finish', () => {
    const events = [
      ev(0, { type: 'start', title: 'Rotate', revision: 'r1', stepIds: ['a', 'b', 'c'], build: '1.1.380.0' }),
      ev(1, { type: 'tick', step: 'a' }),
      ev(2, { type: 'skip', step: 'b', reason: 'Done by on-call' }, 'Ben'),
      ev(3, { type: 'note', step: 'a', text: 'Took a while' }),
      ev(4, { type: 'input', name: 'connectors', value: ['emea', 'apac'] }),
      ev(5, { type: 'build', build: '1.1.614.0' }, 'Ben'),
      ev(6, { type: 'finish' }),
    ];
    const state = foldRun('rotate', 'INC-1', events.slice().reverse());
    expect(state).toEqual({
      ticket: 'INC-1',
      slug: 'rotate',
      started: { at: '2026-11-22T09:00:00.000Z', by: 'Ana', title: 'Rotate', revision: 'r1', stepIds: ['a', 'b', 'c'] },
      build: '1.1.614.0',
      builds: [{ at: '2026-11-22T09:05:00.000Z', by: 'Ben', build: '1.1.614.0' }],
      finishedAt: '2026-11-22T09:06:00.000Z',
      marks: {
        a: { status: 'done', at: '2026-11-22T09:01:00.000Z', by: 'Ana' },
        b: { status: 'skipped', at: '2026-11-22T09:02:00.000Z', by: 'Ben', reason: 'Done by on-call' },
      },
      notes: [{ id: events[3]!.id, at: '2026-11-22T09:03:00.000Z', by: 'Ana', step: 'a', text: 'Took a while' }],
      inputs: { connectors: ['emea', 'apac'] },
      updatedAt: '2026-11-22T09:06:00.000Z',
      people: ['Ana', 'Ben'],
      events,
    });
  });

  it('is empty without events', () => {
    expect(foldRun('x', null, [])).toMatchObject({ started: null, build: null, builds: [], marks: {}, notes: [], updatedAt: null, people: [], events: [] });
  });

  it('ticks, unticks, skips and unskips', () => {
    const state = foldRun('x', null, [
      ev(1, { type: 'tick', step: 'a' }),
      ev(2, { type: 'skip', step: 'a', reason: 'not here' }),
      ev(3, { type: 'tick', step: 'b' }),
      ev(4, { type: 'untick', step: 'b' }),
      ev(5, { type: 'skip', step: 'c', reason: 'r' }),
      ev(6, { type: 'untick', step: 'c' }),
      ev(7, { type: 'tick', step: 'd' }),
      ev(8, { type: 'unskip', step: 'd' }),
      ev(9, { type: 'skip', step: 'e', reason: 'r' }),
      ev(10, { type: 'unskip', step: 'e' }),
      ev(11, { type: 'skip', step: 'f', reason: 'r' }),
      ev(12, { type: 'tick', step: 'f' }),
    ]);
    expect(Object.fromEntries(Object.entries(state.marks).map(([id, mark]) => [id, mark.status]))).toEqual({ a: 'skipped', c: 'skipped', d: 'done', f: 'done' });
    expect(state.marks.f).toEqual({ status: 'done', at: '2026-11-22T09:12:00.000Z', by: 'Ana' });
  });

  it('keeps the first time a step was done, and the newest reason for a skip', () => {
    const state = foldRun('x', null, [
      ev(1, { type: 'tick', step: 'a' }),
      ev(2, { type: 'tick', step: 'a' }, 'Ben'),
      ev(3, { type: 'skip', step: 'b', reason: 'first' }),
      ev(4, { type: 'skip', step: 'b', reason: 'second' }, 'Ben'),
    ]);
    expect(state.marks.a).toMatchObject({ at: '2026-11-22T09:01:00.000Z', by: 'Ana' });
    expect(state.marks.b).toMatchObject({ reason: 'second', by: 'Ben' });
  });

  it('applies every event, after finish too; reopen clears the finish', () => {
    const finished = [ev(1, { type: 'finish' }), ev(2, { type: 'finish' }), ev(3, { type: 'tick', step: 'a' })];
    expect(foldRun('x', null, finished)).toMatchObject({ finishedAt: '2026-11-22T09:01:00.000Z', marks: { a: { status: 'done' } } });
    expect(foldRun('x', null, [...finished, ev(4, { type: 'reopen' })]).finishedAt).toBeNull();
    expect(foldRun('x', null, [...finished, ev(4, { type: 'reopen' }), ev(5, { type: 'finish' })]).finishedAt).toBe('2026-11-22T09:05:00.000Z');
  });

  it('records each change of build from the start on, whatever the clocks say', () => {
    const state = foldRun('x', null, [
      ev(0, { type: 'build', build: '1.1.614.0' }, 'Ben'),
      ev(1, { type: 'start', title: 'T', revision: 'r1', stepIds: [], build: '1.1.380.0' }),
      ev(2, { type: 'start', title: 'T', revision: 'r2', stepIds: [], build: '2.0.0.0' }),
      ev(3, { type: 'build', build: '1.1.614.0' }),
      ev(4, { type: 'build', build: null }),
    ]);
    expect(state.started).toMatchObject({ revision: 'r1' });
    expect(state.build).toBeNull();
    expect(state.builds.map(({ build, by }) => `${build} ${by}`)).toEqual(['1.1.614.0 Ben', 'null Ana']);
  });

  it('keeps the last value of each input, and does not share arrays with the events', () => {
    const events = [ev(1, { type: 'input', name: 'server', value: 'A' }), ev(2, { type: 'input', name: 'server', value: 'B' }), ev(3, { type: 'input', name: 'list', value: ['x'] })];
    const state = foldRun('x', null, events);
    expect(state.inputs).toEqual({ server: 'B', list: ['x'] });
    expect(state.inputs.list).not.toBe((events[2] as { value: string[] }).value);
  });

  it('lists people once, in order of first appearance, without nobody', () => {
    expect(foldRun('x', null, [ev(1, { type: 'tick', step: 'a' }, 'Ben'), ev(2, { type: 'tick', step: 'b' }, null), ev(3, { type: 'tick', step: 'c' }, 'Ana'), ev(4, { type: 'tick', step: 'd' }, 'Ben')]).people).toEqual(['Ben', 'Ana']);
  });

  it('takes hostile ids as plain keys', () => {
    const state = foldRun('x', null, [
      ev(1, { type: 'tick', step: '__proto__' }),
      ev(2, { type: 'skip', step: 'constructor', reason: 'r' }),
      ev(3, { type: 'input', name: '__proto__', value: 'polluted' }),
      ev(4, { type: 'input', name: 'hasOwnProperty', value: 'x' }),
    ]);
    expect(Object.keys(state.marks)).toEqual(['__proto__', 'constructor']);
    expect(stepMark(state, '__proto__')).toMatchObject({ status: 'done' });
    expect(stepMark(state, 'toString')).toBeUndefined();
    expect(Object.getPrototypeOf(state.marks)).toBe(Object.prototype);
    expect(Object.hasOwn(state.inputs, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(state.marks))).toEqual(state.marks);
  });

  it('says who did a step and, beside it, who the sign-in proxy said sent it, when that is someone else', () => {
    const offline = ev(1, { type: 'tick', step: 'a' }, 'Ana');
    const uploaded = { ...offline, via: 'ben@corp.example' };
    const own = { ...ev(2, { type: 'tick', step: 'b' }, 'ben@corp.example'), via: 'ben@corp.example' };
    // Whichever copy comes first, the one the service vouched for is folded.
    for (const events of [[offline, uploaded, own], [uploaded, offline, own]]) {
      const state = foldRun('demo', 'INC-1', events);
      expect(stepMark(state, 'a')?.by).toBe('Ana, via ben@corp.example');
      expect(stepMark(state, 'b')?.by).toBe('ben@corp.example');
      expect(state.people).toEqual(['Ana', 'ben@corp.example']);
    }
  });

  it('folds the same whichever of two events with one id it sees first', () => {
    const a = ev(1, { type: 'tick', step: 'a' }, 'Ana', 'same-id-01');
    const b = ev(1, { type: 'tick', step: 'b' }, 'Ana', 'same-id-01');
    expect(foldRun('x', null, [a, b])).toEqual(foldRun('x', null, [b, a]));
  });
});

const STEPS = ['a', 'b', 'c', 'constructor'];
const eventArb: fc.Arbitrary<Body> = fc.oneof(
  fc.record({ type: fc.constantFrom('tick', 'untick', 'unskip'), step: fc.constantFrom(...STEPS) }),
  fc.record({ type: fc.constant('skip'), step: fc.constantFrom(...STEPS), reason: fc.constantFrom('r1', 'r2') }),
  fc.record({ type: fc.constant('note'), step: fc.constantFrom(null, ...STEPS), text: fc.constantFrom('n1', 'n2') }),
  fc.record({ type: fc.constant('input'), name: fc.constantFrom('server', 'list'), value: fc.oneof(fc.constantFrom('A', 'B'), fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 })) }),
  fc.record({ type: fc.constant('build'), build: fc.constantFrom(null, '1.1.380.0', '1.1.614.0') }),
  fc.record({ type: fc.constantFrom('finish', 'reopen') }),
  fc.record({ type: fc.constant('start'), title: fc.constant('T'), revision: fc.constantFrom('r1', 'r2'), stepIds: fc.constant(STEPS), build: fc.constantFrom(null, '1.1.380.0') }),
) as fc.Arbitrary<Body>;

/** Events with unique ids; few distinct minutes, so that ties in time are common. */
const eventsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), eventArb, fc.constantFrom<string | null>('Ana', 'Ben', null)), { maxLength: 30 })
  .map((list) => list.map(([minute, body, by], index) => ev(minute, body, by, `prop-${String(index).padStart(4, '0')}`)));

describe('foldRun, for any events', () => {
  it('folds shuffled and repeated events to the same state', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2 }), fc.array(fc.nat(), { maxLength: 10 }))),
        ([events, shuffled, extra]) => {
          const repeated = [...shuffled, ...extra.filter(() => events.length > 0).map((index) => events[index % events.length]!)];
          expect(foldRun('x', 'INC-1', repeated)).toEqual(foldRun('x', 'INC-1', events));
        },
      ),
    );
  });

  it('folds a merge of two copies the same whichever comes first', () => {
    fc.assert(
      fc.property(eventsArb, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (events, inA, inB) => {
        const a = events.filter((_, index) => inA[index]);
        const b = events.filter((_, index) => inB[index]);
        expect(foldRun('x', null, mergeEvents(a, b))).toEqual(foldRun('x', null, mergeEvents(b, a)));
        expect(foldRun('x', null, mergeEvents(a, b))).toEqual(foldRun('x', null, [...b, ...a]));
      }),
    );
  });
});
