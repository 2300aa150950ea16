'use client';

import { useEffect, useRef, useState } from 'react';
import { nextOpenStep } from '@/lib/runs/selectors';
import { runStore } from '../runs/use-runs';
import { useChecklist } from './checklist.client';

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

/** "3 of 11 steps done", announced to screen readers as it changes, with a reset that asks first. */
export function ChecklistProgress() {
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
    <div ref={bar} data-sticky-bar="" className="sticky top-0 z-10 -mx-4 border-b border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur print:static dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p ref={status} tabIndex={-1} role="status" className="font-medium">
          {done} of {total} steps done{skipped > 0 ? `, ${skipped} skipped` : ''}
          {ticket && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · run {ticket}</span>}
          {state.finishedAt && <span className="font-normal text-zinc-600 dark:text-zinc-400"> · finished</span>}
        </p>
        <div aria-hidden="true" className="h-2 min-w-24 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 print:hidden">
          {/* No style in the server's HTML, which the Content Security Policy would refuse: the server always renders 0%. */}
          <div className="h-full w-0 bg-emerald-600 transition-[width] dark:bg-emerald-400" style={percent > 0 ? { width: `${percent}%` } : undefined} />
        </div>
        {next && (
          <button type="button" className="button print:hidden" onClick={() => goTo(next.id)}>
            Next open step
          </button>
        )}
        {!confirming && !readOnly && (
          <button ref={resetButton} type="button" className="button print:hidden" disabled={marks.length === 0} onClick={() => setConfirming(true)}>
            Reset checklist
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
