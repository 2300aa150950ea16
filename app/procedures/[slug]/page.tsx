import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Checklist, ChecklistProgress } from '@/components/checklist/checklist.client';
import { InternalLink } from '@/components/internal-link.client';
import { AppliesTo } from '@/components/mdx/applies-to';
import { ProcedureBody } from '@/components/procedure-body';
import { SymptomList } from '@/components/symptoms';
import { getProcedure, getProcedures } from '@/lib/content';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getProcedures()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const procedure = await getProcedure((await params).slug);
  return procedure ? { title: procedure.title, description: procedure.summary } : {};
}

export default async function ProcedurePage({ params }: Props) {
  const procedure = await getProcedure((await params).slug);
  if (!procedure) notFound();
  const all = await getProcedures();
  const related = procedure.related.map((slug) => all.find((other) => other.slug === slug)!);

  return (
    <article>
      <h1 className="text-2xl font-bold">{procedure.title}</h1>
      <p className="mt-2 text-lg text-zinc-700 dark:text-zinc-300">{procedure.summary}</p>
      <SymptomList symptoms={procedure.symptoms} />
      <Checklist
        slug={procedure.slug}
        steps={procedure.steps.map(({ id, ranges }) => ({ id, ranges: procedure.appliesTo ? [procedure.appliesTo, ...ranges] : ranges }))}
      >
        <ChecklistProgress />
        {procedure.appliesTo ? (
          <AppliesTo range={procedure.appliesTo}>
            <ProcedureBody code={procedure.code} />
          </AppliesTo>
        ) : (
          <ProcedureBody code={procedure.code} />
        )}
      </Checklist>
      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="related" className="text-lg font-semibold">
            Related procedures
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {related.map((other) => (
              <li key={other.slug}>
                <InternalLink href={`/procedures/${other.slug}/`} className="link">
                  {other.title}
                </InternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-8 text-sm text-zinc-600 dark:text-zinc-400">
        Last reviewed <time dateTime={procedure.lastReviewed}>{procedure.lastReviewed}</time> by {procedure.owner}.
      </p>
    </article>
  );
}
