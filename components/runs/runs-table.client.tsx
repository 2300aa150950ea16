'use client';

import { useState } from 'react';
import { formatTime, type StoredRun } from '@/lib/checklist/run';
import { progress, setRunFinished } from '@/lib/checklist/state';
import { createChecklistStore } from '@/lib/checklist/store';
import { procedureUrl } from '@/lib/urls';
import { InternalLink } from '../internal-link.client';
import { browserStorage } from '../checklist/checklist.client';
import { runsChanged, useStoredRuns } from '../checklist/use-stored-runs';

/** Changes a stored run through the same store the procedure page uses, so it reads storage as it is now. */
function change(key: string, update: (store: ReturnType<typeof createChecklistStore>) => void) {
  try {
    update(createChecklistStore({ storage: browserStorage(), key }));
  } finally {
    runsChanged();
  }
}

/** Every run in this browser, with what can be done to each. */
export function RunsTable() {
  const runs = useStoredRuns();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (runs.length === 0) {
    return (
      <p role="status">
        No runs in this browser yet. Open a procedure and start a run for a ticket, or open a link with <code>?run=</code>.
      </p>
    );
  }
  return (
    <div role="region" aria-label="Runs table" tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b-2 border-zinc-400">
            <th scope="col" className="p-2">Procedure</th>
            <th scope="col" className="p-2">Ticket</th>
            <th scope="col" className="p-2">Progress</th>
            <th scope="col" className="p-2">Started</th>
            <th scope="col" className="p-2">Last activity</th>
            <th scope="col" className="p-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((stored) => (
            <Row key={stored.key} stored={stored} confirming={confirming === stored.key} setConfirming={setConfirming} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ stored, confirming, setConfirming }: { stored: StoredRun; confirming: boolean; setConfirming: (key: string | null) => void }) {
  const { key, state } = stored;
  const run = state?.run;
  const label = run ? `${run.ticket} (${run.title})` : key;
  const remove = (
    <div className="flex flex-wrap gap-2">
      {confirming ? (
        <div role="group" aria-label={`Confirm deleting run ${label}`} className="flex flex-wrap items-center gap-2">
          <span>Delete this run and its record?</span>
          <button type="button" className="button button-danger" autoFocus onClick={() => change(key, (store) => store.clear())}>
            Delete
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" aria-label={`Delete run ${label}`} onClick={() => setConfirming(key)}>
          Delete…
        </button>
      )}
    </div>
  );
  if (!state || !run) {
    return (
      <tr className="border-b border-zinc-200 align-top dark:border-zinc-800">
        <td className="p-2" colSpan={5}>
          A run saved under <code>{key}</code> cannot be read.
        </td>
        <td className="p-2">{remove}</td>
      </tr>
    );
  }
  const { done, skipped, total } = progress(state, run.stepIds);
  return (
    <tr className="border-b border-zinc-200 align-top dark:border-zinc-800">
      <td className="p-2">
        <InternalLink href={procedureUrl(run.slug, { run: run.ticket })} className="link">
          {run.title}
        </InternalLink>
      </td>
      <td className="p-2 font-mono">{run.ticket}</td>
      <td className="p-2">
        {done} of {total} done{skipped > 0 ? `, ${skipped} skipped` : ''}
        {run.finishedAt ? ' · finished' : ''}
      </td>
      <td className="p-2 whitespace-nowrap">{formatTime(run.startedAt)}</td>
      <td className="p-2 whitespace-nowrap">{formatTime(run.updatedAt)}</td>
      <td className="p-2">
        <div className="flex flex-wrap gap-2">
          <button type="button" className="button" aria-label={`${run.finishedAt ? 'Reopen' : 'Finish'} run ${label}`} onClick={() => change(key, (store) => store.update((state, now) => setRunFinished(state, !run.finishedAt, now)))}>
            {run.finishedAt ? 'Reopen' : 'Finish'}
          </button>
          {remove}
        </div>
      </td>
    </tr>
  );
}
