import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { closest } from '../fuzzy';
import type { ContentError } from './errors';
import { frontmatterSchema, type Frontmatter } from './schema';

const FENCE = /^---[ \t]*$/;

export interface SplitSource {
  frontmatter: Frontmatter | null;
  /** The MDX body, with the frontmatter lines blanked so that lines keep their numbers. */
  body: string;
  errors: ContentError[];
}

export function readFrontmatter(file: string, source: string): SplitSource {
  const lines = source.split(/\r?\n/);
  const end = FENCE.test(lines[0] ?? '') ? lines.findIndex((line, i) => i > 0 && FENCE.test(line)) : -1;
  if (end < 0) {
    return {
      frontmatter: null,
      body: source,
      errors: [
        {
          file,
          line: 1,
          message: 'the file has no frontmatter block',
          fix: 'start the file with a line "---", the fields (title, slug, summary, topic, owner, lastReviewed, …), and another "---"',
        },
      ],
    };
  }
  const body = '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
  const { value, errors } = readYaml(file, lines.slice(1, end).join('\n'), frontmatterSchema, 1);
  return { frontmatter: value, body, errors };
}

/**
 * Parses YAML and validates it with a schema. Every problem comes back with
 * the file, its line, and a fix; `linesBefore` is how many lines of the file
 * come before the YAML text.
 */
export function readYaml<Schema extends z.ZodObject>(
  file: string,
  text: string,
  schema: Schema,
  linesBefore: number,
): { value: z.infer<Schema> | null; errors: ContentError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + linesBefore;

  if (doc.errors.length > 0) {
    return {
      value: null,
      errors: doc.errors.map((error) => ({
        file,
        line: lineAt(error.pos[0]),
        message: `${linesBefore > 0 ? 'the frontmatter' : 'the file'} is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check indentation, the colon after each field name, and quote values that contain ": " or start with a special character',
      })),
    };
  }

  const raw: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (result.success) return { value: result.data, errors: [] };
  const fields = Object.keys(schema.shape);
  return {
    value: null,
    errors: result.error.issues.map((issue) => describeIssue(file, doc, raw, issue, lineAt, fields)),
  };
}

function describeIssue(
  file: string,
  doc: Document,
  raw: unknown,
  issue: $ZodIssue,
  lineAt: (offset: number) => number,
  fields: string[],
): ContentError {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const where = path.length > 0 ? path.join('.') : 'frontmatter';
  const line = lineOfPath(doc, path, lineAt);

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const suggestion = path.length === 0 ? closest(key, fields) : undefined;
    return {
      file,
      line: lineOfKey(doc, path, key, lineAt) ?? line,
      message: `unknown field "${key}"${path.length > 0 ? ` in ${where}` : ''}`,
      fix: suggestion
        ? `did you mean "${suggestion}"? Rename it, or remove it`
        : `remove it, or correct its spelling${path.length === 0 ? `; the fields are ${fields.join(', ')}` : ''}`,
    };
  }
  if (issue.code === 'invalid_type' && valueAt(raw, path) === undefined) {
    return {
      file,
      line,
      message: `missing required field "${where}"`,
      fix: `add "${String(path.at(-1))}: …" (${issue.expected})`,
    };
  }
  return {
    file,
    line,
    message: `${where}: ${issue.message}`,
    fix: fixFor(issue),
  };
}

function fixFor(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return typeof issue.params?.fix === 'string' ? issue.params.fix : 'correct the value as the message says';
    case 'invalid_type':
      return issue.expected === 'array' ? 'write it as a list, one "- value" per line' : `give it a value of type ${issue.expected}`;
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    default:
      return 'correct the value as the message says';
  }
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type Ranged = { range?: [number, number, number] | null };

/** The line of the deepest node on the path that exists in the YAML. */
function lineOfPath(doc: Document, path: PropertyKey[], lineAt: (offset: number) => number): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Ranged | undefined;
    if (node?.range) {
      // A missing field inside an object: point at the object's first line.
      return lineAt(node.range[0]);
    }
  }
  return 1;
}

function lineOfKey(doc: Document, path: PropertyKey[], key: string, lineAt: (offset: number) => number) {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = isScalar(pair?.key) ? pair.key.range : undefined;
  return range ? lineAt(range[0]) : undefined;
}
