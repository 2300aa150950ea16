import 'server-only';
import { run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import { mdxComponents } from './mdx';
import { ReportProvider, type ReportTarget } from './report/report-problem.client';

/** Renders a procedure's compiled MDX at build time; its steps offer to report a problem to `report`. */
export async function ProcedureBody({ code, report }: { code: string; report: ReportTarget | null }) {
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  return (
    <ReportProvider target={report}>
      <Content components={mdxComponents} />
    </ReportProvider>
  );
}
