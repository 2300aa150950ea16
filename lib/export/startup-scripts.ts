import { attributeOf, type Element, elementsWhere, type Page } from './html';

/**
 * Next's script tags that a current browser runs as the page loads: those of the chunks it builds
 * into /_next/static/, less the `noModule` ones only old browsers fetch.
 */
export function isStartupScriptTag(element: Element): boolean {
  return element.tagName === 'script' && (attributeOf(element, 'src') ?? '').startsWith('/_next/static/') && attributeOf(element, 'nomodule') === undefined;
}

/**
 * The attribute of the boot loader's script tag that lists the startup scripts it loads after the
 * first paint: JSON, one record of attributes per script. The loader reads it as `dataset.bootAfterPaint`.
 */
export const BOOT_LOADER_ATTRIBUTE = 'data-boot-after-paint';

/** The scripts the page's boot loader loads, each as its attributes; none if the page has no loader. */
export function bootLoaderScripts(page: Page): Record<string, string>[] {
  const loader = elementsWhere(page, (element) => element.tagName === 'script' && attributeOf(element, BOOT_LOADER_ATTRIBUTE) !== undefined)[0];
  return loader ? (JSON.parse(attributeOf(loader, BOOT_LOADER_ATTRIBUTE)!) as Record<string, string>[]) : [];
}

/** The scripts a current browser loads when it opens a page: its startup script tags and those its boot loader adds after the first paint. */
export function startupScripts(page: Page): string[] {
  const tags = elementsWhere(page, isStartupScriptTag).map((element) => attributeOf(element, 'src')!);
  return [...new Set([...tags, ...bootLoaderScripts(page).flatMap((script) => (script.src ? [script.src] : []))])];
}
