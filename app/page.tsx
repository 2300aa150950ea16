import { KeepOffline } from '@/components/offline/keep-offline.client';
import { ProcedureList } from '@/components/procedure-list';
import { getProceduresByTopic } from '@/lib/content';

/** Procedures shown per topic on the home page; the rest are a click away on the topic's page. */
const PER_TOPIC = 10;

export default async function HomePage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Runbooks</h1>
      <p className="mb-6 text-zinc-700 dark:text-zinc-300">
        Find the procedure for what you see, then tick off each step as you do it. Your ticks stay in this browser.
      </p>
      <ProcedureList groups={await getProceduresByTopic()} limit={PER_TOPIC} />
      <KeepOffline />
    </>
  );
}
