import type { Metadata } from 'next';
import { InternalLink } from '@/components/internal-link.client';
import { SymptomCodes } from '@/components/symptoms';
import { getProcedures } from '@/lib/content';
import { procedureUrl } from '@/lib/urls';

export const metadata: Metadata = {
  title: 'All procedures',
  description: 'Every procedure from A to Z, with its key symptoms.',
};

export default async function ProceduresPage() {
  const procedures = [...(await getProcedures())].sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">All procedures</h1>
      <p className="mb-6 text-zinc-700 dark:text-zinc-300">
        {procedures.length} {procedures.length === 1 ? 'procedure' : 'procedures'} from A to Z. To browse by subject, see the{' '}
        <InternalLink href="/topics/" className="link">
          topics
        </InternalLink>
        .
      </p>
      <ul aria-label="Procedures" className="space-y-4">
        {procedures.map((procedure) => (
          <li key={procedure.slug}>
            <InternalLink href={procedureUrl(procedure.slug)} className="link font-semibold">
              {procedure.title}
            </InternalLink>
            <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{procedure.summary}</p>
            <SymptomCodes symptoms={procedure.symptoms} />
          </li>
        ))}
      </ul>
    </>
  );
}
