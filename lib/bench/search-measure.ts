import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { MANIFEST_FILE } from '../search/index-files';
import { createSearch } from '../search/engine';
import { QUERY_SET } from '../search/query-set';

export interface SearchFigures {
  files: number;
  totalRaw: number;
  totalGzip: number;
  manifestGzip: number;
  /** Gzipped bytes a first query downloads, over the query set. */
  firstQueryP50: number;
  firstQueryMax: number;
  firstQueryMaxRaw: number;
  latencyP50: number;
  latencyP95: number;
  correct: number;
  failures: string[];
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** The files of a built search index folder (such as `out/search-index`), name → JSON. */
export function readIndexFolder(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

/** Runs the query set against index files (name → JSON) as a browser would: first queries cold, then warm. */
export async function measureSearch(files: Map<string, string>): Promise<SearchFigures> {
  const gzip = new Map([...files].map(([file, text]) => [file, gzipSync(text, { level: 9 }).byteLength]));
  const raw = new Map([...files].map(([file, text]) => [file, Buffer.byteLength(text)]));
  const sum = (sizes: Map<string, number>, names: Iterable<string>) => [...names].reduce((total, file) => total + sizes.get(file)!, 0);

  const firstQuery: { raw: number; gzip: number }[] = [];
  const failures: string[] = [];
  let correct = 0;
  for (const { query, expected } of QUERY_SET) {
    const fetched = new Set<string>();
    const search = createSearch(async (file) => {
      fetched.add(file);
      return JSON.parse(files.get(file)!);
    });
    const [first] = (await search(query)).results;
    firstQuery.push({ raw: sum(raw, fetched), gzip: sum(gzip, fetched) });
    if (first?.doc.slug === expected) correct++;
    else failures.push(`${JSON.stringify(query)} → ${first?.doc.slug ?? 'nothing'} (expected ${expected})`);
  }

  const warm = createSearch(async (file) => JSON.parse(files.get(file)!));
  for (const { query } of QUERY_SET) await warm(query);
  const latencies: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const { query } of QUERY_SET) {
      const start = performance.now();
      await warm(query);
      latencies.push(performance.now() - start);
    }
  }
  return {
    files: files.size,
    totalRaw: sum(raw, files.keys()),
    totalGzip: sum(gzip, files.keys()),
    manifestGzip: gzip.get(MANIFEST_FILE) ?? 0,
    firstQueryP50: percentile(firstQuery.map((q) => q.gzip), 50),
    firstQueryMax: Math.max(...firstQuery.map((q) => q.gzip)),
    firstQueryMaxRaw: Math.max(...firstQuery.map((q) => q.raw)),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    correct,
    failures,
  };
}

export interface FirstSearchBytes {
  /** The scripts the browser fetched for the search: its code, loaded on first use. */
  code: { files: string[]; raw: number; gzip: number };
  /** The index files it fetched for the query. */
  index: { files: string[]; raw: number; gzip: number };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
};

/**
 * What a browser downloads for its first search on a built site (such as `out/`): it opens the
 * home page, waits for it to settle, then types `query` into the header box and records every
 * script and index file fetched until the suggestions show. Sizes are gzipped at level 9.
 */
export async function measureFirstSearch(outDir: string, chromiumPath: string, query: string): Promise<FirstSearchBytes> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // The files are served straight from the folder: no server to start, and nothing else is measured.
    await page.route('http://portal.localhost/**', async (route) => {
      const { pathname } = new URL(route.request().url());
      const file = path.join(outDir, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
      if (!file.startsWith(outDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
      return route.fulfill({ body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    });
    await page.goto('http://portal.localhost/');
    await page.waitForLoadState('networkidle');

    const fetched: Promise<{ url: string; body: Buffer }>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().resourceType() === 'script' || url.pathname.startsWith('/search-index/')) {
        fetched.push(response.body().then((body) => ({ url: url.pathname, body })));
      }
    });
    const box = page.getByRole('combobox', { name: 'Search procedures' });
    await box.focus();
    await box.fill(query);
    await page.getByRole('option').first().waitFor();
    const bodies = await Promise.all(fetched);

    const tally = (files: { url: string; body: Buffer }[]) => ({
      files: files.map((file) => file.url),
      raw: files.reduce((sum, file) => sum + file.body.byteLength, 0),
      gzip: files.reduce((sum, file) => sum + gzipSync(file.body, { level: 9 }).byteLength, 0),
    });
    return {
      code: tally(bodies.filter((file) => !file.url.startsWith('/search-index/'))),
      index: tally(bodies.filter((file) => file.url.startsWith('/search-index/'))),
    };
  } finally {
    await browser.close();
  }
}
