'use client';

import { createContext, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { orphanedTicks, parseChecklist, progress, storageKey, type ChecklistState } from '@/lib/checklist/state';
import { isNeeded } from '@/lib/build/gate';
import { createChecklistStore } from '@/lib/checklist/store';
import { useBuild } from '../build/use-build';

interface ChecklistValue {
  state: ChecklistState;
  setStepDone: (stepId: string, done: boolean) => void;
  reset: () => void;
  done: number;
  total: number;
}

const ChecklistContext = createContext<ChecklistValue | null>(null);

export function useChecklist(): ChecklistValue {
  const value = use(ChecklistContext);
  if (!value) throw new Error('useChecklist must be used inside <Checklist>');
  return value;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const subscribeNothing = () => () => {};

export interface ChecklistProps {
  slug: string;
  /** Every step of the procedure, in order, with the build ranges it sits in. */
  steps: { id: string; ranges: string[] }[];
  children: ReactNode;
}

/** Holds one procedure's ticks in browser storage and shares them with its steps. */
export function Checklist({ slug, steps, children }: ChecklistProps) {
  const build = useBuild().text;
  const stepIds = useMemo(() => steps.map((step) => step.id), [steps]);
  // Steps for other builds are collapsed and do not count towards progress.
  const neededIds = useMemo(() => steps.filter((step) => isNeeded(build, step.ranges)).map((step) => step.id), [steps, build]);
  const [writeFailed, setWriteFailed] = useState(false);
  const [recovered, setRecovered] = useState(false);
  const store = useMemo(
    () =>
      typeof window === 'undefined'
        ? null
        : createChecklistStore({
            storage: browserStorage(),
            key: storageKey(slug),
            events: window,
            onWriteFailed: () => setWriteFailed(true),
          }),
    [slug],
  );
  const raw = useSyncExternalStore(store?.subscribe ?? subscribeNothing, () => store?.getSnapshot() ?? null, () => null);
  const { state, unreadable } = useMemo(() => parseChecklist(raw), [raw]);

  useEffect(() => {
    if (!unreadable || !store) return;
    store.clear();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reports a repair just made to storage, an external system
    setRecovered(true);
  }, [unreadable, store]);

  const value = useMemo<ChecklistValue>(
    () => ({
      state,
      setStepDone: (stepId, done) => store?.setStepDone(stepId, done),
      reset: () => store?.clear(),
      ...progress(state, neededIds),
    }),
    [state, store, neededIds],
  );
  const orphans = orphanedTicks(state, stepIds);

  return (
    <ChecklistContext value={value}>
      {recovered && (
        <Notice>
          The saved progress for this procedure could not be read, so it was cleared. Ticks you make now are saved as usual.
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

function Notice({ children }: { children: ReactNode }) {
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
  const { done, total, reset } = useChecklist();
  const [confirming, setConfirming] = useState(false);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="sticky top-0 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur print:static dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" className="font-medium">
          {done} of {total} steps done
        </p>
        <div aria-hidden="true" className="h-2 min-w-24 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 print:hidden">
          <div className="h-full bg-emerald-600 transition-[width] dark:bg-emerald-400" style={{ width: `${percent}%` }} />
        </div>
        {!confirming && (
          <button type="button" className="button print:hidden" disabled={done === 0} onClick={() => setConfirming(true)}>
            Reset checklist
          </button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label="Confirm reset" className="mt-3 flex flex-wrap items-center gap-3 print:hidden">
          <p>Untick all {done} steps? Their times are lost.</p>
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
