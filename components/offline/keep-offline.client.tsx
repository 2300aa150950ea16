'use client';

import { useState } from 'react';
import { ON_DEMAND_LIST_URL } from '@/lib/offline/cache-plan';
import { keepAll, type KeepProgress } from '@/lib/offline/saved-copy';
import { useOffline } from './use-offline';

type Keeping = { phase: 'idle' } | { phase: 'keeping' | 'done'; progress: KeepProgress } | { phase: 'error'; message: string };

async function fetchList(): Promise<string[]> {
  const response = await fetch(ON_DEMAND_LIST_URL, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`the list of procedures answered ${response.status}`);
  const list: unknown = await response.json();
  if (!Array.isArray(list) || !list.every((url) => typeof url === 'string')) throw new Error('the list of procedures is not a list of addresses');
  return list;
}

/**
 * On a site too big to save whole in the background, the button that saves every procedure in
 * this browser, with the topic and symptom pages and the lists, and its progress. Each file is
 * fetched through the service worker, which keeps it.
 */
export function KeepOffline() {
  const { online, copy } = useOffline();
  const [keeping, setKeeping] = useState<Keeping>({ phase: 'idle' });
  if (!copy || copy.onDemandPages === 0) return null;

  async function keep() {
    try {
      const urls = await fetchList();
      setKeeping({ phase: 'keeping', progress: { done: 0, failed: 0, total: urls.length } });
      const fetchOne = async (url: string) => (await fetch(url)).status === 200;
      const result = await keepAll(urls, fetchOne, (progress) => setKeeping({ phase: 'keeping', progress }));
      setKeeping({ phase: 'done', progress: result });
    } catch (error) {
      setKeeping({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const count = copy.onDemandPages.toLocaleString('en');
  return (
    <section aria-labelledby="keep-offline" className="mt-10 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800 print:hidden">
      <h2 id="keep-offline" className="font-semibold">
        Offline use
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        Search and the pages you open are saved in this browser and work with no network. {count} other pages are saved only when
        opened.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="button" className="button" disabled={!online || keeping.phase === 'keeping'} onClick={() => void keep()}>
          Keep all procedures offline
        </button>
        {(keeping.phase === 'keeping' || keeping.phase === 'done') && (
          <>
            <progress
              aria-label="Saving procedures for offline use"
              className="w-48"
              max={keeping.progress.total}
              value={keeping.progress.done + keeping.progress.failed}
            />
            <span role="status">
              {keeping.phase === 'keeping'
                ? `${Math.floor(((keeping.progress.done + keeping.progress.failed) * 100) / Math.max(keeping.progress.total, 1))}% saved`
                : keeping.progress.failed === 0
                  ? 'All procedures are saved in this browser.'
                  : `${keeping.progress.failed} of ${keeping.progress.total} files could not be saved: try again when the network is steadier.`}
            </span>
          </>
        )}
        {keeping.phase === 'error' && <span role="alert">Could not start saving: {keeping.message}.</span>}
      </div>
    </section>
  );
}
