import { describe, expect, it } from 'vitest';
import { withBootAfterPaint } from './boot-after-paint';
import { startupScripts } from './startup-scripts';

const PAGE =
  '<html><head><script src="/_next/static/chunks/app.js" async=""></script><script>self.inline=1</script></head>' +
  '<body><script src="/_next/static/chunks/polyfills.js" noModule=""></script><script src="/_next/static/chunks/page.js" async=""></script></body></html>';

describe('startup scripts', () => {
  it('are the script tags a current browser loads, not inline or old-browser ones', () => {
    expect(startupScripts(PAGE)).toEqual(['/_next/static/chunks/app.js', '/_next/static/chunks/page.js']);
  });

  it('are the same scripts once the boot loader loads them after the first paint', () => {
    const rewritten = withBootAfterPaint(PAGE);
    expect(rewritten).not.toContain('<script src="/_next/static/chunks/app.js"');
    expect(startupScripts(rewritten)).toEqual(['/_next/static/chunks/app.js', '/_next/static/chunks/page.js']);
  });

  it('are none on a page without scripts', () => {
    expect(startupScripts('<html><body><p>Text</p></body></html>')).toEqual([]);
  });
});
