import type { Metadata } from 'next';
import { SavedProcedures } from '@/components/offline/saved-procedures.client';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

/** What the service worker shows, offline, for a page this browser has not saved. */
export default function OfflinePage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">This page is not saved for offline use</h1>
      <p className="mb-6">
        There is no network, and this browser has no copy of this page. Search works offline, and these procedures are saved:
      </p>
      <h2 className="mb-2 text-lg font-semibold">Saved procedures</h2>
      <SavedProcedures />
    </>
  );
}
