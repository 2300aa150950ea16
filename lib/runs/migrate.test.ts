import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeEvents, parseRunEvent } from './events';
import { legacyStorageKey, parseLegacyStorageKey } from './legacy-keys';
import { migrateLegacy, migrateLegacyShare } from './migrate';
import { foldRun, type RunState } from './state';

/** What today's code (lib/checklist/state.ts) saved in a browser: written by its own functions, see the keys. */
const legacyStorage = JSON.parse(readFileSync(new URL('fixtures/legacy-storage.json', import.meta.url), 'utf8')) as Record<string, LegacyState>;
/** An old handover link's fragment, made by today's `encodeShare` from the INC-2041 run. */
const legacyShare = readFileSync(new URL('fixtures/legacy-share.txt', import.meta.url), 'utf8').trim();

const RUN_KEY = 'runbook:run:update-ad-ds-account-password:INC-2041';
const OLD_RUN_KEY = 'runbook:run:update-ad-ds-account-password:INC-1999';
const PLAIN_KEY = 'runbook:checklist:reset-azure-ad-connector-account';

interface LegacyState {
  version: 1;
  steps: Record<string, { doneAt: string }>;
  skipped?: Record<string, { at: string; reason: string }>;
  log?: { at: string; step: string; action: string; reason?: string }[];
  run?: { ticket: string; slug: string; title: string; revision: string; stepIds: string[]; startedAt: string; finishedAt?: string; build?: string };
}

function migrated(key: string, legacy: LegacyState = legacyStorage[key]!): RunState {
  const result = migrateLegacy(JSON.stringify(legacy), key);
  expect(result).not.toBeNull();
  return foldRun(result!.slug, result!.ticket, result!.events);
}

/** The marks a legacy state shows: what the migrated run must fold to. */
function legacyMarks(legacy: LegacyState) {
  return {
    ...Object.fromEntries(Object.entries(legacy.skipped ?? {}).map(([id, skip]) => [id, { status: 'skipped', at: skip.at, by: null, reason: skip.reason }])),
    ...Object.fromEntries(Object.entries(legacy.steps).map(([id, tick]) => [id, { status: 'done', at: tick.doneAt, by: null }])),
  };
}

describe('migrating what today’s code stored', () => {
  it('turns a finished run with its log into events that fold to the same ticks, skips, times and build', () => {
    const legacy = legacyStorage[RUN_KEY]!;
    const state = migrated(RUN_KEY);
    expect(state.slug).toBe('update-ad-ds-account-password');
    expect(state.ticket).toBe('INC-2041');
    expect(state.started).toEqual({ at: legacy.run!.startedAt, by: null, title: legacy.run!.title, revision: 'c41f9a2', stepIds: legacy.run!.stepIds });
    expect(state.build).toBe('1.1.443.0');
    expect(state.finishedAt).toBe(legacy.run!.finishedAt);
    expect(state.marks).toEqual(legacyMarks(legacy));
    expect(state.marks['open-services']).toEqual({ status: 'skipped', at: '2026-11-20T09:23:00.000Z', by: null, reason: 'Restarted from PowerShell with Restart-Service ADSync instead' });
    // The history is the log: one event per entry, plus the start and the finish.
    expect(state.events.map((event) => event.type)).toEqual([
      'start',
      ...legacy.log!.map((entry) => ({ done: 'tick', undone: 'untick', skipped: 'skip', unskipped: 'unskip' })[entry.action]),
      'finish',
    ]);
    expect(state.events.every((event) => parseRunEvent(event).ok && event.by === null)).toBe(true);
  });

  it('brings in ticks and skips of a run saved before states had a log', () => {
    const legacy = legacyStorage[OLD_RUN_KEY]!;
    const state = migrated(OLD_RUN_KEY);
    expect(legacy.log).toBeUndefined();
    expect(state.marks).toEqual(legacyMarks(legacy));
    expect(state.started?.at).toBe(legacy.run!.startedAt);
    expect([state.build, state.finishedAt]).toEqual([null, null]);
  });

  it('migrates a plain checklist, which has no start', () => {
    const state = migrated(PLAIN_KEY);
    expect([state.slug, state.ticket, state.started]).toEqual(['reset-azure-ad-connector-account', null, null]);
    expect(state.marks).toEqual(legacyMarks(legacyStorage[PLAIN_KEY]!));
  });

  it('makes the same events every time, so two tabs migrating the same run merge to one copy', () => {
    const raw = JSON.stringify(legacyStorage[RUN_KEY]);
    const [one, two] = [migrateLegacy(raw, RUN_KEY)!, migrateLegacy(raw, RUN_KEY)!];
    expect(one).toEqual(two);
    expect(mergeEvents(one.events, two.events)).toEqual(one.events);
    expect(new Set(one.events.map((event) => event.id)).size).toBe(one.events.length);
  });

  it('gives a different run different ids, even with the same content', () => {
    const legacy = { version: 1, steps: { a: { doneAt: '2026-11-20T09:00:00.000Z' } } } as const;
    const ids = (key: string) => migrateLegacy(JSON.stringify(legacy), key)!.events.map((event) => event.id);
    expect(ids('runbook:checklist:one')).not.toEqual(ids('runbook:checklist:two'));
  });

  it('trusts the state where its capped log says otherwise', () => {
    const legacy: LegacyState = {
      version: 1,
      steps: { kept: { doneAt: '2026-11-20T09:05:00.000Z' } },
      skipped: { 'skipped-later': { at: '2026-11-20T09:07:00.000Z', reason: '' } },
      log: [
        { at: '2026-11-20T09:05:00.000Z', step: 'kept', action: 'undone' },
        { at: '2026-11-20T09:06:00.000Z', step: 'gone', action: 'done' },
        { at: '2026-11-20T09:06:00.000Z', step: 'skip-gone', action: 'skipped', reason: 'x' },
      ],
    };
    const state = migrated('runbook:checklist:capped', legacy);
    expect(state.marks).toEqual({
      kept: { status: 'done', at: '2026-11-20T09:05:00.001Z', by: null },
      'skipped-later': { status: 'skipped', at: '2026-11-20T09:07:00.000Z', by: null, reason: '(no reason was recorded)' },
    });
  });

  it('keeps steps named like object properties', () => {
    const raw = `{"version":1,"steps":{"constructor":{"doneAt":"2026-11-20T09:00:00.000Z"},"__proto__":{"doneAt":"2026-11-20T09:01:00.000Z"}}}`;
    const result = migrateLegacy(raw, 'runbook:checklist:odd');
    expect(result!.events.map((event) => 'step' in event && event.step)).toEqual(['constructor', '__proto__']);
  });

  it.each([
    ['not JSON', 'not json', PLAIN_KEY],
    ['a newer shape', '{"version":2,"events":[]}', PLAIN_KEY],
    ['a list', '["a","b"]', PLAIN_KEY],
    ['a key of something else', '{"version":1,"steps":{}}', 'runbook:events:x'],
    ['a run key without a ticket', '{"version":1,"steps":{}}', 'runbook:run:x'],
  ])('reads %s as nothing to migrate', (_, raw, key) => {
    expect(migrateLegacy(raw, key)).toBeNull();
  });

  it('leaves out what it cannot read and keeps the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      steps: { good: { doneAt: '2026-11-20T09:00:00.000Z' }, bad: { doneAt: 'yesterday' }, long: { doneAt: '2026-11-20T09:00:00.000Z' }, [`x${'y'.repeat(200)}`]: { doneAt: '2026-11-20T09:00:00.000Z' } },
      log: [{ at: 'never', step: 'good', action: 'done' }, 'junk'],
      run: { ticket: 'INC-1', slug: 'p', title: '', revision: '', stepIds: ['a', 3], startedAt: '2026-11-20T08:00:00.000Z', updatedAt: 'x', build: 'latest' },
    });
    const result = migrateLegacy(raw, 'runbook:run:p:INC-1')!;
    const state = foldRun(result.slug, result.ticket, result.events);
    expect(Object.keys(state.marks).sort()).toEqual(['good', 'long']);
    expect(state.started).toMatchObject({ title: 'p', revision: 'unknown', stepIds: ['a'] });
    expect(state.build).toBeNull();
  });

  it('names legacy keys both ways', () => {
    expect(legacyStorageKey('p', null)).toBe('runbook:checklist:p');
    expect(legacyStorageKey('p', 'INC-1')).toBe('runbook:run:p:INC-1');
    expect(parseLegacyStorageKey('runbook:run:p:INC-1')).toEqual({ slug: 'p', ticket: 'INC-1' });
    expect(parseLegacyStorageKey('runbook:checklist:p')).toEqual({ slug: 'p', ticket: null });
    expect(parseLegacyStorageKey('runbook:run:p:INC-1:x')).toBeNull();
  });
});

describe('migrating an old share link', () => {
  const decoded = JSON.parse(Buffer.from(legacyShare.slice('share='.length), 'base64url').toString('utf8')) as LegacyState;

  it('reads the run it carries, which has no log', () => {
    expect(decoded.log).toBeUndefined();
    const result = migrateLegacyShare(decoded)!;
    const state = foldRun(result.slug, result.ticket, result.events);
    expect([state.slug, state.ticket, state.build, state.finishedAt]).toEqual(['update-ad-ds-account-password', 'INC-2041', '1.1.443.0', decoded.run!.finishedAt]);
    expect(state.marks).toEqual(legacyMarks(decoded));
  });

  it('adds no second copy to the same run migrated from this browser’s storage', () => {
    const local = migrateLegacy(JSON.stringify(legacyStorage[RUN_KEY]), RUN_KEY)!;
    const shared = migrateLegacyShare(decoded)!;
    expect(mergeEvents(local.events, shared.events)).toEqual(local.events);
  });

  it('wants a run', () => {
    expect(migrateLegacyShare({ version: 1, steps: {} })).toBeNull();
    expect(migrateLegacyShare('share')).toBeNull();
  });
});
