'use client';

import { useState } from 'react';
import { stepUrl } from '@/lib/urls';
import { useBooted } from '../use-booted';

/** Copies the link to one step, with the page's build and run, for pasting into a ticket. */
export function CopyStepLink({ id, text }: { id: string; text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const booted = useBooted();
  const copy = async () => {
    const url = stepUrl(window.location.href, id);
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      window.prompt('Copy this link to the step:', url);
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      disabled={!booted}
      aria-label={`Copy link to step: ${text}`}
      title="Copy link to this step"
      className="min-h-6 min-w-6 shrink-0 rounded px-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 print:hidden dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      {state === 'copied' ? 'Link copied' : '#'}
    </button>
  );
}
