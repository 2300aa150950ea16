import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CopyPageLink } from '@/components/copy-page-link.client';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { Checklist } from '@/components/checklist/checklist.client';
import { ChecklistProgress } from '@/components/checklist/progress.client';
import { RunPanel } from '@/components/checklist/run-panel.client';
import { OutlineColumn } from '@/components/checklist/section-outline.client';
import { PrintHeading } from '@/components/checklist/print-heading.client';
import { InternalLink } from '@/components/internal-link.client';
import { AlsoKnownAs } from '@/components/also-known-as';
import { AppliesTo } from '@/components/mdx/applies-to';
import { ProcedureBody } from '@/components/procedure-body';
import { ReportProcedureProblem } from '@/components/report/report-problem.client';
import { ReviewStatus } from '@/components/review-status.client';
import { SymptomList } from '@/components/symptoms';
import { getProcedure, getProcedures, getSettings } from '@/lib/content';
import { outlineOf } from '@/lib/content/outline';
import { procedureUrl } from '@/lib/urls';
import { isoDay } from '@/lib/review';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getProcedures()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const procedure = await getProcedure((await params).slug);
  if (!procedure) return {};
  return {
    title: procedure.title,
    description: procedure.summary,
    openGraph: { title: procedure.title, description: procedure.summary, type: 'article', siteName: 'Runbooks' },
  };
}

export default async function ProcedurePage({ params }: Props) {
  // A procedure's old names are pages of their own, written after the build (lib/export/content-files.ts).
  const procedure = await getProcedure((await params).slug);
  if (!procedure) notFound();
  const canonical = procedureUrl(procedure.slug);
  const related = await Promise.all(procedure.related.map(async (slug) => (await getProcedure(slug))!));
  const { reportUrl } = await getSettings();
  const { slug, title, owner, revision, lastReviewed, reviewDue } = procedure;
  const report = reportUrl ? { template: reportUrl, slug, title, owner, revision } : null;

  // The outline lists the sections and their parts, with the text and depth each needs and nothing more.
  const headings = procedure.headings.filter((heading) => heading.depth <= 3).map(({ id, text, depth }) => ({ id, text, depth }));

  return (
    <article>
      <link rel="canonical" href={canonical} />
      <Breadcrumbs topic={procedure.topic} />
      <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{procedure.title}</h1>
      <p className="mt-2 max-w-3xl text-zinc-700 sm:text-lg dark:text-zinc-300">{procedure.summary}</p>
      <AlsoKnownAs names={procedure.alsoKnownAs} />
      <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <ReviewStatus lastReviewed={lastReviewed} reviewDue={reviewDue} owner={owner} builtOn={isoDay(new Date())} />
        <CopyPageLink />
        <ReportProcedureProblem target={report} />
      </p>
      <Checklist outline={outlineOf(procedure)}>
        <PrintHeading />
        <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-10">
          <div className="min-w-0">
            <SymptomList symptoms={procedure.symptoms} />
            <RunPanel />
            <ChecklistProgress headings={headings} />
            {procedure.appliesTo ? (
              <AppliesTo range={procedure.appliesTo}>
                <ProcedureBody code={procedure.code} report={report} />
              </AppliesTo>
            ) : (
              <ProcedureBody code={procedure.code} report={report} />
            )}
          </div>
          <OutlineColumn headings={headings} />
        </div>
      </Checklist>
      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="related" className="text-lg font-semibold">
            Related procedures
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {related.map((other) => (
              <li key={other.slug}>
                <InternalLink href={procedureUrl(other.slug)} className="link inline-flex min-h-6 items-center">
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
