import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withPolicy } from './headers';

const PAGE = '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><style>p{color:red}</style><script src="/a.js"></script></head><body><script>self.a=1</script><script id="_R_">self.b=2</script></body></html>';
const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

describe('a page policy', () => {
  it('comes first in <head> and allows exactly the inline scripts of the page', () => {
    const html = withPolicy(PAGE);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' /);
    const policy = /content="([^"]+)"/.exec(html)![1]!;
    expect(policy).toContain(`script-src 'self' ${hash('self.a=1')} ${hash('self.b=2')};`);
    expect(policy).toContain(`style-src 'self' ${hash('p{color:red}')};`);
    expect(policy).not.toMatch(/unsafe/);
  });

  it('is the same when put in twice', () => {
    expect(withPolicy(withPolicy(PAGE))).toBe(withPolicy(PAGE));
  });
});
