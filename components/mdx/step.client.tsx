'use client';

import { useId, useState } from 'react';
import { doneAt as tickTime, isDone, skipOf } from '@/lib/checklist/state';
import { useChecklist } from '../checklist/checklist.client';
import { useBooted } from '../use-booted';

export function StepCheckbox({ id, text }: { id: string; text: string }) {
  const { state, setStepDone, shared } = useChecklist();
  // Before the page has booted a tick could not be saved, so none can be made.
  const booted = useBooted();
  return (
    <input
      type="checkbox"
      aria-label={text}
      checked={isDone(state, id)}
      disabled={!booted || shared !== null}
      onChange={(event) => setStepDone(id, event.target.checked)}
      className="mt-1 size-5 shrink-0 cursor-pointer accent-emerald-700 disabled:cursor-default dark:accent-emerald-400"
    />
  );
}

/** When the step was ticked, shown discreetly. Renders nothing until the browser's state is read. */
export function StepTime({ id }: { id: string }) {
  const { state } = useChecklist();
  const doneAt = tickTime(state, id);
  if (!doneAt) return null;
  const date = new Date(doneAt);
  const sameDay = date.toDateString() === new Date().toDateString();
  return (
    <time dateTime={doneAt} title={`Ticked ${date.toLocaleString()}`} className="shrink-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
      {sameDay ? '' : `${date.toLocaleDateString()} `}
      {date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
    </time>
  );
}

/** In a run, a step can be skipped on purpose, with the reason recorded. */
export function StepSkip({ id, text }: { id: string; text: string }) {
  const { state, ticket, shared, setStepSkipped } = useChecklist();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const inputId = useId();
  const skip = skipOf(state, id);
  if (!ticket && !shared) return null;
  if (skip) {
    return (
      <p className="mt-1 text-sm">
        <span className="font-medium">Skipped</span>: {skip.reason}{' '}
        {!shared && (
          <button type="button" className="link print:hidden" onClick={() => setStepSkipped(id, null)} aria-label={`Undo skip of step: ${text}`}>
            Undo skip
          </button>
        )}
      </p>
    );
  }
  if (shared || isDone(state, id)) return null;
  if (!asking) {
    return (
      <button type="button" className="mt-1 text-sm text-zinc-600 underline print:hidden dark:text-zinc-400" onClick={() => setAsking(true)} aria-label={`Skip step: ${text}`}>
        Skip…
      </button>
    );
  }
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 text-sm print:hidden"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return;
        setStepSkipped(id, reason.trim());
        setAsking(false);
        setReason('');
      }}
    >
      <label htmlFor={inputId}>Why skip it?</label>
      <input
        id={inputId}
        required
        autoFocus
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        className="min-w-48 flex-1 rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      />
      <button type="submit" className="button">
        Skip step
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </form>
  );
}
