/**
 * Product builds and build ranges.
 *
 * A build is four numeric parts (`1.1.443.0`); fewer parts are padded with
 * zeros. Builds compare part by part as numbers, never as strings, so
 * `1.1.99.0 < 1.1.443.0 < 1.1.1000.0`.
 *
 * A range is one or more comparators separated by spaces, all of which must
 * hold: `<=1.1.443.0`, `>=1.1.524.0 <2.0.0.0`, `=1.1.443.0`.
 */

export type Build = readonly [number, number, number, number];

export type Operator = '<' | '<=' | '>' | '>=' | '=';

export interface Comparator {
  operator: Operator;
  build: Build;
}

export interface BuildRange {
  /** The range as the author wrote it, trimmed. */
  source: string;
  comparators: Comparator[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const BUILD_FORMAT_HINT =
  'A build is up to four whole numbers separated by dots, such as 1.1.443.0.';
export const RANGE_FORMAT_HINT =
  'A range is one or more comparators (<, <=, >, >=, =) each followed by a build, such as "<=1.1.443.0" or ">=1.1.524.0 <2.0.0.0".';

const PART = /^\d{1,9}$/;

export function parseBuild(input: string): Parsed<Build> {
  const text = input.trim();
  if (text === '') return { ok: false, error: `The build is empty. ${BUILD_FORMAT_HINT}` };
  const parts = text.split('.');
  if (parts.length > 4 || !parts.every((part) => PART.test(part))) {
    return { ok: false, error: `"${shorten(text)}" is not a build. ${BUILD_FORMAT_HINT}` };
  }
  const numbers = parts.map(Number);
  while (numbers.length < 4) numbers.push(0);
  return { ok: true, value: numbers as unknown as Build };
}

export function formatBuild(build: Build): string {
  return build.join('.');
}

/** A build as a run records it, "1.1.443" as "1.1.443.0"; null when there is none or it is not a build. */
export function recordedBuild(text: string | null): string | null {
  if (text === null) return null;
  const parsed = parseBuild(text);
  return parsed.ok ? formatBuild(parsed.value) : null;
}

export function compareBuilds(a: Build, b: Build): number {
  for (let i = 0; i < 4; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

const COMPARATOR = /^(<=|>=|<|>|=)(.+)$/;

export function parseRange(input: string): Parsed<BuildRange> {
  const source = input.trim();
  if (source === '') return { ok: false, error: `The range is empty. ${RANGE_FORMAT_HINT}` };
  const comparators: Comparator[] = [];
  for (const token of source.split(/\s+/)) {
    const match = COMPARATOR.exec(token);
    if (!match) {
      return { ok: false, error: `"${shorten(token)}" is not a comparator. ${RANGE_FORMAT_HINT}` };
    }
    const build = parseBuild(match[2]!);
    if (!build.ok) return { ok: false, error: `In "${shorten(token)}": ${build.error}` };
    comparators.push({ operator: match[1] as Operator, build: build.value });
  }
  const range = { source, comparators };
  if (!isSatisfiable(range)) {
    return { ok: false, error: `"${shorten(source)}" can never match any build: its comparators contradict each other.` };
  }
  return { ok: true, value: range };
}

export function satisfies(build: Build, range: BuildRange): boolean {
  return range.comparators.every(({ operator, build: bound }) => {
    const order = compareBuilds(build, bound);
    switch (operator) {
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '>=':
        return order >= 0;
      case '=':
        return order === 0;
    }
  });
}

/**
 * Whether any build at all satisfies the range. The tightest lower and upper
 * bounds decide it; with whole-number parts, `>a <b` is empty exactly when no
 * build lies strictly between a and b.
 */
function isSatisfiable(range: BuildRange): boolean {
  let lower: { build: Build; inclusive: boolean } = { build: [0, 0, 0, 0], inclusive: true };
  let upper: { build: Build; inclusive: boolean } | null = null;
  for (const { operator, build } of range.comparators) {
    if (operator === '>' || operator === '>=' || operator === '=') {
      const order = compareBuilds(build, lower.build);
      const inclusive = operator !== '>';
      if (order > 0 || (order === 0 && !inclusive)) lower = { build, inclusive };
    }
    if (operator === '<' || operator === '<=' || operator === '=') {
      const inclusive = operator !== '<';
      const order = upper ? compareBuilds(build, upper.build) : -1;
      if (!upper || order < 0 || (order === 0 && !inclusive)) upper = { build, inclusive };
    }
  }
  if (!upper) return true;
  const order = compareBuilds(lower.build, upper.build);
  if (order > 0) return false;
  if (order === 0) return lower.inclusive && upper.inclusive;
  if (lower.inclusive || upper.inclusive) return true;
  return compareBuilds(nextBuild(lower.build), upper.build) < 0;
}

function nextBuild([a, b, c, d]: Build): Build {
  return [a, b, c, d + 1];
}

/** Plain words for a range, as a badge says it: "1.1.443.0 or older". */
export function describeRange(range: BuildRange): string {
  return range.comparators
    .map(({ operator, build }) => {
      const text = formatBuild(build);
      switch (operator) {
        case '<':
          return `older than ${text}`;
        case '<=':
          return `${text} or older`;
        case '>':
          return `newer than ${text}`;
        case '>=':
          return `${text} or newer`;
        case '=':
          return `exactly ${text}`;
      }
    })
    .join(' and ');
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
