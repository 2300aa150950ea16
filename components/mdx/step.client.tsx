'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { EVENT_LIMITS } from '@/lib/runs/events';
import { fillInputs, repeatId } from '@/lib/runs/outline';
import { stepStatus, type StepStatus } from '@/lib/runs/selectors';
import { formatTime } from '@/lib/runs/time';
import { useChecklist, type ChecklistValue } from '../checklist/checklist.client';
import { ReportStepProblem } from '../report/report-problem.client';
import { useBooted } from '../use-booted';
import { CopyStepLink } from './step-link.client';
import { useRepeat } from './repeat.client';

/** A step as this copy of it shows: its id and text, with a Repeat's value and the run's inputs filled in. */
function useStep(id: string, text: string): { id: string; text: string; alias: string | null; checklist: ChecklistValue } {
  const checklist = useChecklist();
  const repeat = useRepeat();
  const instanceId = repeat ? repeatId(id, repeat.value) : id;
  const instance = checklist.steps.find((step) => step.id === instanceId);
  const { outline, state } = checklist;
  // An input with no value yet reads as its label, as the placeholder on the page does.
  const filled = (instance?.text ?? fillInputs(text, state.inputs, repeat ?? undefined).text).replace(
    /\{([a-z][a-zA-Z0-9]*)\}/g,
    (placeholder, name: string) => {
      const input = outline.inputs.find((candidate) => candidate.name === name);
      return input ? `‹${input.label}›` : placeholder;
    },
  );
  return {
    id: instanceId,
    // Each copy of a repeated step needs a name of its own, for screen readers and for the record.
    text: repeat && !filled.includes(repeat.value) ? `${filled} (${repeat.value})` : filled,
    alias: repeat?.index === 0 ? id : null,
    checklist,
  };
}

/** One step: its checkbox, its instruction, and what a run records about it. */
export function StepRow({ id: baseId, text: baseText, children }: { id: string; text: string; children: ReactNode }) {
  const { id, text, alias, checklist } = useStep(baseId, baseText);
  const status = stepStatus(checklist.state, checklist.steps, id);
  return (
    <>
    {alias && <span id={alias} className="block scroll-mt-24" />}
    <div
      id={id}
      data-step=""
      className="-mx-2 flex scroll-mt-24 items-start gap-3 rounded-md px-2 py-1 target:bg-amber-100 target:ring-2 target:ring-amber-500 has-[>input:checked]:text-zinc-600 dark:target:bg-amber-950 dark:has-[>input:checked]:text-zinc-400"
    >
      <StepCheckbox id={id} text={text} status={status} checklist={checklist} />
      <div className="min-w-0 flex-1 [&>p]:my-1 [&>p:first-child]:mt-0.5">
        {children}
        <StepSkip id={id} text={text} status={status} checklist={checklist} />
        <StepNotes id={id} text={text} checklist={checklist} />
      </div>
      <StepTime status={status} />
      <CopyStepLink id={id} text={text} />
      <ReportStepProblem id={id} text={text} />
    </div>
    </>
  );
}

interface PartProps {
  id: string;
  text: string;
  status: StepStatus;
  checklist: ChecklistValue;
}

/**
 * The step's checkbox. A step with sub-steps is as done as they are: ticking it
 * ticks its open sub-steps, unticking it unticks them.
 */
function StepCheckbox({ id, text, status, checklist }: PartProps) {
  const { steps, state, record, readOnly } = checklist;
  // Before the page has booted a tick could not be saved, so none can be made.
  const booted = useBooted();
  const toggle = (done: boolean) => {
    const children = steps.filter((step) => step.parentId === id);
    if (children.length === 0) {
      record({ type: done ? 'tick' : 'untick', step: id });
      return;
    }
    const targets = children.filter((step) => {
      const child = stepStatus(state, steps, step.id).status;
      return done ? child === 'open' : child === 'done';
    });
    record(...targets.map((step) => ({ type: done ? ('tick' as const) : ('untick' as const), step: step.id })));
  };
  return (
    <input
      type="checkbox"
      aria-label={text}
      checked={status.status === 'done'}
      disabled={!booted || readOnly}
      onChange={(event) => toggle(event.target.checked)}
      className="mt-1 size-5 shrink-0 cursor-pointer accent-emerald-700 disabled:cursor-default dark:accent-emerald-400"
    />
  );
}

/** When the step was ticked, shown discreetly. Renders nothing until the browser's state is read. */
function StepTime({ status }: { status: StepStatus }) {
  if (status.status !== 'done' || !status.at) return null;
  const date = new Date(status.at);
  const sameDay = date.toDateString() === new Date().toDateString();
  return (
    <time
      dateTime={status.at}
      title={`Ticked ${formatTime(status.at)}${status.by ? ` by ${status.by}` : ''}`}
      className="shrink-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
    >
      {sameDay ? '' : `${date.toLocaleDateString()} `}
      {formatTime(status.at).slice(11, 16)}
    </time>
  );
}

/** In a run, a step can be skipped on purpose, with the reason recorded. */
function StepSkip({ id, text, status, checklist }: PartProps) {
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
      <p className="mt-1 text-sm">
        <span className="font-medium">Skipped</span>: {status.reason}
        {status.by && <span className="text-zinc-600 dark:text-zinc-400"> ({status.by})</span>}{' '}
        {!readOnly && steps.every((step) => step.parentId !== id) && (
          <button type="button" className="link print:hidden" onClick={() => record({ type: 'unskip', step: id })} aria-label={`Undo skip of step: ${text}`}>
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
        className="mt-1 mr-3 text-sm text-zinc-600 underline print:hidden dark:text-zinc-400"
        onClick={() => setAsking(true)}
        aria-label={`Skip step: ${text}`}
      >
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
      }}
      onCancel={close}
    />
  );
}

/** Notes an admin attached to the step in a run: what they saw, the output, who they called. */
function StepNotes({ id, text, checklist }: Omit<PartProps, 'status'>) {
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
        <ul aria-label={`Notes on step: ${text}`} className="mt-1 space-y-1 text-sm">
          {notes.map((note) => (
            <li key={note.id} className="rounded border-l-4 border-sky-600 bg-sky-50 px-2 py-1 whitespace-pre-wrap dark:border-sky-400 dark:bg-sky-950">
              <span className="text-zinc-600 dark:text-zinc-400">
                {formatTime(note.at).slice(11, 16)}
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
            className="mt-1 text-sm text-zinc-600 underline print:hidden dark:text-zinc-400"
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
