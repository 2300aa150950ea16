import type { ReactNode } from 'react';
import { ReportStepProblem } from '../report/report-problem.client';
import { CopyStepLink } from './step-link.client';
import { StepCheckbox, StepSkip, StepTime } from './step.client';

export interface StepProps {
  /** The step's stable id: its anchor in links and its key in saved state. */
  id: string;
  /** The instruction as plain text: the checkbox's accessible name. */
  text: string;
  children: ReactNode;
}

export function Step({ id, text, children }: StepProps) {
  return (
    <div
      id={id}
      data-step=""
      className="-mx-2 flex scroll-mt-24 items-start gap-3 rounded-md px-2 py-1 target:bg-amber-100 target:ring-2 target:ring-amber-500 has-[>input:checked]:text-zinc-600 dark:target:bg-amber-950 dark:has-[>input:checked]:text-zinc-400"
    >
      <StepCheckbox id={id} text={text} />
      <div className="min-w-0 flex-1 [&>p]:my-1 [&>p:first-child]:mt-0.5">
        {children}
        <StepSkip id={id} text={text} />
      </div>
      <StepTime id={id} />
      <CopyStepLink id={id} text={text} />
      <ReportStepProblem id={id} text={text} />
    </div>
  );
}
