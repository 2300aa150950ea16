import { mergeEvents, parseRunEvent, type RunEvent } from './events';
import { legacyStorageKey, parseLegacyStorageKey } from './legacy-keys';

/**
 * Today's stored checklists (`ChecklistState`, version 1) turned into run
 * events, so nothing a browser holds is lost when the run store replaces it.
 *
 * The legacy shape is described here once more, on purpose: `lib/checklist`
 * goes away with this change, and this reader has to keep reading what
 * browsers still hold after that. It is lenient: an entry it cannot read is
 * left out, the rest is kept.
 *
 * Event ids are hashes of the storage key and the event's content, so two tabs
 * (or a tab and an old share link) migrating the same data make the same
 * events, and merging by id keeps one of each.
 */

interface LegacyLogEntry {
  at: string;
  step: string;
  action: 'done' | 'undone' | 'skipped' | 'unskipped';
  reason?: string;
}

interface LegacyRun {
  ticket: string;
  slug: string;
  title: string;
  revision: string;
  stepIds: string[];
  startedAt: string;
  finishedAt?: string;
  build?: string;
}

interface LegacyChecklist {
  steps: Map<string, string>;
  skipped: Map<string, { at: string; reason: string }>;
  log: LegacyLogEntry[];
  run: LegacyRun | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A time as events carry it (ISO 8601, UTC, milliseconds), or null. */
function time(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const ACTIONS = new Set(['done', 'undone', 'skipped', 'unskipped']);

/** Reads a version 1 checklist, leaving out what it cannot read; null when it is not one at all. */
function readLegacy(value: unknown): LegacyChecklist | null {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.steps)) return null;
  const steps = new Map<string, string>();
  for (const [id, tick] of Object.entries(value.steps)) {
    const at = isRecord(tick) ? time(tick.doneAt) : null;
    if (at) steps.set(id, at);
  }
  const skipped = new Map<string, { at: string; reason: string }>();
  if (isRecord(value.skipped))
    for (const [id, skip] of Object.entries(value.skipped)) {
      const at = isRecord(skip) ? time(skip.at) : null;
      if (at && isRecord(skip)) skipped.set(id, { at, reason: typeof skip.reason === 'string' ? skip.reason : '' });
    }
  const log: LegacyLogEntry[] = [];
  if (Array.isArray(value.log))
    for (const entry of value.log) {
      const at = isRecord(entry) ? time(entry.at) : null;
      if (!at || !isRecord(entry) || typeof entry.step !== 'string' || !ACTIONS.has(entry.action as string)) continue;
      log.push({ at, step: entry.step, action: entry.action as LegacyLogEntry['action'], ...(typeof entry.reason === 'string' ? { reason: entry.reason } : {}) });
    }
  return { steps, skipped, log, run: readLegacyRun(value.run) };
}

function readLegacyRun(value: unknown): LegacyRun | null {
  if (!isRecord(value)) return null;
  const startedAt = time(value.startedAt);
  const { ticket, slug, title, revision, stepIds, build } = value;
  if (!startedAt || typeof ticket !== 'string' || typeof slug !== 'string') return null;
  const finishedAt = time(value.finishedAt);
  return {
    ticket,
    slug,
    title: typeof title === 'string' ? title : '',
    revision: typeof revision === 'string' ? revision : '',
    stepIds: Array.isArray(stepIds) ? stepIds.filter((id): id is string => typeof id === 'string') : [],
    startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    ...(typeof build === 'string' ? { build } : {}),
  };
}

/** 128 bits of a fast, well-mixed (not cryptographic) hash, as 32 hex digits: two rounds of cyrb53 with different seeds. */
export function hashText(text: string): string {
  const lanes: number[] = [];
  for (const seed of [0, 0x9e3779b9]) {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      h1 = Math.imul(h1 ^ char, 2654435761);
      h2 = Math.imul(h2 ^ char, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    lanes.push(h1 >>> 0, h2 >>> 0);
  }
  return lanes.map((lane) => lane.toString(16).padStart(8, '0')).join('');
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const later = (at: string) => new Date(Date.parse(at) + 1).toISOString();
const BUILD = /^\d+(\.\d+){0,3}$/;
const NO_REASON = '(no reason was recorded)';

type Draft = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'by'> : never) : never;

/** The events of one legacy checklist, `key` being the legacy storage key it is (or would be) stored under. */
function eventsOf(state: LegacyChecklist, key: string): RunEvent[] {
  const seen = new Map<string, number>();
  const events: RunEvent[] = [];
  const add = (draft: Draft) => {
    // The content names the event; a repeat of the same content (the same step ticked twice in one millisecond) is counted.
    const content = JSON.stringify(draft);
    const count = seen.get(content) ?? 0;
    seen.set(content, count + 1);
    const read = parseRunEvent({ ...draft, id: `legacy-${hashText(`${key}\u0000${content}\u0000${count}`)}`, by: null });
    if (read.ok) events.push(read.event);
  };
  const reason = (text: string | undefined) => clip(text?.trim() || NO_REASON, 500);

  const run = state.run;
  if (run)
    add({
      type: 'start',
      at: run.startedAt,
      title: clip(run.title || run.slug, 300),
      revision: clip(run.revision || 'unknown', 100),
      stepIds: run.stepIds.filter((id) => id.length >= 1 && id.length <= 200).slice(0, 2000),
      build: run.build && BUILD.test(run.build) ? run.build : null,
    });
  for (const entry of state.log) {
    if (entry.action === 'done') add({ type: 'tick', at: entry.at, step: entry.step });
    else if (entry.action === 'undone') add({ type: 'untick', at: entry.at, step: entry.step });
    else if (entry.action === 'skipped') add({ type: 'skip', at: entry.at, step: entry.step, reason: reason(entry.reason) });
    else add({ type: 'unskip', at: entry.at, step: entry.step });
  }

  // What the log leads to may differ from the steps the state holds (older states had no log; the log was capped):
  // the state is the truth, so add what brings the fold there, after the step's last logged change.
  const replay = new Map<string, { done: boolean; skipped: boolean; last: string }>();
  for (const event of mergeEvents(events, [])) {
    if (!('step' in event) || event.type === 'note' || event.step === null) continue;
    const step = replay.get(event.step) ?? { done: false, skipped: false, last: event.at };
    step.last = event.at;
    if (event.type === 'tick') [step.done, step.skipped] = [true, false];
    else if (event.type === 'untick') step.done = false;
    else if (event.type === 'skip') [step.done, step.skipped] = [false, true];
    else if (event.type === 'unskip') step.skipped = false;
    replay.set(event.step, step);
  }
  const after = (step: string, at: string) => {
    const last = replay.get(step)?.last;
    return last !== undefined && at <= last ? later(last) : at;
  };
  for (const [step, doneAt] of state.steps) if (!replay.get(step)?.done) add({ type: 'tick', at: after(step, doneAt), step });
  for (const [step, skip] of state.skipped) {
    if (state.steps.has(step) || replay.get(step)?.skipped) continue;
    add({ type: 'skip', at: after(step, skip.at), step, reason: reason(skip.reason) });
  }
  for (const [step, { done, skipped, last }] of replay) {
    if (done && !state.steps.has(step)) add({ type: 'untick', at: later(last), step });
    if (skipped && !state.skipped.has(step) && !state.steps.has(step)) add({ type: 'unskip', at: later(last), step });
  }

  if (run?.finishedAt) add({ type: 'finish', at: run.finishedAt });
  return mergeEvents(events, []);
}

/**
 * A checklist as today's code stores it (the JSON under `key`, a
 * `runbook:checklist:<slug>` or `runbook:run:<slug>:<ticket>` key) as the
 * run's events; null when the key is not such a key or the value cannot be
 * read as a version 1 checklist.
 */
export function migrateLegacy(raw: string, key: string): { slug: string; ticket: string | null; events: RunEvent[] } | null {
  const run = parseLegacyStorageKey(key);
  if (!run) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const state = readLegacy(value);
  return state ? { ...run, events: eventsOf(state, key) } : null;
}

/**
 * The run an old `#share=` link carries (a version 1 checklist with its run
 * and without its log) as events. Ids are made as if it were stored in this
 * browser, so opening an old link to a run this browser also holds adds no
 * second copy of its ticks.
 */
export function migrateLegacyShare(value: unknown): { slug: string; ticket: string; events: RunEvent[] } | null {
  const state = readLegacy(value);
  const run = state?.run;
  if (!state || !run || !run.slug || !run.ticket || run.slug.includes(':') || run.ticket.includes(':')) return null;
  return { slug: run.slug, ticket: run.ticket, events: eventsOf(state, legacyStorageKey(run.slug, run.ticket)) };
}
