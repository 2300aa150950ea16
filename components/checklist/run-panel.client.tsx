'use client';

import { CurrentRun } from '../runs/current-run.client';
import { SharedRun } from '../runs/shared-run.client';
import { RunInputs } from '../runs/run-inputs.client';
import { StartRun } from '../runs/start-run.client';
import { useChecklist } from './checklist.client';

/** Above the checklist: start a run for a ticket, work the current one, or look at one handed over. */
export function RunPanel() {
  const { mode } = useChecklist();
  if (mode === 'shared') return <SharedRun />;
  if (mode === 'run') return <CurrentRun />;
  return (
    <>
      <StartRun />
      <RunInputs />
    </>
  );
}
