/** Where the version before the run store kept checklists: read by the migration, and by the store to find them. */

export const LEGACY_CHECKLIST_PREFIX = 'runbook:checklist:';
export const LEGACY_RUN_PREFIX = 'runbook:run:';

/** Where today's code stores a procedure's plain checklist, or one run of it. */
export function legacyStorageKey(slug: string, ticket: string | null): string {
  return ticket === null ? `${LEGACY_CHECKLIST_PREFIX}${slug}` : `${LEGACY_RUN_PREFIX}${slug}:${ticket}`;
}

/** The run a legacy storage key belongs to, or null for any other key. Slugs and tickets hold no ":". */
export function parseLegacyStorageKey(key: string): { slug: string; ticket: string | null } | null {
  if (key.startsWith(LEGACY_CHECKLIST_PREFIX)) {
    const slug = key.slice(LEGACY_CHECKLIST_PREFIX.length);
    return slug && !slug.includes(':') ? { slug, ticket: null } : null;
  }
  if (key.startsWith(LEGACY_RUN_PREFIX)) {
    const [slug, ticket, ...rest] = key.slice(LEGACY_RUN_PREFIX.length).split(':');
    return slug && ticket && rest.length === 0 ? { slug, ticket } : null;
  }
  return null;
}
