'use client';

import { useSyncExternalStore } from 'react';
import { getBuildSnapshot, readSnapshot, subscribeToBuild, type ChosenBuild } from '@/lib/gating/chosen-build';

/** The chosen build. During server rendering and hydration there is none, so the HTML shows everything. */
export function useBuild(): ChosenBuild {
  return readSnapshot(useSyncExternalStore(subscribeToBuild, getBuildSnapshot, () => ''));
}
