import { doneAt, isChecklistState, isDone, parseChecklist, RUN_KEY_PREFIX, skipOf, type ChecklistState, type RunInfo } from './state';

/** A time as people read it in a ticket: local time with its offset from UTC, "2026-11-22 10:02 UTC+01:00". */
export function formatTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const shifted = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} UTC${sign}${hours}:${minutes}`;
}

export interface SummaryStep {
  id: string;
  text: string;
  /** Steps that do not apply to the run's build. */
  notNeeded?: boolean;
  parentId: string | null;
}

export interface SummaryInput {
  title: string;
  /** The procedure's link, with ?build= and ?run=. */
  url: string;
  build: string | null;
  state: ChecklistState;
  steps: SummaryStep[];
  offsetMinutes?: number;
}

/** The plain-text record of a run that pastes cleanly into any ticket system. */
export function runSummary({ title, url, build, state, steps, offsetMinutes }: SummaryInput): string {
  const time = (iso: string) => formatTime(iso, offsetMinutes);
  const run = state.run;
  const needed = steps.filter((step) => !step.notNeeded);
  const open = needed.filter((step) => !isDone(state, step.id) && !skipOf(state, step.id));
  const skipped = needed.filter((step) => skipOf(state, step.id)).length;
  const numbers = numberSteps(steps);
  const lines = [
    `Procedure: ${title}`,
    `Link: ${url}`,
    ...(run ? [`Ticket: ${run.ticket}`] : []),
    `Build: ${build ?? 'not given'}`,
    ...(run ? [`Started: ${time(run.startedAt)}`, `Finished: ${run.finishedAt ? time(run.finishedAt) : 'not yet'}`] : []),
    `Progress: ${needed.length - open.length - skipped} of ${needed.length} steps done, ${skipped} skipped, ${open.length} open`,
    '',
    'Steps:',
    ...steps.map((step) => {
      const skip = skipOf(state, step.id);
      const done = doneAt(state, step.id);
      const indent = step.parentId ? '    ' : '';
      const [status, detail] = step.notNeeded
        ? ['[n/a]  ', ' (not needed for this build)']
        : done
          ? ['[done] ', ` (${time(done)})`]
          : skip
            ? ['[skip] ', ` (${time(skip.at)}; reason: ${skip.reason})`]
            : ['[open] ', ''];
      return `${indent}${status}${numbers.get(step.id)} ${step.text}${detail}`;
    }),
    '',
    open.length === 0 ? 'Open: none' : `Open: ${open.map((step) => numbers.get(step.id)).join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** "1.", "2.", "2.1." as the page numbers steps and sub-steps. */
function numberSteps(steps: SummaryStep[]): Map<string, string> {
  const numbers = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const step of steps) {
    const count = (counters.get(step.parentId) ?? 0) + 1;
    counters.set(step.parentId, count);
    numbers.set(step.id, `${step.parentId ? `${numbers.get(step.parentId) ?? ''}` : ''}${count}.`);
  }
  return numbers;
}

/** What changed in a procedure since a run started on it. */
export function revisionChanges(run: RunInfo, revision: string, stepIds: readonly string[]) {
  const before = new Set(run.stepIds);
  const now = new Set(stepIds);
  return {
    changed: run.revision !== revision,
    added: stepIds.filter((id) => !before.has(id)),
    removed: run.stepIds.filter((id) => !now.has(id)),
  };
}

const SHARE_PREFIX = 'share=';

/** A run's state for the URL fragment of a handover link: never sent to a server. */
export function encodeShare(state: ChecklistState): string {
  // The log stays home: the link carries the ticks, skips and run, and stays short enough to paste.
  const bytes = new TextEncoder().encode(JSON.stringify({ ...state, log: undefined }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `${SHARE_PREFIX}${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export function isShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/** Reads a handover fragment. A damaged or truncated one is an error, never an exception. */
export function decodeShare(fragment: string): { ok: true; state: ChecklistState } | { ok: false; error: string } {
  const data = fragment.replace(/^#/, '').slice(SHARE_PREFIX.length);
  const damaged = { ok: false as const, error: 'This shared progress link is damaged or incomplete: ask for it again, and paste all of it.' };
  try {
    const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const value: unknown = JSON.parse(text);
    if (isChecklistState(value) && value.run) return { ok: true, state: value };
    return damaged;
  } catch {
    return damaged;
  }
}

export interface StoredRun {
  key: string;
  /** Null when what is stored under the key cannot be read. */
  state: ChecklistState | null;
}

/** Every run saved in this browser, newest activity first. */
export function listRuns(storage: Storage): StoredRun[] {
  const runs: StoredRun[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key?.startsWith(RUN_KEY_PREFIX)) continue;
    const { state, unreadable } = parseChecklist(storage.getItem(key));
    runs.push({ key, state: unreadable || !state.run ? null : state });
  }
  return runs.sort((a, b) => (b.state?.run?.updatedAt ?? '').localeCompare(a.state?.run?.updatedAt ?? ''));
}
