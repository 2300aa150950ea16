import type { ReactNode } from 'react';
import { describeRange, parseRange } from '@/lib/version';

export interface AppliesToProps {
  /** A build range such as "<=1.1.443.0"; validated when content is built. */
  range: string;
  children: ReactNode;
}

export function AppliesTo({ range, children }: AppliesToProps) {
  return (
    <section data-applies-to={range} className="my-8 border-l-4 border-amber-500 pl-4">
      <BuildBadge range={range} />
      {children}
    </section>
  );
}

export function BuildBadge({ range }: { range: string }) {
  const parsed = parseRange(range);
  return (
    <p className="my-2">
      <span className="inline-block rounded-full border border-amber-600 px-3 py-0.5 text-sm font-medium text-amber-900 dark:border-amber-400 dark:text-amber-200">
        Applies to build {parsed.ok ? describeRange(parsed.value) : range}
      </span>
    </p>
  );
}
