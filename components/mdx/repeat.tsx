import type { ReactNode } from 'react';

export interface RepeatProps {
  /** The list input whose values the steps inside are repeated for. */
  for: string;
  children: ReactNode;
}

/** Steps done once for each value of a list input: shown once until the page can repeat them. */
export function Repeat({ children }: RepeatProps) {
  return <>{children}</>;
}
