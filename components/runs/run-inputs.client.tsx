'use client';

import { useId, useState } from 'react';
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

function InputField({ input, value, readOnly }: { input: RunInput; value: string | string[] | undefined; readOnly: boolean }) {
  const { record } = useChecklist();
  const saved = asText(value, input.list);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const text = draft ?? saved;
  const save = () => {
    if (draft === null || draft === saved) return;
    const next = input.list ? parseValues(draft) : draft.trim();
    const values = Array.isArray(next) ? next : [next];
    if (values.some((one) => one.length > EVENT_LIMITS.inputValue) || values.length > EVENT_LIMITS.inputValues) {
      setError(`Keep each value under ${EVENT_LIMITS.inputValue} characters, and at most ${EVENT_LIMITS.inputValues} values.`);
      return;
    }
    setError(null);
    record({ type: 'input', name: input.name, value: next });
    setDraft(null);
  };
  const common = {
    id: fieldId,
    value: text,
    readOnly,
    'aria-describedby': `${fieldId}-hint`,
    'aria-invalid': error !== null,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
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
      {input.list ? <textarea rows={Math.max(2, text.split('\n').length)} {...common} /> : <input autoComplete="off" {...common} />}
      <p id={`${fieldId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {input.hint ? `${input.hint}. ` : ''}
        {input.list ? 'One a line.' : ''}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {!readOnly && draft !== null && draft !== saved && (
        <button type="submit" className="button self-start text-sm">
          Save {input.label}
        </button>
      )}
    </form>
  );
}
