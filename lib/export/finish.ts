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
import { finishPagesApart } from './finish-apart';

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

/** What finishing one page found: whether it was rewritten, what is wrong with it, and the scripts it loads at startup. */
export interface FinishedPage {
  file: string;
  bootAfterPaint: boolean;
  problems: PageProblem[];
  scripts: string[];
}

/**
 * Finishes one page in place: its startup scripts moved to load after the first paint, then its
 * policy put in last (it hashes the boot loader). The page is then read back as a browser would
 * read it and checked.
 */
export function finishPage(outDir: string, file: string): FinishedPage {
  const full = path.join(outDir, file);
  const tree = parsePage(readFileSync(full, 'utf8'));
  const rewritten = bootAfterPaint(tree);
  withPolicy(tree);
  const html = serializePage(tree);
  writeFileSync(full, html);
  const written = parsePage(html);
  return { file, bootAfterPaint: rewritten, problems: pageProblems(written), scripts: startupScripts(written) };
}

/**
 * What `next build` cannot do itself, done to its exported folder: `finishPage` on every page, then
 * the compile hint put into every startup script. Throws `ExportProblems` naming each page that is
 * left unrewritten or whose policy would block its own inline code. The service worker
 * (`buildServiceWorker`) is built after this, as it hashes every file as served.
 */
export function finishExport(outDir: string) {
  return summarize(outDir, htmlFiles(outDir).map((file) => finishPage(outDir, file)));
}

/**
 * `finishExport` with the pages shared among up to `processes` processes, for the cores a large
 * export can use, each given at least `pagesEach` pages. Starting a process costs what finishing
 * about a hundred pages does, so a small export is finished in this one.
 *
 * `meanwhile` runs in this process while the others work (writing files is mostly waiting on the
 * disk); the pages it returns, written by it, are finished here. If it fails, the others stop.
 */
export async function finishExportApart(outDir: string, processes: number, pagesEach = 1, meanwhile: () => Promise<string[]> = async () => []) {
  const files = htmlFiles(outDir);
  const count = Math.min(processes, Math.ceil(files.length / pagesEach));
  const stop = new AbortController();
  const apart = count > 1 ? finishPagesApart(outDir, files, count, stop.signal) : null;
  // Its failure is reported once it is awaited below, or not at all when `meanwhile` fails first.
  apart?.catch(() => {});
  let more: string[];
  try {
    more = await meanwhile();
  } catch (error) {
    stop.abort();
    throw error;
  }
  // A page `meanwhile` wrote over one listed above is finished once, with the listed ones.
  const listed = new Set(files);
  const here = [...(apart ? [] : files), ...more.filter((file) => !listed.has(file))].map((file) => finishPage(outDir, file));
  return summarize(outDir, [...(apart ? await apart : []), ...here]);
}

function summarize(outDir: string, pages: FinishedPage[]) {
  const problems: ExportProblem[] = [];
  const loadedBy = new Map<string, string>();
  for (const { file, problems: found, scripts } of pages) {
    const page = path.posix.join(outDir, file);
    problems.push(...found.map((problem) => ({ file: page, ...problem })));
    for (const script of scripts) if (!loadedBy.has(script)) loadedBy.set(script, page);
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
  return { pages: pages.length, bootAfterPaintPages: pages.filter((page) => page.bootAfterPaint).length, hintedScripts: hinted.length };
}
