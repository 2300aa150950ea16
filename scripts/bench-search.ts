import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureFirstSearch, measureSearch } from '../lib/bench/search-measure';
import { syntheticProcedures } from '../lib/bench/synthetic';
import { loadContent } from '../lib/content/load';
import { buildSearchIndex, type SearchSource } from '../lib/search/build-index';
import { QUERY_SET } from '../lib/search/query-set';

const SYNTHETIC = Number(process.env.BENCH_PROCEDURES ?? 2000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('out');
const FIRST_QUERY = 'Event ID 6000';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { procedures, errors } = await loadContent(path.resolve('content'));
if (errors.length > 0) throw new Error('content has errors: run npm run check:content');
const reservedCodes = procedures.flatMap((procedure) => procedure.symptoms.flatMap((symptom) => (symptom.code ? [symptom.code] : [])));
const reservedRanges = procedures.flatMap((procedure) => [procedure.appliesTo ?? '', ...procedure.steps.flatMap((step) => step.ranges)]);

/** The search code a first search downloads, measured in Chromium on the site built in out/. */
async function searchCode(): Promise<number | undefined> {
  if (!existsSync(path.join(OUT, 'index.html'))) {
    console.log('No site in out/: run `npm run build` first to measure the code a first search downloads.');
    return undefined;
  }
  const first = await measureFirstSearch(OUT, CHROMIUM, FIRST_QUERY);
  console.log(`First search in Chromium on out/, ${JSON.stringify(FIRST_QUERY)} typed into the header box:`);
  console.log(`  code                   ${kb(first.code.gzip)} gzip (${kb(first.code.raw)} raw) in ${first.code.files.join(', ') || 'no scripts'}`);
  console.log(`  index                  ${kb(first.index.gzip)} gzip in ${first.index.files.join(', ')}`);
  console.log(`  together               ${kb(first.code.gzip + first.index.gzip)} gzip`);
  return first.code.gzip;
}

async function measure(name: string, sources: SearchSource[], code: number | undefined) {
  const started = performance.now();
  const files = buildSearchIndex(sources);
  const buildMs = performance.now() - started;
  const figures = await measureSearch(files);
  console.log(`\n${name}: ${sources.length} procedures`);
  console.log(`  index build            ${buildMs.toFixed(0)} ms, ${figures.files} files`);
  console.log(`  index total            ${kb(figures.totalRaw)} raw, ${kb(figures.totalGzip)} gzip`);
  console.log(`  manifest               ${kb(figures.manifestGzip)} gzip`);
  console.log(`  first query needs      p50 ${kb(figures.firstQueryP50)}, max ${kb(figures.firstQueryMax)} gzip (max ${kb(figures.firstQueryMaxRaw)} raw)`);
  if (code !== undefined) {
    console.log(`  with the search code   p50 ${kb(code + figures.firstQueryP50)}, max ${kb(code + figures.firstQueryMax)} gzip`);
  }
  console.log(`  query latency (warm)   p50 ${figures.latencyP50.toFixed(2)} ms, p95 ${figures.latencyP95.toFixed(2)} ms`);
  console.log(`  top-1 accuracy         ${figures.correct}/${QUERY_SET.length}`);
  for (const failure of figures.failures) console.log(`    ${failure}`);
  return figures.correct;
}

const code = await searchCode();
const real = await measure('Real procedures only', procedures, code);
const mixed = await measure(
  'Real procedures mixed into synthetic ones',
  [...syntheticProcedures({ count: SYNTHETIC, reservedCodes, reservedRanges }), ...procedures],
  code,
);
console.log(`\nTop-1 accuracy ${mixed === real ? 'unchanged' : `changed from ${real} to ${mixed}`} at ${SYNTHETIC} synthetic procedures.`);
