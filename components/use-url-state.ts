'use client';

import { useMemo, useSyncExternalStore } from 'react';
import { NO_URL_STATE, readUrlState, URL_CHANGED_EVENT, type UrlState } from '@/lib/urls';

const EVENTS = ['popstate', 'hashchange', URL_CHANGED_EVENT];

const subscribe = (onChange: () => void) => {
  for (const type of EVENTS) window.addEventListener(type, onChange);
  return () => {
    for (const type of EVENTS) window.removeEventListener(type, onChange);
  };
};

/** The address as the portal reads it (lib/urls.ts); empty during server rendering and hydration. */
export function useUrlState(): UrlState {
  const href = useSyncExternalStore(subscribe, () => window.location.href, () => null);
  return useMemo(() => (href === null ? NO_URL_STATE : readUrlState(href)), [href]);
}
