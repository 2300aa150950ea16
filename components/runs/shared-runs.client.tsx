'use client';

import { useEffect, useState } from 'react';
import type { EventsResponse, RunListing, RunsResponse } from '@/lib/runs/api';
import type { RunEvent } from '@/lib/runs/events';
import { runApiPath } from '@/lib/runs/api';
import { expandSteps, type Outline } from '@/lib/runs/outline';
import { inStartOrder, runProgress } from '@/lib/runs/selectors';
import { foldRun } from '@/lib/runs/state';
import { procedureUrl } from '@/lib/urls';
import { RunList, useOutline } from './runs-table.client';
import { serviceInfo, serviceToken } from './service';

/** How many of the service's runs the page counts progress for: each costs a read of its events. */
const SHOWN = 50;

const authorization = (): Record<string, string> => {
  const token = serviceToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/** The runs the run service holds, for everyone: only when the page is served by it. */
export function SharedRuns() {
  const [runs, setRuns] = useState<RunListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void serviceInfo().then(async (info) => {
      if (!info.service) return;
      try {
        const response = await fetch('/api/runs', { headers: authorization(), cache: 'no-store' });
        const body = (await response.json()) as RunsResponse | { error: string };
        if (!current) return;
        if ('error' in body) setError(body.error);
        // The service lists the most recently active first; the page keeps the order of the runs in this browser.
        else setRuns(inStartOrder(body.runs, (run) => run.createdAt));
      } catch {
        if (current) setError('The run service cannot be reached just now.');
      }
    });
    return () => {
      current = false;
    };
  }, []);
  if (error) return <p role="alert" className="mt-6">Shared runs cannot be listed: {error}</p>;
  if (runs === null) return null;
  return (
    <section aria-labelledby="shared-runs" className="mt-8">
      <h2 id="shared-runs" className="mb-2 text-lg font-semibold">
        Shared runs on this server
      </h2>
      {runs.length === 0 ? (
        <p>No runs on this server yet.</p>
      ) : (
        <RunList
          label="Runs on this server"
          runs={runs.map((run, index) => ({
            id: `${run.slug}:${run.ticket}`,
            ticket: run.ticket,
            title: run.title ?? run.slug,
            href: procedureUrl(run.slug, { run: run.ticket }),
            progress: (
              <>
                {index < SHOWN ? <SharedProgress run={run} /> : `${run.ticked} ticked`}
                {run.finished ? ' · finished' : ''}
              </>
            ),
            startedAt: run.createdAt,
            updatedAt: run.updatedAt,
            people: run.people,
          }))}
        />
      )}
    </section>
  );
}

/** Reads by run and its last activity: the card and the table row of a run, both rendered, share one. */
const reads = new Map<string, Promise<RunEvent[]>>();

function readOnce(slug: string, ticket: string, updatedAt: string): Promise<RunEvent[]> {
  const key = `${slug}:${ticket}:${updatedAt}`;
  let read = reads.get(key);
  if (!read) {
    read = readAll(slug, ticket);
    reads.set(key, read);
    // A read that failed is tried again the next time the list is shown.
    read.catch(() => reads.delete(key));
  }
  return read;
}

/** Every event of a run, page after page; throws when the service will not give them. */
async function readAll(slug: string, ticket: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for (let cursor = 0; ; ) {
    const response = await fetch(`${runApiPath(slug, ticket, 'events')}?after=${cursor}`, { headers: authorization(), cache: 'no-store' });
    if (!response.ok) throw new Error(`${response.status}`);
    const page = (await response.json()) as EventsResponse;
    events.push(...page.events);
    if (!page.more) return events;
    cursor = page.cursor;
  }
}

/** Progress as the run's page counts it: its events folded against the procedure's outline. */
function SharedProgress({ run }: { run: RunListing }) {
  const outline = useOutline(run.slug);
  const [events, setEvents] = useState<RunEvent[] | null>(null);
  useEffect(() => {
    let current = true;
    void readOnce(run.slug, run.ticket, run.updatedAt).then(
      (all) => current && setEvents(all),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [run.slug, run.ticket, run.updatedAt]);
  if (events === null || outline === null) return <>…</>;
  if (outline === 'missing') return <>{run.ticked} ticked</>;
  const state = foldRun(run.slug, run.ticket, events);
  const { done, skipped, total } = runProgress(state, expandSteps(outline as Outline, state.inputs));
  return (
    <>
      {done} of {total} done{skipped > 0 ? `, ${skipped} skipped` : ''}
    </>
  );
}
