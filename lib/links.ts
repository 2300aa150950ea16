/**
 * A procedure's address within the portal: its page, a run of it for a ticket,
 * a step on it. Addresses get pasted into tickets; this is their one spelling.
 */
export function procedureUrl(slug: string, { run, step }: { run?: string | null; step?: string } = {}): string {
  return `/procedures/${slug}/${run ? `?run=${encodeURIComponent(run)}` : ''}${step ? `#${step}` : ''}`;
}

/** A topic's page, listing every procedure in it. */
export function topicUrl(topicSlug: string): string {
  return `/topics/${topicSlug}/`;
}

/** The query parameters a ticket link carries from page to page. */
export const KEPT_PARAMS = ['build', 'run'] as const;

/**
 * The absolute URL of a step on the page at `current`, keeping the page's
 * ?build= and ?run= and nothing else.
 */
export function stepUrl(current: string, stepId: string): string {
  const from = new URL(current);
  const url = new URL(from.pathname, from.origin);
  for (const name of KEPT_PARAMS) {
    const value = from.searchParams.get(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  url.hash = stepId;
  return url.href;
}
