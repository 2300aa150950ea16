import type { ReactNode } from 'react';
import { StepRow } from './step.client';

export interface StepProps {
  /** The step's stable id: its anchor in links and its key in saved state. */
  id: string;
  /** The instruction as plain text, `{input}` placeholders kept: the checkbox's accessible name. */
  text: string;
  children: ReactNode;
}

export function Step({ id, text, children }: StepProps) {
  return (
    <StepRow id={id} text={text}>
      {children}
    </StepRow>
  );
}
