'use client';

import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/**
 * False in the server's HTML and while the page boots, true once React has taken it over. A control
 * that needs scripts is disabled until then, so a click on it is never silently dropped.
 */
export function useBooted(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}
