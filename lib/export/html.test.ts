import { describe, expect, it } from 'vitest';
import { readSnapshotPage, SNAPSHOTS, snapshotPages } from './fixtures/snapshot';
import { attributeOf, attributesOf, elementsWhere, type Page, parsePage, removeElements, serializePage, startTag, textOf } from './html';

/** The tree as plain data: parent links would make it circular. */
const shape = (page: Page): unknown => JSON.parse(JSON.stringify(page, (key, value: unknown) => (key === 'parentNode' ? undefined : value)));

describe.each(SNAPSHOTS)('a real page written back (%s)', (snapshot) => {
  it.each(snapshotPages(snapshot))('%s: reads back as the same document, with every inline script byte for byte', (page) => {
    const html = readSnapshotPage(snapshot, page);
    const tree = parsePage(html);
    const written = serializePage(tree);
    expect(shape(parsePage(written))).toEqual(shape(tree));
    const inline = elementsWhere(tree, (element) => element.tagName === 'script' && attributeOf(element, 'src') === undefined).map(textOf);
    expect(inline.length).toBeGreaterThan(0);
    for (const code of inline) {
      expect(html).toContain(`>${code}</script>`);
      expect(written).toContain(`>${code}</script>`);
    }
  });
});

describe('attributes', () => {
  const [script] = elementsWhere(parsePage('<script src="/a.js" crossorigin="" noModule="" data-x=\'{"a":1}\'></script>'), (element) => element.tagName === 'script');

  it('come back under their HTML names, with the values a browser reads', () => {
    expect(attributesOf(script!)).toEqual({ src: '/a.js', crossorigin: '', nomodule: '', 'data-x': '{"a":1}' });
  });

  it('show in a start tag for messages', () => {
    expect(startTag(script!)).toBe('<script src="/a.js" crossorigin="" nomodule="" data-x="{&quot;a&quot;:1}">');
  });
});

describe('taking elements out of a page', () => {
  it('takes each one that matches, with what is inside it, and leaves the rest in order', () => {
    const page = parsePage('<body><p>a</p><div class="x"><p>b</p></div><p>c</p><div class="x"></div></body>');
    const removed = removeElements(page, (element) => attributeOf(element, 'class') === 'x' || textOf(element) === 'b');
    expect(removed.map((element) => element.tagName)).toEqual(['div', 'div']);
    expect(serializePage(page)).toBe('<html><head></head><body><p>a</p><p>c</p></body></html>');
  });
});
