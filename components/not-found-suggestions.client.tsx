'use client';

import { useEffect, useState } from 'react';
import { procedureSlugOf, procedureUrl } from '@/lib/urls';
import type { SearchResult } from '@/lib/search/engine';
import { InternalLink } from './internal-link.client';
import { runSearch } from './search/load-search';

/** On a 404 under /procedures/, the procedures whose words are in the address. */
export function NotFoundSuggestions() {
  const [found, setFound] = useState<{ words: string; results: SearchResult[] } | null>(null);
  useEffect(() => {
    const name = procedureSlugOf(window.location.pathname);
    if (!name) return;
    let words: string;
    try {
      words = decodeURIComponent(name).replace(/[-_.]+/g, ' ').slice(0, 200);
    } catch {
      words = name.replace(/[-_.%]+/g, ' ').slice(0, 200);
    }
    runSearch(words, { limit: 5 }).then(
      ({ results }) => setFound({ words, results }),
      () => {},
    );
  }, []);
  if (!found || found.results.length === 0) return null;
  return (
    <section aria-labelledby="suggestions" className="mb-8 rounded-md border border-sky-700 p-4 dark:border-sky-400">
      <h2 id="suggestions" className="text-lg font-semibold">
        Procedures like “{found.words}”
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {found.results.map((result) => (
          <li key={result.doc.slug}>
            <InternalLink href={procedureUrl(result.doc.slug)} className="link inline-flex min-h-6 items-center">
              {result.doc.title}
            </InternalLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
