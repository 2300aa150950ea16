import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from './html-files';
import { startupScripts } from './startup-scripts';

/**
 * Chromium's per-file compile hint (https://github.com/WICG/explicit-javascript-compile-hints-file-based):
 * a script that starts with this comment is compiled whole on the thread that streams it in, instead
 * of function by function on the main thread as the code first runs. Next's startup chunks run almost
 * all of their functions at load, so lazy compilation there is pure main-thread time: on a phone, the
 * bulk of the long task that boots and hydrates the page. Other browsers ignore the comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of every script some page loads at startup; chunks loaded later
 * (search, for one) stay lazy, so nothing compiles that a page may never run. Returns the hinted scripts.
 */
export function addCompileHints(outDir: string): string[] {
  const scripts = new Set(htmlFiles(outDir).flatMap((file) => startupScripts(readFileSync(path.join(outDir, file), 'utf8'))));
  for (const script of scripts) {
    const file = path.join(outDir, script);
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith(COMPILE_HINT)) writeFileSync(file, COMPILE_HINT + code);
  }
  return [...scripts].sort();
}
