'use client';

import { createContext, use, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { recordedBuild } from '@/lib/gating/version';
import { newEventId, type RunEvent } from '@/lib/runs/events';
import { expandSteps, type Outline, type StepInstance } from '@/lib/runs/outline';
import { runProgress, type Progress } from '@/lib/runs/selectors';
import { foldRun, type RunState } from '@/lib/runs/state';
import type { SharedRun } from '@/lib/runs/transfer';
import { isTicketId, TICKET_ID_HINT } from '@/lib/runs/names';
import type { NewRunEvent } from '@/lib/runs/store';
import { RunBuildContext, useBuild } from '../gating/use-build';
import { runStore, useRun, useStoreProblem } from '../runs/use-runs';
import { useUrlState } from '../use-url-state';
import { Notice } from './notice';

export interface ChecklistValue {
  outline: Outline;
  /** Every checkbox, repeated steps once per value. */
  steps: StepInstance[];
  /** The run, the plain checklist, or the run handed over in a `#share=` link. */
  state: RunState;
  /** `shared`: a handover link, shown read-only until someone continues it here. */
  mode: 'plain' | 'run' | 'shared';
  ticket: string | null;
  /** Nothing can be changed: a handover link, or a finished run. */
  readOnly: boolean;
  /** The build the steps are gated by: the run's own, or the reader's on the plain checklist. */
  build: string | null;
  progress: Progress;
  /** Records events in this run (or plain checklist); a run's first event starts it. */
  record: (...events: NewRunEvent[]) => void;
}

export const ChecklistContext = createContext<ChecklistValue | null>(null);

export function useChecklist(): ChecklistValue {
  const value = use(ChecklistContext);
  if (!value) throw new Error('useChecklist must be used inside <Checklist>');
  return value;
}

/** The event that starts a run: the procedure as it is now, and the build it is worked on. */
export function startEvent(outline: Outline, build: string | null): NewRunEvent {
  return { type: 'start', title: outline.title, revision: outline.revision, stepIds: outline.steps.map((step) => step.id), build: recordedBuild(build) };
}

/** Copies of events made elsewhere (the plain checklist, another run) for this run: new ids, the same times and people. */
export function carried(events: readonly RunEvent[]): RunEvent[] {
  return events.map((event) => ({ ...event, id: newEventId() }));
}

/**
 * Holds one procedure's run and shares it with its steps: the plain
 * checklist, the run for the ticket in ?run=, or a run handed over through a
 * #share= link (read-only until continued here).
 */
export function Checklist({ outline, children }: { outline: Outline; children: ReactNode }) {
  const chosenBuild = useBuild().text;
  const url = useUrlState();
  const ticket = url.run !== null && isTicketId(url.run) ? url.run : null;
  const saved = useRun(outline.slug, ticket);
  const share = useSharedRun(url.share);
  const shared = useMemo(
    () => (share && share !== 'reading' && share.ok && share.slug === outline.slug ? foldRun(share.slug, share.ticket, share.events) : null),
    [share, outline.slug],
  );
  const problem = useStoreProblem();

  const mode = shared ? 'shared' : ticket ? 'run' : 'plain';
  const stored = shared ?? saved;
  // A run is gated by its own build; one that has not started yet will start on the reader's.
  const build = mode === 'plain' || !stored.started ? chosenBuild : stored.build;
  // The selectors gate by the state's build: the plain checklist's is the reader's.
  const state = useMemo(() => (stored.build === build ? stored : { ...stored, build }), [stored, build]);
  const steps = useMemo(() => expandSteps(outline, state.inputs), [outline, state.inputs]);

  const value = useMemo<ChecklistValue>(() => {
    const record = (...events: NewRunEvent[]) => {
      const store = runStore();
      if (!store || shared) return;
      const first = ticket && !stored.started ? [startEvent(outline, build)] : [];
      store.append({ slug: outline.slug, ticket }, [...first, ...events]);
    };
    return {
      outline,
      steps,
      state,
      mode,
      ticket: shared ? state.ticket : ticket,
      // While a handover link is read, nothing may go into this browser's copy by mistake.
      readOnly: shared !== null || share === 'reading' || state.finishedAt !== null,
      build,
      progress: runProgress(state, steps),
      record,
    };
  }, [outline, steps, state, stored.started, mode, shared, share, ticket, build]);

  useScrollToStep(url.hash, saved);

  const known = new Set(steps.map((step) => step.id));
  const orphans = Object.keys(state.marks).filter((id) => !known.has(id));
  const gating = useMemo(() => ({ build }), [build]);

  return (
    <ChecklistContext value={value}>
      <RunBuildContext value={mode === 'plain' ? null : gating}>
        {url.run !== null && ticket === null && (
          <Notice>
            “{url.run.length > 80 ? `${url.run.slice(0, 80)}…` : url.run}” is not a ticket id, so this page shows the plain checklist.{' '}
            {TICKET_ID_HINT}
          </Notice>
        )}
        {share === 'reading' && <p role="status">Reading the handover link…</p>}
        {share && share !== 'reading' && !share.ok && <Notice>{share.error} This page shows your own checklist instead.</Notice>}
        {share && share !== 'reading' && share.ok && share.slug !== outline.slug && (
          <Notice>This handover link is for another procedure ({share.slug}), so this page shows your own checklist.</Notice>
        )}
        {problem && <Notice>{problem.message}</Notice>}
        {orphans.length > 0 && (
          <Notice>
            {orphans.length === 1 ? 'One ticked or skipped step is' : `${orphans.length} ticked or skipped steps are`} no longer on
            this page (the procedure or the run’s inputs changed): {orphans.join(', ')}. They are kept in the run’s record.
          </Notice>
        )}
        {children}
      </RunBuildContext>
    </ChecklistContext>
  );
}

/**
 * A link to a copy of a repeated step names an element that exists only once
 * the run's inputs are read, after the browser looked for it: look again.
 */
function useScrollToStep(hash: string, run: RunState) {
  const done = useRef('');
  useEffect(() => {
    if (!hash || done.current === hash || !run.updatedAt) return;
    const target = document.getElementById(hash);
    if (!target) return;
    done.current = hash;
    if (target.getBoundingClientRect().top < 0 || target.getBoundingClientRect().top > window.innerHeight) target.scrollIntoView({ block: 'start' });
  }, [hash, run]);
}

/** The run in a `#share=` handover link, read with code that only such links load. */
function useSharedRun(fragment: string | null): SharedRun | 'reading' | null {
  const [read, setRead] = useState<{ fragment: string; run: SharedRun } | null>(null);
  useEffect(() => {
    if (!fragment) return;
    let current = true;
    import('@/lib/runs/transfer').then(
      ({ decodeRunShare }) => current && setRead({ fragment, run: decodeRunShare(fragment) }),
      () => current && setRead({ fragment, run: { ok: false, error: 'The handover link could not be read: the page could not load what reads it.' } }),
    );
    return () => {
      current = false;
    };
  }, [fragment]);
  if (!fragment) return null;
  return read?.fragment === fragment ? read.run : 'reading';
}
