'use client';

import { useSyncExternalStore } from 'react';
import { COPY_SAVED, OFFLINE_COPY_URL, OFFLINE_META_CACHE, type OfflineCopy } from '@/lib/offline/cache-plan';
import { parseOfflineCopy } from '@/lib/offline/saved-copy';

/** What the page knows about the service worker and the copy it saved. */
export interface OfflineState {
  /** False when the browser says it has no network. */
  online: boolean;
  /** The copy of the site saved in this browser; null until the worker has saved one. */
  copy: OfflineCopy | null;
  /** A new version of the site, installed and waiting for the reader to reload. */
  waiting: ServiceWorker | null;
}

const SERVER_STATE: OfflineState = { online: true, copy: null, waiting: null };
let state: OfflineState = SERVER_STATE;
const listeners = new Set<() => void>();
let started = false;

function update(change: Partial<OfflineState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

async function readCopy() {
  const response = await caches.match(OFFLINE_COPY_URL, { cacheName: OFFLINE_META_CACHE });
  update({ copy: parseOfflineCopy(await response?.json().catch(() => null)) });
}

/** A worker that finished installing while another controls the page is a new version waiting. */
function watchForUpdate(registration: ServiceWorkerRegistration) {
  const noticeWaiting = () => {
    if (registration.waiting && navigator.serviceWorker.controller) update({ waiting: registration.waiting });
  };
  noticeWaiting();
  registration.addEventListener('updatefound', () => {
    registration.installing?.addEventListener('statechange', noticeWaiting);
  });
  // Back online after an outage is when a new version is most likely waiting on the server.
  window.addEventListener('online', () => void registration.update().catch(() => {}));
}

async function register() {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  watchForUpdate(registration);
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: unknown } | null>) => {
    if (event.data?.type === COPY_SAVED) void readCopy();
  });
  await readCopy();
}

/**
 * Registers the service worker once the page has booted and the browser is idle, so it never
 * competes with the first paint or the boot, and follows the network and the worker from then on.
 */
function start() {
  if (started || !('serviceWorker' in navigator)) return;
  started = true;
  update({ online: navigator.onLine });
  window.addEventListener('online', () => update({ online: true }));
  window.addEventListener('offline', () => update({ online: false }));
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1));
  const begin = () => whenIdle(() => void register().catch(() => {}));
  if (document.readyState === 'complete') begin();
  else window.addEventListener('load', begin, { once: true });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  start();
  return () => listeners.delete(listener);
}

/** The offline state, shared by every component that reads it; the server's HTML sees it online with nothing saved. */
export function useOffline(): OfflineState {
  return useSyncExternalStore(subscribe, () => state, () => SERVER_STATE);
}

/** Lets the waiting version take over, then reloads once it has: only ever on the reader's request. */
export function reloadToUpdate(waiting: ServiceWorker) {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
