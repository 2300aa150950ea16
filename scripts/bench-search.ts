import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureSearch } from '../lib/bench/search-measure';
import { syntheticProcedures } from '../lib/bench/synthetic';
import { loadContent } from '../lib/content/load';
import { buildSearchIndex, type SearchSource } from '../lib/search/build-index';
import { QUERY_SET } from '../lib/search/query-set';

const SYNTHETIC = Number(process.env.BENCH_PROCEDURES ?? 2000);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { procedures, errors } = await loadContent(path.resolve('content'));
if (errors.length > 0) throw new Error('content has errors: run npm run check:content');
const reservedCodes = procedures.flatMap((procedure) => procedure.symptoms.flatMap((symptom) => (symptom.code ? [symptom.code] : [])));
const reservedRanges = procedures.flatMap((procedure) => [procedure.appliesTo ?? '', ...procedure.steps.flatMap((step) => step.ranges)]);

async function measure(name: string, sources: SearchSource[]) {
  const started = performance.now();
  const files = buildSearchIndex(sources);
  const buildMs = performance.now() - started;
  const figures = await measureSearch(files);
  console.log(`\n${name}: ${sources.length} procedures`);
  console.log(`  index build            ${buildMs.toFixed(0)} ms, ${figures.files} files`);
  console.log(`  index total            ${kb(figures.totalRaw)} raw, ${kb(figures.totalGzip)} gzip`);
  console.log(`  manifest               ${kb(figures.manifestGzip)} gzip`);
  console.log(`  first query needs      p50 ${kb(figures.firstQueryP50)}, max ${kb(figures.firstQueryMax)} gzip (max ${kb(figures.firstQueryMaxRaw)} raw)`);
  console.log(`  query latency (warm)   p50 ${figures.latencyP50.toFixed(2)} ms, p95 ${figures.latencyP95.toFixed(2)} ms`);
  console.log(`  top-1 accuracy         ${figures.correct}/${QUERY_SET.length}`);
  for (const failure of figures.failures) console.log(`    ${failure}`);
  return figures.correct;
}

const real = await measure('Real procedures only', procedures);
const mixed = await measure('Real procedures mixed into synthetic ones', [
  ...syntheticProcedures({ count: SYNTHETIC, reservedCodes, reservedRanges }),
  ...procedures,
]);
console.log(`\nTop-1 accuracy ${mixed === real ? 'unchanged' : `changed from ${real} to ${mixed}`} at ${SYNTHETIC} synthetic procedures.`);
