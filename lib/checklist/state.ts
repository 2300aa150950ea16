/** What one checklist remembers: the plain checklist of a procedure, or one run of it for a ticket. */
export interface ChecklistState {
  version: 1;
  /** Step id → when it was ticked (ISO 8601). Keyed by stable id, never by position. */
  steps: Record<string, { doneAt: string }>;
  /** Step id → when and why it was skipped on purpose. */
  skipped?: Record<string, { at: string; reason: string }>;
  /** Every change, oldest first, unticking included. */
  log?: LogEntry[];
  /** Set for a run: the ticket, and the procedure as it was when the run started. */
  run?: RunInfo;
}

export interface LogEntry {
  at: string;
  step: string;
  action: 'done' | 'undone' | 'skipped' | 'unskipped';
  reason?: string;
}

export interface RunInfo {
  ticket: string;
  slug: string;
  title: string;
  /** The procedure's revision when the run started. */
  revision: string;
  /** The procedure's step ids when the run started. */
  stepIds: string[];
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** The build the run was for, if one was chosen. */
  build?: string;
}

/** Most log entries kept: a run is a few dozen steps, so this is only a guard against runaway growth. */
const MAX_LOG = 2000;

/*
 * Hand-written checks rather than a zod schema: this runs in every procedure
 * page's browser bundle, where zod (even zod/mini) costs 12 to 33 KB gzipped.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isOptional = <T>(value: unknown, check: (value: unknown) => value is T) => value === undefined || check(value);
const everyValue = (value: unknown, check: (item: Record<string, unknown>) => boolean) =>
  isRecord(value) && Object.values(value).every((item) => isRecord(item) && check(item));

function isLogEntry(value: unknown): value is LogEntry {
  return (
    isRecord(value) &&
    isTime(value.at) &&
    typeof value.step === 'string' &&
    ['done', 'undone', 'skipped', 'unskipped'].includes(value.action as string) &&
    isOptional(value.reason, (reason): reason is string => typeof reason === 'string')
  );
}

function isRunInfo(value: unknown): value is RunInfo {
  return (
    isRecord(value) &&
    typeof value.ticket === 'string' &&
    isTicketId(value.ticket) &&
    typeof value.slug === 'string' &&
    typeof value.title === 'string' &&
    typeof value.revision === 'string' &&
    Array.isArray(value.stepIds) &&
    value.stepIds.every((id) => typeof id === 'string') &&
    isTime(value.startedAt) &&
    isTime(value.updatedAt) &&
    isOptional(value.finishedAt, isTime) &&
    isOptional(value.build, (build): build is string => typeof build === 'string')
  );
}

export function isChecklistState(value: unknown): value is ChecklistState {
  return (
    isRecord(value) &&
    value.version === 1 &&
    everyValue(value.steps, (tick) => isTime(tick.doneAt)) &&
    (value.skipped === undefined || everyValue(value.skipped, (skip) => isTime(skip.at) && typeof skip.reason === 'string')) &&
    (value.log === undefined || (Array.isArray(value.log) && value.log.every(isLogEntry))) &&
    isOptional(value.run, isRunInfo)
  );
}

export const EMPTY_STATE: ChecklistState = { version: 1, steps: {} };

export function storageKey(slug: string, ticket?: string | null): string {
  return ticket ? `${RUN_KEY_PREFIX}${slug}:${ticket}` : `runbook:checklist:${slug}`;
}

export const RUN_KEY_PREFIX = 'runbook:run:';

const TICKET_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const TICKET_ID_HINT = 'A ticket id is 1 to 64 letters, digits, "-", "_" or ".", such as INC-2041.';

export function isTicketId(value: string): boolean {
  return TICKET_ID.test(value);
}

export type ReadResult = { state: ChecklistState; unreadable: boolean };

/** Reads what storage holds. Garbage, or a shape this version does not know, reads as empty and is flagged. */
export function parseChecklist(raw: string | null): ReadResult {
  if (raw === null) return { state: EMPTY_STATE, unreadable: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (isChecklistState(value)) return { state: value, unreadable: false };
  } catch {
    // Not JSON: flagged below like any other unreadable value.
  }
  return { state: EMPTY_STATE, unreadable: true };
}

function withLog(state: ChecklistState, entry: LogEntry): ChecklistState {
  const log = [...(state.log ?? []), entry].slice(-MAX_LOG);
  return { ...state, log, run: state.run && { ...state.run, updatedAt: entry.at } };
}

export function setStepDone(state: ChecklistState, stepId: string, done: boolean, now: Date): ChecklistState {
  const at = now.toISOString();
  const steps = { ...state.steps };
  const skipped = { ...state.skipped };
  if (done) {
    steps[stepId] = { doneAt: at };
    delete skipped[stepId];
  } else {
    delete steps[stepId];
  }
  return withLog({ ...state, steps, skipped }, { at, step: stepId, action: done ? 'done' : 'undone' });
}

export function setStepSkipped(state: ChecklistState, stepId: string, reason: string | null, now: Date): ChecklistState {
  const at = now.toISOString();
  const steps = { ...state.steps };
  const skipped = { ...state.skipped };
  if (reason !== null) {
    skipped[stepId] = { at, reason };
    delete steps[stepId];
  } else {
    delete skipped[stepId];
  }
  return withLog(
    { ...state, steps, skipped },
    reason !== null ? { at, step: stepId, action: 'skipped', reason } : { at, step: stepId, action: 'unskipped' },
  );
}

export function isDone(state: ChecklistState, stepId: string): boolean {
  return Object.hasOwn(state.steps, stepId);
}

export function doneAt(state: ChecklistState, stepId: string): string | undefined {
  return isDone(state, stepId) ? state.steps[stepId]!.doneAt : undefined;
}

export function skipOf(state: ChecklistState, stepId: string): { at: string; reason: string } | undefined {
  return state.skipped && Object.hasOwn(state.skipped, stepId) ? state.skipped[stepId] : undefined;
}

export function progress(state: ChecklistState, stepIds: readonly string[]): { done: number; skipped: number; total: number } {
  return {
    done: stepIds.filter((id) => isDone(state, id)).length,
    skipped: stepIds.filter((id) => skipOf(state, id)).length,
    total: stepIds.length,
  };
}

/** Ticked or skipped steps that the procedure no longer has: kept in storage, reported to the reader. */
export function orphanedTicks(state: ChecklistState, stepIds: readonly string[]): string[] {
  const known = new Set(stepIds);
  return [...new Set([...Object.keys(state.steps), ...Object.keys(state.skipped ?? {})])].filter((id) => !known.has(id));
}

/** Unticks and unskips every step, logging each, and keeps the run's record. */
export function resetTicks(state: ChecklistState, now: Date): ChecklistState {
  let next = state;
  for (const id of Object.keys(state.steps)) next = setStepDone(next, id, false, now);
  for (const id of Object.keys(state.skipped ?? {})) next = setStepSkipped(next, id, null, now);
  return next;
}

const entryKey = (entry: LogEntry) => `${entry.at}|${entry.step}|${entry.action}`;

/**
 * Joins what another tab saved (`theirs`) with the changes this tab made
 * (`mine`) that it lacks: two tabs that write at the same moment each base
 * their write on a stale copy, and the last write would drop the other's
 * tick. A change of mine is applied unless theirs has a later change to the
 * same step. Returns null when theirs already has all of mine.
 */
export function mergeChecklists(theirs: ChecklistState, mine: ChecklistState): ChecklistState | null {
  const known = new Set((theirs.log ?? []).map(entryKey));
  const missing = (mine.log ?? []).filter((entry) => !known.has(entryKey(entry)));
  if (missing.length === 0) return null;
  const latest = new Map<string, string>();
  for (const entry of theirs.log ?? []) if ((latest.get(entry.step) ?? '') < entry.at) latest.set(entry.step, entry.at);

  let merged: ChecklistState = { ...theirs, run: theirs.run ?? mine.run };
  for (const entry of [...missing].sort((a, b) => a.at.localeCompare(b.at))) {
    if ((latest.get(entry.step) ?? '') > entry.at) {
      merged = { ...merged, log: [...(merged.log ?? []), entry] };
      continue;
    }
    const at = new Date(entry.at);
    merged =
      entry.action === 'done' || entry.action === 'undone'
        ? setStepDone(merged, entry.step, entry.action === 'done', at)
        : setStepSkipped(merged, entry.step, entry.action === 'skipped' ? (entry.reason ?? '') : null, at);
  }
  const log = [...(merged.log ?? [])].sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_LOG);
  const updatedAt = [theirs.run?.updatedAt, mine.run?.updatedAt, log.at(-1)?.at].filter(Boolean).sort().at(-1);
  return { ...merged, log, run: merged.run && updatedAt ? { ...merged.run, updatedAt } : merged.run };
}

/** A new run's record: the ticket and the procedure as it is now. */
export function startedRun(state: ChecklistState, procedure: { slug: string; title: string; revision: string; steps: { id: string }[] }, ticket: string, build: string | null, now: Date): ChecklistState {
  if (state.run) return state;
  const at = now.toISOString();
  return {
    ...state,
    run: {
      ticket,
      slug: procedure.slug,
      title: procedure.title,
      revision: procedure.revision,
      stepIds: procedure.steps.map((step) => step.id),
      startedAt: at,
      updatedAt: at,
      ...(build ? { build } : {}),
    },
  };
}

/** Marks a run finished, or open again. */
export function setRunFinished(state: ChecklistState, finished: boolean, now: Date): ChecklistState {
  if (!state.run) return state;
  const at = now.toISOString();
  return { ...state, run: { ...state.run, finishedAt: finished ? at : undefined, updatedAt: at } };
}
