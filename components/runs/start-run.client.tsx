'use client';

import { useId, useRef, useState } from 'react';
import { runProgress } from '@/lib/runs/selectors';
import { expandSteps } from '@/lib/runs/outline';
import { isTicketId, TICKET_ID_HINT } from '@/lib/runs/names';
import { formatTime } from '@/lib/runs/time';
import { procedureUrl, withBuild } from '@/lib/urls';
import { carried, startEvent, useChecklist } from '../checklist/checklist.client';
import { InternalLink } from '../internal-link.client';
import { useTypedBeforeBoot } from '../use-typed-before-boot';
import { runStore, setPersonName, usePersonName, useRunList } from './use-runs';

/** Above the plain checklist: start a run for a ticket, or open one of this procedure's runs. */
export function StartRun() {
  const { outline, state: plain, build } = useChecklist();
  const runs = useRunList().filter((run) => run.slug === outline.slug);
  const [ticket, setTicket] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [carry, setCarry] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useTypedBeforeBoot(field, setTicket);
  const savedName = usePersonName();
  const marked = Object.keys(plain.marks).length;

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    const value = ticket.trim();
    if (!isTicketId(value)) {
      setError(TICKET_ID_HINT);
      field.current?.focus();
      return;
    }
    if (name !== null) setPersonName(name);
    const store = runStore();
    const key = { slug: outline.slug, ticket: value };
    if (store && !store.getRun(key).started) {
      store.append(key, [startEvent(outline, build)]);
      // The plain checklist's ticks, skips and inputs, with their own times: the run starts where the admin already is.
      const kept = plain.events.filter((past) => ['tick', 'untick', 'skip', 'unskip', 'input', 'note'].includes(past.type));
      if (carry && kept.length > 0) store.merge(key, carried(kept));
    }
    window.location.assign(withBuild(procedureUrl(outline.slug, { run: value }), build));
  };

  return (
    <section aria-labelledby={`${inputId}-heading`} className="card my-4 print:hidden">
      <h2 id={`${inputId}-heading`} className="font-semibold">
        Work this for a ticket
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        A run keeps its own ticks, skips, notes and times, with who did them, and sums them up for the ticket.
      </p>
      {/* Before the page boots, the form itself opens the run's address. */}
      <form action={procedureUrl(outline.slug)} method="get" className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2" onSubmit={start}>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            Ticket id
          </label>
          <input
            ref={field}
            id={inputId}
            name="run"
            value={ticket}
            placeholder="INC-2041"
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(event) => {
              setTicket(event.target.value);
              setError(null);
            }}
            className="w-48 rounded-md border border-zinc-400 bg-white px-2 py-1 font-mono dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${inputId}-name`} className="text-sm font-medium">
            Your name, for the record
          </label>
          <input
            id={`${inputId}-name`}
            value={name ?? savedName ?? ''}
            maxLength={100}
            autoComplete="name"
            onChange={(event) => setName(event.target.value)}
            className="w-48 rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
        <button type="submit" className="button">
          Start run
        </button>
        {marked > 0 && (
          <label className="flex w-full items-center gap-2 text-sm">
            <input type="checkbox" checked={carry} onChange={(event) => setCarry(event.target.checked)} className="size-4" />
            Carry over the {marked === 1 ? 'step' : `${marked} steps`} already ticked or skipped here
          </label>
        )}
        {error && (
          <p id={`${inputId}-error`} role="alert" className="w-full text-sm text-red-800 dark:text-red-300">
            {error}
          </p>
        )}
      </form>
      {runs.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Runs of this procedure in this browser</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {runs.map((run) => {
              const { done, total } = runProgress(run, expandSteps(outline, run.inputs));
              return (
                <li key={run.ticket}>
                  <InternalLink href={withBuild(procedureUrl(outline.slug, { run: run.ticket }), run.build)} className="link font-mono">
                    {run.ticket}
                  </InternalLink>{' '}
                  {done} of {total} done{run.finishedAt ? ', finished' : ''}
                  {run.updatedAt && `, last activity ${formatTime(run.updatedAt)}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
