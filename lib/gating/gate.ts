import { describeRange, formatBuild, parseBuild, parseRange, satisfies } from './version';

/** How a part of a procedure with a build range relates to the build the admin chose. */
export type Gate =
  | { kind: 'no-build'; range: string }
  | { kind: 'invalid-build'; range: string }
  | { kind: 'applies'; range: string; build: string }
  | { kind: 'not-needed'; range: string; build: string };

/** Decides a gate. A range is validated at build time, so one that does not parse here shows everything. */
export function gateFor(buildText: string | null, range: string): Gate {
  const parsedRange = parseRange(range);
  const described = parsedRange.ok ? describeRange(parsedRange.value) : range;
  if (buildText === null || buildText.trim() === '') return { kind: 'no-build', range: described };
  const build = parseBuild(buildText);
  if (!build.ok) return { kind: 'invalid-build', range: described };
  const text = formatBuild(build.value);
  if (!parsedRange.ok || satisfies(build.value, parsedRange.value)) return { kind: 'applies', range: described, build: text };
  return { kind: 'not-needed', range: described, build: text };
}

/** Whether something inside all these ranges is needed for the build: yes unless a valid build falls outside one. */
export function isNeeded(buildText: string | null, ranges: readonly string[]): boolean {
  return ranges.every((range) => gateFor(buildText, range).kind !== 'not-needed');
}

/** The words a badge or notice says for a gate. */
export function gateLabel(gate: Gate): string {
  switch (gate.kind) {
    case 'no-build':
    case 'invalid-build':
      return `Applies to build ${gate.range}`;
    case 'applies':
      return `Applies to your build (${gate.build})`;
    case 'not-needed':
      return `Not needed for build ${gate.build}: applies to ${gate.range}`;
  }
}

/**
 * What a step inside gated parts says on itself when a link opened the page at it: the reader came
 * straight to the step, past the notice at the top of its part. The gate that excludes the build
 * comes first; otherwise the innermost range, the narrowest.
 */
export function linkedStepLabel(buildText: string | null, ranges: readonly string[]): { text: string; needed: boolean } | null {
  if (ranges.length === 0) return null;
  const gates = ranges.map((range) => gateFor(buildText, range));
  const gate = gates.find((each) => each.kind === 'not-needed') ?? gates.at(-1)!;
  switch (gate.kind) {
    case 'not-needed':
      return { text: `Not for your build (${gate.build}): this step is for build ${gate.range} only`, needed: false };
    case 'applies':
      return { text: `This step is for build ${gate.range} only, which includes your build (${gate.build})`, needed: true };
    default:
      return { text: `This step is for build ${gate.range} only: set your build to check`, needed: true };
  }
}
