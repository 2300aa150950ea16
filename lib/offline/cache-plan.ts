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
 * Bytes the worker downloads in the background after the first visit, without being asked. A
 * site that fits is cached whole; above it, procedure pages wait until someone opens them or asks
 * for all of them ("Keep all procedures offline"). 5 MiB is a handful of seconds on a poor
 * connection and far below any browser's storage quota, and holds the shell, the search index and
 * a few dozen procedures.
 */
export const OFFLINE_BUDGET_BYTES = 5 * 1024 * 1024;

/** The cache that holds procedure files kept on demand: opened by someone, or all of them on request. */
export const PROCEDURE_CACHE = 'runbook-procedures';

/** The cache holding what the page reads about the saved copy (`OfflineCopy`). */
export const OFFLINE_META_CACHE = 'runbook-offline';

/** The key under which the worker saves the `OfflineCopy` it installed. */
export const OFFLINE_COPY_URL = '/offline/copy.json';

/** The message the worker sends its pages once it has saved a copy (`data.type`). */
export const COPY_SAVED = 'runbook:copy-saved';

/** The list of procedure files not cached in the background, for "Keep all procedures offline". */
export const ON_DEMAND_LIST_URL = '/offline/on-demand.json';

/** The page shown for an address that is not saved while offline. */
export const OFFLINE_PAGE_URL = '/offline/index.html';

/** What the page learns about the copy of the site saved in this browser. */
export interface OfflineCopy {
  /** When the worker finished saving it (ISO 8601). */
  savedAt: string;
  /** How many procedures (and old names) wait to be kept on demand; 0 when the whole site was saved. */
  onDemandProcedures: number;
}

const PROCEDURE_FILE = /^\/procedures\/([^/]+)\//;

/** Whether an address is part of one procedure's pages (its HTML or the payload client navigation fetches). */
export function isProcedureFile(pathname: string): boolean {
  return PROCEDURE_FILE.test(pathname);
}

/** Whether an address belongs to the run service, whose answers are live and never cached. */
export function isServiceRequest(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The files to cache in the background and those left for later, with their byte counts. */
export interface OfflinePlan {
  background: OfflineFile[];
  onDemand: OfflineFile[];
  /** How many procedure pages (each with its payload files) `onDemand` holds. */
  onDemandProcedures: number;
  backgroundBytes: number;
  onDemandBytes: number;
}

const bytes = (files: OfflineFile[]) => files.reduce((sum, file) => sum + file.size, 0);

/**
 * Splits the export by the budget: everything in the background if it fits; otherwise all but the
 * procedure pages, which include their old names. The search index and the shell are always
 * cached, so search works offline at any size.
 */
export function planOfflineCache(files: OfflineFile[], budget = OFFLINE_BUDGET_BYTES): OfflinePlan {
  const everything = [...files].sort((a, b) => a.url.localeCompare(b.url));
  const all = bytes(everything);
  if (all <= budget) return { background: everything, onDemand: [], onDemandProcedures: 0, backgroundBytes: all, onDemandBytes: 0 };
  const background = everything.filter((file) => !isProcedureFile(file.url));
  const onDemand = everything.filter((file) => isProcedureFile(file.url));
  const onDemandProcedures = new Set(onDemand.map((file) => PROCEDURE_FILE.exec(file.url)?.[1])).size;
  return { background, onDemand, onDemandProcedures, backgroundBytes: bytes(background), onDemandBytes: bytes(onDemand) };
}
