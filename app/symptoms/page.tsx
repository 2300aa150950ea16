import type { Metadata } from 'next';
import { InternalLink } from '@/components/internal-link.client';
import { SymptomMessage } from '@/components/symptoms';
import { getProcedures } from '@/lib/content';
import { procedureUrl } from '@/lib/links';
import { placeLabel, symptomLabel } from '@/lib/symptom';

export const metadata: Metadata = {
  title: 'Symptoms',
  description: 'Every known error, event ID and message, with the procedure that fixes it.',
};

const KIND = { event: 'Event', 'error-code': 'Error code', message: 'Message' } as const;

export default async function SymptomsPage() {
  const rows = (await getProcedures())
    .flatMap((procedure) => procedure.symptoms.map((symptom) => ({ procedure, symptom })))
    .sort((a, b) => symptomLabel(a.symptom).localeCompare(symptomLabel(b.symptom), 'en', { numeric: true }));
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Symptoms</h1>
      <p className="mb-4">Every error, event ID and message the procedures fix. Parts shown like <var className="rounded bg-zinc-200 px-1 not-italic dark:bg-zinc-800">this</var> differ on each site.</p>
      <div role="region" aria-label="Symptoms table" tabIndex={0} className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-zinc-400">
              <th scope="col" className="p-2">Kind</th>
              <th scope="col" className="p-2">ID or code</th>
              <th scope="col" className="p-2">Where</th>
              <th scope="col" className="p-2">Message</th>
              <th scope="col" className="p-2">Procedure</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ procedure, symptom }, index) => (
              <tr key={index} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                <td className="p-2">{KIND[symptom.kind]}</td>
                <td className="p-2 font-mono whitespace-nowrap">{symptom.code ?? '—'}</td>
                <td className="p-2">{placeLabel(symptom)}</td>
                <td className="min-w-64 p-2 font-mono">{symptom.message ? <SymptomMessage message={symptom.message} /> : '—'}</td>
                <td className="p-2">
                  <InternalLink href={procedureUrl(procedure.slug)} className="link">
                    {procedure.title}
                  </InternalLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
