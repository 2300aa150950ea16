import { addPolicies } from '../security/headers';
import { bootAfterPaint } from './boot-after-paint';
import { addCompileHints } from './compile-hints';
import { buildServiceWorker } from './service-worker';

/**
 * What `next build` cannot do itself, done to its exported folder: compile hints, booting after the
 * first paint, per-page policies and the service worker. The policies come after the boot loader,
 * as they hash it; the worker comes last, as it hashes every file as served.
 */
export async function finishExport(outDir: string) {
  const hintedScripts = addCompileHints(outDir).length;
  const bootAfterPaintPages = bootAfterPaint(outDir);
  const pages = addPolicies(outDir);
  return { pages, hintedScripts, bootAfterPaintPages, offline: await buildServiceWorker(outDir) };
}
