'use client';

import { useEffect, useState } from 'react';
import { serviceTransport } from '@/lib/runs/service-client';
import { RunSync, type SyncStatus } from '@/lib/runs/sync';
import { recall, serviceInfo, TOKEN_KEY } from './service';
import { browserStorage, runStore } from './use-runs';

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
