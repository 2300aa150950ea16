import type { Element, Root } from 'hast';
import { pagePolicy } from '../security/headers';
import { attributesOf, elementsWhere, pagePart, removeElements, textOf } from './html';

/** The page's <meta http-equiv="Content-Security-Policy">. */
export function isPolicyMeta(element: Element): boolean {
  return element.tagName === 'meta' && attributesOf(element)['http-equiv']?.toLowerCase() === 'content-security-policy';
}

/** The text of a page's inline scripts and styles. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
}

/** The text of the page's inline scripts and styles, which its policy must allow one by one; empty ones run nothing and need no hash. */
export function inlineCode(tree: Root): InlineCode {
  const code: InlineCode = { scripts: [], styles: [] };
  for (const element of elementsWhere(tree, (element) => element.tagName === 'style' || (element.tagName === 'script' && element.properties.src === undefined))) {
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
export function withPolicy(tree: Root): void {
  removeElements(tree, isPolicyMeta);
  const head = pagePart(tree, 'head');
  const first = head.children.find((child) => child.type === 'element');
  const afterCharset = first?.tagName === 'meta' && first.properties.charSet !== undefined;
  head.children.splice(afterCharset ? head.children.indexOf(first) + 1 : 0, 0, {
    type: 'element',
    tagName: 'meta',
    properties: { httpEquiv: ['Content-Security-Policy'], content: pagePolicy(inlineCode(tree)) },
    children: [],
  });
}
