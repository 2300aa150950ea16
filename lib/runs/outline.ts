/**
 * A procedure as a run sees it, and the checkboxes it becomes once the run's
 * inputs are known: placeholders filled, repeated steps copied once per value,
 * numbered as the page numbers them.
 */
import { EVENT_LIMITS } from './events';

/** A value an admin types once per run. */
export interface RunInput {
  /** Identifier, `/^[a-z][a-zA-Z0-9]*$/`, written `{name}` in step text. */
  name: string;
  /** What the form calls it: "AD connectors". */
  label: string;
  /** Where to find the value: "As listed in Synchronization Service Manager, Connectors tab". */
  hint?: string;
  /** A list of values, which a `<Repeat for="…">` can iterate. */
  list: boolean;
}

export interface OutlineStep {
  id: string;
  /** Plain text, with `{name}` placeholders kept literally. */
  text: string;
  parentId: string | null;
  /** Its number as the page shows it ("3.", "3.1."), from the content pipeline; without it, counted by section. */
  number?: string;
  ranges: string[];
  /** The id of the section (## or ### heading) the step is in; null before any. */
  section: string | null;
  /** The list input's name when the step is inside `<Repeat for="…">`. */
  repeatFor: string | null;
}

export interface Outline {
  slug: string;
  title: string;
  revision: string;
  inputs: RunInput[];
  /** In page order. */
  steps: OutlineStep[];
  /** The h2 sections in page order. */
  sections: { id: string; title: string }[];
}

export type InputValues = Record<string, string | string[]>;

/** One checkbox on the page: a step, or one copy of a repeated step for one value. */
export interface StepInstance {
  /** The base id, or `repeatId(baseId, value)` for a copy. */
  id: string;
  baseId: string;
  /** The repeat value, for a copy. */
  value: string | null;
  /** Filled with `fillInputs`, the repeat value under the Repeat's list name. */
  text: string;
  /** The instance id of the parent. */
  parentId: string | null;
  ranges: string[];
  section: string | null;
  /** "3.", "3.1." as the page shows it: restarts in each section; copies of a repeated step share it. */
  number: string;
}

const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)\}/g;

/**
 * The id of a repeated step's copy for one value: `${baseId}--${slug}`, where
 * the slug is the value in lower case with each run of characters outside
 * [a-z0-9.] made one "-". It uses only characters that need no escaping in an
 * HTML id or a URL fragment, and depends on nothing but its arguments, so
 * marks survive a reload, a share link and a reordered list.
 */
export function repeatId(baseId: string, value: string): string {
  const slug = valueSlug(value);
  // A step id in an event is at most EVENT_LIMITS.step characters; a long value keeps its start and a hash of the whole.
  const room = EVENT_LIMITS.step - baseId.length - 2;
  if (slug.length <= room) return `${baseId}--${slug}`;
  const hash = hashOf(value);
  return `${baseId}--${slug.slice(0, Math.max(0, room - hash.length - 1)).replace(/-+$/, '')}-${hash}`;
}

/** The value's slug; a value with no letter or digit to keep (such as "日本") gets a stable hash instead. */
function valueSlug(value: string): string {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `x${hashOf(value)}` : slug;
}

/** FNV-1a over the UTF-16 code units: short, stable, the same in every browser. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The values given for an input, trimmed, without blanks: a single text is a list of one. */
export function inputValues(values: InputValues, name: string): string[] {
  if (!Object.hasOwn(values, name)) return [];
  const value = values[name];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Fills `{name}` placeholders: a list joins with ", ". Inside a Repeat, the
 * list's own name means the current value. An unknown or empty input stays
 * `{name}` and is named, once, in `missing`.
 */
export function fillInputs(
  text: string,
  values: InputValues,
  repeat?: { name: string; value: string },
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = repeat && repeat.name === name ? repeat.value.trim() : inputValues(values, name).join(', ');
    if (value !== '') return value;
    if (!missing.includes(name)) missing.push(name);
    return placeholder;
  });
  return { text: filled, missing };
}

/** A step's name as the page gives it: a placeholder still to fill reads as its input's label, "‹AD connectors›". */
export function labelPlaceholders(text: string, inputs: readonly RunInput[]): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const input = inputs.find((candidate) => candidate.name === name);
    return input ? `‹${input.label}›` : placeholder;
  });
}

/**
 * The checkboxes of a run, in page order. A step inside a Repeat with at least
 * one value becomes one copy per value; the steps of one Repeat (siblings in
 * a row, with their sub-steps) are copied together, all of them for the first
 * value, then all for the next, as an admin works through them. A sub-step of
 * a repeated step is repeated with it. Values that give the same id count once.
 */
export function expandSteps(outline: Outline, values: InputValues): StepInstance[] {
  const steps = outline.steps;
  const numbers = numberSteps(steps);
  // The outermost Repeat decides: a Repeat nested in another is not iterated on its own.
  const repeatOf = new Map<string, string | null>();
  for (const step of steps) {
    const parentRepeat = step.parentId === null ? null : (repeatOf.get(step.parentId) ?? null);
    repeatOf.set(step.id, parentRepeat ?? step.repeatFor);
  }

  const instance = (step: OutlineStep, copy: { name: string; value: string; ids: Set<string> } | null): StepInstance => {
    const parentId = step.parentId !== null && copy?.ids.has(step.parentId) ? repeatId(step.parentId, copy.value) : step.parentId;
    return {
      id: copy ? repeatId(step.id, copy.value) : step.id,
      baseId: step.id,
      value: copy ? copy.value : null,
      text: fillInputs(step.text, values, copy ?? undefined).text,
      parentId,
      ranges: step.ranges,
      section: step.section,
      number: step.number ?? numbers.get(step.id) ?? '',
    };
  };

  const expanded: StepInstance[] = [];
  let index = 0;
  while (index < steps.length) {
    const first = steps[index]!;
    const name = repeatOf.get(first.id) ?? null;
    const list = name === null ? [] : repeatValues(values, name);
    if (name === null || list.length === 0) {
      expanded.push(instance(first, null));
      index++;
      continue;
    }
    const block = [first];
    const ids = new Set([first.id]);
    for (index++; index < steps.length; index++) {
      const step = steps[index]!;
      const sibling = step.parentId === first.parentId && step.section === first.section && repeatOf.get(step.id) === name;
      const descendant = step.parentId !== null && ids.has(step.parentId);
      if (!sibling && !descendant) break;
      block.push(step);
      ids.add(step.id);
    }
    for (const value of list) for (const step of block) expanded.push(instance(step, { name, value, ids }));
  }
  return expanded;
}

/** The values a Repeat makes copies for: the input's values, less any that would give a copy the same id. */
export function repeatValues(values: InputValues, name: string): string[] {
  return distinctValues(inputValues(values, name));
}

function distinctValues(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((value) => {
    const slug = valueSlug(value);
    if (seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

/** "1.", "2.", "2.1." as the page numbers steps: top-level steps restart in each section. */
function numberSteps(steps: readonly OutlineStep[]): Map<string, string> {
  const numbers = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const step of steps) {
    const key = step.parentId === null ? `section:${step.section ?? ''}` : `parent:${step.parentId}`;
    const count = (counters.get(key) ?? 0) + 1;
    counters.set(key, count);
    const prefix = step.parentId === null ? '' : (numbers.get(step.parentId) ?? '');
    numbers.set(step.id, `${prefix}${count}.`);
  }
  return numbers;
}
