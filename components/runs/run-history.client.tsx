'use client';

import type { RunEvent } from '@/lib/runs/events';
import type { StepInstance } from '@/lib/runs/outline';
import { eventWho } from '@/lib/runs/state';
import { formatTime } from '@/lib/runs/time';
import { useChecklist } from '../checklist/checklist.client';

/** One event as a line of the history: who did what to which step. */
export function describeEvent(event: RunEvent, steps: readonly StepInstance[]): string {
  const step = (id: string | null) => (id === null ? 'the run' : `“${steps.find((candidate) => candidate.id === id)?.text ?? id}”`);
  switch (event.type) {
    case 'start':
      return `started the run${event.build ? ` on build ${event.build}` : ''}`;
    case 'tick':
      return `ticked ${step(event.step)}`;
    case 'untick':
      return `unticked ${step(event.step)}`;
    case 'skip':
      return `skipped ${step(event.step)}: ${event.reason}`;
    case 'unskip':
      return `undid the skip of ${step(event.step)}`;
    case 'note':
      return `noted on ${step(event.step)}: ${event.text}`;
    case 'input':
      return `set ${event.name} to ${Array.isArray(event.value) ? event.value.join(', ') || 'nothing' : event.value || 'nothing'}`;
    case 'build':
      return `changed the run’s build to ${event.build ?? 'none'}`;
    case 'finish':
      return 'finished the run';
    case 'reopen':
      return 'reopened the run';
  }
}

/** Every change to the run, oldest first, with who made it. */
export function RunHistory() {
  const { state, steps } = useChecklist();
  if (state.events.length === 0) return null;
  return (
    <details className="mt-3 text-sm print:hidden">
      <summary className="min-h-6 cursor-pointer py-0.5">History ({state.events.length} changes)</summary>
      <ol className="mt-2 space-y-1">
        {state.events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{formatTime(event.at)}</time> {eventWho(event) ?? 'Someone'} {describeEvent(event, steps)}
          </li>
        ))}
      </ol>
    </details>
  );
}
