import { attributeOf, attributesOf, createElement, type Element, insertElement, type Page, pagePart, removeElements } from './html';
import { BOOT_LOADER_ATTRIBUTE, isStartupScriptTag } from './startup-scripts';

/**
 * Next puts a page's startup scripts in <head> as async scripts (and preloads one), so a phone
 * starts fetching and running about 150 KB (gzipped) of framework code while it is still laying out the
 * procedure the admin came to read. This rewrites each page so the same scripts are requested
 * right after the first frame is painted: the text first, then the page comes alive. A page that
 * is, or goes, into a background tab paints nothing, so it boots at once. Without JavaScript
 * nothing changes. Fields typed into before the boot keep their text (`useTypedBeforeBoot`), and
 * step checkboxes and copy buttons stay disabled until then (`useBooted`), so nothing done in that
 * window is lost.
 */

/**
 * The loader: it reads its list from its own tag and, once the first frame is on screen, adds each
 * script to <head> in page order with the attributes Next gave it (`async`, `crossorigin`, and any other).
 * It is the same text on every page, so every page's policy allows it by the same hash.
 */
const BOOT_LOADER =
  '(function(scripts){var started=false;function start(){if(started)return;started=true;' +
  'scripts.forEach(function(attributes){var s=document.createElement("script");' +
  'for(var name in attributes)s.setAttribute(name,attributes[name]);document.head.appendChild(s)})}' +
  'if(document.visibilityState==="hidden")start();' +
  'else{requestAnimationFrame(function(){setTimeout(start,0)});document.addEventListener("visibilitychange",start)}' +
  '})(JSON.parse(document.currentScript.dataset.bootAfterPaint))';

const isAsyncStartupScript = (element: Element) => isStartupScriptTag(element) && attributeOf(element, 'async') !== undefined;

/** A hint that fetches a startup script early, which would undo the wait for the first paint. */
function isScriptPreload(element: Element): boolean {
  if (element.tagName !== 'link' || !(attributeOf(element, 'href') ?? '').startsWith('/_next/static/')) return false;
  const rel = (attributeOf(element, 'rel') ?? '').toLowerCase().split(/\s+/);
  return (rel.includes('preload') && attributeOf(element, 'as')?.toLowerCase() === 'script') || rel.includes('modulepreload');
}

/**
 * Moves the page's async startup scripts into a loader at the end of its <body> and drops their
 * preloads. Returns whether it changed the page: one without async startup scripts, or rewritten
 * already, is left alone.
 */
export function bootAfterPaint(page: Page): boolean {
  const scripts = removeElements(page, isAsyncStartupScript);
  if (scripts.length === 0) return false;
  removeElements(page, isScriptPreload);
  const loader = createElement('script', { [BOOT_LOADER_ATTRIBUTE]: JSON.stringify(scripts.map(attributesOf)) }, BOOT_LOADER);
  insertElement(pagePart(page, 'body'), loader);
  return true;
}
