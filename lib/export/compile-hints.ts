import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Chromium's per-file compile hint (https://github.com/WICG/explicit-javascript-compile-hints-file-based):
 * a script that starts with this comment is compiled whole on the thread that streams it in, instead
 * of function by function on the main thread as the code first runs. Next's startup chunks run almost
 * all of their functions at load, so lazy compilation there is pure main-thread time: on a phone, the
 * bulk of the long task that boots and hydrates the page. Other browsers ignore the comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of each of `scripts` (addresses of scripts some page loads at
 * startup, from `startupScripts`), once; chunks loaded later (search, for one) stay lazy, so nothing
 * compiles that a page may never run. Returns the scripts it hinted and those not in the export.
 */
export function addCompileHints(outDir: string, scripts: Iterable<string>): { hinted: string[]; missing: string[] } {
  const hinted: string[] = [];
  const missing: string[] = [];
  for (const script of scripts) {
    const file = path.join(outDir, new URL(script, 'http://site/').pathname);
    if (!existsSync(file)) {
      missing.push(script);
      continue;
    }
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith(COMPILE_HINT)) writeFileSync(file, COMPILE_HINT + code);
    hinted.push(script);
  }
  return { hinted: hinted.sort(), missing };
}
