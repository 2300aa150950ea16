import type { Metadata } from 'next';
import { SearchResults } from '@/components/search/search-results.client';

export const metadata: Metadata = { title: 'Search results', description: 'Procedures that match an error, event ID or message.' };

export default function SearchPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight sm:text-3xl">Search results</h1>
      <SearchResults />
      <noscript>
        <p>
          Search needs JavaScript. The <a href="/symptoms/">symptoms table</a> lists every known error with its procedure.
        </p>
      </noscript>
    </>
  );
}
