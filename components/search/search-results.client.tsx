'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { NO_URL_STATE, procedureUrl } from '@/lib/urls';
import type { SearchAnswer, SearchResult } from '@/lib/search/engine';
import { InternalLink } from '../internal-link.client';
import { useBuild } from '../gating/use-build';
import { useUrlState } from '../use-url-state';
import { runSearch } from './load-search';
import { BuildMark, ExactBadge, Passage, UnknownCodes } from './result';

type State = { query: string; answer: SearchAnswer } | { query: string; error: string };

const symptomsTable = (
  <InternalLink href="/symptoms/" className="link">
    symptoms table
  </InternalLink>
);

/**
 * The results page's list: the query comes from ?q=, so a results page can be pasted into a ticket.
 * A code no procedure lists is said first; procedures that only share words with the query are
 * then offered as such, never as the answer.
 */
export function SearchResults() {
  const url = useUrlState();
  const query = url.query ?? '';
  const build = useBuild();
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let current = true;
    runSearch(query, { limit: 20 }).then(
      (answer) => current && setState({ query, answer }),
      (error: Error) => current && setState({ query, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [query]);

  // Server HTML and hydration have no address to read.
  if (url === NO_URL_STATE) return <p>Loading results…</p>;
  const shown = query.length > 200 ? `${query.slice(0, 200)}…` : query;
  if (query.trim() === '') {
    return <p>Type an error code, an event ID or a message into the search box above.</p>;
  }
  if (state === null || state.query !== query) return <p role="status">Searching for “{shown}”…</p>;
  if ('error' in state) {
    return (
      <p role="alert">
        Search is not available right now: {state.error} The {symptomsTable} lists every known error.
      </p>
    );
  }

  const { results, unknownCodes } = state.answer;
  const items = results.map((result) => <ResultItem key={result.doc.slug} result={result} build={build.text} />);
  if (unknownCodes.length > 0) {
    const answered = results.some((result) => result.exact.length > 0);
    return (
      <>
        <div role="status" className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 dark:border-amber-400 dark:bg-amber-950">
          <p className="font-medium break-words">
            <UnknownCodes codes={unknownCodes} />
          </p>
          <p className="mt-2">Check the code against the log entry, or look for its message in the {symptomsTable}.</p>
        </div>
        {answered ? (
          <Matches count={results.length} shown={shown}>
            {items}
          </Matches>
        ) : (
          results.length > 0 && (
            <section aria-labelledby="shared-words">
              <h2 id="shared-words" className="text-lg font-semibold">
                Procedures that share words with your search
              </h2>
              <p className="mt-1 mb-4">None of them lists the code: open one only if it fits what you see.</p>
              <ol aria-labelledby="shared-words" className="space-y-4">
                {items}
              </ol>
            </section>
          )
        )}
      </>
    );
  }
  if (results.length === 0) {
    return (
      <div role="status">
        <p className="font-medium">No procedures match “{shown}”.</p>
        <p className="mt-2">Try the event ID or error code alone, or look for the message in the {symptomsTable}.</p>
      </div>
    );
  }
  return (
    <Matches count={results.length} shown={shown}>
      {items}
    </Matches>
  );
}

/** The results that answer the query, best first. */
function Matches({ count, shown, children }: { count: number; shown: string; children: ReactNode }) {
  return (
    <>
      <p className="mb-4 break-words">
        {count} {count === 1 ? 'procedure matches' : 'procedures match'} “{shown}”, best first.
      </p>
      <ol aria-label="Search results" className="space-y-4">
        {children}
      </ol>
    </>
  );
}

function ResultItem({ result, build }: { result: SearchResult; build: string | null }) {
  return (
    <li className="card">
      <InternalLink href={procedureUrl(result.doc.slug)} className="link text-lg font-semibold">
        {result.doc.title}
      </InternalLink>
      <ExactBadge result={result} />
      <Passage result={result} />
      <BuildMark result={result} build={build} />
      {result.passage.anchor && (
        <p className="mt-1 text-sm">
          <InternalLink href={procedureUrl(result.doc.slug, { step: result.passage.anchor })} className="link">
            Go to this {result.passage.kind === 'step' ? 'step' : 'section'}
          </InternalLink>
        </p>
      )}
    </li>
  );
}
