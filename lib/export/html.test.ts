import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { readSnapshotPage, SNAPSHOTS, snapshotPages } from './fixtures/snapshot';
import { attributesOf, elementsWhere, parsePage, serializePage, startTag, textOf } from './html';

const withoutPositions = (tree: Root): unknown => JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));

describe.each(SNAPSHOTS)('a real page written back (%s)', (snapshot) => {
  it.each(snapshotPages(snapshot))('%s: reads back as the same document, with every inline script byte for byte', (page) => {
    const html = readSnapshotPage(snapshot, page);
    const tree = parsePage(html);
    const written = serializePage(tree);
    expect(withoutPositions(parsePage(written))).toEqual(withoutPositions(tree));
    const inline = elementsWhere(tree, (element) => element.tagName === 'script' && element.properties.src === undefined).map(textOf);
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
    expect(startTag(script!)).toBe(`<script src="/a.js" crossorigin="" nomodule data-x='{"a":1}'>`);
  });
});
