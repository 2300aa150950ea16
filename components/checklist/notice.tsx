import type { ReactNode } from 'react';

/** Something the reader must know about this page's checklist: it still works, but not as they might assume. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="my-4 rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      {children}
    </p>
  );
}
