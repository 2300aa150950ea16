'use client';

import { useId, useRef, useState } from 'react';
import { EVENT_LIMITS } from '@/lib/runs/events';
import { formatTime } from '@/lib/runs/time';
import { Icon } from '../icons/icon';
import type { PartProps } from './step.client';

/** In a run, a step can be skipped on purpose, with the reason recorded. */
export function StepSkip({ id, text, status, checklist }: PartProps) {
  const { mode, readOnly, record, steps } = checklist;
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (mode === 'plain') return null;
  if (status.status === 'skipped') {
    return (
      <p data-no-tick="" className="mt-1 text-sm">
        <span className="font-medium">Skipped</span>: {status.reason}
        {status.by && <span className="text-zinc-600 dark:text-zinc-400"> ({status.by})</span>}{' '}
        {!readOnly && steps.every((step) => step.parentId !== id) && (
          <button
            type="button"
            className="link print:hidden"
            onClick={() => {
              record({ type: 'unskip', step: id });
              requestAnimationFrame(() => document.getElementById(id)?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus());
            }}
            aria-label={`Undo skip of step: ${text}`}
          >
            Undo skip
          </button>
        )}
      </p>
    );
  }
  if (readOnly || status.status === 'done' || steps.some((step) => step.parentId === id)) return null;
  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className="mt-1 mr-3 inline-flex min-h-6 items-center gap-1 rounded-md text-sm text-zinc-600 hover:text-zinc-900 print:hidden dark:text-zinc-400 dark:hover:text-zinc-100"
        onClick={() => setAsking(true)}
        aria-label={`Skip step: ${text}`}
      >
        <Icon name="skip" />
        Skip…
      </button>
    );
  }
  return (
    <ShortForm
      label="Why skip it?"
      submit="Skip step"
      max={EVENT_LIMITS.reason}
      onSubmit={(reason) => {
        record({ type: 'skip', step: id, reason });
        setAsking(false);
        // The form is gone: the step itself keeps the focus, not the page.
        requestAnimationFrame(() => document.getElementById(id)?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus());
      }}
      onCancel={close}
    />
  );
}

/** Notes an admin attached to the step in a run: what they saw, the output, who they called. */
export function StepNotes({ id, text, checklist }: Omit<PartProps, 'status'>) {
  const { mode, readOnly, record, state } = checklist;
  const [writing, setWriting] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const notes = state.notes.filter((note) => note.step === id);
  if (mode === 'plain') return null;
  const close = () => {
    setWriting(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <>
      {notes.length > 0 && (
        <ul data-no-tick="" aria-label={`Notes on step: ${text}`} className="mt-1 space-y-1 text-sm">
          {notes.map((note) => (
            <li key={note.id} className="rounded border-l-4 border-sky-600 bg-sky-50 px-2 py-1 whitespace-pre-wrap dark:border-sky-400 dark:bg-sky-950">
              <span className="text-zinc-600 dark:text-zinc-400">
                {formatTime(note.at)}
                {note.by ? ` ${note.by}` : ''}:{' '}
              </span>
              {note.text}
            </li>
          ))}
        </ul>
      )}
      {!readOnly &&
        (writing ? (
          <ShortForm
            label="Note"
            submit="Add note"
            multiline
            max={EVENT_LIMITS.note}
            onSubmit={(note) => {
              record({ type: 'note', step: id, text: note });
              close();
            }}
            onCancel={close}
          />
        ) : (
          <button
            ref={opener}
            type="button"
            className="mt-1 min-h-6 text-sm text-zinc-600 underline print:hidden dark:text-zinc-400"
            onClick={() => setWriting(true)}
            aria-label={`Add a note to step: ${text}`}
          >
            Note…
          </button>
        ))}
    </>
  );
}

/** A one-field form under a step: a skip's reason, a note. */
function ShortForm({
  label,
  submit,
  max,
  multiline = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  max: number;
  multiline?: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const fieldId = useId();
  const fieldClass = 'min-w-48 flex-1 rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900';
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 text-sm print:hidden"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== '') onSubmit(text.trim());
      }}
    >
      <label htmlFor={fieldId}>{label}</label>
      {multiline ? (
        <textarea id={fieldId} required autoFocus maxLength={max} rows={2} value={text} onChange={(event) => setText(event.target.value)} className={fieldClass} />
      ) : (
        <input id={fieldId} required autoFocus maxLength={max} value={text} onChange={(event) => setText(event.target.value)} className={fieldClass} />
      )}
      <button type="submit" className="button">
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
