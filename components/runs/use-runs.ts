'use client';

import { useMemo, useSyncExternalStore } from 'react';
import { foldRun, type RunState } from '@/lib/runs/state';
import { createRunStore, localStorageAdapter, type RunKey, type RunStore, type StoreProblem } from '@/lib/runs/store';

const NAME_KEY = 'runbook:name';
const nameListeners = new Set<() => void>();

let store: RunStore | null = null;
let problem: StoreProblem | null = null;
const problemListeners = new Set<() => void>();

/** The browser's localStorage, or null where reaching it throws (private mode, blocked storage). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Who a sign-in proxy says this person is, when the run service trusts one: it names every event. */
let signedInAs: string | null = null;

export function setSignedInAs(identity: string | null): void {
  signedInAs = identity;
  nameListeners.forEach((listener) => listener());
}

/** Whether the name comes from the sign-in proxy, so it cannot be changed here. */
export function isSignedIn(): boolean {
  return signedInAs !== null;
}

/** The name that goes into the record: the sign-in proxy's, or the one this person gave, or null. */
export function personName(): string | null {
  if (signedInAs) return signedInAs;
  try {
    return window.localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

/** The name this person gave, read once the page has booted. */
export function usePersonName(): string | null {
  return useSyncExternalStore(
    (listener) => {
      nameListeners.add(listener);
      return () => nameListeners.delete(listener);
    },
    personName,
    () => null,
  );
}

export function setPersonName(name: string): void {
  try {
    if (name.trim() === '') window.localStorage.removeItem(NAME_KEY);
    else window.localStorage.setItem(NAME_KEY, name.trim().slice(0, 100));
  } catch {
    // Not saved: the name is asked again next time.
  }
  nameListeners.forEach((listener) => listener());
}

/** The one run store of this page: every view reads runs through it. Null during server rendering. */
export function runStore(): RunStore | null {
  if (typeof window === 'undefined') return null;
  store ??= createRunStore(
    localStorageAdapter(
      browserStorage(),
      window,
      (reported) => {
        // Ticks that are not being saved matter most: a later report of unreadable old data must not hide that.
        if (problem?.kind === 'not-saved' && reported.kind !== 'not-saved') return;
        problem = reported;
        problemListeners.forEach((listener) => listener());
      },
      // Only browsers that still hold what the version before saved need the reader.
      { load: () => import('@/lib/runs/migrate').then((module) => module.migrateLegacy) },
    ),
    { who: personName },
  );
  return store;
}

const subscribe = (listener: () => void) => runStore()?.subscribe(listener) ?? (() => {});

/** A run, or the plain checklist when `ticket` is null, as the store holds it now; empty until the page has booted. */
export function useRun(slug: string, ticket: string | null): RunState {
  const empty = useMemo(() => foldRun(slug, ticket, []), [slug, ticket]);
  const key: RunKey = useMemo(() => ({ slug, ticket }), [slug, ticket]);
  return useSyncExternalStore(subscribe, () => runStore()?.getRun(key) ?? empty, () => empty);
}

const NO_RUNS: RunState[] = [];

/** Every run with a ticket in this browser, newest activity first; none until the page has booted. */
export function useRunList(): RunState[] {
  return useSyncExternalStore(subscribe, () => runStore()?.listRuns() ?? NO_RUNS, () => NO_RUNS);
}

/** The last thing that went wrong with storage, now. */
export function storeProblem(): StoreProblem | null {
  return problem;
}

/** The last thing that went wrong with storage, to report on the page. */
export function useStoreProblem(): StoreProblem | null {
  return useSyncExternalStore(
    (listener) => {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    () => problem,
    () => null,
  );
}
