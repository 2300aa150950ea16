import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { percentile, type SearchFigures } from '../lib/bench/search-measure';
import { syntheticMdx } from '../lib/bench/synthetic';
import { compiledFile } from '../lib/content/compiled';
import { loadContent } from '../lib/content/load';
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
 * (default 3; 0 skips Lighthouse), BENCH_COMPILE_TWICE (default 1; 0 skips
 * the second build of each size) and BENCH_BASELINE (below) change what it does.
 *
 * A build is what `npm run build` runs: the content check, `next build`, then
 * the post-build step (scripts/finish-export.ts). Each size is built twice
 * more, for a second table:
 * - compiling twice: this code, with the check's compiled procedures removed
 *   before `next build`, as if it had never kept them;
 * - the baseline: the project as it was at BENCH_BASELINE (default acf6b75,
 *   the last commit before the build reused the check's work), from `git
 *   archive`, with the same synthetic procedures beside that commit's own real
 *   ones, run with this install's packages. BENCH_BASELINE=none skips it.
 *
 * BENCH_REPEAT (default 1) builds each of the three that many times, taking turns, so that a slow
 * minute of a shared machine falls on all of them alike; the table gives each one's median, every
 * time it took, and the range of the ratios of the builds made in the same turn.
 */
const SIZES = (process.env.BENCH_SIZES ?? '50,500,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const COMPILE_TWICE = process.env.BENCH_COMPILE_TWICE !== '0';
const BASELINE = process.env.BENCH_BASELINE ?? 'acf6b75';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
/** What `next build` leaves in .next/ when it cleans up before building. */
const NEXT_KEEPS = ['cache', 'dev', 'diagnostics', 'lock', 'trace'];
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

/** A project's real procedures and `size` synthetic ones, in `.bench/<name>`. */
function contentFolder(project: string, name: string, size: number, reservedCodes: string[], reservedRanges: string[]): string {
  const dir = path.join(WORK, name);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(path.join(project, 'content'))) {
    if (name.endsWith('.mdx') || name === 'shared') cpSync(path.join(project, 'content', name), path.join(dir, name), { recursive: true });
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
const lh = (scores: Scores) => (RUNS === 0 ? 'not run' : `${scores.performance} / ${scores.accessibility} / ${scores['best-practices']}`);
console.log(`Framework floor (blank Next.js page, same build): ${kb(floor)} KB of gzipped JS; Lighthouse ${lh(blankScores)}\n`);

/**
 * The project at BENCH_BASELINE, unpacked with this install's packages into a temporary folder: not
 * inside this project, whose lockfile Turbopack would take for the baseline's root. The packages are
 * hard links where the file system allows, so they take no room.
 */
function baselineProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-baseline-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  process.on('SIGINT', () => process.exit(130));
  execFileSync('sh', ['-c', `git archive ${BASELINE} | tar -x -C "${dir}"`]);
  const [from, to] = [path.resolve('node_modules'), path.join(dir, 'node_modules')];
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' });
  } catch {
    // Across file systems (a tmpfs /tmp) hard links fail halfway: start again with a copy.
    rmSync(to, { recursive: true, force: true });
    execFileSync('cp', ['-a', from, to]);
  }
  return dir;
}

/**
 * What `npm run build` runs, in `project`: the content check, `next build` and the post-build step,
 * timed together, with the peak memory of the largest. With compileTwice, the check's compiled
 * procedures are removed before `next build`, as if it had never kept them.
 */
async function build(project: string, content: string, site: string, compileTwice = false) {
  const relativeSite = path.relative(project, site);
  const buildEnv = { ...env, CONTENT_DIR: content, NEXT_DIST_DIR: relativeSite };
  const steps = [];
  // Every build starts from the same state: no site, and no earlier build's output for `next build` to clean up.
  // What Next keeps between builds stays (its caches, and a running `next dev`'s folder).
  rmSync(site, { recursive: true, force: true });
  const dotNext = path.join(project, '.next');
  for (const entry of existsSync(dotNext) ? readdirSync(dotNext) : []) {
    if (!NEXT_KEEPS.includes(entry)) rmSync(path.join(dotNext, entry), { recursive: true, force: true });
  }
  // Each project's own binaries, so that Next and React load from the same node_modules.
  const [tsx, next] = ['tsx', 'next'].map((name) => path.join(project, 'node_modules/.bin', name)) as [string, string];
  for (const [command, args] of [[tsx, ['scripts/check-content.ts']], [next, ['build']], [tsx, ['scripts/finish-export.ts', relativeSite]]] as const) {
    if (command === next && compileTwice) rmSync(compiledFile(content));
    const step = await measureCommand(command, [...args], buildEnv, project);
    if (step.code !== 0) {
      console.error(`The build of ${content} failed:\n${step.output.slice(-4000)}`);
      process.exit(1);
    }
    steps.push(step);
  }
  return { seconds: steps.reduce((sum, step) => sum + step.seconds, 0), peakBytes: Math.max(...steps.map((step) => step.peakBytes)) };
}

const baseline = BASELINE === 'none' ? null : baselineProject();
if (baseline) {
  // Built once unmeasured, so that its bundler cache is as warm as this project's.
  const warmUp = contentFolder(baseline, 'baseline-content-warm-up', 0, reservedCodes, reservedRanges);
  await build(baseline, warmUp, path.join(baseline, 'site-warm-up'));
  rmSync(warmUp, { recursive: true, force: true });
}

type Built = Awaited<ReturnType<typeof build>>;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** A variant's median time, with every time it took when it was built more than once. */
const timeOf = (builds: Built[]) => {
  const times = builds.map((built) => built.seconds);
  return builds.length === 1 ? seconds(times[0]!) : `${seconds(median(times))} (${times.map((time) => time.toFixed(0)).join(' / ')})`;
};
/** The ratio of the medians, with the range of the ratios of builds made in the same turn. */
const ratioOf = (after: Built[], other: Built[]) => {
  const ratio = (median(after.map((built) => built.seconds)) / median(other.map((built) => built.seconds))).toFixed(2);
  if (after.length === 1) return ratio;
  const turns = after.map((built, turn) => built.seconds / other[turn]!.seconds);
  return `${ratio} (${Math.min(...turns).toFixed(2)}–${Math.max(...turns).toFixed(2)})`;
};
const peakOf = (builds: Built[]) => gigabytes(Math.max(...builds.map((built) => built.peakBytes)));

const rows: string[][] = [];
const compileOnceRows: string[][] = [];
for (const [index, size] of SIZES.entries()) {
  const project = process.cwd();
  const content = contentFolder(project, `content-${size}`, size, reservedCodes, reservedRanges);
  const site = path.join(WORK, `site-${size}`);
  const baselineContent = baseline && contentFolder(baseline, `baseline-content-${size}`, size, reservedCodes, reservedRanges);
  const after: Built[] = [];
  const twice: Built[] = [];
  const before: Built[] = [];
  for (let turn = 0; turn < REPEAT; turn++) {
    // This code goes first, so that whatever the first build warms up favours the others. Compiling
    // twice writes the same site to the same folder, which the figures below are read from.
    after.push(await build(project, content, site));
    if (COMPILE_TWICE) twice.push(await build(project, content, site, true));
    if (baseline) before.push(await build(baseline, baselineContent!, path.join(baseline, `site-${size}`)));
  }
  if (twice.length > 0 || before.length > 0) {
    const figures = (other: Built[]) => (other.length > 0 ? [timeOf(other), ratioOf(after, other), peakOf(other)] : ['–', '–', '–']);
    compileOnceRows.push([`${size + procedures.length}`, timeOf(after), peakOf(after), ...figures(before), ...figures(twice)]);
  }
  // The build built the service worker; this reads its figures again.
  const offline = await buildServiceWorker(site);
  const offlineServer = await serve(site, PORT + 3 + index);
  const readyOffline = await timeUntilReadyOffline(`http://127.0.0.1:${PORT + 3 + index}/`, CHROMIUM).finally(() => offlineServer.kill());
  const weights = Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, pageWeight(site, page)]));
  const indexDir = path.join(site, 'search-index');
  const search = await measureSearchApart(indexDir);
  const { home, procedure } = await scoresOfPages(site, PORT + index, { home: PAGES.home, procedure: PAGES.procedure });
  rows.push([
    `${size + procedures.length}`,
    timeOf(after),
    peakOf(after),
    ...Object.values(weights).map((weight) => `${kb(weight.htmlGzip)} / ${kb(weight.jsGzip)} (+${kb(weight.jsGzip - floor)})`),
    `${kb(search.firstQueryMax)} KB, ${search.latencyP95.toFixed(1)} ms, ${search.correct}/${search.failures.length + search.correct}`,
    lh(home),
    lh(procedure),
    `${kb(offline.backgroundBytes)} KB in ${offline.background.length} files, search index ${kb(offline.searchIndexBytes)} KB; ${offline.onDemandPages} pages on demand`,
    `${(readyOffline / 1000).toFixed(1)} s`,
  ]);
  console.log(`done: ${size} synthetic procedures`);
  for (const folder of [content, baselineContent]) if (folder) rmSync(folder, { recursive: true, force: true });
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
if (compileOnceRows.length > 0) {
  console.log(`\nThe build (check, next build, post-build step), against the baseline at ${BASELINE} and against this code compiling twice:`);
  console.log(
    table(
      ['procedures', 'build', 'peak memory', `baseline (${BASELINE})`, 'ratio', 'its peak memory', 'compiling twice', 'ratio', 'its peak memory'],
      compileOnceRows,
    ),
  );
}
console.log(
  RUNS === 0
    ? `\nFramework floor: ${kb(floor)} KB gzipped JS. Lighthouse not run (BENCH_LIGHTHOUSE_RUNS=0).`
    : `\nFramework floor: ${kb(floor)} KB gzipped JS; the blank page scores ${lh(blankScores)} on Lighthouse served the same way. Lighthouse: mobile, median of ${RUNS}, ${CHROMIUM}.`,
);
