import type { OfflineCopy } from './cache-plan';

/**
 * The page's side of the saved copy: reading what the worker recorded, listing the procedures
 * saved in this browser, and keeping the rest. Works on plain values, so it runs in Node too.
 */

/** The worker's record of the saved copy, or null if it is missing or not one (an older worker, a cleared cache). */
export function parseOfflineCopy(value: unknown): OfflineCopy | null {
  if (typeof value !== 'object' || value === null) return null;
  const { savedAt, onDemandPages } = value as Record<string, unknown>;
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return null;
  if (typeof onDemandPages !== 'number' || !Number.isInteger(onDemandPages) || onDemandPages < 0) return null;
  return { savedAt, onDemandPages };
}

const PROCEDURE_PAGE = /^\/procedures\/([^/]+)\/(?:index\.html)?$/;

/** The addresses of procedure pages among cached request URLs (precached or kept), each once, in order. */
export function savedProcedurePages(requestUrls: string[]): string[] {
  const pages = new Set<string>();
  for (const url of requestUrls) {
    const slug = PROCEDURE_PAGE.exec(new URL(url, 'http://portal.invalid').pathname)?.[1];
    if (slug) pages.add(`/procedures/${slug}/`);
  }
  return [...pages].sort();
}

/** How far "Keep all procedures offline" has got. */
export interface KeepProgress {
  done: number;
  failed: number;
  total: number;
}

/**
 * Fetches every address through `fetchOne` (which the worker answers by keeping the file), a few
 * at a time, reporting progress after each. A file that fails is counted and skipped, so one bad
 * answer does not stop the rest.
 */
export async function keepAll(
  urls: string[],
  fetchOne: (url: string) => Promise<boolean>,
  onProgress: (progress: KeepProgress) => void,
  concurrency = 4,
): Promise<KeepProgress> {
  const progress: KeepProgress = { done: 0, failed: 0, total: urls.length };
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const url = urls[next++]!;
      const ok = await fetchOne(url).catch(() => false);
      if (ok) progress.done++;
      else progress.failed++;
      onProgress({ ...progress });
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return progress;
}
