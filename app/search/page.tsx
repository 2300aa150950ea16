import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchResults } from '@/components/search/search-results.client';

export const metadata: Metadata = { title: 'Search results', description: 'Procedures that match an error, event ID or message.' };

export default function SearchPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Search results</h1>
      <Suspense fallback={<p>Loading results…</p>}>
        <SearchResults />
      </Suspense>
      <noscript>
        <p>
          Search needs JavaScript. The <a href="/symptoms/">symptoms table</a> lists every known error with its procedure.
        </p>
      </noscript>
    </>
  );
}
