import { topicSlug } from '@/lib/content';
import { topicUrl, TOPICS_URL } from '@/lib/urls';
import { InternalLink } from './internal-link.client';

/** Topics → the procedure's topic, above its title: where the page sits, a tap from its neighbours. */
export function Breadcrumbs({ topic }: { topic: string }) {
  return (
    <nav aria-label="Breadcrumbs" className="mb-3 text-sm text-zinc-600 print:hidden dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-x-2">
        <li>
          <InternalLink href={TOPICS_URL} className="inline-flex min-h-6 items-center hover:text-zinc-950 hover:underline dark:hover:text-white">
            Topics
          </InternalLink>
        </li>
        <li aria-hidden="true">/</li>
        <li>
          <InternalLink href={topicUrl(topicSlug(topic))} className="inline-flex min-h-6 items-center hover:text-zinc-950 hover:underline dark:hover:text-white">
            {topic}
          </InternalLink>
        </li>
      </ol>
    </nav>
  );
}
