'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { EVENT_LIMITS } from '@/lib/runs/events';
import type { RunInput } from '@/lib/runs/outline';
import { useChecklist } from '../checklist/checklist.client';

/** A list input is typed one value a line (or separated by commas). */
function parseValues(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

const asText = (value: string | string[] | undefined, list: boolean) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(list ? '\n' : ', ') : value;

/** The values a procedure asks for once per run: typed at the top, filled into steps and commands, kept in the run. */
export function RunInputs() {
  const { outline, state, readOnly } = useChecklist();
  if (outline.inputs.length === 0) return null;
  return (
    <section aria-labelledby="run-inputs" className="mt-3 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
      <h3 id="run-inputs" className="text-sm font-semibold">
        Run inputs
      </h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {outline.inputs.map((input) => (
          <InputField key={input.name} input={input} value={state.inputs[input.name]} readOnly={readOnly} />
        ))}
      </div>
    </section>
  );
}

/**
 * One run input. What is typed is saved as the field is left, on Enter (Ctrl or Cmd with Enter in a
 * list, where Enter starts a new line), and, if still pending, as the page is hidden or the field
 * goes away: ticking a step, reloading or leaving the page never loses it.
 */
function InputField({ input, value, readOnly }: { input: RunInput; value: string | string[] | undefined; readOnly: boolean }) {
  const { record } = useChecklist();
  const saved = asText(value, input.list);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const text = draft ?? saved;
  const save = () => {
    if (readOnly || draft === null) return;
    const next = input.list ? parseValues(draft) : draft.trim();
    const values = Array.isArray(next) ? next : [next];
    if (values.some((one) => one.length > EVENT_LIMITS.inputValue) || values.length > EVENT_LIMITS.inputValues) {
      setError(`Keep each value under ${EVENT_LIMITS.inputValue} characters, and at most ${EVENT_LIMITS.inputValues} values.`);
      return;
    }
    if (asText(next, input.list) !== saved) {
      try {
        record({ type: 'input', name: input.name, value: next });
      } catch {
        // The run's one parser refuses it (a control character pasted in, say): say so and keep the draft.
        setError('This value cannot be saved: use plain text, one value a line.');
        return;
      }
    }
    setError(null);
    setDraft(null);
  };
  // The page may go away without the field being left: a reload, a closed tab, a link followed by keyboard.
  const pending = useRef(save);
  useEffect(() => {
    pending.current = save;
  });
  useEffect(() => {
    const flush = () => pending.current();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);
  const common = {
    id: fieldId,
    value: text,
    readOnly,
    'aria-describedby': `${fieldId}-hint`,
    'aria-invalid': error !== null,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
    onBlur: save,
    className: 'w-full rounded-md border border-zinc-400 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-950',
  };
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={fieldId} className="text-sm font-medium">
        {input.label}
      </label>
      {input.list ? (
        <textarea
          rows={Math.max(2, text.split('\n').length)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              save();
            }
          }}
          {...common}
        />
      ) : (
        <input autoComplete="off" enterKeyHint="done" {...common} />
      )}
      <p id={`${fieldId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {input.hint ? `${input.hint}. ` : ''}
        {input.list ? 'One a line. ' : ''}
        {readOnly ? '' : 'Saved as you leave the field.'}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
