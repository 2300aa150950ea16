'use client';

import { useCopyLink } from './copy-text';
import { Icon } from './icons/icon';
import { useBooted } from './use-booted';

/** Copies the link to this procedure, with the page's build and run, for pasting into a ticket. */
export function CopyPageLink() {
  const { copied, copy } = useCopyLink('', 'this link to the procedure');
  const booted = useBooted();
  return (
    <button
      type="button"
      disabled={!booted}
      className="inline-flex min-h-6 items-center gap-1 font-medium text-sky-800 hover:underline print:hidden dark:text-sky-300"
      onClick={copy}
    >
      <Icon name={copied ? 'check' : 'link'} />
      {copied ? 'Link copied' : 'Copy link'}
    </button>
  );
}
