import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events';
import { expandSteps, type Outline, type OutlineStep, type StepInstance } from './outline';
import { inStartOrder, neededSteps, nextOpenStep, openSteps, runProgress, sectionProgress, stepStatus } from './selectors';
import { foldRun } from './state';

type Body = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'at' | 'by'> : never) : never;
let counter = 0;
const ev = (minute: number, body: Body, by: string | null = 'Ana'): RunEvent =>
  ({ id: `event-${String(++counter).padStart(4, '0')}`, at: new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString(), by, ...body }) as RunEvent;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString();

const step = (id: string, more: Partial<OutlineStep> = {}): OutlineStep => ({ id, text: id, parentId: null, ranges: [], section: null, repeatFor: null, ...more });
const outline = (steps: OutlineStep[]): Outline => ({ slug: 'p', title: 'P', revision: 'r1', inputs: [], sections: [], steps });
const start = (build: string | null) => ev(0, { type: 'start', title: 'P', revision: 'r1', stepIds: [], build });
const ids = (steps: StepInstance[]) => steps.map((one) => one.id);

describe('the sub-step rule', () => {
  const steps = expandSteps(outline([step('a'), step('b'), step('b1', { parentId: 'b' }), step('b2', { parentId: 'b' }), step('c')]), {});

  it('counts the sub-steps and not their step', () => {
    expect(runProgress(foldRun('p', null, []), steps)).toEqual({ done: 0, skipped: 0, open: 4, total: 4 });
    expect(ids(openSteps(foldRun('p', null, []), steps))).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('reads a step as done when each sub-step is done or skipped and one is done', () => {
    const one = foldRun('p', null, [ev(1, { type: 'tick', step: 'b1' })]);
    expect(stepStatus(one, steps, 'b')).toEqual({ status: 'open' });
    const both = foldRun('p', null, [ev(1, { type: 'tick', step: 'b1' }), ev(2, { type: 'skip', step: 'b2', reason: 'n/a here' }, 'Ben')]);
    expect(stepStatus(both, steps, 'b')).toEqual({ status: 'done', at: at(2), by: 'Ben' });
    expect(runProgress(both, steps)).toEqual({ done: 1, skipped: 1, open: 2, total: 4 });
  });

  it('reads a step as skipped when all its sub-steps are', () => {
    const state = foldRun('p', null, [ev(1, { type: 'skip', step: 'b1', reason: 'x' }), ev(2, { type: 'skip', step: 'b2', reason: 'y' })]);
    expect(stepStatus(state, steps, 'b')).toMatchObject({ status: 'skipped', at: at(2) });
  });

  it("ignores a step's own tick while its sub-steps count", () => {
    const state = foldRun('p', null, [ev(1, { type: 'tick', step: 'b' })]);
    expect(stepStatus(state, steps, 'b').status).toBe('open');
    expect(runProgress(state, steps).done).toBe(0);
  });
});

describe('the build', () => {
  const steps = expandSteps(
    outline([
      step('always'),
      step('old-only', { ranges: ['<=1.1.443.0'] }),
      step('old-skip', { ranges: ['<=1.1.443.0'] }),
      step('old-open', { ranges: ['<=1.1.443.0'] }),
      step('new-only', { ranges: ['>=1.1.524.0'] }),
      step('parent'),
      step('child-old', { parentId: 'parent', ranges: ['<=1.1.443.0'] }),
    ]),
    {},
  );

  it('gives the steps needed for it, all of them without one', () => {
    expect(ids(neededSteps(steps, '1.1.614.0'))).toEqual(['always', 'new-only', 'parent']);
    expect(ids(neededSteps(steps, null))).toEqual(ids(steps));
    expect(ids(neededSteps(steps, 'not a build'))).toEqual(ids(steps));
  });

  it('never rewrites the past: steps done or skipped on the old build keep their mark and count', () => {
    const before = [start('1.1.380.0'), ev(1, { type: 'tick', step: 'old-only' }), ev(2, { type: 'skip', step: 'old-skip', reason: 'no access' })];
    expect(runProgress(foldRun('p', 'INC-1', before), steps)).toEqual({ done: 1, skipped: 1, open: 3, total: 5 });
    const after = foldRun('p', 'INC-1', [...before, ev(3, { type: 'build', build: '1.1.614.0' }, 'Ben')]);
    expect(stepStatus(after, steps, 'old-only')).toEqual({ status: 'done', at: at(1), by: 'Ana' });
    expect(stepStatus(after, steps, 'old-skip')).toEqual({ status: 'skipped', at: at(2), by: 'Ana', reason: 'no access' });
    expect(runProgress(after, steps)).toEqual({ done: 1, skipped: 1, open: 3, total: 5 });
    expect(ids(openSteps(after, steps))).toEqual(['always', 'new-only', 'parent']);
  });

  it('counts a step by itself when none of its sub-steps is needed', () => {
    const state = foldRun('p', null, [start('1.1.614.0'), ev(1, { type: 'tick', step: 'parent' })]);
    expect(stepStatus(state, steps, 'parent')).toMatchObject({ status: 'done' });
    expect(runProgress(state, steps)).toEqual({ done: 1, skipped: 0, open: 2, total: 3 });
  });
});

describe('repeated steps', () => {
  const steps = expandSteps(
    outline([step('prepare'), step('reset', { repeatFor: 'connectors' }), step('store', { parentId: 'reset', repeatFor: 'connectors' }), step('check')]),
    { connectors: ['emea', 'apac'] },
  );

  it('count each copy on its own', () => {
    const state = foldRun('p', null, [ev(1, { type: 'tick', step: 'store--emea' })]);
    expect(runProgress(state, steps)).toEqual({ done: 1, skipped: 0, open: 3, total: 4 });
    expect(stepStatus(state, steps, 'reset--emea').status).toBe('done');
    expect(stepStatus(state, steps, 'reset--apac').status).toBe('open');
    expect(nextOpenStep(state, steps)?.id).toBe('prepare');
    expect(ids(openSteps(state, steps))).toEqual(['prepare', 'store--apac', 'check']);
  });
});

describe('the next open step', () => {
  const steps = expandSteps(outline([step('a'), step('constructor'), step('c')]), {});

  it('is the first open one in page order, and none at the end', () => {
    expect(nextOpenStep(foldRun('p', null, [ev(1, { type: 'tick', step: 'a' })]), steps)?.id).toBe('constructor');
    const all = foldRun('p', null, ['a', 'constructor', 'c'].map((id, minute) => ev(minute, { type: 'tick', step: id })));
    expect(nextOpenStep(all, steps)).toBeNull();
    expect(stepStatus(foldRun('p', null, []), steps, 'constructor')).toEqual({ status: 'open' });
    expect(stepStatus(foldRun('p', null, []), steps, 'toString')).toEqual({ status: 'open' });
  });
});

describe('progress by section', () => {
  const headings = [
    { id: 'services', depth: 2 },
    { id: 'key', depth: 2 },
    { id: 'stop', depth: 3 },
    { id: 'abandon', depth: 3 },
    { id: 'check', depth: 2 },
  ];
  const steps = expandSteps(
    outline([
      step('before'),
      step('s1', { section: 'services' }),
      step('s2', { section: 'services' }),
      step('k0', { section: 'key', ranges: ['<=1.1.443.0'] }),
      step('stop1', { section: 'stop', ranges: ['<=1.1.443.0'] }),
      step('ab1', { section: 'abandon', ranges: ['<=1.1.443.0'] }),
      step('ab1a', { section: 'abandon', parentId: 'ab1', ranges: ['<=1.1.443.0'] }),
      step('ab1b', { section: 'abandon', parentId: 'ab1', ranges: ['<=1.1.443.0'] }),
    ]),
    {},
  );

  it('counts a part’s own steps, and a section’s with its parts’, as the run counts them', () => {
    const state = foldRun('p', null, [start('1.1.380.0'), ev(1, { type: 'tick', step: 's1' }), ev(2, { type: 'tick', step: 'ab1a' }), ev(3, { type: 'skip', step: 'stop1', reason: 'stopped' })]);
    const progress = sectionProgress(state, steps, headings);
    expect(progress.get('services')).toEqual({ done: 1, skipped: 0, open: 1, total: 2 });
    expect(progress.get('stop')).toEqual({ done: 0, skipped: 1, open: 0, total: 1 });
    // The step with sub-steps counts through them, as on the page.
    expect(progress.get('abandon')).toEqual({ done: 1, skipped: 0, open: 1, total: 2 });
    expect(progress.get('key')).toEqual({ done: 1, skipped: 1, open: 2, total: 4 });
    expect(progress.get('check')).toEqual({ done: 0, skipped: 0, open: 0, total: 0 });
  });

  it('leaves out the steps a newer build does not need', () => {
    const progress = sectionProgress(foldRun('p', null, [start('1.1.614.0')]), steps, headings);
    expect(progress.get('key')!.total).toBe(0);
    expect(progress.get('services')!.total).toBe(2);
  });
});

describe('the order of a list of runs', () => {
  const run = (slug: string, ticket: string | null, started: string) => ({ slug, ticket, started });

  it('is newest start first, then by procedure and ticket, whatever happened to the runs since', () => {
    const runs = [run('b', 'INC-2', '09:00'), run('a', 'INC-9', '10:00'), run('a', 'INC-1', '09:00'), run('b', 'INC-1', '09:00')];
    expect(inStartOrder(runs, (one) => one.started).map((one) => `${one.slug}/${one.ticket}`)).toEqual(['a/INC-9', 'a/INC-1', 'b/INC-1', 'b/INC-2']);
    // The list it is given is left as it was.
    expect(runs[0]!.slug).toBe('b');
  });
});
