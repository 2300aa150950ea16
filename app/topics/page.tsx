import type { Metadata } from 'next';
import { InternalLink } from '@/components/internal-link.client';
import { TopicLinks } from '@/components/procedure-list';
import { getProceduresByTopic } from '@/lib/content';

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
      <TopicLinks groups={groups} />
    </>
  );
}
