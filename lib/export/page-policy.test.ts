import { describe, expect, it } from 'vitest';
import { hashSource, PAGE_POLICY, parsePolicy } from '../security/headers';
import { PROCEDURE_PAGE, readSnapshotPage } from './fixtures/snapshot';
import { attributeOf, childElements, elementsWhere, type Page, pagePart, parsePage, serializePage } from './html';
import { isPolicyMeta, withPolicy } from './page-policy';

const withPolicyHtml = (html: string) => {
  const tree = parsePage(html);
  withPolicy(tree);
  return serializePage(tree);
};
const policyOf = (page: Page) => parsePolicy(attributeOf(elementsWhere(page, isPolicyMeta)[0]!, 'content')!);
const headTags = (html: string) => childElements(pagePart(parsePage(html), 'head')).map((element) => element.tagName);

describe('a page policy', () => {
  const page = readSnapshotPage('next-build', PROCEDURE_PAGE);

  it("goes right after the page's charset, before anything else in <head>", () => {
    const html = withPolicyHtml(page);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/);
  });

  it('goes first in a <head> that declares no charset', () => {
    const html = withPolicyHtml('<html><head><title>T</title><script>self.a=1</script></head><body></body></html>');
    expect(headTags(html)).toEqual(['meta', 'title', 'script']);
    expect(policyOf(parsePage(html))['script-src']).toEqual(["'self'", hashSource('self.a=1')]);
  });

  it('allows exactly the inline scripts and styles of the page, each once, and keeps every other directive', () => {
    const tree = parsePage('<html><head><style>p{color:red}</style></head><body><script>self.a=1</script><script>self.a=1</script><script></script><script src="/a.js"></script></body></html>');
    withPolicy(tree);
    const policy = policyOf(tree);
    expect(policy['script-src']).toEqual(["'self'", hashSource('self.a=1')]);
    expect(policy['style-src']).toEqual(["'self'", hashSource('p{color:red}')]);
    expect({ ...policy, 'script-src': PAGE_POLICY['script-src'], 'style-src': PAGE_POLICY['style-src'] }).toEqual(PAGE_POLICY);
  });

  it('replaces the policy a page had, so putting it in twice changes nothing', () => {
    const once = withPolicyHtml(page);
    expect(withPolicyHtml(once)).toBe(once);
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});
