import { addPolicies } from '../security/headers';
import { bootAfterPaint } from './boot-after-paint';
import { addCompileHints } from './compile-hints';

/**
 * What `next build` cannot do itself, done to its exported folder: compile hints, booting after the
 * first paint and per-page policies. The policies come last, as they hash the boot loader.
 */
export function finishExport(outDir: string) {
  const hintedScripts = addCompileHints(outDir).length;
  const bootAfterPaintPages = bootAfterPaint(outDir);
  return { pages: addPolicies(outDir), hintedScripts, bootAfterPaintPages };
}
