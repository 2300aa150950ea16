'use client';

import { createContext, use, type ReactNode } from 'react';
import { repeatValues } from '@/lib/runs/outline';
import { useChecklist } from '../checklist/checklist.client';

/** Inside a `<Repeat>`: which list it repeats for, and the value of this copy. */
export const RepeatContext = createContext<RepeatCopy | null>(null);

interface RepeatCopy {
  name: string;
  value: string;
  /** 0 for the first value's copy, which also answers to the steps' own ids: links made before the values were entered. */
  index: number;
}

/** The copy of a repeated part that a step or placeholder is in, or null outside any. */
export function useRepeat(): RepeatCopy | null {
  return use(RepeatContext);
}

/**
 * Steps done once for each value of a list input: `<Repeat for="connectors">`.
 * Each copy has its own checkboxes and ids. With no value yet, the steps show
 * once, under a prompt to enter the values.
 */
export function Repeat({ for: name, children }: { for: string; children: ReactNode }) {
  const { outline, state, mode } = useChecklist();
  const input = outline.inputs.find((candidate) => candidate.name === name);
  const label = input?.label ?? name;
  const values = repeatValues(state.inputs, name);
  if (values.length === 0) {
    return (
      <div className="my-3 rounded-md border border-dashed border-zinc-400 p-3 dark:border-zinc-600">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Repeat these steps for each of the <strong>{label}</strong>.{' '}
          {mode === 'plain'
            ? 'Start a run for a ticket and enter them, to get a set of checkboxes for each.'
            : 'Enter them under “Run inputs” above to get a set of checkboxes for each.'}
        </p>
        {children}
      </div>
    );
  }
  return values.map((value, index) => (
    <section key={value} aria-label={`${label}: ${value}`} className="my-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
      <p className="text-sm font-medium">
        {label}: <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-900">{value}</code>
      </p>
      <RepeatContext value={{ name, value, index }}>{children}</RepeatContext>
    </section>
  ));
}
