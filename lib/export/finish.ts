import { addPolicies } from '../security/headers';
import { addCompileHints } from './compile-hints';

/** What `next build` cannot do itself, done to its exported folder: per-page policies and compile hints. */
export function finishExport(outDir: string) {
  return { pages: addPolicies(outDir), hintedScripts: addCompileHints(outDir).length };
}
