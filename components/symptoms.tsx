import type { Symptom } from '@/lib/content/schema';
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

/** The symptoms block of a procedure page: what an admin sees, and where. */
export function SymptomList({ symptoms }: { symptoms: Symptom[] }) {
  if (symptoms.length === 0) return null;
  return (
    <section aria-labelledby="symptoms" className="my-6 rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 id="symptoms" className="text-lg font-semibold">
        Symptoms
      </h2>
      <ul className="mt-2 space-y-3">
        {symptoms.map((symptom, index) => (
          <li key={index}>
            <p>
              <code className="font-semibold">{symptomLabel(symptom)}</code>
              <span className="text-zinc-600 dark:text-zinc-400"> in {placeLabel(symptom)}</span>
            </p>
            {symptom.message && (
              <p className="mt-1 font-mono text-sm break-words">
                <SymptomMessage message={symptom.message} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
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
