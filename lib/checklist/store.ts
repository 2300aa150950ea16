import { mergeChecklists, parseChecklist, type ChecklistState } from './state';

/**
 * One checklist's state in browser storage, shaped for `useSyncExternalStore`:
 * the snapshot is the stored string, so it is stable between changes and
 * compares by value. Other tabs' writes arrive as `storage` events. When
 * storage cannot be written (blocked, full), ticks are kept in memory for
 * this page and `onWriteFailed` is told.
 */
export interface ChecklistStore {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): string | null;
  /** Applies a change to what storage holds now, and saves it. */
  update(change: (state: ChecklistState, now: Date) => ChecklistState): void;
  clear(): void;
}

export interface StoreOptions {
  storage: Storage | null;
  key: string;
  /** Where `storage` events come from: the window, in a browser. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  onWriteFailed?: (error: unknown) => void;
  now?: () => Date;
}

export function createChecklistStore({ storage, key, events, onWriteFailed, now = () => new Date() }: StoreOptions): ChecklistStore {
  const listeners = new Set<() => void>();
  /** Set once storage has failed: from then on this page's state lives here. */
  let memory: string | null | undefined;
  /** What this tab saved last: its changes, to merge into another tab's write that lacks them. */
  let mine: ChecklistState | null = null;

  const notify = () => listeners.forEach((listener) => listener());

  const read = (): string | null => {
    if (memory !== undefined) return memory;
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };

  const write = (value: string | null) => {
    mine = value === null ? null : parseChecklist(value).state;
    try {
      if (!storage) throw new Error('storage is not available');
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch (error) {
      memory = value;
      onWriteFailed?.(error);
    }
    notify();
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    // Another tab's write. If it was based on a copy without this tab's latest changes, put them back.
    // A removal is a deliberate reset, never merged back.
    if (event.key === key && event.newValue !== null && mine) {
      const theirs = parseChecklist(event.newValue);
      const merged = theirs.unreadable ? null : mergeChecklists(theirs.state, mine);
      if (merged) {
        write(JSON.stringify(merged));
        return;
      }
    }
    if (event.newValue === null) mine = null;
    notify();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) events?.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage);
      };
    },
    getSnapshot: read,
    update(change) {
      // Read what storage holds now, not what this tab last rendered, so a tick
      // made in another tab a moment ago is kept.
      const { state } = parseChecklist(read());
      write(JSON.stringify(change(state, now())));
    },
    clear() {
      write(null);
    },
  };
}
