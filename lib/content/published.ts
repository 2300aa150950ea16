import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { procedureUrl } from '../urls';
import type { ContentError } from './errors';
import type { Procedure } from './load';

/**
 * Every procedure and step URL ever published, one a line, kept beside the
 * content and committed. A URL in it must always resolve: ticket links depend
 * on it.
 */
export const PUBLISHED_FILE = 'published-urls.txt';

/** The URLs the content publishes now: each procedure, its old names, and each of its steps. */
export function currentUrls(procedures: Procedure[]): string[] {
  return procedures.flatMap((procedure) => [
    procedureUrl(procedure.slug),
    ...procedure.aliases.map((alias) => procedureUrl(alias)),
    ...procedure.steps.map((step) => procedureUrl(procedure.slug, { step: step.id })),
  ]);
}

/** The list in a content folder, one URL a line; null when the folder keeps none. */
export function readPublished(dir: string): string[] | null {
  const file = path.join(dir, PUBLISHED_FILE);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim());
}

/** Checks that every published URL still resolves, through an alias or a pinned step id if need be. */
export function checkPublished(published: string[], procedures: Procedure[], file: string): ContentError[] {
  const byName = new Map<string, Procedure>();
  for (const procedure of procedures) {
    for (const name of [procedure.slug, ...procedure.aliases]) byName.set(name, procedure);
  }
  const errors: ContentError[] = [];
  published.forEach((url, index) => {
    if (url === '' || url.startsWith('#')) return;
    const match = /^\/procedures\/([^/#]+)\/(?:#(.+))?$/.exec(url);
    const fail = (message: string, fix: string) => errors.push({ file, line: index + 1, message: `published URL ${url} ${message}`, fix });
    if (!match) return fail('is not a procedure URL', 'remove the line; the list holds only /procedures/<slug>/ and /procedures/<slug>/#<step-id>');
    const [, name, stepId] = match;
    const procedure = byName.get(name!);
    if (!procedure) {
      return fail(
        'no longer resolves: no procedure has that slug or alias',
        `add "${name}" to the aliases of the procedure that replaced it`,
      );
    }
    if (stepId && !procedure.steps.some((step) => step.id === stepId) && !procedure.headings.some((heading) => heading.id === stepId)) {
      fail(
        `no longer resolves: ${procedure.file} has no step "${stepId}"`,
        `end the first line of the step that replaced it with [#${stepId}] to keep its old id`,
      );
    }
  });
  return errors;
}

/** The fix for URLs the content publishes that the list does not hold yet. */
export const RECORD_FIX = 'run npm run urls:record and commit the list, so that they are kept working from now on';

/**
 * Checks that every URL the content publishes now is in the list, so that a
 * new URL is recorded on purpose, by `npm run urls:record`, never as a side
 * effect of a build. A folder without a list (a scratch or benchmark folder)
 * keeps none.
 */
export function checkRecorded(published: string[] | null, procedures: Procedure[], file: string): ContentError[] {
  if (published === null) return [];
  const known = new Set(published);
  const missing = currentUrls(procedures).filter((url) => !known.has(url));
  if (missing.length === 0) return [];
  const shown = missing.slice(0, 10).join(', ');
  return [{
    file,
    message: `${missing.length} published URL${missing.length === 1 ? ' is' : 's are'} not recorded yet: ${shown}${missing.length > 10 ? ', …' : ''}`,
    fix: RECORD_FIX,
  }];
}

/** Adds the URLs the content publishes now to the folder's list, creating it if need be; never removes one. Returns how many were new. */
export function recordPublished(dir: string, procedures: Procedure[]): number {
  const published = readPublished(dir) ?? [];
  const known = new Set(published);
  const added = currentUrls(procedures).filter((url) => !known.has(url));
  if (added.length === 0) return 0;
  const lines = [...new Set([...published, ...added])].filter((line) => line !== '').sort();
  writeFileSync(path.join(dir, PUBLISHED_FILE), `${lines.join('\n')}\n`);
  return added.length;
}
