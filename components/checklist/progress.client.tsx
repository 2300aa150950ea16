'use client';

import { useEffect, useRef, useState } from 'react';
import { nextOpenStep } from '@/lib/runs/selectors';
import { runStore } from '../runs/use-runs';
import { Icon } from '../icons/icon';
import { useChecklist } from './checklist.client';
import { OutlineMenu, type OutlineHeading } from './section-outline.client';

/** Tells the page how tall this sticky bar is, so that scrolling to a step or heading stops below it, however it wraps. */
function useStickyOffset() {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--sticky-offset', `${element.offsetHeight + 8}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-offset');
    };
  }, []);
  return bar;
}

/** Scrolls to a step, below the sticky bar, and puts the focus on its checkbox. */
function goTo(id: string) {
  const step = document.getElementById(id);
  if (!step) return;
  step.scrollIntoView({ block: 'start' });
  step.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus({ preventScroll: true });
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "3 of 11 steps done", announced to screen readers as it changes, the way on to the next open step, and a reset that asks first. */
export function ChecklistProgress({ headings }: { headings: OutlineHeading[] }) {
  const { progress, state, mode, ticket, readOnly, record, outline, steps } = useChecklist();
  const next = nextOpenStep(state, steps);
  const { done, skipped, total } = progress;
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const bar = useStickyOffset();
  const percent = total === 0 ? 0 : Math.round(((done + skipped) / total) * 100);
  const marks = Object.entries(state.marks);
  const ticks = marks.filter(([, mark]) => mark.status === 'done').length;
  const skips = marks.length - ticks;

  const reset = () => {
    // A run keeps its record and logs the unticking; the plain checklist is simply emptied.
    if (mode === 'run') record(...marks.map(([step, mark]) => ({ type: mark.status === 'done' ? ('untick' as const) : ('unskip' as const), step })));
    else runStore()?.remove({ slug: outline.slug, ticket: null });
    setConfirming(false);
    // The reset button is disabled now: the count, which says what happened, takes the focus.
    requestAnimationFrame(() => status.current?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => resetButton.current?.focus());
  };

  return (
    <div ref={bar} data-sticky-bar="" className="sticky top-0 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-2.5 backdrop-blur print:static dark:border-zinc-800 dark:bg-zinc-950/95">
      {/* The bar's lower edge fills as steps are done: a glance, without a row of its own. */}
      <div aria-hidden="true" className="absolute inset-x-0 -bottom-px h-0.5 print:hidden">
        {/* No style in the server's HTML, which the Content Security Policy would refuse: the server always renders 0%. */}
        <div className="h-full w-0 bg-emerald-600 transition-[width] dark:bg-emerald-400" style={percent > 0 ? { width: `${percent}%` } : undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p ref={status} tabIndex={-1} role="status" className="mr-auto font-medium">
          {done} of {total} steps done{skipped > 0 ? `, ${skipped} skipped` : ''}
          {ticket && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · run {ticket}</span>}
          {state.finishedAt && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · finished</span>}
        </p>
        <OutlineMenu headings={headings} />
        {next && (
          <button type="button" className="button print:hidden" onClick={() => goTo(next.id)}>
            <Icon name="next" />
            Next open step
          </button>
        )}
        {!confirming && !readOnly && (
          <button
            ref={resetButton}
            type="button"
            aria-label="Reset checklist"
            className="button print:hidden"
            disabled={marks.length === 0}
            onClick={() => setConfirming(true)}
          >
            {/* One word on a phone, so the bar's buttons share one row. */}
            Reset<span className="hidden sm:inline"> checklist</span>
          </button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label="Confirm reset" className="mt-3 flex flex-wrap items-center gap-3 print:hidden">
          <p>
            Clear {[ticks > 0 && plural(ticks, 'tick'), skips > 0 && plural(skips, 'skip')].filter(Boolean).join(' and ')}?{' '}
            {mode === 'run' ? 'The run’s history keeps them.' : 'Their times are lost.'}
          </p>
          <button type="button" className="button button-danger" autoFocus onClick={reset}>
            Untick all
          </button>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
