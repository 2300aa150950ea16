'use client';

import { use, useState } from 'react';
import { fillInputs } from '@/lib/runs/outline';
import { ChecklistContext } from '../checklist/checklist.client';
import { Icon } from '../icons/icon';
import { useBooted } from '../use-booted';
import { useRepeat } from './repeat.client';

/** A command with the run's inputs filled in; outside a procedure's checklist, as written. */
function useFilled(text: string): { text: string; missing: string[] } {
  const checklist = use(ChecklistContext);
  const repeat = useRepeat();
  return checklist ? fillInputs(text, checklist.state.inputs, repeat ?? undefined) : { text, missing: [] };
}

const PLACEHOLDER = /(\{[a-z][a-zA-Z0-9]*\})/;

/** The command as it will be copied: values in bold, placeholders still to fill marked. */
export function FilledCode({ text }: { text: string }) {
  const filled = useFilled(text);
  return (
    <code>
      {filled.text.split(PLACEHOLDER).map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="rounded border border-dashed border-amber-700 bg-transparent px-0.5 text-amber-900 dark:border-amber-400 dark:text-amber-200">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </code>
  );
}

export function CopyButton({ text }: { text: string }) {
  const [result, setResult] = useState<string | null>(null);
  const booted = useBooted();
  const filled = useFilled(text);
  return (
    <button
      type="button"
      disabled={!booted}
      className="button absolute top-1.5 right-1.5 text-xs print:hidden"
      onClick={() =>
        navigator.clipboard.writeText(filled.text).then(
          () => setResult(filled.missing.length === 0 ? 'Copied' : `Copied, but ${filled.missing.map((name) => `{${name}}`).join(', ')} has no value yet`),
          () => setResult('Copy failed: select the text'),
        )
      }
    >
      <Icon name={result?.startsWith('Copied') ? 'check' : 'copy'} />
      {result ?? 'Copy'}
    </button>
  );
}
