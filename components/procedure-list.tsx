import { slug } from 'github-slugger';
import type { Procedure } from '@/lib/content';
import { InternalLink } from './internal-link.client';
import { BuildBadge } from './mdx/applies-to';
import { GateBadge } from './mdx/applies-to.client';
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
                <InternalLink href={`/procedures/${procedure.slug}/`} className="link text-lg font-semibold">
                  {procedure.title}
                </InternalLink>
                <p className="mt-1">{procedure.summary}</p>
                {procedure.appliesTo && <BuildBadge range={procedure.appliesTo} />}
                <GatedSections procedure={procedure} />
                <SymptomCodes symptoms={procedure.symptoms} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The sections of a procedure that apply to some builds only, so a glance tells what the chosen build skips. */
function GatedSections({ procedure }: { procedure: Procedure }) {
  const gated = procedure.headings.filter((heading) => heading.depth === 2 && heading.ranges.length > 0);
  if (gated.length === 0) return null;
  return (
    <ul aria-label="Sections for some builds only" className="mt-2 space-y-1 text-sm">
      {gated.map((heading) => (
        <li key={heading.id} className="flex flex-wrap items-center gap-2">
          <span>{heading.text}:</span>
          {heading.ranges.map((range) => (
            <GateBadge key={range} range={range} />
          ))}
        </li>
      ))}
    </ul>
  );
}
