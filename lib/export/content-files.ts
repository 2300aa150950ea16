import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Procedure } from '../content/load';
import { outlineOf } from '../content/outline';
import { buildSearchIndex } from '../search/build-index';
import { outlineUrl, procedureUrl } from '../urls';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Sends the reader on at once, keeping the query (`?run=`, `?build=`) and the `#step`. It reads the
 * address from the canonical link, so that it is the same text, with the same hash in each page's
 * policy, on every moved page.
 */
const REDIRECT = 'location.replace(document.querySelector("link[rel=canonical]").getAttribute("href")+location.search+location.hash)';

/**
 * The page at an old name: plain HTML, no framework, so that it redirects before anything else
 * loads. No inline style either: the offline page reads saved pages with DOMParser, and Chromium
 * reports an inline style in them as a policy violation of the page that reads them.
 */
export function movedPage({ slug, title }: Pick<Procedure, 'slug' | 'title'>): string {
  const url = procedureUrl(slug);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Moved: ${escapeHtml(title)} · Runbooks</title>
<link rel="canonical" href="${url}">
<meta http-equiv="refresh" content="3; url=${url}">
<meta name="color-scheme" content="light dark">
</head>
<body>
<main>
<h1>This procedure has moved</h1>
<p>It is now <a href="${url}">${escapeHtml(title)}</a>. Taking you there…</p>
</main>
<script>${REDIRECT}</script>
</body>
</html>
`;
}

function write(outDir: string, address: string, text: string) {
  const file = path.join(outDir, address);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * The files of the export that are made from the procedures but are not pages of the site, written
 * after `next build`, for which each would be a page to render, with its per-page cost:
 * - a page at each old name of a procedure (`/procedures/<alias>/`), so that links pasted into
 *   tickets before a rename keep working;
 * - each procedure's outline (`/outlines/<slug>.json`), which `/runs/` counts progress by;
 * - the search index (`/search-index/`).
 *
 * Under `next dev`, which runs no post-build step, `app/outlines/[file]/route.dev.ts` and
 * `app/search-index/[file]/route.dev.ts` serve the outlines and the index from the same functions.
 * Returns the old names' pages it wrote (paths relative to `outDir`, to be finished like the
 * others) and how many outlines and index files.
 */
export function writeContentFiles(outDir: string, procedures: Procedure[]) {
  const movedPages: string[] = [];
  for (const procedure of procedures) {
    for (const alias of procedure.aliases) {
      const page = path.posix.join(procedureUrl(alias).slice(1), 'index.html');
      write(outDir, page, movedPage(procedure));
      movedPages.push(page);
    }
    write(outDir, outlineUrl(procedure.slug), JSON.stringify(outlineOf(procedure)));
  }
  const index = buildSearchIndex(procedures);
  for (const [name, json] of index) write(outDir, path.join('search-index', name), json);
  return { movedPages, outlines: procedures.length, searchIndexFiles: index.size };
}
