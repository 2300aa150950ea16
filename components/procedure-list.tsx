import { slug } from 'github-slugger';
import Link from 'next/link';
import type { Procedure } from '@/lib/content';
import { BuildBadge } from './mdx/applies-to';
import { SymptomCodes } from './symptoms';

/** Procedures grouped by topic, each with its summary and key symptoms. */
export function ProcedureList({ groups }: { groups: { topic: string; procedures: Procedure[] }[] }) {
  return (
    <div className="space-y-8">
      {groups.map(({ topic, procedures }) => (
        <section key={topic} aria-labelledby={`topic-${slug(topic)}`}>
          <h2 id={`topic-${slug(topic)}`} className="mb-3 text-xl font-semibold">
            {topic}
          </h2>
          <ul className="space-y-4">
            {procedures.map((procedure) => (
              <li key={procedure.slug} className="rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
                <Link href={`/procedures/${procedure.slug}/`} className="link text-lg font-semibold">
                  {procedure.title}
                </Link>
                <p className="mt-1">{procedure.summary}</p>
                {procedure.appliesTo && <BuildBadge range={procedure.appliesTo} />}
                <SymptomCodes symptoms={procedure.symptoms} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
