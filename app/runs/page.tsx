import type { Metadata } from 'next';
import { RunsTable } from '@/components/runs/runs-table.client';
import { SharedRuns } from '@/components/runs/shared-runs.client';

export const metadata: Metadata = { title: 'Runs', description: 'Every procedure run for a ticket in this browser.' };

export default function RunsPage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Runs</h1>
      <p className="mb-4">
        Each run is one procedure worked for one ticket. The runs below are kept in this browser; when this site is served by the run
        service, the runs everyone shares are listed after them.
      </p>
      <RunsTable />
      <SharedRuns />
    </>
  );
}
