'use client';

import type { SearchAnswer, SearchOptions } from '@/lib/search/engine';

let engine: Promise<typeof import('@/lib/search/browser')> | undefined;

/**
 * Runs a search, loading the search code on first use: pages ship none of it
 * until someone starts searching.
 */
export async function runSearch(query: string, options?: SearchOptions): Promise<SearchAnswer> {
  engine ??= import('@/lib/search/browser');
  try {
    return await (await engine).search(query, options);
  } catch (error) {
    engine = undefined;
    throw error;
  }
}

/** Starts loading the search code and index early, when someone is about to search. */
export function warmUpSearch(): void {
  void runSearch('').catch(() => {});
}
