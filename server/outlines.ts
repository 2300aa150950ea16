import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Outline } from '../lib/runs/outline';
import { outlineUrl } from '../lib/urls';

/**
 * The procedures' outlines from the export the service serves
 * (`/outlines/<slug>.json`, written by the post-build step), read once and
 * again when the file changes: what the service counts a run's progress by,
 * as the run's page does. Null for a procedure the site does not have.
 */
export function exportOutlines(siteDir: string): (slug: string) => Outline | null {
  const cache = new Map<string, { mtimeMs: number; outline: Outline | null }>();
  return (slug) => {
    const file = path.join(siteDir, outlineUrl(slug));
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      cache.delete(slug);
      return null;
    }
    const cached = cache.get(slug);
    if (cached?.mtimeMs === mtimeMs) return cached.outline;
    const outline = readOutline(file, slug);
    cache.set(slug, { mtimeMs, outline });
    return outline;
  };
}

/** An outline file, checked for the fields progress is counted by; null when it is not one. */
function readOutline(file: string, slug: string): Outline | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Outline>;
    const ok =
      value.slug === slug &&
      typeof value.title === 'string' &&
      Array.isArray(value.inputs) &&
      Array.isArray(value.steps) &&
      value.steps.every((step) => typeof step?.id === 'string' && Array.isArray(step.ranges) && (step.parentId === null || typeof step.parentId === 'string'));
    return ok ? (value as Outline) : null;
  } catch {
    return null;
  }
}
