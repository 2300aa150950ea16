import type { Heading } from '@/lib/content';

/** "On this page": the procedure's sections and parts, for jumping through a long one. Shown when it has a few. */
export function Outline({ headings }: { headings: Heading[] }) {
  const shown = headings.filter((heading) => heading.depth <= 3);
  if (shown.length < 3) return null;
  return (
    <details className="my-4 rounded-md border border-zinc-300 px-4 py-2 print:hidden dark:border-zinc-700">
      <summary className="min-h-6 cursor-pointer font-medium">On this page</summary>
      <nav aria-label="On this page">
        <ol className="mt-2 space-y-1 text-sm">
          {shown.map((heading) => (
            <li key={heading.id} className={heading.depth === 3 ? 'pl-4' : ''}>
              <a href={`#${heading.id}`} className="link">
                {heading.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </details>
  );
}
