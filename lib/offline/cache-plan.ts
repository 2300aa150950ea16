/**
 * What the service worker keeps for offline use, decided at build time from the exported files.
 * Shared by the build step that writes the worker (`lib/export/service-worker.ts`), the worker
 * itself and the page, so all three agree on names and rules. No Node or DOM APIs here.
 */

/** One file of the export, as the worker's precache lists it. */
export interface OfflineFile {
  /** Its address on the site, from the root: `/procedures/x/index.html`. */
  url: string;
  /** A hash of its content; null for files whose name already changes with their content. */
  revision: string | null;
  /** Its size in bytes, as stored in the browser's cache. */
  size: number;
}

/**
 * Bytes the worker may download in the background after the first visit, without being asked, not
 * counting the search index. A site whose other files fit is cached whole; above it, the pages
 * that grow with the procedures (`isOnDemandFile`) wait until someone opens them or asks for all
 * of them ("Keep all procedures offline"), and the background holds the shell and the whole index.
 * 5 MiB is a handful of seconds on a poor connection and far below any browser's storage quota.
 *
 * The search index is left out of the count, and its size is printed beside the budget by the
 * build and the bench, because it is not something the budget can trade away: search is how
 * someone in an incident finds the procedure, so it must work offline whole, at any size. Counting
 * it would leave two bad choices for an admin on a poor line: a budget that quietly stops being
 * met as procedures are added (the index grows with them, about 3 KB each), or a number raised to
 * fit today's index that would let a larger site download its pages in the background too. Left
 * out, the budget stays a promise about everything else, and the index's cost is stated, not hidden.
 */
export const OFFLINE_BUDGET_BYTES = 5 * 1024 * 1024;

/**
 * The cache that holds pages kept on demand: opened by someone, or all of them on request. Named
 * for the procedures it first held; the name stays so that pages a browser already kept are found.
 */
export const KEPT_PAGES_CACHE = 'runbook-procedures';

/** The cache holding what the page reads about the saved copy (`OfflineCopy`). */
export const OFFLINE_META_CACHE = 'runbook-offline';

/** The key under which the worker saves the `OfflineCopy` it installed. */
export const OFFLINE_COPY_URL = '/offline/copy.json';

/** The message the worker sends its pages once it has saved a copy (`data.type`). */
export const COPY_SAVED = 'runbook:copy-saved';

/** The addresses of the files not cached in the background, for "Keep all procedures offline"; a page's HTML is listed by its address, which ends in `/`. */
export const ON_DEMAND_LIST_URL = '/offline/on-demand.json';

/** The page shown for an address that is not saved while offline. */
export const OFFLINE_PAGE_URL = '/offline/index.html';

/** What the page learns about the copy of the site saved in this browser. */
export interface OfflineCopy {
  /** When the worker finished saving it (ISO 8601). */
  savedAt: string;
  /** How many pages (procedures, their old names, topics, symptoms and the lists) wait to be kept on demand; 0 when the whole site was saved. */
  onDemandPages: number;
}

/**
 * The pages that grow with the number of procedures: each procedure (and old name), each topic,
 * the symptom index and the lists of procedures and topics, and each procedure's outline (what
 * `/runs/` counts progress against). Together they are most of a large site.
 */
const ON_DEMAND_FILE = /^\/(?:procedures|topics|symptoms|outlines)\//;

/** Whether an address is part of a page kept on demand above the budget (its HTML or a payload client navigation fetches). */
export function isOnDemandFile(pathname: string): boolean {
  return ON_DEMAND_FILE.test(pathname);
}

/** Whether an address is part of the search index, which is always cached whole. */
export function isSearchIndexFile(pathname: string): boolean {
  return pathname.startsWith('/search-index/');
}

/** Whether an address belongs to the run service, whose answers are live and never cached. */
export function isServiceRequest(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The files to cache in the background and those left for later, with their byte counts. */
export interface OfflinePlan {
  /** The shell and the search index, and below the budget everything else too. */
  background: OfflineFile[];
  onDemand: OfflineFile[];
  /** How many pages (each an `index.html` with its payload files) `onDemand` holds. */
  onDemandPages: number;
  /** Bytes of `background`, the search index included. */
  backgroundBytes: number;
  /** Bytes of the search index, part of `backgroundBytes` but not counted against the budget. */
  searchIndexBytes: number;
  onDemandBytes: number;
  /** Whether `background` without the search index fits the budget; false only if the shell alone is over it. */
  withinBudget: boolean;
}

const bytes = (files: OfflineFile[]) => files.reduce((sum, file) => sum + file.size, 0);

/**
 * Splits the export by the budget, which does not count the search index (see
 * `OFFLINE_BUDGET_BYTES`): everything in the background if the rest fits; otherwise the shell and
 * the search index, with every page that grows with the procedures left on demand. Search works
 * offline at any size.
 */
export function planOfflineCache(files: OfflineFile[], budget = OFFLINE_BUDGET_BYTES): OfflinePlan {
  // The run service answers /api/ live: the export's `/api/service.json` ("no service") must never answer for it.
  const everything = files.filter((file) => !isServiceRequest(file.url)).sort((a, b) => a.url.localeCompare(b.url));
  const searchIndexBytes = bytes(everything.filter((file) => isSearchIndexFile(file.url)));
  const fits = (set: OfflineFile[]) => bytes(set) - searchIndexBytes <= budget;
  const split = fits(everything)
    ? { background: everything, onDemand: [] }
    : { background: everything.filter((file) => !isOnDemandFile(file.url)), onDemand: everything.filter((file) => isOnDemandFile(file.url)) };
  return {
    ...split,
    onDemandPages: split.onDemand.filter((file) => file.url.endsWith('/index.html')).length,
    backgroundBytes: bytes(split.background),
    searchIndexBytes,
    onDemandBytes: bytes(split.onDemand),
    withinBudget: fits(split.background),
  };
}
