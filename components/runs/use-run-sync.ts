'use client';

import { useEffect, useState } from 'react';
import { SERVICE_INFO_PATH, type ServiceInfo } from '@/lib/runs/api';
import { serviceTransport } from '@/lib/runs/service-client';
import { RunSync, type SyncStatus } from '@/lib/runs/sync';
import { browserStorage, runStore, setSignedInAs } from './use-runs';

const TOKEN_KEY = 'runbook:token';
/** Remembered, so that a page opened offline still queues for the service it came from. */
const SERVED_KEY = 'runbook:served-by-run-service';

let info: Promise<ServiceInfo> | null = null;

function remember(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembered: asked again next time.
  }
}

function recall(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Whether the page is served by the run service. On a static host this is a
 * file of the export that says no, so asking costs no failed request.
 */
export function serviceInfo(): Promise<ServiceInfo> {
  info ??= fetch(SERVICE_INFO_PATH, { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<ServiceInfo>) : { service: false as const }))
    .then((answer) => {
      remember(SERVED_KEY, answer.service ? 'yes' : null);
      if (answer.service) setSignedInAs(answer.identity);
      return answer;
    })
    .catch((): ServiceInfo => (recall(SERVED_KEY) ? { service: true, token: recall(TOKEN_KEY) !== null, identity: null } : { service: false }));
  return info;
}

/** The access token this person gave for the run service, if any. */
export function serviceToken(): string | null {
  return recall(TOKEN_KEY);
}

export function saveToken(token: string): void {
  remember(TOKEN_KEY, token.trim() || null);
}

/** Where a run is kept: in this browser only, or shared through the run service, with how that is going. */
export type RunSharing = { kind: 'finding' } | { kind: 'local' } | { kind: 'shared'; status: SyncStatus; needsToken: boolean };

/**
 * Keeps a run in step with the run service when the page is served by one:
 * what is made here goes to the service's queue, what others make comes back
 * into the run store. `attempt` starts it again (after a token is given).
 */
export function useRunSync(slug: string, ticket: string, attempt: number): RunSharing {
  const [sharing, setSharing] = useState<RunSharing>({ kind: 'finding' });
  useEffect(() => {
    let stopped = false;
    let sync: RunSync | null = null;
    let unsubscribe = () => {};
    const retry = () => sync?.retryNow();
    void serviceInfo().then((found) => {
      const store = runStore();
      if (stopped || !store) return;
      if (!found.service) {
        setSharing({ kind: 'local' });
        return;
      }
      const key = { slug, ticket };
      const token = recall(TOKEN_KEY);
      const needsToken = found.token && token === null;
      /** Events the service has, or that wait in its queue: each is offered once. */
      const known = new Set<string>();
      sync = new RunSync({
        slug,
        ticket,
        transport: serviceTransport({ slug, ticket, token }),
        // Private mode: the queue lives as long as the page.
        storage: browserStorage() ?? memoryStorage(),
        onEvents: (events) => {
          for (const event of events) known.add(event.id);
          store.merge(key, events);
        },
        onStatus: (status) => setSharing({ kind: 'shared', status, needsToken: needsToken || (status.kind === 'not-saved' && found.token) }),
      });
      for (const event of sync.waiting) known.add(event.id);
      // Whatever this browser has that the service may lack goes out: made here now, before the service was
      // reachable, or handed over. The service keeps one of each by id, so offering one twice is harmless.
      const offer = () => {
        for (const event of store.getRun(key).events) {
          if (known.has(event.id)) continue;
          known.add(event.id);
          sync?.add(event);
        }
      };
      unsubscribe = store.subscribe(offer);
      offer();
      sync.start();
      window.addEventListener('online', retry);
    });
    return () => {
      stopped = true;
      sync?.stop();
      unsubscribe();
      window.removeEventListener('online', retry);
    };
  }, [slug, ticket, attempt]);
  return sharing;
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}
