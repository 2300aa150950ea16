import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatContentError } from '../content/errors';
import { bootAfterPaint } from './boot-after-paint';
import { addCompileHints } from './compile-hints';
import { parsePage, serializePage } from './html';
import { htmlFiles } from './html-files';
import { withPolicy } from './page-policy';
import { type PageProblem, pageProblems } from './page-problems';
import { startupScripts } from './startup-scripts';

/** A problem with one file of the export. */
export interface ExportProblem extends PageProblem {
  /** The page, as a path from the project root (`out/index.html`). */
  file: string;
}

/** How many problems the message lists; one broken step breaks every page the same way. */
const LISTED = 10;

/** Thrown when finishing the export left pages broken, so the build stops with what is wrong and where. */
export class ExportProblems extends Error {
  constructor(readonly problems: ExportProblem[]) {
    const listed = problems.slice(0, LISTED).map((problem) => formatContentError(problem));
    if (problems.length > LISTED) listed.push(`…and ${problems.length - LISTED} more`);
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} finishing the export:\n\n${listed.join('\n\n')}`);
    this.name = 'ExportProblems';
  }
}

/**
 * What `next build` cannot do itself, done to its exported folder: each page's startup scripts
 * moved to load after the first paint, its policy put in last (it hashes the boot loader), and
 * the compile hint put into every startup script. Every page is then read back as a browser would
 * read it and checked; throws `ExportProblems` naming each page that is left unrewritten or whose
 * policy would block its own inline code. The service worker (`buildServiceWorker`) is built after
 * this, as it hashes every file as served.
 */
export function finishExport(outDir: string) {
  const problems: ExportProblem[] = [];
  const loadedBy = new Map<string, string>();
  const files = htmlFiles(outDir);
  let bootAfterPaintPages = 0;
  for (const file of files) {
    const full = path.join(outDir, file);
    const tree = parsePage(readFileSync(full, 'utf8'));
    if (bootAfterPaint(tree)) bootAfterPaintPages++;
    withPolicy(tree);
    const html = serializePage(tree);
    writeFileSync(full, html);
    const written = parsePage(html);
    const page = path.posix.join(outDir, file);
    problems.push(...pageProblems(written).map((problem) => ({ file: page, ...problem })));
    for (const script of startupScripts(written)) if (!loadedBy.has(script)) loadedBy.set(script, page);
  }
  const { hinted, missing } = addCompileHints(outDir, loadedBy.keys());
  for (const script of missing) {
    problems.push({
      file: loadedBy.get(script)!,
      message: `the page loads ${script} at startup, which is not in the export`,
      fix: 'build again with `npm run build`, which empties out/ first',
    });
  }
  if (problems.length > 0) throw new ExportProblems(problems);
  return { pages: files.length, bootAfterPaintPages, hintedScripts: hinted.length };
}
