/**
 * What a run's state means for its steps: the one place progress, a step's
 * status and the open steps are computed, so every view shows the same numbers.
 *
 * A step counts when it is needed for the run's build, or when it was done or
 * skipped: a change of build never rewrites the past. A step with sub-steps
 * that count is not counted itself; its status follows theirs.
 */
import { isNeeded } from '../gating/gate';
import type { RunListing } from './api';
import type { RunEvent } from './events';
import { expandSteps, type Outline, type StepInstance } from './outline';
import { foldRun, stepMark, type RunState } from './state';

export interface Progress {
  done: number;
  skipped: number;
  open: number;
  total: number;
}

export interface StepStatus {
  status: 'done' | 'skipped' | 'open';
  at?: string;
  by?: string | null;
  reason?: string;
}

/** The steps needed for a build; all of them when there is no valid build. */
export function neededSteps(steps: StepInstance[], build: string | null): StepInstance[] {
  return steps.filter((step) => isNeeded(build, step.ranges));
}

/** Done, skipped and open among the steps that count; `total` is their sum. */
export function runProgress(state: RunState, steps: StepInstance[]): Progress {
  const progress: Progress = { done: 0, skipped: 0, open: 0, total: 0 };
  for (const { status } of analyse(state, steps).counted.values()) {
    progress[status]++;
    progress.total++;
  }
  return progress;
}

/**
 * A step's status: its own mark, or for a step whose sub-steps count, theirs:
 * done when each is done or skipped and at least one is done (at the time of
 * the last one), skipped when all are skipped, open otherwise. A step not
 * needed for the build and never done or skipped is open: `neededSteps` tells it apart.
 */
export function stepStatus(state: RunState, steps: StepInstance[], id: string): StepStatus {
  return analyse(state, steps).status.get(id) ?? markStatus(state, id);
}

/** The steps that count and are still open, in page order. */
export function openSteps(state: RunState, steps: StepInstance[]): StepInstance[] {
  const { counted } = analyse(state, steps);
  return steps.filter((step) => counted.get(step.id)?.status === 'open');
}

/** The first open step, where the admin carries on. */
export function nextOpenStep(state: RunState, steps: StepInstance[]): StepInstance | null {
  return openSteps(state, steps)[0] ?? null;
}

interface Analysis {
  status: Map<string, StepStatus>;
  /** The steps that count, in page order, with their status. */
  counted: Map<string, StepStatus>;
}

// The store hands out the same state and steps until something changes, so a page of checkboxes asks once.
const analyses = new WeakMap<RunState, WeakMap<StepInstance[], Analysis>>();

function analyse(state: RunState, steps: StepInstance[]): Analysis {
  let byState = analyses.get(state);
  if (!byState) analyses.set(state, (byState = new WeakMap()));
  let analysis = byState.get(steps);
  if (!analysis) byState.set(steps, (analysis = computeAnalysis(state, steps)));
  return analysis;
}

function computeAnalysis(state: RunState, steps: StepInstance[]): Analysis {
  const status = new Map<string, StepStatus>();
  const counts = new Set<string>();
  /** Statuses of a step's sub-steps that count, or are the parents of ones that do. */
  const relevantChildren = new Map<string, StepStatus[]>();
  // Sub-steps come after their step on the page: going backwards, a step's sub-steps are known when it is reached.
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index]!;
    const children = relevantChildren.get(step.id) ?? [];
    const own = markStatus(state, step.id);
    const mine = children.length > 0 ? combine(children) : own;
    status.set(step.id, mine);
    if (children.length === 0 && own.status === 'open' && !isNeeded(state.build, step.ranges)) continue;
    if (children.length === 0) counts.add(step.id);
    if (step.parentId !== null) {
      const siblings = relevantChildren.get(step.parentId);
      if (siblings) siblings.push(mine);
      else relevantChildren.set(step.parentId, [mine]);
    }
  }
  const counted = new Map<string, StepStatus>();
  for (const step of steps) if (counts.has(step.id)) counted.set(step.id, status.get(step.id)!);
  return { status, counted };
}

function markStatus(state: RunState, id: string): StepStatus {
  const mark = stepMark(state, id);
  if (!mark) return { status: 'open' };
  return mark.status === 'skipped' ? { status: 'skipped', at: mark.at, by: mark.by, reason: mark.reason } : { status: 'done', at: mark.at, by: mark.by };
}

function combine(children: StepStatus[]): StepStatus {
  if (children.some((child) => child.status === 'open')) return { status: 'open' };
  const last = children.reduce((latest, child) => ((child.at ?? '') > (latest.at ?? '') ? child : latest));
  return { status: children.some((child) => child.status === 'done') ? 'done' : 'skipped', at: last.at, by: last.by };
}

/**
 * Progress under each heading of the page's outline: a `###` part counts its own steps, a `##`
 * section its own and its parts'. Headings without steps that count have a total of 0.
 */
export function sectionProgress(state: RunState, steps: StepInstance[], headings: { id: string; depth: number }[]): Map<string, Progress> {
  const progress = new Map(headings.map((heading) => [heading.id, { done: 0, skipped: 0, open: 0, total: 0 }]));
  const sectionAbove = new Map<string, string>();
  let section: string | null = null;
  for (const heading of headings) {
    if (heading.depth <= 2) section = heading.id;
    else if (section) sectionAbove.set(heading.id, section);
  }
  const stepSection = new Map(steps.map((step) => [step.id, step.section]));
  for (const [id, { status }] of analyse(state, steps).counted) {
    const part = stepSection.get(id) ?? null;
    for (const heading of [part, part && sectionAbove.get(part)]) {
      const counts = heading ? progress.get(heading) : undefined;
      if (!counts) continue;
      counts[status]++;
      counts.total++;
    }
  }
  return progress;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Runs newest start first, then by procedure and ticket. Not by last activity, as the store lists
 * them: finishing or reopening a run is activity, and would move the row just acted on to the top,
 * away from the eye, the finger and the focus. When a run started never changes, so rows stay put.
 */
export function inStartOrder<T extends { slug: string; ticket: string | null }>(runs: readonly T[], startedAt: (run: T) => string): T[] {
  return [...runs].sort((a, b) => compareText(startedAt(b), startedAt(a)) || compareText(a.slug, b.slug) || compareText(a.ticket ?? '', b.ticket ?? ''));
}

/** What the run service keeps about a run for its list: the page's own fold and progress, so both show the same. */
export type RunSummary = Pick<RunListing, 'title' | 'build' | 'progress' | 'finished' | 'people'>;

/**
 * A run's summary from its events, folded as its page folds them, and
 * counted against the procedure's outline as its page counts them (with the
 * run's inputs and build). Without an outline (the site has no such
 * procedure) there is no progress to tell.
 */
export function runSummary(slug: string, ticket: string | null, events: readonly RunEvent[], outline: Outline | null): RunSummary {
  const state = foldRun(slug, ticket, events);
  return {
    title: state.started?.title ?? null,
    build: state.build,
    progress: outline ? runProgress(state, expandSteps(outline, state.inputs)) : null,
    finished: state.finishedAt !== null,
    people: state.people,
  };
}
