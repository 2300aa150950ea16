import { NotFoundSuggestions } from '@/components/not-found-suggestions.client';
import { ProcedureTitles } from '@/components/procedure-list';
import { getProceduresByTopic } from '@/lib/content';

export default async function NotFound() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Page not found</h1>
      <p className="mb-6">There is no page at this address. The procedure you want may be one of these.</p>
      <NotFoundSuggestions />
      <h2 className="sr-only">All procedures</h2>
      <ProcedureTitles groups={await getProceduresByTopic()} limit={5} />
    </>
  );
}
