import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSource, parsePolicy } from '../security/headers';
import { COMPILE_HINT } from './compile-hints';
import * as apart from './finish-apart';
import { ExportProblems, finishExport, finishExportApart } from './finish';
import { PROCEDURE_PAGE, exportFolder, readSnapshotPage, SNAPSHOTS, snapshotPages } from './fixtures/snapshot';
import { attributeOf, attributesOf, type Element, elementsWhere, type Page, parsePage, textOf } from './html';
import { movedPage } from './content-files';
import { isPolicyMeta } from './page-policy';
import { pageProblems } from './page-problems';
import { BOOT_LOADER_ATTRIBUTE, bootLoaderScripts } from './startup-scripts';

vi.mock('./finish-apart', { spy: true });

let out = '';
afterEach(() => rmSync(out, { recursive: true, force: true }));
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

const scriptsIn = (page: Page) => elementsWhere(page, (element) => element.tagName === 'script');
const isInline = (script: Element) => attributeOf(script, 'src') === undefined;
const isLoader = (element: Element) => attributeOf(element, BOOT_LOADER_ATTRIBUTE) !== undefined;
const isNextAsync = (element: Element) =>
  element.tagName === 'script' && (attributeOf(element, 'src') ?? '').startsWith('/_next/static/') && attributeOf(element, 'async') !== undefined;
const isScriptPreload = (element: Element) => element.tagName === 'link' && attributeOf(element, 'as') === 'script';

/** The tree as plain data, without parent links and without the elements `drop` picks, to compare what a browser builds. */
function shape(page: Page, drop: (element: Element) => boolean): unknown {
  return JSON.parse(
    JSON.stringify(page, (key, value: unknown) => {
      if (key === 'parentNode') return undefined;
      if (key === 'childNodes' && Array.isArray(value)) return value.filter((child: Element) => !('tagName' in child) || !drop(child));
      return value;
    }),
  );
}

describe.each(SNAPSHOTS)('finishing a real export (%s)', (snapshot) => {
  const pages = snapshotPages(snapshot);

  it('rewrites every page, says so, and a second run changes nothing', () => {
    out = exportFolder(snapshot);
    expect(finishExport(out)).toEqual({ pages: pages.length, bootAfterPaintPages: pages.length, hintedScripts: expect.any(Number) });
    const finished = pages.map(read);
    expect(finishExport(out)).toMatchObject({ pages: pages.length, bootAfterPaintPages: 0 });
    expect(pages.map(read)).toEqual(finished);
  });

  it("moves each page's async startup scripts, with all their attributes and in order, into the boot loader, and drops their preload", () => {
    out = exportFolder(snapshot);
    finishExport(out);
    for (const page of pages) {
      const before = parsePage(readSnapshotPage(snapshot, page));
      const after = parsePage(read(page));
      const moved = elementsWhere(before, isNextAsync);
      expect(moved.length, page).toBeGreaterThan(0);
      expect(bootLoaderScripts(after), page).toEqual(moved.map(attributesOf));
      if (snapshot === 'next-build-crossorigin') {
        for (const script of bootLoaderScripts(after)) expect(script, page).toMatchObject({ async: '', crossorigin: '' });
      }
      expect(elementsWhere(after, isNextAsync), page).toEqual([]);
      expect(elementsWhere(after, isScriptPreload), page).toEqual([]);
      expect(elementsWhere(after, isLoader).length, page).toBe(1);
    }
  });

  it('keeps everything else a browser builds from the page as Next wrote it', () => {
    out = exportFolder(snapshot);
    finishExport(out);
    for (const page of pages) {
      const before = shape(parsePage(readSnapshotPage(snapshot, page)), (element) => isNextAsync(element) || isScriptPreload(element));
      const after = shape(parsePage(read(page)), (element) => isLoader(element) || isPolicyMeta(element));
      expect(after, page).toEqual(before);
    }
  });

  it("gives each page a policy, before its first script, that allows exactly its inline scripts' bytes as written", () => {
    out = exportFolder(snapshot);
    finishExport(out);
    for (const page of pages) {
      const html = read(page);
      const tree = parsePage(html);
      const [meta, ...others] = elementsWhere(tree, isPolicyMeta);
      expect(others, page).toEqual([]);
      expect(elementsWhere(tree, (element) => element === meta || element.tagName === 'script')[0], page).toBe(meta);
      const inline = scriptsIn(tree).filter(isInline).map(textOf);
      // Next's own inline scripts come through byte for byte: their text as written is in the page.
      const nextInline = scriptsIn(parsePage(readSnapshotPage(snapshot, page))).filter(isInline).map(textOf);
      for (const code of nextInline) expect(html.includes(`>${code}</script>`), page).toBe(true);
      const scriptSrc = parsePolicy(attributeOf(meta!, 'content')!)['script-src']!;
      expect(scriptSrc, page).toEqual(["'self'", ...new Set(inline.map(hashSource))]);
      expect(scriptSrc.join(' '), page).not.toMatch(/unsafe/);
    }
  });

  it('finishes every page the same when the pages are shared among processes', async () => {
    out = exportFolder(snapshot);
    const alone = exportFolder(snapshot);
    try {
      vi.mocked(apart.finishPagesApart).mockClear();
      expect(await finishExportApart(out, 3)).toEqual(finishExport(alone));
      expect(apart.finishPagesApart).toHaveBeenCalledWith(out, expect.any(Array), Math.min(3, pages.length), expect.any(AbortSignal));
      for (const page of pages) expect(read(page), page).toBe(readFileSync(path.join(alone, page), 'utf8'));
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('finishes, in this process, the pages written while the others work', async () => {
    out = exportFolder(snapshot);
    const moved = 'procedures/old-name/index.html';
    const finished = await finishExportApart(out, 2, 1, async () => {
      mkdirSync(path.join(out, 'procedures/old-name'));
      writeFileSync(path.join(out, moved), movedPage({ slug: 'reset-azure-ad-connector-account', title: 'Reset the connector account' }));
      return [moved];
    });
    expect(finished).toMatchObject({ pages: pages.length + 1, bootAfterPaintPages: pages.length });
    const page = parsePage(read(moved));
    expect(elementsWhere(page, isPolicyMeta)).toHaveLength(1);
    expect(pageProblems(page)).toEqual([]);
  });

  it('stops the other processes when the work beside them fails', async () => {
    out = exportFolder(snapshot);
    vi.mocked(apart.finishPagesApart).mockClear();
    await expect(
      finishExportApart(out, 2, 1, async () => {
        throw new Error('the content no longer compiles');
      }),
    ).rejects.toThrow('the content no longer compiles');
    const signal = vi.mocked(apart.finishPagesApart).mock.calls[0]![3]!;
    expect(signal.aborted).toBe(true);
  });

  it('finishes a small export in this process, with no process started for it', async () => {
    out = exportFolder(snapshot);
    vi.mocked(apart.finishPagesApart).mockClear();
    expect(await finishExportApart(out, 4, pages.length + 1)).toEqual({ pages: pages.length, bootAfterPaintPages: pages.length, hintedScripts: expect.any(Number) });
    expect(apart.finishPagesApart).not.toHaveBeenCalled();
  });

  it('puts the compile hint into every startup script once, and not into the script only old browsers load', () => {
    out = exportFolder(snapshot);
    finishExport(out);
    finishExport(out);
    const tree = parsePage(read(PROCEDURE_PAGE));
    for (const { src } of bootLoaderScripts(tree)) expect(read(src!)).toBe(`${COMPILE_HINT}self.chunk=${JSON.stringify(src)}`);
    const [legacy] = scriptsIn(tree).filter((script) => attributeOf(script, 'nomodule') !== undefined);
    expect(read(attributeOf(legacy!, 'src')!)).not.toContain(COMPILE_HINT);
  });
});

describe('finishing an export fails the build, naming the page and what it expected', () => {
  const problems = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ExportProblems) return error;
      throw error;
    }
    throw new Error('finishExport did not fail');
  };

  it("when a page's startup scripts are written in a way the rewrite does not take", () => {
    // As if a new Next wrote `defer` where it writes `async` now.
    out = exportFolder('next-build-crossorigin', (html, page) => (page === PROCEDURE_PAGE ? html.replaceAll('async=""', 'defer=""') : html));
    const error = problems(() => finishExport(out));
    expect(error.problems.map((problem) => problem.file)).toEqual([path.posix.join(out, PROCEDURE_PAGE)]);
    expect(error.message).toContain(
      `${path.posix.join(out, PROCEDURE_PAGE)}: Next's startup scripts still load before the first paint (8, the first written as <script src="/_next/static/chunks/`,
    );
    expect(error.message).toContain('defer="" crossorigin="">); expected them in the boot loader');
    expect(error.message).toContain('fix: make lib/export/boot-after-paint.ts take the script tags this version of Next writes');
  });

  it('when a page with Next on it has no startup scripts where they are expected', () => {
    // As if Next were set to load its scripts from another path (`assetPrefix`).
    out = exportFolder('next-build', (html, page) => (page === 'index.html' ? html.replaceAll('src="/_next/static/', 'src="/cdn/_next/static/') : html));
    const error = problems(() => finishExport(out));
    expect(error.message).toContain(
      `${path.posix.join(out, 'index.html')}: the page has Next's inline data but no startup scripts: expected <script src="/_next/static/…" async> tags`,
    );
    expect(error.problems.map((problem) => problem.file)).toEqual([path.posix.join(out, 'index.html')]);
  });

  it('when a page is broken, also with the pages shared among processes', async () => {
    out = exportFolder('next-build-crossorigin', (html, page) => (page === PROCEDURE_PAGE ? html.replaceAll('async=""', 'defer=""') : html));
    const error = await finishExportApart(out, 2).then(
      () => null,
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(ExportProblems);
    expect((error as ExportProblems).problems.map((problem) => problem.file)).toEqual([path.posix.join(out, PROCEDURE_PAGE)]);
  });

  it('when a page loads a startup script that is not in the export', () => {
    out = exportFolder('next-build');
    const [script] = [...readSnapshotPage('next-build', '404.html').matchAll(/src="(\/_next\/static\/[^"]+\.js)" async=""/g)].map((match) => match[1]!);
    unlinkSync(path.join(out, script!));
    expect(problems(() => finishExport(out)).message).toMatch(new RegExp(`: the page loads ${script} at startup, which is not in the export`));
  });
});
