import type { Element, Root } from 'hast';
import { elementsWhere } from './html';

/**
 * Next's script tags that a current browser runs as the page loads: those of the chunks it builds
 * into /_next/static/, less the `noModule` ones only old browsers fetch.
 */
export function isStartupScriptTag(element: Element): boolean {
  return element.tagName === 'script' && String(element.properties.src ?? '').startsWith('/_next/static/') && !element.properties.noModule;
}

/**
 * The property (`data-boot-after-paint` in the HTML) on the boot loader's script tag that lists the
 * startup scripts it loads after the first paint: JSON, one record of attributes per script.
 */
export const BOOT_LOADER_PROPERTY = 'dataBootAfterPaint';

/** The scripts the page's boot loader loads, each as its attributes; none if the page has no loader. */
export function bootLoaderScripts(tree: Root): Record<string, string>[] {
  const loader = elementsWhere(tree, (element) => element.tagName === 'script' && BOOT_LOADER_PROPERTY in element.properties)[0];
  return loader ? (JSON.parse(String(loader.properties[BOOT_LOADER_PROPERTY])) as Record<string, string>[]) : [];
}

/** The scripts a current browser loads when it opens a page: its startup script tags and those its boot loader adds after the first paint. */
export function startupScripts(tree: Root): string[] {
  const tags = elementsWhere(tree, isStartupScriptTag).map((element) => String(element.properties.src));
  return [...new Set([...tags, ...bootLoaderScripts(tree).flatMap((script) => (script.src ? [script.src] : []))])];
}
