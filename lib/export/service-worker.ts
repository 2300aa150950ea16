import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getManifest } from '@serwist/build';
import { buildSync } from 'esbuild';
import { OFFLINE_PAGE_URL, ON_DEMAND_LIST_URL, planOfflineCache, type OfflineFile, type OfflinePlan } from '../offline/cache-plan';

const WORKER_SOURCE = path.join(import.meta.dirname, '../offline/worker.ts');

/** Where a file of the plan is fetched from: a page by its directory address, as links and navigations ask for it. */
export const pageAddress = (url: string) => url.replace(/\/index\.html$/, '/');

/**
 * Writes the service worker into an exported site as `sw.js`: Serwist's runtime, bundled with
 * esbuild, with the list of files to cache in the background (from Serwist's `getManifest`, which
 * hashes each file) and `offline/on-demand.json` listing the files that wait to be kept (none
 * below the budget). Runs last, after every other rewrite of the pages, so the hashes are of
 * the files as served. Throws if the offline page is missing, as the worker would then fail to
 * install.
 */
export async function buildServiceWorker(outDir: string, budget?: number): Promise<OfflinePlan> {
  let files: OfflineFile[] = [];
  const { warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: ['**/*.{html,txt,js,css,json,svg,png,ico,webmanifest}'],
    globIgnores: ['sw.js', ON_DEMAND_LIST_URL.slice(1)],
    // Next names its scripts and styles by their content: no second hash needed.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    modifyURLPrefix: { '': '/' },
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    // The only place Serwist hands out each file's size, which the budget needs.
    manifestTransforms: [
      (entries) => {
        files = entries.map((entry) => ({ url: entry.url, revision: entry.revision ?? null, size: entry.size }));
        return { manifest: entries, warnings: [] };
      },
    ],
  });
  if (warnings.length > 0) throw new Error(`Building the service worker: ${warnings.join('; ')}`);
  if (!files.some((file) => file.url === OFFLINE_PAGE_URL)) {
    throw new Error(`Building the service worker: ${OFFLINE_PAGE_URL} is not in ${outDir}; app/offline/page.tsx must be exported.`);
  }
  const plan = planOfflineCache(files, budget);
  mkdirSync(path.join(outDir, path.dirname(ON_DEMAND_LIST_URL)), { recursive: true });
  writeFileSync(path.join(outDir, ON_DEMAND_LIST_URL), JSON.stringify(plan.onDemand.map((file) => pageAddress(file.url))));
  buildSync({
    entryPoints: [WORKER_SOURCE],
    outfile: path.join(outDir, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
    define: {
      'process.env.NODE_ENV': '"production"',
      'self.__SW_MANIFEST': JSON.stringify(plan.background.map(({ url, revision }) => ({ url, revision }))),
      'self.__ON_DEMAND_PAGES': String(plan.onDemandPages),
    },
  });
  return plan;
}
