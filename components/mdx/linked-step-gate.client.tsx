'use client';

import { linkedStepLabel } from '@/lib/gating/gate';
import { useUrlState } from '../use-url-state';

/**
 * What a step in a gated part says about its builds when a link opened the page at it: the notice at
 * the top of its part is screens above, and the reader may be about to run what the step says.
 * Null unless the address names this step (or, for a repeated step, its first copy's id).
 */
export function useLinkedStepGate(ids: { id: string; alias: string | null }, ranges: readonly string[] | undefined, build: string | null) {
  const { hash } = useUrlState();
  if (!hash || !ranges || (hash !== ids.id && hash !== ids.alias)) return null;
  const label = linkedStepLabel(build, ranges);
  return label && { ...label, elementId: `${ids.id}--builds` };
}

export function LinkedStepGate({ gate }: { gate: NonNullable<ReturnType<typeof useLinkedStepGate>> }) {
  return (
    <p
      id={gate.elementId}
      data-no-tick=""
      className={`my-1 rounded-md border-l-4 px-3 py-1 text-sm font-medium ${
        gate.needed
          ? 'border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-50'
          : 'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50'
      }`}
    >
      {gate.text}
    </p>
  );
}
