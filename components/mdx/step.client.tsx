'use client';

import { doneAt as tickTime, isDone } from '@/lib/checklist/state';
import { useChecklist } from '../checklist/checklist.client';

export function StepCheckbox({ id, text }: { id: string; text: string }) {
  const { state, setStepDone } = useChecklist();
  return (
    <input
      type="checkbox"
      aria-label={text}
      checked={isDone(state, id)}
      onChange={(event) => setStepDone(id, event.target.checked)}
      className="mt-1 size-5 shrink-0 cursor-pointer accent-emerald-700 dark:accent-emerald-400"
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
