import type { Symptom } from '@/lib/content/schema';
import { FoldWhenLinked } from './fold-when-linked.client';
import { Icon } from './icons/icon';
import { placeLabel, splitMessage, symptomLabel } from '@/lib/symptom';

export function SymptomMessage({ message }: { message: string }) {
  return (
    <>
      {splitMessage(message).map((part, index) =>
        part.variable ? (
          <var key={index} title="differs on each site" className="rounded bg-zinc-200 px-1 not-italic dark:bg-zinc-800">
            {part.text}
          </var>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The symptoms block of a procedure page: what an admin sees, and where. Folded when the page was opened to work a run. */
export function SymptomList({ symptoms }: { symptoms: Symptom[] }) {
  if (symptoms.length === 0) return null;
  return (
    <FoldWhenLinked aria-labelledby="symptoms" className="group my-6 rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/50">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 py-2 [&::-webkit-details-marker]:hidden">
        <h2 id="symptoms" className="text-base font-semibold">
          Symptoms <span className="font-normal text-zinc-600 dark:text-zinc-400">({symptoms.length})</span>
        </h2>
        <Icon name="chevron-down" className="size-4 text-zinc-500 transition-transform group-open:rotate-180" />
      </summary>
      <ul className="space-y-3 px-4 pb-4">
        {symptoms.map((symptom, index) => (
          <li key={index}>
            <p>
              <code className="font-semibold">{symptomLabel(symptom)}</code>
              <span className="text-zinc-600 dark:text-zinc-400"> in {placeLabel(symptom)}</span>
            </p>
            {symptom.message && (
              <p className="mt-1 font-mono text-sm break-words text-zinc-700 dark:text-zinc-300">
                <SymptomMessage message={symptom.message} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </FoldWhenLinked>
  );
}

/** The codes of a procedure's symptoms, for a glance at the home page. */
export function SymptomCodes({ symptoms }: { symptoms: Symptom[] }) {
  const labels = [...new Set(symptoms.map(symptomLabel))];
  if (labels.length === 0) return null;
  return (
    <ul aria-label="Key symptoms" className="mt-2 flex flex-wrap gap-2">
      {labels.map((label) => (
        <li key={label}>
          <code className="rounded bg-zinc-100 px-2 py-0.5 text-sm dark:bg-zinc-800">{label}</code>
        </li>
      ))}
    </ul>
  );
}
