import { z } from 'zod';

/** What one procedure's checklist remembers: when each ticked step was ticked. */
const checklistSchema = z.object({
  version: z.literal(1),
  /** Step id → when it was ticked. Keyed by stable id, never by position. */
  steps: z.record(z.string(), z.object({ doneAt: z.iso.datetime() })),
});

export type ChecklistState = z.infer<typeof checklistSchema>;

export const EMPTY_STATE: ChecklistState = { version: 1, steps: {} };

export function storageKey(slug: string): string {
  return `runbook:checklist:${slug}`;
}

export type ReadResult = { state: ChecklistState; unreadable: boolean };

/** Reads what storage holds. Garbage, or a shape this version does not know, reads as empty and is flagged. */
export function parseChecklist(raw: string | null): ReadResult {
  if (raw === null) return { state: EMPTY_STATE, unreadable: false };
  try {
    const result = checklistSchema.safeParse(JSON.parse(raw));
    if (result.success) return { state: result.data, unreadable: false };
  } catch {
    // Not JSON: flagged below like any other unreadable value.
  }
  return { state: EMPTY_STATE, unreadable: true };
}

export function setStepDone(state: ChecklistState, stepId: string, done: boolean, now: Date): ChecklistState {
  const steps = { ...state.steps };
  if (done) steps[stepId] = { doneAt: now.toISOString() };
  else delete steps[stepId];
  return { version: 1, steps };
}

export function progress(state: ChecklistState, stepIds: readonly string[]): { done: number; total: number } {
  return { done: stepIds.filter((id) => id in state.steps).length, total: stepIds.length };
}

/** Ticked steps that the procedure no longer has: kept in storage, reported to the reader. */
export function orphanedTicks(state: ChecklistState, stepIds: readonly string[]): string[] {
  const known = new Set(stepIds);
  return Object.keys(state.steps).filter((id) => !known.has(id));
}
