import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { syntheticProcedures } from '../lib/bench/synthetic';
import { loadContent } from '../lib/content/load';
import { buildSearchIndex, type SearchSource } from '../lib/search/build-index';
import { createSearch } from '../lib/search/engine';
import { QUERY_SET } from '../lib/search/query-set';

const SYNTHETIC = Number(process.env.BENCH_PROCEDURES ?? 2000);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

const { procedures, errors } = await loadContent(path.resolve('content'));
if (errors.length > 0) throw new Error('content has errors: run npm run check:content');
const reservedCodes = procedures.flatMap((procedure) => procedure.symptoms.flatMap((symptom) => (symptom.code ? [symptom.code] : [])));
const reservedRanges = procedures.flatMap((procedure) => [procedure.appliesTo ?? '', ...procedure.steps.flatMap((step) => step.ranges)]);

async function measure(name: string, sources: SearchSource[]) {
  const started = performance.now();
  const files = buildSearchIndex(sources);
  const buildMs = performance.now() - started;
  const gzip = new Map([...files].map(([file, text]) => [file, gzipSync(text, { level: 9 }).byteLength]));
  const raw = new Map([...files].map(([file, text]) => [file, Buffer.byteLength(text)]));
  const sum = (sizes: Map<string, number>, names: Iterable<string>) => [...names].reduce((total, file) => total + sizes.get(file)!, 0);

  // Each query on a fresh page: what must be downloaded before its results show.
  const firstQuery: { raw: number; gzip: number }[] = [];
  let correct = 0;
  const failures: string[] = [];
  for (const { query, expected } of QUERY_SET) {
    const fetched = new Set<string>();
    const search = createSearch(async (file) => {
      fetched.add(file);
      return JSON.parse(files.get(file)!);
    });
    const [first] = await search(query);
    firstQuery.push({ raw: sum(raw, fetched), gzip: sum(gzip, fetched) });
    if (first?.doc.slug === expected) correct++;
    else failures.push(`  ${JSON.stringify(query)} → ${first?.doc.slug ?? 'nothing'} (expected ${expected})`);
  }

  // Latency once the files a query needs are in memory, as after the first search on a page.
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

  console.log(`\n${name}: ${sources.length} procedures`);
  console.log(`  index build            ${buildMs.toFixed(0)} ms, ${files.size} files`);
  console.log(`  index total            ${kb(sum(raw, files.keys()))} raw, ${kb(sum(gzip, files.keys()))} gzip`);
  console.log(`  manifest               ${kb(raw.get('manifest.json')!)} raw, ${kb(gzip.get('manifest.json')!)} gzip`);
  console.log(`  first query needs      p50 ${kb(percentile(firstQuery.map((q) => q.gzip), 50))}, max ${kb(Math.max(...firstQuery.map((q) => q.gzip)))} gzip (max ${kb(Math.max(...firstQuery.map((q) => q.raw)))} raw)`);
  console.log(`  query latency (warm)   p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms over ${latencies.length} queries`);
  console.log(`  top-1 accuracy         ${correct}/${QUERY_SET.length}`);
  if (failures.length > 0) console.log(failures.join('\n'));
  return correct;
}

const real = await measure('Real procedures only', procedures);
const mixed = await measure(
  'Real procedures mixed into synthetic ones',
  [...syntheticProcedures({ count: SYNTHETIC, reservedCodes, reservedRanges }), ...procedures],
);
console.log(`\nTop-1 accuracy ${mixed === real ? 'unchanged' : `changed from ${real} to ${mixed}`} at ${SYNTHETIC} synthetic procedures.`);
