'use client';

import { fillInputs } from '@/lib/runs/outline';
import { useChecklist } from '../checklist/checklist.client';
import { useRepeat } from './repeat.client';

/** A run input's value in a step, `{syncServer}` in MDX; a visible placeholder while it has none. */
export function Input({ name }: { name: string }) {
  const { outline, state } = useChecklist();
  const repeat = useRepeat();
  const { text, missing } = fillInputs(`{${name}}`, state.inputs, repeat ?? undefined);
  if (missing.length === 0) return <strong className="font-mono font-semibold">{text}</strong>;
  const label = outline.inputs.find((input) => input.name === name)?.label ?? name;
  return (
    <span className="rounded border border-dashed border-amber-700 px-1 font-mono text-amber-900 dark:border-amber-400 dark:text-amber-200" title="Not entered yet: see Run inputs">
      ‹{label}›
    </span>
  );
}
