'use client';

import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import { reportedLink, reportHref } from '@/lib/report';
import { useBuild } from '../gating/use-build';
import { Icon } from '../icons/icon';

/** The procedure a report is about, and where reports go. */
export interface ReportTarget {
  /** The site's report URL template (settings' `reportUrl`). */
  template: string;
  slug: string;
  title: string;
  owner: string;
  revision: string;
}

const ReportContext = createContext<ReportTarget | null>(null);

/** Lets the steps inside offer "Report a problem". Without a template, nothing offers it. */
export function ReportProvider({ target, children }: { target: ReportTarget | null; children: ReactNode }) {
  return <ReportContext value={target}>{children}</ReportContext>;
}

const subscribeNothing = () => () => {};

/** The report link for the procedure, or for one step of it; null where no report target is set. */
function useReportHref(target: ReportTarget | null, step?: { id: string; text: string }): string | null {
  const build = useBuild().text;
  const origin = useSyncExternalStore(subscribeNothing, () => window.location.origin, () => null);
  if (!target) return null;
  return reportHref(target.template, {
    procedure: target.title,
    owner: target.owner,
    step: step?.text,
    link: reportedLink(origin, target.slug, build, step?.id),
    build,
    revision: target.revision,
  });
}

const external = (href: string) => (href.startsWith('mailto:') ? {} : { target: '_blank', rel: 'noreferrer' });

/** "Report a problem" with the whole procedure, as a text link. */
export function ReportProcedureProblem({ target }: { target: ReportTarget | null }) {
  const href = useReportHref(target);
  if (href === null) return null;
  return (
    <a href={href} {...external(href)} className="link inline-flex min-h-6 items-center gap-1 print:hidden" aria-label="Report a problem with this procedure">
      Report a problem
      {!href.startsWith('mailto:') && <Icon name="external" className="size-3.5" />}
    </a>
  );
}

/** "Report a problem" with one step: a small flag beside the step's link button. */
export function ReportStepProblem({ id, text }: { id: string; text: string }) {
  const href = useReportHref(use(ReportContext), { id, text });
  if (href === null) return null;
  return (
    <a
      href={href}
      {...external(href)}
      aria-label={`Report a problem with step: ${text}`}
      title="Report a problem with this step"
      className="flex min-h-6 min-w-6 shrink-0 items-center justify-center rounded px-1 py-0.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 print:hidden dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <Icon name="flag" />
    </a>
  );
}
