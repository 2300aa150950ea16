'use client';

import { useEffect, useState } from 'react';
import { PROTOCOL_VERSION } from '@/lib/runs/api';
import { serviceTransport } from '@/lib/runs/service-client';
import { RunSync, type SyncStatus } from '@/lib/runs/sync';
import type { Refusal } from '@/lib/runs/sync-storage';
import { recall, serviceInfo, TOKEN_KEY } from './service';
import { browserStorage, runStore } from './use-runs';

/** Where a run is kept: in this browser only, or shared through the run service, with how that is going. */
export type RunSharing =
  | { kind: 'finding' }
  | { kind: 'local' }
  | {
      kind: 'shared';
      status: SyncStatus;
      needsToken: boolean;
      /** Changes the service refused: kept in this browser's record only. */
      refused: readonly Refusal[];
      /** Something about the sync the person should know (stored data reset, a change this page cannot read). */
      problem: string | null;
    };

/**
 * Keeps a run in step with the run service when the page is served by one:
 * what this browser's record of the run holds that the service lacks goes to
 * the service's queue, what others make comes back into the run store.
 * `attempt` starts it again (after a token is given).
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
      const needsToken = found.token && recall(TOKEN_KEY) === null;
      let problem: string | null = null;
      const show = () => {
        if (!sync) return;
        const { status, refused } = sync;
        setSharing({ kind: 'shared', status, refused, problem, needsToken: needsToken || (status.kind === 'not-saved' && found.token) });
      };
      sync = new RunSync({
        slug,
        ticket,
        transport: serviceTransport({ slug, ticket, token: recall(TOKEN_KEY) }),
        // Private mode: the queue lives as long as the page.
        storage: browserStorage() ?? memoryStorage(),
        localEvents: () => store.getRun(key).events,
        onEvents: (events) => store.merge(key, events),
        onStatus: show,
        onProblem: (message) => {
          problem = message;
          show();
        },
        // A service newer than this page may send what it cannot read, or want what it cannot send.
        outdated: found.protocol > PROTOCOL_VERSION,
      });
      const current = sync;
      unsubscribe = store.subscribe(() => current.offer());
      current.start();
      show();
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
