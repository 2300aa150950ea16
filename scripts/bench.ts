import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { percentile, type SearchFigures } from '../lib/bench/search-measure';
import { syntheticMdx } from '../lib/bench/synthetic';
import { compiledFile } from '../lib/content/compiled';
import { loadContent } from '../lib/content/load';
import { finishExport } from '../lib/export/finish';
import { buildServiceWorker } from '../lib/export/service-worker';
import { pageWeight } from '../lib/measure/page-weight';
import { timeUntilReadyOffline } from '../lib/measure/offline-ready';
import { measureCommand } from '../lib/measure/process-tree';
import { OFFLINE_BUDGET_BYTES } from '../lib/offline/cache-plan';
import { serveConfig } from '../lib/security/headers';

/**
 * Builds the portal with synthetic procedures beside the real ones at several
 * sizes and prints one table. Works in .bench/: content/ and out/ are never
 * touched. BENCH_SIZES (default 50,500,2000), BENCH_LIGHTHOUSE_RUNS
 * (default 3; 0 skips Lighthouse) and BENCH_COMPILE_TWICE (default 1; 0 skips
 * the second build of each size) change what it does.
 *
 * A build is what `npm run build` runs: the content check, then `next build`.
 * Each size is also built the way it was before the check handed its compiled
 * procedures to `next build` (which then compiled them again in every
 * worker), and a second table compares the two.
 */
const SIZES = (process.env.BENCH_SIZES ?? '50,500,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const COMPILE_TWICE = process.env.BENCH_COMPILE_TWICE !== '0';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORK = path.resolve('.bench');
/** The bench serves the blank page on BENCH_PORT - 1, each size on BENCH_PORT + its index, and its offline run 3 ports higher. */
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const NEXT = path.resolve('node_modules/.bin/next');
const TSX = path.resolve('node_modules/.bin/tsx');
const seconds = (value: number) => `${value.toFixed(0)} s`;
const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const PAGES = { home: '/', procedure: '/procedures/change-sync-service-account-password/', search: '/search/', runs: '/runs/' };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** The framework floor: the same Next.js, one blank page, exported the same way. Returns its folder. */
async function blankFloor(): Promise<string> {
  const dir = path.join(WORK, 'blank');
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'next.config.mjs'), "export default { output: 'export', trailingSlash: true };\n");
  writeFileSync(path.join(dir, 'app/layout.js'), 'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
  writeFileSync(path.join(dir, 'app/page.js'), 'export default function Page() { return <p>Blank</p>; }\n');
  const result = await measureCommand(NEXT, ['build', dir], env);
  if (result.code !== 0) throw new Error(`the blank page did not build:\n${result.output}`);
  return path.join(dir, 'out');
}

function contentFolder(size: number, reservedCodes: string[], reservedRanges: string[]): string {
  const dir = path.join(WORK, `content-${size}`);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync('content')) {
    if (name.endsWith('.mdx') || name === 'shared') cpSync(path.join('content', name), path.join(dir, name), { recursive: true });
  }
  for (const { name, text } of syntheticMdx({ count: size, reservedCodes, reservedRanges })) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function serve(site: string, port: number) {
  const config = path.join(WORK, `serve-${port}.json`);
  writeFileSync(config, JSON.stringify(serveConfig()));
  const server = spawn(path.resolve('node_modules/.bin/serve'), [site, '--listen', String(port), '--no-clipboard', '--config', config], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  server.kill();
  throw new Error('the site could not be served');
}

/** Search figures for a built index, measured by scripts/measure-search.ts in a process of its own. */
function measureSearchApart(indexDir: string): Promise<SearchFigures> {
  return new Promise((resolve, reject) => {
    execFile(TSX, ['scripts/measure-search.ts', indexDir], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`measuring search failed:\n${stderr}`));
      else resolve(JSON.parse(stdout) as SearchFigures);
    });
  });
}

/** Lighthouse, mobile, median of RUNS, in Debian's Chromium. */
async function lighthouseScores(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const scores: Record<'performance' | 'accessibility' | 'best-practices', number[]> = { performance: [], accessibility: [], 'best-practices': [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(scores) });
      for (const category of Object.keys(scores) as (keyof typeof scores)[]) {
        scores[category].push(Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
      }
    }
  } finally {
    chrome.kill();
  }
  return Object.fromEntries(Object.entries(scores).map(([category, values]) => [category, percentile(values, 50)])) as Record<keyof typeof scores, number>;
}

type Scores = Awaited<ReturnType<typeof lighthouseScores>>;

/** Lighthouse scores of pages of a built site, served with the portal's headers; NaN when BENCH_LIGHTHOUSE_RUNS=0. */
async function scoresOfPages<Name extends string>(site: string, port: number, pages: Record<Name, string>): Promise<Record<Name, Scores>> {
  const scores = {} as Record<Name, Scores>;
  if (RUNS === 0) {
    for (const name in pages) scores[name] = { performance: NaN, accessibility: NaN, 'best-practices': NaN };
    return scores;
  }
  const server = await serve(site, port);
  try {
    for (const name in pages) scores[name] = await lighthouseScores(`http://127.0.0.1:${port}${pages[name]}`);
    return scores;
  } finally {
    server.kill();
  }
}

const { procedures } = await loadContent(path.resolve('content'));
const reservedCodes = procedures.flatMap((procedure) => procedure.symptoms.flatMap((symptom) => (symptom.code ? [symptom.code] : [])));
const reservedRanges = procedures.flatMap((procedure) => [procedure.appliesTo ?? '', ...procedure.steps.flatMap((step) => step.ranges)]);

const blank = await blankFloor();
const floor = pageWeight(blank, '/').jsGzip;
const { blank: blankScores } = await scoresOfPages(blank, PORT - 1, { blank: '/' });
const lh = (scores: Scores) => `${scores.performance} / ${scores.accessibility} / ${scores['best-practices']}`;
console.log(`Framework floor (blank Next.js page, same build): ${kb(floor)} KB of gzipped JS; Lighthouse ${lh(blankScores)}\n`);

/**
 * The content check, then `next build`, timed together, with the peak memory
 * of the larger. With compileTwice, the check's compiled procedures are
 * removed before `next build`, as if it had never kept them.
 */
async function build(content: string, site: string, compileTwice: boolean) {
  const buildEnv = { ...env, CONTENT_DIR: content, NEXT_DIST_DIR: path.relative(process.cwd(), site) };
  const steps = [];
  for (const [command, args] of [[TSX, ['scripts/check-content.ts']], [NEXT, ['build']]] as const) {
    if (command === NEXT && compileTwice) rmSync(compiledFile(content));
    const step = await measureCommand(command, [...args], buildEnv);
    if (step.code !== 0) {
      console.error(`The build of ${content} failed:\n${step.output.slice(-4000)}`);
      process.exit(1);
    }
    steps.push(step);
  }
  return { seconds: steps.reduce((sum, step) => sum + step.seconds, 0), peakBytes: Math.max(...steps.map((step) => step.peakBytes)) };
}

const rows: string[][] = [];
const compileOnceRows: string[][] = [];
for (const [index, size] of SIZES.entries()) {
  const content = contentFolder(size, reservedCodes, reservedRanges);
  const site = path.join(WORK, `site-${size}`);
  // Compiling once goes first, so that whatever the first build warms up favours the other.
  const after = await build(content, site, false);
  if (COMPILE_TWICE) {
    const before = await build(content, site, true);
    compileOnceRows.push([
      `${size + procedures.length}`,
      seconds(before.seconds),
      seconds(after.seconds),
      (after.seconds / before.seconds).toFixed(2),
      gigabytes(before.peakBytes),
      gigabytes(after.peakBytes),
      (after.peakBytes / before.peakBytes).toFixed(2),
    ]);
  }
  finishExport(site);
  const offline = await buildServiceWorker(site);
  const offlineServer = await serve(site, PORT + 3 + index);
  const readyOffline = await timeUntilReadyOffline(`http://127.0.0.1:${PORT + 3 + index}/`, CHROMIUM).finally(() => offlineServer.kill());
  const weights = Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, pageWeight(site, page)]));
  const indexDir = path.join(site, 'search-index');
  const search = await measureSearchApart(indexDir);
  const { home, procedure } = await scoresOfPages(site, PORT + index, { home: PAGES.home, procedure: PAGES.procedure });
  rows.push([
    `${size + procedures.length}`,
    seconds(after.seconds),
    gigabytes(after.peakBytes),
    ...Object.values(weights).map((weight) => `${kb(weight.htmlGzip)} / ${kb(weight.jsGzip)} (+${kb(weight.jsGzip - floor)})`),
    `${kb(search.firstQueryMax)} KB, ${search.latencyP95.toFixed(1)} ms, ${search.correct}/${search.failures.length + search.correct}`,
    lh(home),
    lh(procedure),
    `${kb(offline.backgroundBytes)} KB in ${offline.background.length} files, search index ${kb(offline.searchIndexBytes)} KB; ${offline.onDemandPages} pages on demand`,
    `${(readyOffline / 1000).toFixed(1)} s`,
  ]);
  console.log(`done: ${size} synthetic procedures`);
  rmSync(content, { recursive: true, force: true });
}

const table = (header: string[], body: string[][]) =>
  `\n| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n${body.map((row) => `| ${row.join(' | ')} |`).join('\n')}`;
const header = [
  'procedures',
  'build',
  'peak memory',
  'home: HTML / JS gzip KB (+ above floor)',
  'procedure',
  'search page',
  'runs page',
  'search: first query max gzip, p95, top-1',
  'Lighthouse home (perf / a11y / best practices)',
  'Lighthouse procedure',
  'offline: cached in the background (budget ' + kb(OFFLINE_BUDGET_BYTES) + ' KB, search index not counted)',
  'ready offline after',
];
console.log(table(header, rows));
if (COMPILE_TWICE) {
  console.log(
    table(
      ['procedures', 'build, compiling twice', 'build, compiling once', 'ratio', 'peak memory, twice', 'once', 'ratio'],
      compileOnceRows,
    ),
  );
}
console.log(`\nFramework floor: ${kb(floor)} KB gzipped JS; the blank page scores ${lh(blankScores)} on Lighthouse served the same way. Lighthouse: mobile, median of ${RUNS}, ${CHROMIUM}.`);
