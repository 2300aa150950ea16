import type { ReactNode } from 'react';

const STYLES = {
  Warning: 'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50',
  Note: 'border-sky-700 bg-sky-50 text-sky-950 dark:border-sky-400 dark:bg-sky-950/60 dark:text-sky-50',
} as const;

function Callout({ kind, children }: { kind: keyof typeof STYLES; children: ReactNode }) {
  return (
    <div role="note" className={`my-5 rounded-r-lg border-l-4 px-4 py-3 [&>p]:my-1 ${STYLES[kind]}`}>
      <p className="font-semibold">{kind}</p>
      {children}
    </div>
  );
}

/** Something a step can break: read before acting. */
export function Warning({ children }: { children: ReactNode }) {
  return <Callout kind="Warning">{children}</Callout>;
}

export function Note({ children }: { children: ReactNode }) {
  return <Callout kind="Note">{children}</Callout>;
}
