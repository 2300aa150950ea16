import { type DefaultTreeAdapterTypes, defaultTreeAdapter, html as spec, parse, serialize, serializeOuter } from 'parse5';

/**
 * A page of the export as parse5 builds it, the way a browser's parser does. parse5's own tree, not
 * a converted one: the post-build step reads every page twice, and at 2,000 pages converting to
 * hast and writing it out with hast-util-to-html was most of its time.
 */
export type Page = DefaultTreeAdapterTypes.Document;
export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode;
type Text = DefaultTreeAdapterTypes.TextNode;

/** A page of the export as a tree, parsed the way a browser parses it. */
export function parsePage(html: string): Page {
  return parse(html);
}

/** The page as HTML. Script and style text is written out as it is, byte for byte (the policy pins its hashes). */
export function serializePage(page: Page): string {
  return serialize(page);
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const isText = (node: Node): node is Text => node.nodeName === '#text';

/** The elements of the page for which `test` holds, in document order. */
export function elementsWhere(page: Page, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Page | Element) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(page);
  return found;
}

/** Takes the elements for which `test` holds out of the page; returns them in document order. */
export function removeElements(page: Page, test: (element: Element) => boolean): Element[] {
  const removed: Element[] = [];
  const walk = (node: Page | Element) => {
    // A copy: detaching a child shortens the list being walked.
    for (const child of [...node.childNodes]) {
      if (!isElement(child)) continue;
      if (test(child)) {
        removed.push(child);
        defaultTreeAdapter.detachNode(child);
      } else walk(child);
    }
  };
  walk(page);
  return removed;
}

/** The page's <head> or <body>: the parser always makes both, inside <html>. */
export function pagePart(page: Page, tagName: 'head' | 'body'): Element {
  const html = page.childNodes.filter(isElement).find((element) => element.tagName === 'html')!;
  return html.childNodes.filter(isElement).find((element) => element.tagName === tagName)!;
}

/** The child elements of an element. */
export function childElements(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

/** A new HTML element with these attributes and, if given, this text inside. */
export function createElement(tagName: string, attributes: Record<string, string>, text?: string): Element {
  const element = defaultTreeAdapter.createElement(
    tagName,
    spec.NS.HTML,
    Object.entries(attributes).map(([name, value]) => ({ name, value })),
  );
  if (text !== undefined) defaultTreeAdapter.insertText(element, text);
  return element;
}

/** Puts `element` into `parent`: before `reference`, or last. */
export function insertElement(parent: Element, element: Element, reference?: Element): void {
  if (reference) defaultTreeAdapter.insertBefore(parent, element, reference);
  else defaultTreeAdapter.appendChild(parent, element);
}

/** The text inside an element: the code of a script, the rules of a style. */
export function textOf(element: Element): string {
  return element.childNodes.map((child) => (isText(child) ? child.value : '')).join('');
}

/** An attribute's value as a browser reads it, or undefined when the element does not have it. */
export function attributeOf(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** An element's attributes by their HTML names (`crossorigin`, `nomodule`), with the values a browser reads. */
export function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries(element.attrs.map(({ name, value }) => [name, value]));
}

/** An element's start tag as the page has it, for messages: `<script src="/a.js" async="">`. */
export function startTag(element: Element): string {
  const html = serializeOuter({ ...element, childNodes: [] });
  const endTag = `</${element.tagName}>`;
  return html.endsWith(endTag) ? html.slice(0, -endTag.length) : html;
}
