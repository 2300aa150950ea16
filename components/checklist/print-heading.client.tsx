'use client';

import { useEffect, useState } from 'react';
import { formatTime } from '@/lib/runs/time';
import { useChecklist } from './checklist.client';

/** On paper only: which run and build the page was printed for, and when, so a printout is never mistaken for another. */
export function PrintHeading() {
  const { ticket, build } = useChecklist();
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date().toISOString());
    stamp();
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  if (printedAt === null) return null;
  return (
    <p className="mb-4 hidden border-y border-black py-1 text-sm print:block">
      {ticket ? `Run ${ticket}` : 'No run'} · {build ? `build ${build}` : 'no build given'} · printed {formatTime(printedAt)}
    </p>
  );
}
