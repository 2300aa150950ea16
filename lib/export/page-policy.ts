import { pagePolicy } from '../security/headers';
import { attributeOf, childElements, createElement, type Element, elementsWhere, insertElement, type Page, pagePart, removeElements, textOf } from './html';

/** The page's <meta http-equiv="Content-Security-Policy">. */
export function isPolicyMeta(element: Element): boolean {
  return element.tagName === 'meta' && attributeOf(element, 'http-equiv')?.toLowerCase() === 'content-security-policy';
}

/** The text of a page's inline scripts and styles. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
}

/** The text of the page's inline scripts and styles, which its policy must allow one by one; empty ones run nothing and need no hash. */
export function inlineCode(page: Page): InlineCode {
  const code: InlineCode = { scripts: [], styles: [] };
  for (const element of elementsWhere(page, (element) => element.tagName === 'style' || (element.tagName === 'script' && attributeOf(element, 'src') === undefined))) {
    const text = textOf(element);
    if (text.length > 0) code[element.tagName === 'style' ? 'styles' : 'scripts'].push(text);
  }
  return code;
}

/**
 * Puts the page's policy into its <head>, replacing any it had. It goes before every script, which
 * it must precede to cover, and after the charset declaration, which must stay in the first 1024
 * bytes however long the policy grows.
 */
export function withPolicy(page: Page): void {
  removeElements(page, isPolicyMeta);
  const head = pagePart(page, 'head');
  const [first, second] = childElements(head);
  const afterCharset = first?.tagName === 'meta' && attributeOf(first, 'charset') !== undefined;
  const meta = createElement('meta', { 'http-equiv': 'Content-Security-Policy', content: pagePolicy(inlineCode(page)) });
  insertElement(head, meta, afterCharset ? second : first);
}
