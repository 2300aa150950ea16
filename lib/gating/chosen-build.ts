/**
 * The build an admin chose, in the browser: `?build=` in the URL overrides the
 * one saved in localStorage. Shaped for `useSyncExternalStore`: the snapshot
 * is a string, stable between changes.
 */
import { PARAMS, readUrlState, replaceUrl, URL_CHANGED_EVENT, withBuild } from '../urls';

export const BUILD_STORAGE_KEY = 'runbook:build';
const CHANGE_EVENT = 'runbook:build-change';
const BUILD_PARAM = PARAMS.build;

export interface ChosenBuild {
  /** The build as given, or null when none is chosen. */
  text: string | null;
  source: 'url' | 'saved' | null;
}

function savedBuild(): string | null {
  try {
    return window.localStorage.getItem(BUILD_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Snapshot: "url:<build>", "saved:<build>" or "". */
export function getBuildSnapshot(): string {
  const fromUrl = readUrlState(window.location.href).build;
  if (fromUrl !== null) return `url:${fromUrl}`;
  const saved = savedBuild();
  return saved === null ? '' : `saved:${saved}`;
}

export function readSnapshot(snapshot: string): ChosenBuild {
  const colon = snapshot.indexOf(':');
  if (colon < 0) return { text: null, source: null };
  return { text: snapshot.slice(colon + 1), source: snapshot.slice(0, colon) as 'url' | 'saved' };
}

export function subscribeToBuild(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === BUILD_STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGED_EVENT, onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGED_EVENT, onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * Chooses a build: saved for next time and, when the URL names a build, put
 * in the URL too so that it stays shareable. An empty text clears both.
 * Returns false when the browser would not save it.
 */
export function chooseBuild(text: string): boolean {
  const value = text.trim();
  let saved = true;
  try {
    if (value === '') window.localStorage.removeItem(BUILD_STORAGE_KEY);
    else window.localStorage.setItem(BUILD_STORAGE_KEY, value);
  } catch {
    saved = false;
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has(BUILD_PARAM)) {
    if (value === '') url.searchParams.delete(BUILD_PARAM);
    else url.searchParams.set(BUILD_PARAM, value);
    replaceUrl(url);
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
  return saved;
}

/** An internal href that keeps the URL's `?build=`, so a link pasted from any page carries it. */
export function withBuildParam(href: string, build: ChosenBuild): string {
  return build.source === 'url' ? withBuild(href, build.text) : href;
}
