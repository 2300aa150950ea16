'use client';

import { useState } from 'react';

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <button
      type="button"
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
