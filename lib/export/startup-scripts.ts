import { bootLoaderScripts } from './boot-after-paint';

const SCRIPT_TAG = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"?#]+\.js)"[^>]*>/g;

/**
 * The scripts a current browser loads when it opens a page: its script tags, less the `noModule`
 * ones that only old browsers fetch, and those its boot loader adds after the first paint.
 */
export function startupScripts(html: string): string[] {
  const tags = [...html.matchAll(SCRIPT_TAG)].filter(([tag]) => !/\snomodule\b/i.test(tag)).map((match) => match[1]!);
  return [...new Set([...tags, ...bootLoaderScripts(html)])];
}
