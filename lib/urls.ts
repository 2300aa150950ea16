/**
 * The portal's URL grammar, in one place: a procedure, a step on it, a run of
 * it for a ticket, the build, a handover fragment, a search, a topic.
 * Addresses get pasted into tickets; this module is their one spelling, and
 * the one reader of them in the browser (through `readUrlState`).
 */

/** The query parameters the portal gives a meaning to. */
export const PARAMS = { build: 'build', run: 'run', query: 'q' } as const;

/** The query parameters a ticket link carries from page to page. */
export const KEPT_PARAMS = [PARAMS.build, PARAMS.run] as const;

/** A handover link's fragment starts with this: the run travels in the fragment, never sent to a server. */
export const SHARE_PREFIX = 'share=';

export function procedureUrl(slug: string, { run, step }: { run?: string | null; step?: string } = {}): string {
  return `/procedures/${slug}/${run ? `?${PARAMS.run}=${encodeURIComponent(run)}` : ''}${step ? `#${step}` : ''}`;
}

/** The slug in a procedure page's path, or null for any other page. */
export function procedureSlugOf(pathname: string): string | null {
  return /^\/procedures\/([^/]+)/.exec(pathname)?.[1] ?? null;
}

/** A topic's page, listing every procedure in it. */
export function topicUrl(topicSlug: string): string {
  return `/topics/${topicSlug}/`;
}

export const TOPICS_URL = '/topics/';

/** The file of icons that every page's icons point into (`components/icons/sprite.ts`). */
export const ICON_SPRITE_URL = '/icon-sprite.svg';

/** The file name of a procedure's outline, served at `/outlines/<file>`. */
export function outlineFile(slug: string): string {
  return `${slug}.json`;
}

export function outlineUrl(slug: string): string {
  return `/outlines/${outlineFile(slug)}`;
}
export const RUNS_URL = '/runs/';

export const SEARCH_PATH = '/search/';

export function searchUrl(query: string): string {
  return `${SEARCH_PATH}?${PARAMS.query}=${encodeURIComponent(query)}`;
}

/**
 * The absolute URL of a step on the page at `current`, keeping the page's
 * ?build= and ?run= and nothing else. An empty step id gives the page itself.
 */
export function stepUrl(current: string, stepId: string): string {
  const from = new URL(current);
  const url = new URL(from.pathname, from.origin);
  for (const name of KEPT_PARAMS) {
    const value = from.searchParams.get(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  url.hash = stepId;
  return url.href.replace(/#$/, '');
}

/** An href with `?build=` set to `build`, or as it is when there is no build or it leaves the site. */
export function withBuild(href: string, build: string | null): string {
  if (build === null || !href.startsWith('/')) return href;
  const url = new URL(href, 'http://portal.invalid');
  url.searchParams.set(PARAMS.build, build);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The handover link of a run: the run's page with its build, and the run's events in the fragment. */
export function handoverUrl(origin: string, slug: string, ticket: string, build: string | null, share: string): string {
  return `${origin}${withBuild(procedureUrl(slug, { run: ticket }), build)}#${share}`;
}

/** What the current address says, as the portal reads it. */
export interface UrlState {
  build: string | null;
  run: string | null;
  query: string | null;
  /** The fragment without its "#", decoded; empty when there is none. */
  hash: string;
  /** The handover data when the fragment is a `share=` link. */
  share: string | null;
}

export const NO_URL_STATE: UrlState = { build: null, run: null, query: null, hash: '', share: null };

export function readUrlState(href: string): UrlState {
  const url = new URL(href, 'http://portal.invalid');
  let hash = url.hash.slice(1);
  try {
    hash = decodeURIComponent(hash);
  } catch {
    // A broken escape: keep the fragment as written.
  }
  return {
    build: url.searchParams.get(PARAMS.build),
    run: url.searchParams.get(PARAMS.run),
    query: url.searchParams.get(PARAMS.query),
    hash,
    share: url.hash.startsWith(`#${SHARE_PREFIX}`) ? url.hash.slice(1) : null,
  };
}

/** Fired on the window when the portal changes the address without a navigation. */
export const URL_CHANGED_EVENT = 'runbook:url-change';

/** Changes the address without a navigation, and tells every reader of it. Browser only. */
export function replaceUrl(url: URL | string): void {
  window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new Event(URL_CHANGED_EVENT));
}
