import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT } from './compile-hints';

let site: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), text);
};
const read = (file: string) => readFileSync(path.join(site, file), 'utf8');

beforeEach(() => {
  site = mkdtempSync(path.join(tmpdir(), 'export-'));
  write('index.html', '<html><head><script src="/_next/static/chunks/app.js" async=""></script><script>self.inline=1</script></head></html>');
  write('procedures/x/index.html', '<script src="/_next/static/chunks/app.js" async=""></script><script src="/_next/static/chunks/page.js" async=""></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>');
  write('_next/static/chunks/app.js', 'self.app=1');
  write('_next/static/chunks/page.js', 'self.page=1');
  write('_next/static/chunks/search.js', 'self.search=1');
  write('_next/static/chunks/polyfills.js', 'self.old=1');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('compile hints', () => {
  it('marks every startup script of every page, once, and leaves chunks loaded later or only by old browsers alone', () => {
    expect(addCompileHints(site)).toEqual(['/_next/static/chunks/app.js', '/_next/static/chunks/page.js']);
    addCompileHints(site);
    expect(read('_next/static/chunks/app.js')).toBe(`${COMPILE_HINT}self.app=1`);
    expect(read('_next/static/chunks/page.js')).toBe(`${COMPILE_HINT}self.page=1`);
    expect(read('_next/static/chunks/search.js')).toBe('self.search=1');
    expect(read('_next/static/chunks/polyfills.js')).toBe('self.old=1');
  });
});
