import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { MANIFEST_FILE } from '../search/build-index';
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
    const [first] = await search(query);
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
