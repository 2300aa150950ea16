import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readOrCompile } from '../lib/content/compiled';
import { ContentErrors } from '../lib/content/errors';
import { contentDir } from '../lib/content/load';
import { ExportProblems, finishExportApart } from '../lib/export/finish';
import { writeContentFiles } from '../lib/export/content-files';
import { buildServiceWorker } from '../lib/export/service-worker';
import { OFFLINE_BUDGET_BYTES } from '../lib/offline/cache-plan';
import { serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? 'out';
/** Pages a process is given at least: starting one (about 0.7 s) costs what finishing some 100 pages does. */
const PAGES_EACH = 300;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const start = performance.now();
try {
  let written!: ReturnType<typeof writeContentFiles>;
  // The files made from the procedures are written while other processes finish Next's pages.
  const { pages, bootAfterPaintPages, hintedScripts } = await finishExportApart(outDir, availableParallelism(), PAGES_EACH, async () => {
    written = writeContentFiles(outDir, await readOrCompile(contentDir()));
    return written.movedPages;
  });
  const offline = await buildServiceWorker(outDir);
  mkdirSync('headers', { recursive: true });
  writeFileSync('headers/serve.json', `${JSON.stringify(serveConfig(), null, 2)}\n`);
  console.log(
    `Wrote ${written.outlines} outlines, ${written.searchIndexFiles} search index files and ${written.movedPages.length} pages for old names; Content Security Policy put into ${pages} pages, boot after first paint into ${bootAfterPaintPages} pages, ` +
      `compile hint into ${hintedScripts} startup scripts, in ${((performance.now() - start) / 1000).toFixed(1)} s; server headers in headers/serve.json.\n` +
      `Service worker: ${offline.background.length} files (${kb(offline.backgroundBytes)}) cached in the background, ` +
      `of which the search index (${kb(offline.searchIndexBytes)}) is not counted against the ${kb(OFFLINE_BUDGET_BYTES)} budget; ` +
      (offline.onDemand.length === 0
        ? 'nothing waits to be kept on demand.'
        : `${offline.onDemandPages} pages (${offline.onDemand.length} files, ${kb(offline.onDemandBytes)}) kept when opened or on request.`),
  );
  if (!offline.withinBudget) {
    console.warn(`The shell alone (${kb(offline.backgroundBytes - offline.searchIndexBytes)}) is over the offline budget of ${kb(OFFLINE_BUDGET_BYTES)}.`);
  }
} catch (error) {
  // Content that changed since the check and no longer compiles fails as the check does: file, line and fix.
  if (!(error instanceof ExportProblems || error instanceof ContentErrors)) throw error;
  console.error(error.message);
  process.exit(1);
}
