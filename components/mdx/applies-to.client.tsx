'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { gateFor, gateLabel, type Gate } from '@/lib/gating/gate';
import { readUrlState } from '@/lib/urls';
import { useGatingBuild } from '../gating/use-build';

const BADGE = {
  'no-build': 'border-amber-600 text-amber-900 dark:border-amber-400 dark:text-amber-200',
  'invalid-build': 'border-amber-600 text-amber-900 dark:border-amber-400 dark:text-amber-200',
  applies: 'border-emerald-700 text-emerald-900 dark:border-emerald-400 dark:text-emerald-200',
  'not-needed': 'border-zinc-500 text-zinc-700 dark:border-zinc-400 dark:text-zinc-300',
} as const;

function useGate(range: string): Gate {
  return gateFor(useGatingBuild(), range);
}

export function GateBadge({ range }: { range: string }) {
  const gate = useGate(range);
  return (
    <span className={`inline-block rounded-full border px-3 py-0.5 text-sm font-medium ${BADGE[gate.kind]}`}>{gateLabel(gate)}</span>
  );
}

/**
 * A part of a procedure that applies to some builds only. For a build outside
 * the range it is collapsed behind a notice that says why, and can be opened
 * on purpose.
 */
export function Gated({ range, title, children }: { range: string; title?: string; children: ReactNode }) {
  const gate = useGate(range);
  const [opened, setOpened] = useState(false);
  const contentId = useId();
  const content = useRef<HTMLDivElement>(null);
  const collapsed = gate.kind === 'not-needed' && !opened;

  // A link to a step in here opens the part, even for a build it does not apply to: someone sent it on purpose.
  useEffect(() => {
    const openForHash = () => {
      const id = readUrlState(window.location.href).hash;
      const target = id ? document.getElementById(id) : null;
      if (target && content.current?.contains(target)) {
        setOpened(true);
        requestAnimationFrame(() => target.scrollIntoView({ block: 'start' }));
      }
    };
    openForHash();
    window.addEventListener('hashchange', openForHash);
    return () => window.removeEventListener('hashchange', openForHash);
  }, []);
  return (
    <section
      data-applies-to={range}
      className={`my-8 border-l-4 pl-4 ${gate.kind === 'not-needed' ? 'border-zinc-400' : gate.kind === 'applies' ? 'border-emerald-600' : 'border-amber-500'}`}
    >
      <div className="my-2 flex flex-wrap items-center gap-3">
        {collapsed && title && <p className="font-semibold">{title}</p>}
        <GateBadge range={range} />
        {gate.kind === 'not-needed' && (
          <button type="button" className="button print:hidden" aria-expanded={!collapsed} aria-controls={contentId} onClick={() => setOpened(!opened)}>
            {collapsed ? 'Show anyway' : 'Hide again'}
          </button>
        )}
      </div>
      <div id={contentId} ref={content} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
