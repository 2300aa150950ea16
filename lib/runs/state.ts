/**
 * A run's state: a pure fold of its events. The same events in any order, any
 * number of times, give the same state, so tabs, share links, files and the
 * run service only ever exchange events.
 */
import { compareEvents, type RunEvent } from './events';
import type { InputValues } from './outline';

export interface StepMark {
  status: 'done' | 'skipped';
  at: string;
  by: string | null;
  /** Why the step was skipped. */
  reason?: string;
}

export interface Note {
  id: string;
  at: string;
  by: string | null;
  /** The step instance it is about; null for the whole run. */
  step: string | null;
  text: string;
}

export interface RunState {
  /** Null for the plain checklist of a procedure. */
  ticket: string | null;
  slug: string;
  /** The procedure as it was when the run started. */
  started: { at: string; by: string | null; title: string; revision: string; stepIds: string[] } | null;
  /** From the start, then the latest build event. */
  build: string | null;
  /** Every change of build, for the record. */
  builds: { at: string; by: string | null; build: string | null }[];
  /** Set by finish, cleared by reopen. */
  finishedAt: string | null;
  /** Instance id → current mark. Read with `Object.hasOwn` (or `stepMark`): ids such as "constructor" are fine. */
  marks: Record<string, StepMark>;
  notes: Note[];
  inputs: InputValues;
  /** The time of the latest event. */
  updatedAt: string | null;
  /** Distinct `by`s in order of first appearance. */
  people: string[];
  /** All events once each, in fold order: the history. */
  events: RunEvent[];
}

/**
 * Who did an event, as the record and the history say it: its `by`, and
 * beside it who the sign-in proxy said sent it, when that is someone else
 * ("Ana, via ben@corp.example": Ben uploaded what Ana did offline).
 */
export function eventWho(event: Pick<RunEvent, 'by' | 'via'>): string | null {
  if (event.via === undefined || event.via === event.by) return event.by;
  return `${event.by ?? 'Someone'}, via ${event.via}`;
}

/** The mark of a step instance, if it has one. */
export function stepMark(state: RunState, id: string): StepMark | undefined {
  return Object.hasOwn(state.marks, id) ? state.marks[id] : undefined;
}

/**
 * Folds a run's events in `compareEvents` order; an id seen twice counts once.
 * Every event applies, a tick after finish included.
 *
 * Where two events meet: a tick on a step already done keeps the earlier time
 * (it was done then); a skip on a skipped step takes the newer reason; a
 * finish while finished keeps the first time; only the first start counts.
 */
export function foldRun(slug: string, ticket: string | null, events: readonly RunEvent[]): RunState {
  const history = inFoldOrder(events);
  // Maps while folding: a step or input named "__proto__" must not reach an object's prototype.
  const marks = new Map<string, StepMark>();
  const inputs = new Map<string, string | string[]>();
  const people = new Set<string>();
  const notes: Note[] = [];
  const buildEvents: Extract<RunEvent, { type: 'build' }>[] = [];
  let started: RunState['started'] = null;
  let startBuild: string | null = null;
  let finishedAt: string | null = null;

  for (const event of history) {
    const by = eventWho(event);
    if (event.by !== null) people.add(event.by);
    switch (event.type) {
      case 'start':
        if (started) break;
        started = { at: event.at, by, title: event.title, revision: event.revision, stepIds: [...event.stepIds] };
        startBuild = event.build;
        break;
      case 'tick':
        if (marks.get(event.step)?.status !== 'done') marks.set(event.step, { status: 'done', at: event.at, by });
        break;
      case 'untick':
        if (marks.get(event.step)?.status === 'done') marks.delete(event.step);
        break;
      case 'skip':
        marks.set(event.step, { status: 'skipped', at: event.at, by, reason: event.reason });
        break;
      case 'unskip':
        if (marks.get(event.step)?.status === 'skipped') marks.delete(event.step);
        break;
      case 'note':
        notes.push({ id: event.id, at: event.at, by, step: event.step, text: event.text });
        break;
      case 'input':
        inputs.set(event.name, Array.isArray(event.value) ? [...event.value] : event.value);
        break;
      case 'build':
        buildEvents.push(event);
        break;
      case 'finish':
        finishedAt ??= event.at;
        break;
      case 'reopen':
        finishedAt = null;
        break;
    }
  }

  // The build starts as the start said, whatever the clocks did, and each build event after that is a change if it changes it.
  const builds: RunState['builds'] = [];
  let build = startBuild;
  for (const event of buildEvents) {
    if (event.build === build) continue;
    builds.push({ at: event.at, by: eventWho(event), build: event.build });
    build = event.build;
  }

  return {
    ticket,
    slug,
    started,
    build,
    builds,
    finishedAt,
    marks: Object.fromEntries(marks),
    notes,
    inputs: Object.fromEntries(inputs),
    updatedAt: history.at(-1)?.at ?? null,
    people: [...people],
    events: history,
  };
}

/** Sorted by `compareEvents`, each id once. Two different events under one id (a broken client) still fold the same in any order. */
function inFoldOrder(events: readonly RunEvent[]): RunEvent[] {
  // Of two copies of one event, the one the service vouched for (`via`) is kept, as `mergeEvents` keeps it.
  const sorted = [...events].sort((a, b) => compareEvents(a, b) || Number(b.via !== undefined) - Number(a.via !== undefined) || compareText(JSON.stringify(a), JSON.stringify(b)));
  const seen = new Set<string>();
  const history: RunEvent[] = [];
  for (const event of sorted) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    history.push(event);
  }
  return history;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
