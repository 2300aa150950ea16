import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, formatTime, listRuns, revisionChanges, runSummary } from './run';
import { EMPTY_STATE, setStepDone, setStepSkipped, startedRun, storageKey, type ChecklistState } from './state';

const START = new Date('2026-11-22T09:02:00.000Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

function aRun(): ChecklistState {
  let state: ChecklistState = {
    version: 1,
    steps: {},
    run: {
      ticket: 'INC-2041',
      slug: 'update-ad-ds-account-password',
      title: 'Update the AD DS connector account password',
      revision: 'r1',
      stepIds: ['open', 'tab', 'restart', 'services', 'check'],
      startedAt: START.toISOString(),
      updatedAt: START.toISOString(),
      build: '1.1.614.0',
    },
  };
  state = setStepDone(state, 'open', true, minutes(1));
  state = setStepDone(state, 'tab', true, minutes(2));
  state = setStepDone(state, 'tab', false, minutes(3));
  state = setStepDone(state, 'tab', true, minutes(4));
  state = setStepSkipped(state, 'services', 'Service already restarted by the on-call engineer', minutes(5));
  return state;
}

const STEPS = [
  { id: 'open', text: 'Open Synchronization Service Manager.', parentId: null },
  { id: 'tab', text: 'Switch to the Connectors tab.', parentId: null },
  { id: 'restart', text: 'Restart the sync service.', parentId: null },
  { id: 'services', text: 'Open Services.', parentId: 'restart' },
  { id: 'check', text: 'Check the next run.', parentId: null },
  { id: 'old-only', text: 'Abandon the key.', parentId: null, notNeeded: true },
];

describe('a run', () => {
  it('records the ticket, build and the procedure as it was when the run started, once', () => {
    const procedure = { slug: 'x', title: 'X', revision: 'r1', steps: [{ id: 'a' }, { id: 'b' }] };
    const started = startedRun(EMPTY_STATE, procedure, 'INC-1', '1.1.614.0', new Date('2026-11-22T09:00:00Z'));
    expect(started.run).toEqual({
      ticket: 'INC-1',
      slug: 'x',
      title: 'X',
      revision: 'r1',
      stepIds: ['a', 'b'],
      startedAt: '2026-11-22T09:00:00.000Z',
      updatedAt: '2026-11-22T09:00:00.000Z',
      build: '1.1.614.0',
    });
    expect(startedRun(started, { ...procedure, revision: 'r2' }, 'INC-1', null, new Date())).toBe(started);
    expect(startedRun(EMPTY_STATE, procedure, 'INC-2', null, new Date()).run).not.toHaveProperty('build');
  });

  it('records every change with its time, unticking included', () => {
    expect(aRun().log!.map(({ step, action }) => `${action} ${step}`)).toEqual([
      'done open',
      'done tab',
      'undone tab',
      'done tab',
      'skipped services',
    ]);
    expect(aRun().run!.updatedAt).toBe(minutes(5).toISOString());
  });

  it('sums up for a ticket as plain text, with times in UTC and offset', () => {
    const text = runSummary({
      title: 'Update the AD DS connector account password',
      url: 'https://runbooks.example/procedures/update-ad-ds-account-password/?build=1.1.614.0&run=INC-2041',
      build: '1.1.614.0',
      state: aRun(),
      steps: STEPS,
      offsetMinutes: 60,
    });
    expect(text).toBe(
      [
        'Procedure: Update the AD DS connector account password',
        'Link: https://runbooks.example/procedures/update-ad-ds-account-password/?build=1.1.614.0&run=INC-2041',
        'Ticket: INC-2041',
        'Build: 1.1.614.0',
        'Started: 2026-11-22 10:02 UTC+01:00',
        'Finished: not yet',
        'Progress: 2 of 5 steps done, 1 skipped, 2 open',
        '',
        'Steps:',
        '[done] 1. Open Synchronization Service Manager. (2026-11-22 10:03 UTC+01:00)',
        '[done] 2. Switch to the Connectors tab. (2026-11-22 10:06 UTC+01:00)',
        '[open] 3. Restart the sync service.',
        '    [skip] 3.1. Open Services. (2026-11-22 10:07 UTC+01:00; reason: Service already restarted by the on-call engineer)',
        '[open] 4. Check the next run.',
        '[n/a]  5. Abandon the key. (not needed for this build)',
        '',
        'Open: 3., 4.',
        '',
      ].join('\n'),
    );
  });

  it('formats times west of UTC too', () => {
    expect(formatTime('2026-11-22T03:30:00.000Z', -300)).toBe('2026-11-21 22:30 UTC-05:00');
  });

  it('tells which steps were added or removed since it started', () => {
    const run = aRun().run!;
    expect(revisionChanges(run, 'r1', run.stepIds)).toEqual({ changed: false, added: [], removed: [] });
    expect(revisionChanges(run, 'r2', ['open', 'tab', 'verify', 'restart', 'services'])).toEqual({
      changed: true,
      added: ['verify'],
      removed: ['check'],
    });
  });
});

describe('a share link', () => {
  it('carries the run, reasons with any characters included, and reads back', () => {
    const state = setStepSkipped(aRun(), 'check', 'Übergabe an Schicht B — “später”', minutes(9));
    const fragment = encodeShare(state);
    expect(fragment).toMatch(/^share=[A-Za-z0-9_-]+$/);
    const decoded = decodeShare(`#${fragment}`);
    expect(decoded).toEqual({ ok: true, state: { ...state, log: undefined } });
  });

  it.each([
    ['truncated', (fragment: string) => fragment.slice(0, fragment.length - 7)],
    ['garbage', () => 'share=%%%not-base64'],
    ['valid base64 of something else', () => `share=${btoa('{"hello":1}')}`],
    ['empty', () => 'share='],
  ])('reports a %s fragment as damaged', (_, make) => {
    const result = decodeShare(make(encodeShare(aRun())));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('damaged or incomplete') });
  });
});

describe('the runs in a browser', () => {
  it('are listed newest first, with unreadable ones flagged', () => {
    const items = new Map<string, string>();
    const storage = {
      get length() {
        return items.size;
      },
      key: (index: number) => [...items.keys()][index] ?? null,
      getItem: (key: string) => items.get(key) ?? null,
    } as Storage;
    const older = aRun();
    const newer = setStepDone(aRun(), 'check', true, minutes(30));
    items.set(storageKey('update-ad-ds-account-password', 'INC-1'), JSON.stringify(older));
    items.set(storageKey('update-ad-ds-account-password', 'INC-2'), JSON.stringify(newer));
    items.set(storageKey('update-ad-ds-account-password', 'INC-3'), '{nope');
    items.set(storageKey('update-ad-ds-account-password'), JSON.stringify(older));
    expect(listRuns(storage).map((run) => [run.key, run.state?.run?.updatedAt ?? null])).toEqual([
      ['runbook:run:update-ad-ds-account-password:INC-2', minutes(30).toISOString()],
      ['runbook:run:update-ad-ds-account-password:INC-1', minutes(5).toISOString()],
      ['runbook:run:update-ad-ds-account-password:INC-3', null],
    ]);
  });
});
