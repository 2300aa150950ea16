'use client';

import { createContext, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { isNeeded } from '@/lib/gating/gate';
import { decodeShare } from '@/lib/checklist/run';
import {
  isTicketId,
  orphanedTicks,
  parseChecklist,
  progress,
  resetTicks,
  setStepDone,
  setStepSkipped,
  startedRun,
  storageKey,
  TICKET_ID_HINT,
  type ChecklistState,
} from '@/lib/checklist/state';
import { createChecklistStore } from '@/lib/checklist/store';
import { useBuild } from '../gating/use-build';
import { useUrlState } from '../use-url-state';
import { runsChanged } from './use-stored-runs';

export interface ChecklistStep {
  id: string;
  text: string;
  parentId: string | null;
  /** Build ranges around the step, the procedure's own first. */
  ranges: string[];
}

export interface ProcedureInfo {
  slug: string;
  title: string;
  revision: string;
  steps: ChecklistStep[];
}

interface ChecklistValue {
  procedure: ProcedureInfo;
  state: ChecklistState;
  /** The ticket of the run being worked, or null for the plain checklist. */
  ticket: string | null;
  /** Set when the page shows progress shared through a link: it cannot be changed here. */
  shared: ChecklistState | null;
  build: string | null;
  setStepDone: (stepId: string, done: boolean) => void;
  setStepSkipped: (stepId: string, reason: string | null) => void;
  update: (change: (state: ChecklistState, now: Date) => ChecklistState) => void;
  reset: () => void;
  done: number;
  skipped: number;
  total: number;
  /** Ids of the steps that apply to the chosen build. */
  neededIds: string[];
}

const ChecklistContext = createContext<ChecklistValue | null>(null);

export function useChecklist(): ChecklistValue {
  const value = use(ChecklistContext);
  if (!value) throw new Error('useChecklist must be used inside <Checklist>');
  return value;
}

/** The browser's localStorage, or null where reaching it throws (private mode, blocked storage). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const subscribeNothing = () => () => {};

/**
 * Holds one procedure's ticks in browser storage and shares them with its
 * steps: the plain checklist, or the run for the ticket in ?run=, or
 * read-only progress shared through a #share= link.
 */
export function Checklist({ procedure, children }: { procedure: ProcedureInfo; children: ReactNode }) {
  const build = useBuild().text;
  const url = useUrlState();
  const runParam = url.run;
  const ticket = runParam !== null && isTicketId(runParam) ? runParam : null;
  const share = useMemo(() => (url.share ? decodeShare(url.share) : null), [url.share]);
  const [writeFailed, setWriteFailed] = useState(false);
  const [recovered, setRecovered] = useState(false);
  const store = useMemo(
    () =>
      typeof window === 'undefined'
        ? null
        : createChecklistStore({
            storage: browserStorage(),
            key: storageKey(procedure.slug, ticket),
            events: window,
            onWriteFailed: () => setWriteFailed(true),
          }),
    [procedure.slug, ticket],
  );
  const raw = useSyncExternalStore(store?.subscribe ?? subscribeNothing, () => store?.getSnapshot() ?? null, () => null);
  const { state: saved, unreadable } = useMemo(() => parseChecklist(raw), [raw]);
  const shared = share?.ok ? share.state : null;
  const state = shared ?? saved;

  useEffect(() => {
    if (!unreadable || !store) return;
    store.clear();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reports a repair just made to storage, an external system
    setRecovered(true);
  }, [unreadable, store]);

  const neededIds = useMemo(
    () => procedure.steps.filter((step) => isNeeded(build, step.ranges)).map((step) => step.id),
    [procedure.steps, build],
  );

  const value = useMemo<ChecklistValue>(() => {
    const update = (change: (state: ChecklistState, now: Date) => ChecklistState) => {
      if (!store || shared) return;
      store.update((current, now) => change(ticket ? startedRun(current, procedure, ticket, build, now) : current, now));
      if (ticket) runsChanged();
    };
    return {
      procedure,
      state,
      ticket,
      shared,
      build,
      update,
      setStepDone: (stepId, done) => update((current, now) => setStepDone(current, stepId, done, now)),
      setStepSkipped: (stepId, reason) => update((current, now) => setStepSkipped(current, stepId, reason, now)),
      // A run keeps its record and logs the unticking; the plain checklist is simply emptied.
      reset: () => (ticket ? update(resetTicks) : store?.clear()),
      neededIds,
      ...progress(state, neededIds),
    };
  }, [procedure, state, ticket, shared, build, store, neededIds]);
  const orphans = orphanedTicks(state, procedure.steps.map((step) => step.id));

  return (
    <ChecklistContext value={value}>
      {runParam !== null && ticket === null && (
        <Notice>
          “{runParam.length > 80 ? `${runParam.slice(0, 80)}…` : runParam}” is not a ticket id, so this page shows the plain checklist.{' '}
          {TICKET_ID_HINT}
        </Notice>
      )}
      {share && !share.ok && <Notice>{share.error} This page shows your own checklist instead.</Notice>}
      {recovered && (
        <Notice>
          The saved progress for this {ticket ? 'run' : 'procedure'} could not be read, so it was cleared. Ticks you make now are saved as usual.
        </Notice>
      )}
      {writeFailed && (
        <Notice>
          This browser is not letting the portal save your ticks (storage is blocked or full). They are kept while this page is
          open, but will be lost on reload.
        </Notice>
      )}
      {orphans.length > 0 && (
        <Notice>
          {orphans.length === 1 ? 'One ticked step is' : `${orphans.length} ticked steps are`} no longer in this procedure,
          which has changed since: {orphans.join(', ')}. Their ticks are kept.
        </Notice>
      )}
      {children}
    </ChecklistContext>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="my-4 rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      {children}
    </p>
  );
}

/** "3 of 11 steps done", announced to screen readers as it changes, with a reset that asks first. */
export function ChecklistProgress() {
  const { done, skipped, total, reset, shared, ticket } = useChecklist();
  const [confirming, setConfirming] = useState(false);
  const percent = total === 0 ? 0 : Math.round(((done + skipped) / total) * 100);
  return (
    <div className="sticky top-0 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur print:static dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" className="font-medium">
          {done} of {total} steps done{skipped > 0 ? `, ${skipped} skipped` : ''}
          {ticket && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · run {ticket}</span>}
        </p>
        <div aria-hidden="true" className="h-2 min-w-24 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 print:hidden">
          {/* No style in the server's HTML, which the Content Security Policy would refuse: the server always renders 0%. */}
          <div className="h-full w-0 bg-emerald-600 transition-[width] dark:bg-emerald-400" style={percent > 0 ? { width: `${percent}%` } : undefined} />
        </div>
        {!confirming && !shared && (
          <button type="button" className="button print:hidden" disabled={done + skipped === 0} onClick={() => setConfirming(true)}>
            Reset checklist
          </button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label="Confirm reset" className="mt-3 flex flex-wrap items-center gap-3 print:hidden">
          <p>Untick all {done + skipped} steps? Their times are lost.</p>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            onClick={() => {
              reset();
              setConfirming(false);
            }}
          >
            Untick all
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
