import type { Refusal } from './sync-storage';

/** What a page shows about a run's sync. */
export type SyncStatus =
  | { kind: 'connecting'; waiting: number }
  | { kind: 'synced' }
  | { kind: 'sending'; waiting: number }
  | { kind: 'offline'; waiting: number }
  | { kind: 'not-saved'; reason: string; waiting: number }
  | { kind: 'outdated'; waiting: number };

/** The status in a few words, as the page shows it. */
export function statusText(status: SyncStatus): string {
  const waiting = (count: number) => `${count} ${count === 1 ? 'change' : 'changes'} waiting`;
  switch (status.kind) {
    case 'connecting':
      return status.waiting > 0 ? `Connecting · ${waiting(status.waiting)}` : 'Connecting…';
    case 'synced':
      return 'Shared · synced';
    case 'sending':
      return `Shared · sending ${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'}`;
    case 'offline':
      return status.waiting > 0 ? `Offline · ${waiting(status.waiting)}` : 'Offline';
    case 'not-saved':
      return `Not saved to the server: ${status.reason}`;
    case 'outdated':
      return 'This page is out of date: reload to keep syncing';
  }
}

/** Events the service refused, in a sentence: "1 change was refused by the server: <why>". */
export function refusedText(refused: readonly Refusal[]): string | null {
  if (refused.length === 0) return null;
  const count = refused.length === 1 ? '1 change was' : `${refused.length} changes were`;
  return `${count} refused by the server: ${refused.at(-1)!.error}. ${refused.length === 1 ? 'It is' : 'They are'} kept in this browser’s record only.`;
}
