import type { RunListing } from './api';
import { compareEvents, type RunEvent } from './events';

/** What the run service keeps about a run for its list, folded from the run's events. */
export type RunSummary = Pick<RunListing, 'title' | 'stepCount' | 'ticked' | 'skipped' | 'finished' | 'people'>;

/**
 * Folds a run's events, in fold order, into the few figures the service's run
 * list shows. The service cannot know which steps a build gates, so this is
 * raw progress; the run store's selectors can take its place here once the
 * service has the procedure's gates.
 */
export function summarizeRun(events: readonly RunEvent[]): RunSummary {
  let title: string | null = null;
  let stepCount: number | null = null;
  let finished = false;
  const ticked = new Set<string>();
  const skipped = new Set<string>();
  const people = new Set<string>();
  for (const event of [...events].sort(compareEvents)) {
    if (event.by) people.add(event.by);
    switch (event.type) {
      case 'start':
        title = event.title;
        stepCount = event.stepIds.length;
        break;
      case 'tick':
        ticked.add(event.step);
        skipped.delete(event.step);
        break;
      case 'untick':
        ticked.delete(event.step);
        break;
      case 'skip':
        skipped.add(event.step);
        ticked.delete(event.step);
        break;
      case 'unskip':
        skipped.delete(event.step);
        break;
      case 'finish':
        finished = true;
        break;
      case 'reopen':
        finished = false;
        break;
    }
  }
  return { title, stepCount, ticked: ticked.size, skipped: skipped.size, finished, people: [...people] };
}
