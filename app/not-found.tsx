import { InternalLink } from '@/components/internal-link.client';
import { NotFoundSuggestions } from '@/components/not-found-suggestions.client';
import { TopicLinks } from '@/components/procedure-list';
import { getProceduresByTopic } from '@/lib/content';

/**
 * Next sends this page with the root layout on every page of the site, so it lists topics, not
 * procedures: at 2,000 procedures, five titles a topic made every page's payload a third larger.
 */
export default async function NotFound() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight sm:text-3xl">Page not found</h1>
      <p className="mb-6">
        There is no page at this address. Search above, or find the procedure by its topic or in{' '}
        <InternalLink href="/procedures/" className="link">
          all procedures
        </InternalLink>
        .
      </p>
      <NotFoundSuggestions />
      <h2 className="mb-3 text-xl font-semibold">Topics</h2>
      <TopicLinks groups={await getProceduresByTopic()} />
    </>
  );
}
