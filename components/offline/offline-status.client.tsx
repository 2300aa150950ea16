'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { isOnDemandFile } from '@/lib/offline/cache-plan';
import { reloadToUpdate, useOffline } from './use-offline';

const savedOn = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A line under the header that says when the page is the saved copy (offline) and when a new
 * version of the procedures is waiting. It never reloads the page itself: someone in the middle of
 * a procedure decides when.
 */
export function OfflineStatus() {
  const { online, copy, waiting } = useOffline();
  const pathname = usePathname();
  // On a site too big to save whole, a page someone opens is kept: fetched once through the worker.
  const keepThisPage = online && copy !== null && copy.onDemandPages > 0 && isOnDemandFile(pathname);
  useEffect(() => {
    if (keepThisPage) void fetch(pathname).catch(() => {});
  }, [keepThisPage, pathname]);
  const offline = !online && copy !== null;
  if (!offline && !waiting) return null;
  return (
    <div className="mx-auto w-full max-w-5xl px-4 print:hidden">
      <div role="status" className="text-sm">
        {offline && (
          <p className="mt-2 inline-block rounded-md bg-zinc-100 px-2 py-1 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">
            Offline: showing the copy saved on {savedOn(copy.savedAt)}
          </p>
        )}
        {waiting && (
          <p className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-sky-700 px-3 py-2 dark:border-sky-400">
            <span>Procedures were updated: reload to see the new version</span>
            <button type="button" className="button" onClick={() => reloadToUpdate(waiting)}>
              Reload
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
