'use client';

import { useMemo, useSyncExternalStore } from 'react';
import { listRuns, type StoredRun } from '@/lib/checklist/run';
import { RUN_KEY_PREFIX } from '@/lib/checklist/state';

const RUNS_CHANGED = 'runbook:runs-change';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(RUNS_CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(RUNS_CHANGED, onChange);
  };
}

/** Every stored run as one string, so the snapshot stays equal while nothing changes. */
function snapshot(): string {
  try {
    const storage = window.localStorage;
    const parts: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key?.startsWith(RUN_KEY_PREFIX)) parts.push(`${key}\u0000${storage.getItem(key)}`);
    }
    return parts.sort().join('\u0001');
  } catch {
    return '';
  }
}

/** Tells every list of runs on the page to read storage again. */
export function runsChanged(): void {
  window.dispatchEvent(new Event(RUNS_CHANGED));
}

/** The runs saved in this browser; none during server rendering and hydration. */
export function useStoredRuns(): StoredRun[] {
  const raw = useSyncExternalStore(subscribe, snapshot, () => '');
  return useMemo(() => {
    if (raw === '') return [];
    try {
      return listRuns(window.localStorage);
    } catch {
      return [];
    }
  }, [raw]);
}
