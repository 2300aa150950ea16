'use client';

import { createContext, use, useSyncExternalStore } from 'react';
import { getBuildSnapshot, readSnapshot, subscribeToBuild, type ChosenBuild } from '@/lib/gating/chosen-build';

/** The chosen build. During server rendering and hydration there is none, so the HTML shows everything. */
export function useBuild(): ChosenBuild {
  return readSnapshot(useSyncExternalStore(subscribeToBuild, getBuildSnapshot, () => ''));
}

/** Set by a run: the build its steps are gated by, which is the run's, not the reader's. */
export const RunBuildContext = createContext<{ build: string | null } | null>(null);

/** The build that decides what a part of the page needs: the run's inside a run, else the reader's. */
export function useGatingBuild(): string | null {
  const chosen = useBuild().text;
  const run = use(RunBuildContext);
  return run ? run.build : chosen;
}
