import type { Metadata } from 'next';
import { InternalLink } from '@/components/internal-link.client';
import { getProceduresByTopic } from '@/lib/content';
import { topicUrl } from '@/lib/urls';

export const metadata: Metadata = {
  title: 'Topics',
  description: 'The subjects the procedures are grouped under.',
};

export default async function TopicsPage() {
  const groups = await getProceduresByTopic();
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Topics</h1>
      <p className="mb-6 text-zinc-700 dark:text-zinc-300">
        The procedures by subject. Every procedure from A to Z is on{' '}
        <InternalLink href="/procedures/" className="link">
          All procedures
        </InternalLink>
        .
      </p>
      <ul aria-label="Topics" className="space-y-2">
        {groups.map(({ topic, slug, procedures }) => (
          <li key={slug}>
            <InternalLink href={topicUrl(slug)} className="link font-semibold">
              {topic}
            </InternalLink>
            <span className="text-zinc-600 dark:text-zinc-400">
              {' '}
              · {procedures.length} {procedures.length === 1 ? 'procedure' : 'procedures'}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
