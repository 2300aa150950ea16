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
