import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { ContentError } from './errors';
import { closest } from '../fuzzy';
import { procedureUrl } from '../urls';
import { readFrontmatter } from './frontmatter';
import { sharedOtherNames } from './names';
import { reviewDueDate } from '../review';
import { checkPublished, PUBLISHED_FILE, readPublished } from './published';
import { remarkProcedure, type Heading, type Section, type SharedStepsFile, type Step } from './remark-procedure';
import type { Frontmatter } from './schema';
import { readSettings, type Settings } from './settings';

export interface Procedure extends Frontmatter {
  /** The file, relative to the project root. */
  file: string;
  /** Every step in document order, sub-steps after their parent. */
  steps: Step[];
  headings: Heading[];
  /** The `##` and `###` sections in page order: where step numbering restarts. */
  sections: Section[];
  /** Text of the paragraphs other than step instructions, and of code blocks. */
  paragraphs: string[];
  /** The compiled MDX body: a function body for `run` from `@mdx-js/mdx`. */
  code: string;
  /** Changes whenever the procedure's content, shared steps included, changes. */
  revision: string;
  /** The last day the latest review holds, `YYYY-MM-DD`: `lastReviewed` plus `reviewEvery` or the site's default. */
  reviewDue: string;
}

export interface Content {
  procedures: Procedure[];
  errors: ContentError[];
  /** What the check reports without failing: two procedures claiming one other name. */
  warnings: ContentError[];
  settings: Settings;
}

export const SHARED_FOLDER = 'shared';
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where content lives: `content/`, or the folder `CONTENT_DIR` names. */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

/** Names every file in a content folder with its size and time of change: it changes when any file does. */
export function contentStamp(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const { size, mtimeMs } = statSync(path.join(dir, name));
      return `${name} ${size} ${mtimeMs}`;
    })
    .join('\n');
}

/**
 * Reads, validates and compiles every procedure in a folder. Never throws for
 * a content mistake: each one is returned in `errors` with file, line and fix.
 */
export async function loadContent(dir: string = contentDir()): Promise<Content> {
  const display = (file: string) => path.relative(process.cwd(), file) || file;
  const { settings, errors } = readSettings(dir, display);
  const compiled: { procedure: Procedure; source: string }[] = [];
  const links: { url: string; file: string; line: number; from: string }[] = [];
  /** Names of the files that did not load: what points at them is not judged until they do. */
  const unread = new Set<string>();

  const readShared = (name: string): SharedStepsFile | null => {
    if (!NAME.test(name)) return null;
    const file = path.join(dir, SHARED_FOLDER, `${name}.mdx`);
    return existsSync(file) ? { file: display(file), text: readFileSync(file, 'utf8') } : null;
  };

  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort() : [];
  if (files.length === 0) {
    errors.push({ file: display(dir), message: 'no procedures found', fix: 'add at least one .mdx file to the content folder' });
  }

  for (const name of files) {
    const file = display(path.join(dir, name));
    const source = readFileSync(path.join(dir, name), 'utf8');
    const { frontmatter, body, errors: frontmatterErrors } = readFrontmatter(file, source);
    errors.push(...frontmatterErrors);

    if (frontmatter && name !== `${frontmatter.slug}.mdx`) {
      errors.push({
        file,
        line: lineOf(source, 'slug:'),
        message: `the file name does not match its slug "${frontmatter.slug}"`,
        fix: `rename the file to ${frontmatter.slug}.mdx, or change the slug (and add the old one to aliases)`,
      });
    }

    let result;
    try {
      result = await compile(
        { path: path.join(dir, name), value: body },
        { outputFormat: 'function-body', remarkPlugins: [[remarkProcedure, { file, readShared, inputs: frontmatter?.inputs ?? null }]] },
      );
    } catch (error) {
      errors.push(syntaxError(file, error));
      unread.add(path.basename(name, '.mdx'));
      continue;
    }
    const tree = result.data.procedure!;
    errors.push(...tree.errors);
    // The body is checked even when the frontmatter is wrong, so that one run reports both.
    if (!frontmatter || tree.errors.length > 0) {
      unread.add(path.basename(name, '.mdx'));
      continue;
    }
    if (tree.steps.length === 0) {
      errors.push({
        file,
        message: 'the procedure has no steps',
        fix: 'write the actions as a numbered list (1. …), one action per item',
      });
      unread.add(path.basename(name, '.mdx'));
      continue;
    }
    compiled.push({
      procedure: {
        ...frontmatter,
        file,
        steps: tree.steps,
        headings: tree.headings,
        sections: tree.sections,
        paragraphs: tree.paragraphs,
        code: String(result),
        revision: createHash('sha256').update(JSON.stringify(frontmatter)).update(String(result)).digest('hex').slice(0, 10),
        reviewDue: reviewDueDate(frontmatter.lastReviewed, frontmatter.reviewEvery ?? settings.reviewEvery)!,
      },
      source,
    });
    for (const link of tree.links) links.push({ ...link, from: frontmatter.slug });
  }

  errors.push(...checkNames(compiled), ...checkReferences(compiled));
  const procedures = compiled.map(({ procedure }) => procedure).sort((a, b) => a.title.localeCompare(b.title));
  const published = readPublished(dir);
  if (published && unread.size === 0) errors.push(...checkPublished(published, procedures, display(path.join(dir, PUBLISHED_FILE))));
  return { procedures, errors, warnings: sharedOtherNames(compiled), settings };

  function checkReferences(all: { procedure: Procedure; source: string }[]): ContentError[] {
    const problems: ContentError[] = [];
    const bySlug = new Map(all.map(({ procedure }) => [procedure.slug, procedure]));
    const byAlias = new Map(all.flatMap(({ procedure }) => procedure.aliases.map((alias) => [alias, procedure] as const)));
    const slugs = [...bySlug.keys()];

    for (const { procedure, source } of all) {
      for (const related of procedure.related) {
        if (bySlug.has(related) || unread.has(related)) continue;
        const canonical = byAlias.get(related)?.slug ?? closest(related, slugs);
        problems.push({
          file: procedure.file,
          line: lineOf(source, related),
          message: `related procedure "${related}" does not exist`,
          fix: canonical ? `use "${canonical}"` : `use one of: ${slugs.join(', ')}`,
        });
      }
    }
    for (const link of links) {
      const problem = checkLink(link.url, bySlug.get(link.from)!, bySlug, byAlias, unread);
      if (problem) problems.push({ file: link.file, line: link.line, ...problem });
    }
    return problems;
  }
}

/** Slugs and aliases share one URL space: each name may point at one procedure only. */
function checkNames(all: { procedure: Procedure; source: string }[]): ContentError[] {
  const problems: ContentError[] = [];
  const owners = new Map<string, { procedure: Procedure; kind: string }>();
  for (const { procedure, source } of all) {
    const names = [
      { name: procedure.slug, kind: 'slug' },
      ...procedure.aliases.map((alias) => ({ name: alias, kind: 'alias' })),
    ];
    for (const { name, kind } of names) {
      const owner = owners.get(name);
      if (!owner) {
        owners.set(name, { procedure, kind });
        continue;
      }
      const where = owner.procedure === procedure ? 'this file' : owner.procedure.file;
      problems.push({
        file: procedure.file,
        line: kind === 'slug' ? lineOf(source, 'slug:') : lineOf(source, `- ${name}`),
        message: `the ${kind} "${name}" is already the ${owner.kind} of ${where}`,
        fix: `give each procedure its own names: change or remove this ${kind}`,
      });
    }
  }
  return problems;
}

function checkLink(
  url: string,
  from: Procedure,
  bySlug: Map<string, Procedure>,
  byAlias: Map<string, Procedure>,
  unread: Set<string>,
): { message: string; fix: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  const match = /^(?:\/procedures\/([^/#?]+)\/?)?(?:#(.*))?$/.exec(url);
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    return {
      message: `link "${url}" does not point at a procedure`,
      fix: 'link to /procedures/<slug>/ or /procedures/<slug>/#<step-id>, or to #<step-id> on this page',
    };
  }
  const [, slug, anchor] = match;
  const target = slug === undefined ? from : bySlug.get(slug);
  if (!target) {
    if (unread.has(slug!)) return null;
    const canonical = byAlias.get(slug!)?.slug ?? closest(slug!, [...bySlug.keys()]);
    return {
      message: `link "${url}" points at an unknown procedure "${slug}"`,
      fix: canonical ? `link to ${procedureUrl(canonical)}` : `use one of: ${[...bySlug.keys()].join(', ')}`,
    };
  }
  if (anchor === undefined || anchor === '') return null;
  const ids = [...target.steps.map((step) => step.id), ...target.headings.map((heading) => heading.id)];
  if (ids.includes(anchor)) return null;
  const suggestion = closest(anchor, ids);
  return {
    message: `link "${url}" points at a step or heading "${anchor}" that ${target.slug} does not have`,
    fix: suggestion ? `did you mean #${suggestion}?` : `use one of its step ids: ${target.steps.map((step) => step.id).join(', ')}`,
  };
}

interface MdxMessage {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
}

function syntaxError(file: string, error: unknown): ContentError {
  const { reason, message, line, column } = error as MdxMessage;
  return {
    file,
    line: line ?? undefined,
    message: `MDX syntax error${column ? ` at column ${column}` : ''}: ${reason ?? message ?? String(error)}`,
    fix: 'check the line for an unclosed tag, a stray "<" or "{" (write them as \\< and \\{), or a JSX attribute without quotes',
  };
}

/** The 1-based line of the first occurrence of text, for errors about frontmatter values. */
function lineOf(source: string, text: string): number | undefined {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  return index < 0 ? undefined : index + 1;
}
