/** What one procedure's checklist remembers: when each ticked step was ticked. */
export interface ChecklistState {
  version: 1;
  /** Step id → when it was ticked (ISO 8601). Keyed by stable id, never by position. */
  steps: Record<string, { doneAt: string }>;
}

/*
 * A hand-written check rather than a zod schema: this runs in every procedure
 * page's browser bundle, where zod (even zod/mini) costs 12 to 33 KB gzipped
 * for a shape of two fields.
 */
function isChecklistState(value: unknown): value is ChecklistState {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.steps)) return false;
  return Object.values(value.steps).every(
    (tick) => isRecord(tick) && typeof tick.doneAt === 'string' && !Number.isNaN(Date.parse(tick.doneAt)),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const EMPTY_STATE: ChecklistState = { version: 1, steps: {} };

export function storageKey(slug: string): string {
  return `runbook:checklist:${slug}`;
}

export type ReadResult = { state: ChecklistState; unreadable: boolean };

/** Reads what storage holds. Garbage, or a shape this version does not know, reads as empty and is flagged. */
export function parseChecklist(raw: string | null): ReadResult {
  if (raw === null) return { state: EMPTY_STATE, unreadable: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (isChecklistState(value)) return { state: value, unreadable: false };
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

export function isDone(state: ChecklistState, stepId: string): boolean {
  return Object.hasOwn(state.steps, stepId);
}

export function doneAt(state: ChecklistState, stepId: string): string | undefined {
  return isDone(state, stepId) ? state.steps[stepId]!.doneAt : undefined;
}

export function progress(state: ChecklistState, stepIds: readonly string[]): { done: number; total: number } {
  return { done: stepIds.filter((id) => isDone(state, id)).length, total: stepIds.length };
}

/** Ticked steps that the procedure no longer has: kept in storage, reported to the reader. */
export function orphanedTicks(state: ChecklistState, stepIds: readonly string[]): string[] {
  const known = new Set(stepIds);
  return Object.keys(state.steps).filter((id) => !known.has(id));
}
