import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Options, toHtml } from 'hast-util-to-html';
import { find, html as htmlSchema } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';

/** A page of the export as a tree, parsed the way a browser parses it. */
export function parsePage(html: string): Root {
  return fromHtml(html);
}

/**
 * Script and style text is written out as it is, byte for byte (the policy pins its hashes).
 * Attribute values are always quoted, with whichever quote needs no escaping, so only that quote and
 * `&` are escaped: the "dangerous" characters escaped by default were attribute delimiters to
 * Internet Explorer only.
 */
const SERIALIZE: Options = { quoteSmart: true, allowDangerousCharacters: true };

/** The page as HTML. */
export function serializePage(tree: Root): string {
  return toHtml(tree, SERIALIZE);
}

/** The elements of the page for which `test` holds, in document order. */
export function elementsWhere(tree: Root, test: (element: Element) => boolean): Element[] {
  // A plain walk: a finished page is searched about ten times, and at 2,000 pages `visit`'s
  // bookkeeping for parents and return values took a tenth of the post-build step.
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Takes the elements for which `test` holds out of the page; returns them in document order. */
export function removeElements(tree: Root, test: (element: Element) => boolean): Element[] {
  const removed: Element[] = [];
  visit(tree, 'element', (element, index, parent) => {
    if (!test(element) || !parent || index === undefined) return;
    removed.push(element);
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return removed;
}

/** The page's <head> or <body>: the parser always makes both, inside <html>. */
export function pagePart(tree: Root, tagName: 'head' | 'body'): Element {
  const isElement = (node: Root['children'][number]): node is Element => node.type === 'element';
  const html = tree.children.filter(isElement).find((element) => element.tagName === 'html')!;
  return html.children.filter(isElement).find((element) => element.tagName === tagName)!;
}

/** The text inside an element: the code of a script, the rules of a style. */
export function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** An element's attributes as the HTML names them (`crossorigin`, `nomodule`), with the values a browser reads. */
export function attributesOf(element: Element): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(htmlSchema, property);
    attributes[info.attribute] =
      value === true ? '' : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  }
  return attributes;
}

/** An element's start tag as the page has it, for messages: `<script src="/a.js" async>`. */
export function startTag(element: Element): string {
  const html = toHtml({ ...element, children: [] }, SERIALIZE);
  const endTag = `</${element.tagName}>`;
  return html.endsWith(endTag) ? html.slice(0, -endTag.length) : html;
}
