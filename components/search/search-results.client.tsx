'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { procedureUrl } from '@/lib/links';
import type { SearchResult } from '@/lib/search/engine';
import { InternalLink } from '../internal-link.client';
import { useBuild } from '../build/use-build';
import { runSearch } from './load-search';
import { BuildMark, ExactBadge, Passage } from './result';

type State = { query: string; results: SearchResult[] } | { query: string; error: string };

/** The results page's list: the query comes from ?q=, so a results page can be pasted into a ticket. */
export function SearchResults() {
  const query = useSearchParams().get('q') ?? '';
  const build = useBuild();
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let current = true;
    runSearch(query, { limit: 20 }).then(
      (results) => current && setState({ query, results }),
      (error: Error) => current && setState({ query, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const shown = query.length > 200 ? `${query.slice(0, 200)}…` : query;
  if (query.trim() === '') {
    return <p>Type an error code, an event ID or a message into the search box above.</p>;
  }
  if (state === null || state.query !== query) return <p role="status">Searching for “{shown}”…</p>;
  if ('error' in state) {
    return (
      <p role="alert">
        Search is not available right now: {state.error} The <InternalLink href="/symptoms/" className="link">symptoms table</InternalLink> lists
        every known error.
      </p>
    );
  }
  if (state.results.length === 0) {
    return (
      <div role="status">
        <p className="font-medium">No procedures match “{shown}”.</p>
        <p className="mt-2">
          Try the event ID or error code alone, or look for the message in the{' '}
          <InternalLink href="/symptoms/" className="link">
            symptoms table
          </InternalLink>
          .
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="mb-4 break-words">
        {state.results.length} {state.results.length === 1 ? 'procedure matches' : 'procedures match'} “{shown}”, best first.
      </p>
      <ol aria-label="Search results" className="space-y-4">
        {state.results.map((result) => (
          <li key={result.doc.slug} className="rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
            <InternalLink href={procedureUrl(result.doc.slug)} className="link text-lg font-semibold">
              {result.doc.title}
            </InternalLink>
            <ExactBadge result={result} />
            <Passage result={result} />
            <BuildMark result={result} build={build.text} />
            {result.passage.anchor && (
              <p className="mt-1 text-sm">
                <InternalLink href={procedureUrl(result.doc.slug, { step: result.passage.anchor })} className="link">
                  Go to this {result.passage.kind === 'step' ? 'step' : 'section'}
                </InternalLink>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
