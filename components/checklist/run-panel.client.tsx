'use client';

import { lazy, Suspense } from 'react';
import { StartRun } from '../runs/start-run.client';
import { useChecklist } from './checklist.client';

// Only a run's page needs these: the plain checklist, every procedure's first view, does without.
const CurrentRun = lazy(() => import('../runs/current-run.client').then((module) => ({ default: module.CurrentRun })));
const SharedRun = lazy(() => import('../runs/shared-run.client').then((module) => ({ default: module.SharedRun })));

/** Above the checklist: start a run for a ticket, work the current one, or look at one handed over. */
export function RunPanel() {
  const { mode, ticket } = useChecklist();
  if (mode !== 'plain') {
    return (
      <Suspense fallback={<p className="my-4">Opening run {ticket}…</p>}>
        {mode === 'shared' ? <SharedRun /> : <CurrentRun />}
      </Suspense>
    );
  }
  return <StartRun />;
}
