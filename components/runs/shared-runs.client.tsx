'use client';

import { useEffect, useState } from 'react';
import type { RunListing, RunsResponse } from '@/lib/runs/api';
import { inStartOrder } from '@/lib/runs/selectors';
import { procedureUrl } from '@/lib/urls';
import { ProgressText, RunList } from './runs-table.client';
import { serviceInfo, serviceToken } from './service';

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
          runs={runs.map((run) => ({
            id: `${run.slug}:${run.ticket}`,
            ticket: run.ticket,
            title: run.title ?? run.slug,
            href: procedureUrl(run.slug, { run: run.ticket }),
            progress: (
              <>
                {run.progress ? <ProgressText progress={run.progress} /> : 'procedure no longer on this site'}
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
