import type { Metadata } from 'next';
import { InternalLink } from '@/components/internal-link.client';
import { SymptomMessage } from '@/components/symptoms';
import { getProcedures } from '@/lib/content';
import { procedureUrl } from '@/lib/urls';
import { placeLabel, symptomLabel } from '@/lib/symptom';

export const metadata: Metadata = {
  title: 'Symptoms',
  description: 'Every known error, event ID and message, with the procedure that fixes it.',
};

/*
 * One table that never scrolls sideways: on wide screens three columns with
 * the procedure first and messages that wrap; on narrow ones each row is a
 * card, its cells stacked and labelled.
 */
const cell = 'p-2 max-md:block max-md:px-0 max-md:py-1';

export default async function SymptomsPage() {
  const rows = (await getProcedures())
    .flatMap((procedure) => procedure.symptoms.map((symptom) => ({ procedure, symptom })))
    .sort((a, b) => symptomLabel(a.symptom).localeCompare(symptomLabel(b.symptom), 'en', { numeric: true }));
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Symptoms</h1>
      <p className="mb-4">
        Every error, event ID and message the procedures fix. Parts shown like <var className="rounded bg-zinc-200 px-1 not-italic dark:bg-zinc-800">this</var> differ on
        each site.
      </p>
      <table className="w-full border-collapse text-left text-sm md:table-fixed max-md:block">
        <caption className="sr-only">Symptoms and the procedure for each</caption>
        <thead className="max-md:sr-only">
          <tr className="border-b-2 border-zinc-400">
            <th scope="col" className="w-[32%] p-2">
              Procedure
            </th>
            <th scope="col" className="w-[24%] p-2">
              Symptom
            </th>
            <th scope="col" className="p-2">
              Message
            </th>
          </tr>
        </thead>
        <tbody className="max-md:block max-md:space-y-3">
          {rows.map(({ procedure, symptom }, index) => (
            <tr
              key={index}
              className="border-b border-zinc-200 align-top dark:border-zinc-800 max-md:block max-md:rounded-md max-md:border max-md:border-zinc-300 max-md:p-3 dark:max-md:border-zinc-700"
            >
              <th scope="row" className={`${cell} font-normal`}>
                <InternalLink href={procedureUrl(procedure.slug)} className="link font-semibold">
                  {procedure.title}
                </InternalLink>
              </th>
              <td className={cell}>
                <code className="font-semibold break-all">{symptomLabel(symptom)}</code>
                <span className="block text-zinc-600 dark:text-zinc-400">{placeLabel(symptom)}</span>
              </td>
              <td className={`${cell} font-mono break-words`}>
                {symptom.message ? <SymptomMessage message={symptom.message} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
