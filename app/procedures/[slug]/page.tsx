import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AliasRedirect } from '@/components/alias-redirect.client';
import { CopyPageLink } from '@/components/copy-page-link.client';
import { Outline } from '@/components/outline';
import { Checklist } from '@/components/checklist/checklist.client';
import { ChecklistProgress } from '@/components/checklist/progress.client';
import { RunPanel } from '@/components/checklist/run-panel.client';
import { InternalLink } from '@/components/internal-link.client';
import { AppliesTo } from '@/components/mdx/applies-to';
import { ProcedureBody } from '@/components/procedure-body';
import { ReportProcedureProblem } from '@/components/report/report-problem.client';
import { ReviewStatus } from '@/components/review-status.client';
import { SymptomList } from '@/components/symptoms';
import { getProcedures, getSettings, type Procedure } from '@/lib/content';
import { outlineOf } from '@/lib/content/outline';
import { procedureUrl } from '@/lib/urls';
import { isoDay } from '@/lib/review';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

/** A procedure by its slug, or by an old name that now leads to it. */
async function find(name: string): Promise<{ procedure: Procedure; isAlias: boolean } | undefined> {
  const all = await getProcedures();
  const procedure = all.find((candidate) => candidate.slug === name);
  if (procedure) return { procedure, isAlias: false };
  const renamed = all.find((candidate) => candidate.aliases.includes(name));
  return renamed && { procedure: renamed, isAlias: true };
}

export async function generateStaticParams() {
  return (await getProcedures()).flatMap(({ slug, aliases }) => [slug, ...aliases].map((name) => ({ slug: name })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await find((await params).slug);
  if (!found) return {};
  const { procedure, isAlias } = found;
  return {
    title: isAlias ? `Moved: ${procedure.title}` : procedure.title,
    description: procedure.summary,
    robots: isAlias ? { index: false } : undefined,
    openGraph: { title: procedure.title, description: procedure.summary, type: 'article', siteName: 'Runbooks' },
  };
}

export default async function ProcedurePage({ params }: Props) {
  const found = await find((await params).slug);
  if (!found) notFound();
  const { procedure, isAlias } = found;
  const canonical = procedureUrl(procedure.slug);
  if (isAlias) {
    return (
      <>
        <link rel="canonical" href={canonical} />
        <meta httpEquiv="refresh" content={`3; url=${canonical}`} />
        <AliasRedirect to={canonical} />
        <h1 className="text-2xl font-bold">This procedure has moved</h1>
        <p className="mt-2">
          It is now <InternalLink href={canonical} className="link">{procedure.title}</InternalLink>. Taking you there…
        </p>
      </>
    );
  }
  const all = await getProcedures();
  const related = procedure.related.map((slug) => all.find((other) => other.slug === slug)!);
  const { reportUrl } = await getSettings();
  const { slug, title, owner, revision, lastReviewed, reviewDue } = procedure;
  const report = reportUrl ? { template: reportUrl, slug, title, owner, revision } : null;

  return (
    <article>
      <link rel="canonical" href={canonical} />
      <h1 className="text-2xl font-bold">{procedure.title}</h1>
      <p className="mt-2 text-lg text-zinc-700 dark:text-zinc-300">{procedure.summary}</p>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <ReviewStatus lastReviewed={lastReviewed} reviewDue={reviewDue} owner={owner} builtOn={isoDay(new Date())} />
        <CopyPageLink />
        <ReportProcedureProblem target={report} />
      </p>
      <SymptomList symptoms={procedure.symptoms} />
      <Outline headings={procedure.headings} />
      <Checklist outline={outlineOf(procedure)}>
        <RunPanel />
        <ChecklistProgress />
        {procedure.appliesTo ? (
          <AppliesTo range={procedure.appliesTo}>
            <ProcedureBody code={procedure.code} report={report} />
          </AppliesTo>
        ) : (
          <ProcedureBody code={procedure.code} report={report} />
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
                <InternalLink href={procedureUrl(other.slug)} className="link">
                  {other.title}
                </InternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
