import type { Procedure, TopicGroup } from '@/lib/content';
import { procedureUrl, topicUrl } from '@/lib/urls';
import { InternalLink } from './internal-link.client';
import { BuildBadge } from './mdx/applies-to';
import { GateBadge } from './mdx/applies-to.client';
import { SymptomCodes } from './symptoms';

/**
 * Procedures grouped by topic, each with its summary and key symptoms. With
 * `limit`, each topic shows its first procedures and links to its own page,
 * so that the page stays small however many procedures there are.
 */
export function ProcedureList({ groups, limit }: { groups: TopicGroup[]; limit?: number }) {
  return (
    <div className="space-y-8">
      {groups.map(({ topic, slug: topicSlug, procedures }) => (
        <section key={topic} aria-labelledby={`topic-${topicSlug}`}>
          <h2 id={`topic-${topicSlug}`} className="mb-3 text-xl font-semibold">
            {topic}
            <span className="ml-2 text-base font-normal text-zinc-600 dark:text-zinc-400">
              {procedures.length} {procedures.length === 1 ? 'procedure' : 'procedures'}
            </span>
          </h2>
          <ul className="space-y-4">
            {procedures.slice(0, limit).map((procedure) => (
              <li key={procedure.slug} className="card">
                <InternalLink href={procedureUrl(procedure.slug)} className="link text-lg font-semibold">
                  {procedure.title}
                </InternalLink>
                <p className="mt-1">{procedure.summary}</p>
                {procedure.appliesTo && <BuildBadge range={procedure.appliesTo} />}
                <GatedSections procedure={procedure} />
                <SymptomCodes symptoms={procedure.symptoms} />
              </li>
            ))}
          </ul>
          {limit !== undefined && procedures.length > limit && (
            <p className="mt-3">
              <InternalLink href={topicUrl(topicSlug)} className="link inline-flex min-h-6 items-center">
                All {procedures.length} procedures in {topic}
              </InternalLink>
            </p>
          )}
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

/** Each topic with how many procedures it has, linking to its page: the topics page, and the not-found page. */
export function TopicLinks({ groups }: { groups: TopicGroup[] }) {
  return (
    <ul aria-label="Topics" className="space-y-2">
      {groups.map(({ topic, slug, procedures }) => (
        <li key={slug}>
          <InternalLink href={topicUrl(slug)} className="link inline-flex min-h-6 items-center font-semibold">
            {topic}
          </InternalLink>
          <span className="text-zinc-600 dark:text-zinc-400">
            {' '}
            · {procedures.length} {procedures.length === 1 ? 'procedure' : 'procedures'}
          </span>
        </li>
      ))}
    </ul>
  );
}
