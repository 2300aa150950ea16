import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { bootAfterPaint, withBootAfterPaint } from './boot-after-paint';

const PAGE =
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>' +
  '<script src="/_next/static/chunks/f.js" async=""></script><script src="/_next/static/chunks/m.js" async=""></script></head>' +
  '<body><h1>Procedure</h1><script src="/_next/static/chunks/old.js" noModule=""></script><script src="/_next/static/chunks/w.js" async=""></script>' +
  '<script>self.__next_f.push([1,"data"])</script></body></html>';

const LOADED = ['/_next/static/chunks/f.js async', '/_next/static/chunks/m.js async', '/_next/static/chunks/w.js async'];

/** Runs the page's loader in a fake document; returns what it appended to <head> and the callbacks it left waiting. */
function runLoader(html: string, visibilityState: 'visible' | 'hidden') {
  const loader = /<script>(\(function\(boot\)[\s\S]*?)<\/script><\/body>/.exec(html)![1]!;
  const appended: string[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const visibilityListeners: (() => void)[] = [];
  runInNewContext(loader, {
    document: {
      visibilityState,
      createElement: () => ({}),
      head: { appendChild: (script: { src: string; async: boolean }) => appended.push(`${script.src}${script.async ? ' async' : ''}`) },
      addEventListener: (type: string, listener: () => void) => type === 'visibilitychange' && visibilityListeners.push(listener),
    },
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => timers.push(callback),
  });
  return { appended, frames, timers, visibilityListeners };
}

describe('booting after the first paint', () => {
  const html = withBootAfterPaint(PAGE);

  it('takes the async startup scripts and their preload out of the page, and keeps the rest', () => {
    expect(html).not.toMatch(/<script src="[^"]*" async=""/);
    expect(html).not.toContain('rel="preload" as="script"');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(html).toContain('<script src="/_next/static/chunks/old.js" noModule=""></script>');
    expect(html).toContain('<script>self.__next_f.push([1,"data"])</script>');
    expect(html).toMatch(/<h1>Procedure<\/h1>[\s\S]*<script>\(function\(boot\)[\s\S]*<\/script><\/body><\/html>$/);
  });

  it('loads the same scripts, in order, once the first frame is painted, and only once', () => {
    const { appended, frames, timers, visibilityListeners } = runLoader(html, 'visible');
    expect(appended).toEqual([]);
    frames.forEach((frame) => frame());
    expect(appended).toEqual([]);
    timers.forEach((timer) => timer());
    expect(appended).toEqual(LOADED);
    visibilityListeners.forEach((listener) => listener());
    expect(appended).toEqual(LOADED);
  });

  it('loads them at once in a background tab, where no frame is painted', () => {
    const { appended, frames } = runLoader(html, 'hidden');
    expect(frames).toEqual([]);
    expect(appended).toEqual(LOADED);
  });

  it('loads them when the tab goes to the background before its first frame', () => {
    const { appended, frames, visibilityListeners } = runLoader(html, 'visible');
    visibilityListeners.forEach((listener) => listener());
    expect(appended).toEqual(LOADED);
    frames.forEach((frame) => frame());
    expect(appended).toEqual(LOADED);
  });

  it('leaves a page alone that has no startup scripts or was rewritten already', () => {
    expect(withBootAfterPaint(html)).toBe(html);
    const plain = '<html><body><p>No scripts</p></body></html>';
    expect(withBootAfterPaint(plain)).toBe(plain);
  });

  it('cannot be made to close its own script tag by a script address', () => {
    const hostile = PAGE.replace('/_next/static/chunks/f.js', '/_next/static/chunks/</script><b>.js');
    expect(withBootAfterPaint(hostile)).not.toContain('</script><b>');
  });
});

describe('rewriting an exported folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rewrites the pages that have startup scripts and counts them; a second pass changes nothing', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'boot-after-paint-'));
    writeFileSync(path.join(dir, 'index.html'), PAGE);
    writeFileSync(path.join(dir, 'plain.html'), '<html><body>No scripts</body></html>');
    expect(bootAfterPaint(dir)).toBe(1);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(withBootAfterPaint(PAGE));
    expect(bootAfterPaint(dir)).toBe(0);
  });
});
