'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import { isNeeded } from '@/lib/gating/gate';
import { fillInputs, labelPlaceholders, repeatId } from '@/lib/runs/outline';
import { stepStatus, type StepStatus } from '@/lib/runs/selectors';
import { formatTime } from '@/lib/runs/time';
import { useChecklist, type ChecklistValue } from '../checklist/checklist.client';
import { ReportStepProblem } from '../report/report-problem.client';
import { useBooted } from '../use-booted';
import { LinkedStepGate, useLinkedStepGate } from './linked-step-gate.client';
import { CopyStepLink } from './step-link.client';
import { useRepeat } from './repeat.client';

/** A step as this copy of it shows: its id and text, with a Repeat's value and the run's inputs filled in. */
function useStep(id: string, text: string): { id: string; text: string; alias: string | null; ranges?: string[]; checklist: ChecklistValue } {
  const checklist = useChecklist();
  const repeat = useRepeat();
  const instanceId = repeat ? repeatId(id, repeat.value) : id;
  const instance = checklist.steps.find((step) => step.id === instanceId);
  const { outline, state } = checklist;
  // An input with no value yet reads as its label, as the placeholder on the page does.
  const filled = labelPlaceholders(instance?.text ?? fillInputs(text, state.inputs, repeat ?? undefined).text, outline.inputs);
  return {
    id: instanceId,
    // Each copy of a repeated step needs a name of its own, for screen readers and for the record.
    text: repeat && !filled.includes(repeat.value) ? `${filled} (${repeat.value})` : filled,
    alias: repeat?.index === 0 ? id : null,
    ranges: instance?.ranges,
    checklist,
  };
}

/** One step: its checkbox, its instruction, and what a run records about it. */
export function StepRow({ id: baseId, text: baseText, children }: { id: string; text: string; children: ReactNode }) {
  const { id, text, alias, ranges, checklist } = useStep(baseId, baseText);
  const status = stepStatus(checklist.state, checklist.steps, id);
  // Linked to from a ticket, a step in a gated part says on itself which builds it is for.
  const gate = useLinkedStepGate({ id, alias }, ranges, checklist.build);
  return (
    <>
    {alias && <span id={alias} className="block" />}
    <div
      id={id}
      data-step=""
      className="group/step -mx-2 flex items-start gap-3 rounded-md px-2 py-1 pointer-coarse:min-h-11 pointer-coarse:py-2.5 target:bg-amber-100 target:ring-2 target:ring-amber-500 has-[>input:checked]:text-zinc-600 dark:target:bg-amber-950 dark:has-[>input:checked]:text-zinc-400"
    >
      <StepCheckbox id={id} text={text} status={status} checklist={checklist} describedBy={gate?.elementId} />
      {/* Tapping the instruction ticks the step, as tapping a list item does in a phone's checklist app. */}
      <div className="min-w-0 flex-1 [&>p]:my-1 [&>p:first-child]:mt-0.5" onClick={tickFromText}>
        {gate && <LinkedStepGate gate={gate} />}
        {children}
        <StepTime status={status} />
        {checklist.mode !== 'plain' && (
          <Suspense fallback={null}>
            <StepSkip id={id} text={text} status={status} checklist={checklist} />
            <StepNotes id={id} text={text} checklist={checklist} />
          </Suspense>
        )}
      </div>
      <CopyStepLink id={id} text={text} />
      <ReportStepProblem id={id} text={text} />
    </div>
    </>
  );
}

// Skips and notes belong to runs: the plain checklist, every procedure's first view, loads them only when a run opens.
const StepSkip = lazy(() => import('./step-run.client').then((module) => ({ default: module.StepSkip })));
const StepNotes = lazy(() => import('./step-run.client').then((module) => ({ default: module.StepNotes })));

/** A tap on the step's text, but not on a link, a control, code or a form in it, ticks or unticks it. */
function tickFromText(event: React.MouseEvent<HTMLDivElement>) {
  const target = event.target as Element;
  // A sub-step's own text is its own; a note or a skip reason is not an instruction.
  if (target.closest('[data-step]') !== event.currentTarget.parentElement) return;
  if (target.closest('a, button, input, textarea, select, label, form, pre, code, details, [data-no-tick]')) return;
  if (!window.getSelection()?.isCollapsed) return;
  event.currentTarget.parentElement?.querySelector<HTMLInputElement>(':scope > input[type=checkbox]')?.click();
}

export interface PartProps {
  id: string;
  text: string;
  status: StepStatus;
  checklist: ChecklistValue;
}

/**
 * The step's checkbox. A step with sub-steps is as done as they are: ticking it
 * ticks its open sub-steps, unticking it unticks them.
 */
function StepCheckbox({ id, text, status, checklist, describedBy }: PartProps & { describedBy?: string }) {
  const { steps, state, record, readOnly, build } = checklist;
  // Before the page has booted a tick could not be saved, so none can be made.
  const booted = useBooted();
  const toggle = (done: boolean) => {
    // The sub-steps that count: one not needed for the build is left as it is.
    const children = steps.filter((step) => step.parentId === id && isNeeded(build, step.ranges));
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
      aria-describedby={describedBy}
      checked={status.status === 'done'}
      disabled={!booted || readOnly}
      onChange={(event) => toggle(event.target.checked)}
      className="mt-0.5 size-6 shrink-0 cursor-pointer accent-emerald-700 disabled:cursor-default dark:accent-emerald-400"
    />
  );
}

/** When the step was ticked, and by whom, under its text: the same time format as the run panel and the record. */
function StepTime({ status }: { status: StepStatus }) {
  if (status.status !== 'done' || !status.at) return null;
  return (
    <p className="mt-0.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400" data-no-tick="">
      Done <time dateTime={status.at}>{formatTime(status.at)}</time>
      {status.by && ` by ${status.by}`}
    </p>
  );
}
