'use client';

import { useState } from 'react';
import type { Heading } from '@/lib/content/remark-procedure';
import { sectionProgress, type Progress } from '@/lib/runs/selectors';
import { Icon } from '../icons/icon';
import { useChecklist } from './checklist.client';

export type OutlineHeading = Pick<Heading, 'id' | 'text' | 'depth'>;

/** An outline is worth showing for a procedure of a few sections. */
export const showsOutline = (headings: OutlineHeading[]) => headings.length >= 3;

/** "On this page": the sections and parts, each with how far the run has got in it. */
function SectionLinks({ headings, onFollow }: { headings: OutlineHeading[]; onFollow?: () => void }) {
  const { state, steps } = useChecklist();
  const progress = sectionProgress(state, steps, headings);
  return (
    <nav aria-label="On this page">
      <ol className="space-y-0.5 text-sm">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'pl-3' : ''}>
            <a
              href={`#${heading.id}`}
              onClick={onFollow}
              className="flex min-h-8 items-center justify-between gap-3 rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              <span>{heading.text}</span>
              <Count progress={progress.get(heading.id)!} />
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Count({ progress }: { progress: Progress }) {
  const { done, skipped, total } = progress;
  if (total === 0) return null;
  const finished = done + skipped;
  return (
    <span className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      {finished === total ? <Icon name="check" className="size-4 text-emerald-700 dark:text-emerald-400" /> : <span aria-hidden="true">{`${finished}/${total}`}</span>}
      <span className="sr-only">{finished === total ? '(all steps done or skipped)' : `(${finished} of ${total} steps done or skipped)`}</span>
    </span>
  );
}

/** The outline as a column beside the steps, for wide screens. */
export function OutlineColumn({ headings }: { headings: OutlineHeading[] }) {
  if (!showsOutline(headings)) return null;
  return (
    <aside className="hidden print:hidden lg:block">
      <div className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto">
        <p className="mb-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">On this page</p>
        <SectionLinks headings={headings} />
      </div>
    </aside>
  );
}

/** The outline as a menu in the sticky bar, for narrower screens; it folds again once a section is chosen. */
export function OutlineMenu({ headings }: { headings: OutlineHeading[] }) {
  // React owns whether the menu is open, so that no later render of the bar can leave it open after a section was chosen.
  const [open, setOpen] = useState(false);
  if (!showsOutline(headings)) return null;
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="relative lg:hidden print:hidden">
      <summary className="button cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <Icon name="outline" />
        Sections
      </summary>
      <div className="absolute top-full left-0 z-20 mt-2 max-h-[60vh] w-72 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <SectionLinks headings={headings} onFollow={() => setOpen(false)} />
      </div>
    </details>
  );
}
