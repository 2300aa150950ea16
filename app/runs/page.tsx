import type { Metadata } from 'next';
import { RunsTable } from '@/components/runs/runs-table.client';

export const metadata: Metadata = { title: 'Runs', description: 'Every procedure run for a ticket in this browser.' };

export default function RunsPage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Runs in this browser</h1>
      <p className="mb-4">Each run is one procedure worked for one ticket. They are kept in this browser only: share progress from a run to hand it over.</p>
      <RunsTable />
    </>
  );
}
