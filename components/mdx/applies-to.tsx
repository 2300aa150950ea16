import type { ReactNode } from 'react';
import { GateBadge, Gated } from './applies-to.client';

export interface AppliesToProps {
  /** A build range such as "<=1.1.443.0"; validated when content is built. */
  range: string;
  /** The heading of the gated section, set by the content pipeline. */
  title?: string;
  children: ReactNode;
}

/** A section or steps for some builds only: `<AppliesTo range="<=1.1.443.0">`. */
export function AppliesTo({ range, title, children }: AppliesToProps) {
  return (
    <Gated range={range} title={title}>
      {children}
    </Gated>
  );
}

export function BuildBadge({ range }: { range: string }) {
  return (
    <p className="my-2">
      <GateBadge range={range} />
    </p>
  );
}
