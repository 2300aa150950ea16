import { describe, expect, it } from 'vitest';
import { hashSource } from '../security/headers';
import { bootAfterPaint } from './boot-after-paint';
import { PROCEDURE_PAGE, readSnapshotPage } from './fixtures/snapshot';
import { attributeOf, childElements, createElement, type Element, elementsWhere, insertElement, type Page, pagePart, parsePage, removeElements, serializePage } from './html';
import { withPolicy } from './page-policy';
import { pageProblems } from './page-problems';

const next = readSnapshotPage('next-build', PROCEDURE_PAGE);

/** The real page finished as `finishExport` finishes it, then changed by `change`, and read back. */
function finished(change: (page: Page) => void = () => {}): Page {
  const tree = parsePage(next);
  bootAfterPaint(tree);
  withPolicy(tree);
  change(tree);
  return parsePage(serializePage(tree));
}
const messages = (page: Page) => pageProblems(page).map((problem) => problem.message);

describe('problems with a finished page', () => {
  it('are none on a real page finished the usual way', () => {
    expect(pageProblems(finished())).toEqual([]);
  });

  it('name the startup scripts and the missing policy of a page left as Next wrote it', () => {
    expect(messages(parsePage(next))).toEqual([
      expect.stringMatching(/^Next's startup scripts still load before the first paint \(8, the first written as <script src="\/_next\/static\/chunks\/[^"]+\.js" async="">\)/),
      'the page has no Content Security Policy <meta>',
    ]);
  });

  it('name an inline script changed after the policy was made, by its start and its hash', () => {
    const tree = finished((page) => {
      const data = elementsWhere(page, (element) => element.tagName === 'script' && attributeOf(element, 'id') === '_R_')[0]!;
      insertElement(data.parentNode as Element, createElement('script', { id: '_R_' }, 'self.changed=1'), data);
      removeElements(page, (element) => element === data);
    });
    expect(messages(tree)).toEqual([
      `the inline script "self.changed=1" (${hashSource('self.changed=1')}) is not in the policy's script-src, so the browser blocks it`,
    ]);
  });

  it('name inline styles and event handlers the policy blocks', () => {
    const tree = finished((page) => {
      insertElement(pagePart(page, 'body'), createElement('style', {}, 'p{color:red}'));
      insertElement(pagePart(page, 'body'), createElement('button', { onclick: 'go()' }));
    });
    expect(messages(tree)).toEqual([
      `the inline style "p{color:red}" (${hashSource('p{color:red}')}) is not in the policy's style-src, so the browser blocks it`,
      '<button onclick="go()"> has an inline event handler (onclick), which the policy blocks',
    ]);
  });

  it('name a script that comes before the policy, which does not cover it', () => {
    const tree = finished((page) => {
      const head = pagePart(page, 'head');
      insertElement(head, createElement('script', { src: '/early.js' }), childElements(head)[0]);
    });
    expect(messages(tree)).toEqual(['<script src="/early.js"> comes before the policy, which covers only what follows it']);
  });
});
