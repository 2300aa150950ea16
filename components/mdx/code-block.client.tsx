'use client';

import { useState } from 'react';
import { useBooted } from '../use-booted';

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const booted = useBooted();
  return (
    <button
      type="button"
      disabled={!booted}
      className="button absolute top-2 right-2 text-xs print:hidden"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied === null ? 'Copy' : copied ? 'Copied' : 'Copy failed: select the text'}
    </button>
  );
}
