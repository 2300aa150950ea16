'use client';

import type { SearchResult } from '@/lib/search/engine';
import { gateFor, gateLabel, isNeeded } from '@/lib/gating/gate';

const PASSAGE_KIND = { symptom: 'Symptom', heading: 'Section', step: 'Step', alias: 'Old name', name: 'Also called' } as const;

/** The passage that matched, with the matching words marked. */
export function Passage({ result }: { result: SearchResult }) {
  const { passage } = result;
  return (
    <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">
      {passage.kind !== 'heading' || passage.anchor ? (
        <span className="font-medium">{passage.label ?? PASSAGE_KIND[passage.kind]}: </span>
      ) : null}
      {passage.parts.map((part, index) =>
        part.hit ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-zinc-950 dark:bg-amber-300">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function ExactBadge({ result }: { result: SearchResult }) {
  if (result.exact.length === 0) return null;
  return (
    <span className="ml-2 inline-block rounded-full bg-emerald-700 px-2 py-0.5 text-xs font-medium text-white dark:bg-emerald-800">
      Exact symptom match: {result.exact.join(', ')}
    </span>
  );
}

const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

/** Says that no procedure lists the query's codes: "No procedure lists the code “6010”." */
export function UnknownCodes({ codes }: { codes: string[] }) {
  return <>{`No procedure lists the code${codes.length > 1 ? 's' : ''} ${LIST.format(codes.map((code) => `“${code}”`))}.`}</>;
}

/** Whether the procedure, or the part that matched, is needed for the chosen build. */
export function BuildMark({ result, build }: { result: SearchResult; build: string | null }) {
  const ranges = [result.doc.appliesTo, ...(result.passage.ranges ?? [])].filter((range): range is string => Boolean(range));
  if (ranges.length === 0 || isNeeded(build, ranges)) return null;
  const range = ranges.find((candidate) => !isNeeded(build, [candidate]))!;
  const where = result.doc.appliesTo === range ? 'This procedure' : 'The part that matched';
  return <p className="mt-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">{`${where}: ${gateLabel(gateFor(build, range))}`}</p>;
}
