'use client';

import { useCopyLink } from '../copy-text';
import { Icon } from '../icons/icon';
import { useBooted } from '../use-booted';

/** Copies the link to one step, with the page's build and run, for pasting into a ticket. */
export function CopyStepLink({ id, text }: { id: string; text: string }) {
  const { copied, copy } = useCopyLink(id, 'this link to the step');
  const booted = useBooted();
  return (
    <button
      type="button"
      onClick={copy}
      disabled={!booted}
      aria-label={copied ? 'Link copied' : `Copy link to step: ${text}`}
      className="relative flex min-h-6 min-w-6 shrink-0 items-center justify-center gap-1 rounded-md px-1 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 print:hidden dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <Icon name={copied ? 'check' : 'link'} />
      {/*
        The words show where they help: on a touch screen always, beside the icon; with a pointer as a
        label over the row's edge while the step is pointed at or focused, so the row never reflows.
      */}
      <span
        aria-hidden="true"
        className="absolute right-full mr-1 hidden rounded bg-white/95 px-1 whitespace-nowrap group-focus-within/step:inline group-hover/step:inline pointer-coarse:static pointer-coarse:mr-0 pointer-coarse:inline pointer-coarse:bg-transparent pointer-coarse:px-0 dark:bg-zinc-950/95"
      >
        {copied ? 'Copied' : 'Copy link'}
      </span>
    </button>
  );
}
