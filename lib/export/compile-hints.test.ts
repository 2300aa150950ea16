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
  write('_next/static/chunks/app.js', 'self.app=1');
  write('_next/static/chunks/page.js', 'self.page=1');
  write('_next/static/chunks/search.js', 'self.search=1');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('compile hints', () => {
  it('mark each startup script once, and leave other chunks alone', () => {
    const startup = ['/_next/static/chunks/page.js', '/_next/static/chunks/app.js?dpl=1'];
    expect(addCompileHints(site, startup)).toEqual({ hinted: ['/_next/static/chunks/app.js?dpl=1', '/_next/static/chunks/page.js'], missing: [] });
    addCompileHints(site, startup);
    expect(read('_next/static/chunks/app.js')).toBe(`${COMPILE_HINT}self.app=1`);
    expect(read('_next/static/chunks/page.js')).toBe(`${COMPILE_HINT}self.page=1`);
    expect(read('_next/static/chunks/search.js')).toBe('self.search=1');
  });

  it('report a startup script that is not in the export', () => {
    expect(addCompileHints(site, ['/_next/static/chunks/gone.js'])).toEqual({ hinted: [], missing: ['/_next/static/chunks/gone.js'] });
  });
});
