import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProcedureList } from '@/components/procedure-list';
import { getProceduresByTopic } from '@/lib/content';

type Props = { params: Promise<{ topic: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getProceduresByTopic()).map(({ slug }) => ({ topic: slug }));
}

async function find(slug: string) {
  return (await getProceduresByTopic()).find((group) => group.slug === slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const group = await find((await params).topic);
  return group ? { title: group.topic, description: `Every procedure in ${group.topic}.` } : {};
}

export default async function TopicPage({ params }: Props) {
  const group = await find((await params).topic);
  if (!group) notFound();
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">{group.topic}</h1>
      <ProcedureList groups={[group]} />
    </>
  );
}
