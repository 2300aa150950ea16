import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { hashSource } from '../security/headers';
import { bootAfterPaint } from './boot-after-paint';
import { PROCEDURE_PAGE, readSnapshotPage } from './fixtures/snapshot';
import { elementsWhere, pagePart, parsePage, serializePage } from './html';
import { withPolicy } from './page-policy';
import { pageProblems } from './page-problems';

const next = readSnapshotPage('next-build', PROCEDURE_PAGE);

/** The real page finished as `finishExport` finishes it, then changed by `change`, and read back. */
function finished(change: (tree: Root) => void = () => {}): Root {
  const tree = parsePage(next);
  bootAfterPaint(tree);
  withPolicy(tree);
  change(tree);
  return parsePage(serializePage(tree));
}
const messages = (tree: Root) => pageProblems(tree).map((problem) => problem.message);

describe('problems with a finished page', () => {
  it('are none on a real page finished the usual way', () => {
    expect(pageProblems(finished())).toEqual([]);
  });

  it('name the startup scripts and the missing policy of a page left as Next wrote it', () => {
    expect(messages(parsePage(next))).toEqual([
      expect.stringMatching(/^Next's startup scripts still load before the first paint \(8, the first written as <script src="\/_next\/static\/chunks\/[^"]+\.js" async>\)/),
      'the page has no Content Security Policy <meta>',
    ]);
  });

  it('name an inline script changed after the policy was made, by its start and its hash', () => {
    const tree = finished((tree) => {
      const data = elementsWhere(tree, (element) => element.tagName === 'script' && element.properties.id === '_R_')[0]!;
      data.children = [{ type: 'text', value: 'self.changed=1' }];
    });
    expect(messages(tree)).toEqual([
      `the inline script "self.changed=1" (${hashSource('self.changed=1')}) is not in the policy's script-src, so the browser blocks it`,
    ]);
  });

  it('name inline styles and event handlers the policy blocks', () => {
    const tree = finished((tree) => {
      pagePart(tree, 'body').children.push(
        { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: 'p{color:red}' }] },
        { type: 'element', tagName: 'button', properties: { onClick: 'go()' }, children: [] },
      );
    });
    expect(messages(tree)).toEqual([
      `the inline style "p{color:red}" (${hashSource('p{color:red}')}) is not in the policy's style-src, so the browser blocks it`,
      '<button onclick="go()"> has an inline event handler (onclick), which the policy blocks',
    ]);
  });

  it('name a script that comes before the policy, which does not cover it', () => {
    const tree = finished((tree) => {
      pagePart(tree, 'head').children.unshift({ type: 'element', tagName: 'script', properties: { src: '/early.js' }, children: [] });
    });
    expect(messages(tree)).toEqual(['<script src="/early.js"> comes before the policy, which covers only what follows it']);
  });
});
