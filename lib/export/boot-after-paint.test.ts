import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootAfterPaint } from './boot-after-paint';
import { PROCEDURE_PAGE, readSnapshotPage, SNAPSHOTS } from './fixtures/snapshot';
import { attributeOf, type Element, elementsWhere, parsePage, serializePage, textOf } from './html';
import { BOOT_LOADER_ATTRIBUTE } from './startup-scripts';

/** The page rewritten, as written to disk. */
function rewritten(html: string): string {
  const tree = parsePage(html);
  bootAfterPaint(tree);
  return serializePage(tree);
}

const loaderOf = (html: string) => elementsWhere(parsePage(html), (element) => attributeOf(element, BOOT_LOADER_ATTRIBUTE) !== undefined);

/** The `src`, `async` and `crossorigin` of each async script tag, read off the HTML as Next wrote it. */
function asyncScriptTags(html: string): Record<string, string>[] {
  return [...html.matchAll(/<script ([^>]*\basync=""[^>]*)>/g)].map(([, attributes]) =>
    Object.fromEntries([...attributes!.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
  );
}

/** Runs the page's loader in a fake document; returns the scripts it added to <head>, as their attributes, and the callbacks it left waiting. */
function runLoader(html: string, visibilityState: 'visible' | 'hidden') {
  const [loader] = loaderOf(html) as [Element];
  const appended: Record<string, string>[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const visibilityListeners: (() => void)[] = [];
  runInNewContext(textOf(loader), {
    JSON,
    document: {
      visibilityState,
      currentScript: { dataset: { bootAfterPaint: attributeOf(loader, BOOT_LOADER_ATTRIBUTE) } },
      createElement: () => ({ attributes: {}, setAttribute(name: string, value: string) { (this.attributes as Record<string, string>)[name] = value; } }),
      head: { appendChild: (script: { attributes: Record<string, string> }) => appended.push(script.attributes) },
      addEventListener: (type: string, listener: () => void) => type === 'visibilitychange' && visibilityListeners.push(listener),
    },
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => timers.push(callback),
  });
  return { appended, frames, timers, visibilityListeners };
}

describe.each(SNAPSHOTS)('booting a real page after the first paint (%s)', (snapshot) => {
  const next = readSnapshotPage(snapshot, PROCEDURE_PAGE);
  const html = rewritten(next);
  const scripts = asyncScriptTags(next);

  it('loads the same scripts, in order and with the attributes Next gave them, once the first frame is painted, and only once', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const { appended, frames, timers, visibilityListeners } = runLoader(html, 'visible');
    expect(appended).toEqual([]);
    frames.forEach((frame) => frame());
    expect(appended).toEqual([]);
    timers.forEach((timer) => timer());
    expect(appended).toEqual(scripts);
    visibilityListeners.forEach((listener) => listener());
    expect(appended).toEqual(scripts);
  });

  it('loads them at once in a background tab, where no frame is painted', () => {
    const { appended, frames } = runLoader(html, 'hidden');
    expect(frames).toEqual([]);
    expect(appended).toEqual(scripts);
  });

  it('loads them when the tab goes to the background before its first frame', () => {
    const { appended, frames, visibilityListeners } = runLoader(html, 'visible');
    visibilityListeners.forEach((listener) => listener());
    expect(appended).toEqual(scripts);
    frames.forEach((frame) => frame());
    expect(appended).toEqual(scripts);
  });

  it('puts the loader last in the page, after the content and Next’s data', () => {
    expect(html).toMatch(/<script data-boot-after-paint="[^"]+">\(function\(scripts\)[^<]*<\/script><\/body><\/html>$/);
  });

  it('leaves a page alone that was rewritten already', () => {
    const tree = parsePage(html);
    expect(bootAfterPaint(tree)).toBe(false);
    expect(serializePage(tree)).toBe(html);
  });
});

describe('booting after the first paint', () => {
  it('leaves a page without startup scripts alone', () => {
    const tree = parsePage('<!doctype html><html><head></head><body><p>No scripts</p></body></html>');
    expect(bootAfterPaint(tree)).toBe(false);
    expect(loaderOf(serializePage(tree))).toEqual([]);
  });

  it('cannot be made to close its own script tag by a script address', () => {
    const hostile = '/_next/static/chunks/</script><b>.js';
    const html = rewritten(`<!doctype html><html><head><script src="${hostile}" async=""></script></head><body></body></html>`);
    expect(elementsWhere(parsePage(html), (element) => element.tagName === 'b')).toEqual([]);
    expect(runLoader(html, 'hidden').appended).toEqual([{ src: hostile, async: '' }]);
  });
});
