import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import type { RenderedComponent } from '@/lib/content/remark-procedure';
import { InternalLink } from '../internal-link.client';
import { AppliesTo } from './applies-to';
import { Note, Warning } from './callout';
import { CodeBlock } from './code-block';
import { Input } from './input.client';
import { Repeat } from './repeat.client';
import { Step } from './step';

function Anchor({ href = '', ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/')) return <InternalLink href={href} className="link" {...props} />;
  return <a href={href} className="link" rel="noreferrer" {...props} />;
}

/** Every element a compiled procedure renders. The pipeline's list of components and this map cannot drift apart. */
export const mdxComponents = {
  AppliesTo,
  Input,
  Note,
  Repeat,
  Step,
  Warning,
  a: Anchor,
  pre: CodeBlock,
  h2: (props: ComponentProps<'h2'>) => <h2 className="mt-12 mb-3 border-b border-zinc-200 pb-2 text-xl font-semibold tracking-tight dark:border-zinc-800" {...props} />,
  h3: (props: ComponentProps<'h3'>) => <h3 className="mt-8 mb-2 text-lg font-semibold tracking-tight" {...props} />,
  p: (props: ComponentProps<'p'>) => <p className="my-3 leading-relaxed" {...props} />,
  ol: (props: ComponentProps<'ol'>) => <ol className="my-3 list-decimal space-y-1 pl-6 marker:text-zinc-500" {...props} />,
  ul: (props: ComponentProps<'ul'>) => <ul className="my-3 list-disc space-y-1 pl-6" {...props} />,
  code: (props: ComponentProps<'code'>) => <code className="rounded bg-zinc-100 px-1 py-0.5 text-[0.875em] dark:bg-zinc-800" {...props} />,
  kbd: (props: ComponentProps<'kbd'>) => <kbd className="rounded border border-zinc-400 px-1 text-[0.9em]" {...props} />,
} satisfies MDXComponents & Record<RenderedComponent, unknown>;
