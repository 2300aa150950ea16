import { isValidElement, type ReactNode } from 'react';
import { CopyButton, FilledCode } from './code-block.client';

/** The text inside a `<pre><code>` that MDX produced. */
function codeText(children: ReactNode): string {
  if (typeof children === 'string') return children;
  if (isValidElement<{ children?: ReactNode }>(children)) return codeText(children.props.children);
  if (Array.isArray(children)) return children.map(codeText).join('');
  return '';
}

const PLACEHOLDER = /\{[a-z][a-zA-Z0-9]*\}/;

/** A command or output block with a Copy button; a command that names run inputs shows and copies their values. */
export function CodeBlock({ children }: { children?: ReactNode }) {
  const text = codeText(children).replace(/\n$/, '');
  return (
    <div className="relative my-3">
      {/* A long command scrolls sideways on a phone: the keyboard can scroll it too once it has the focus. */}
      <pre tabIndex={0} className="overflow-x-auto rounded-lg bg-zinc-100 p-3 pr-24 text-sm dark:bg-zinc-900 [&_code]:bg-transparent [&_code]:p-0">
        {PLACEHOLDER.test(text) ? <FilledCode text={text} /> : children}
      </pre>
      <CopyButton text={text} />
    </div>
  );
}
