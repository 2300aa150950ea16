import 'server-only';
import { run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import { mdxComponents } from './mdx';

/** Renders a procedure's compiled MDX at build time. */
export async function ProcedureBody({ code }: { code: string }) {
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  return <Content components={mdxComponents} />;
}
