'use client';

import { useState } from 'react';
import { formatTime } from '@/lib/runs/time';
import { procedureUrl, withBuild } from '@/lib/urls';
import { useChecklist } from '../checklist/checklist.client';
import { Notice } from '../checklist/notice';
import { RunHistory } from './run-history.client';
import { RunInputs } from './run-inputs.client';
import { runStore, storeProblem } from './use-runs';

/** A run handed over through a link: shown read-only, with its own build, until someone continues it here. */
export function SharedRun() {
  const { state, progress } = useChecklist();
  const [failed, setFailed] = useState(false);
  const ticket = state.ticket ?? '';
  const continueHere = () => {
    const store = runStore();
    if (!store) return;
    // The union of the handed-over events and this browser's: nothing of either is dropped.
    store.merge({ slug: state.slug, ticket }, state.events);
    // Kept only in this page's memory, the run would be lost with the page: stay on the link instead.
    if (storeProblem()?.kind === 'not-saved') setFailed(true);
    else window.location.assign(withBuild(procedureUrl(state.slug, { run: ticket }), state.build));
  };
  return (
    <section aria-labelledby="shared-heading" className="my-4 rounded-md border border-violet-700 p-4 dark:border-violet-400">
      <h2 id="shared-heading" className="font-semibold">
        Shared progress of run <span className="font-mono">{ticket}</span> (read-only)
      </h2>
      <p className="text-sm">
        {state.started && `Started ${formatTime(state.started.at)}${state.started.by ? ` by ${state.started.by}` : ''}. `}
        Build: {state.build ?? 'not given'}. {progress.done} of {progress.total} steps done when it was shared
        {state.people.length > 0 ? `, by ${state.people.join(', ')}` : ''}.
      </p>
      <RunInputs />
      <button type="button" className="button mt-2" onClick={continueHere}>
        Continue this run in this browser
      </button>
      {failed && <Notice>This browser will not save the run. Work on from the shared link in a browser that can.</Notice>}
      <RunHistory />
    </section>
  );
}
