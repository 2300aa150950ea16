import { measureSearch, readIndexFolder } from '../lib/bench/search-measure';

/**
 * Measures search over a built index folder and prints the figures as JSON. The site bench runs it
 * as a process of its own, with a heap as fresh as a browser tab's: in the bench's own process,
 * collecting the garbage of its builds doubled the p95 latency.
 */
const dir = process.argv[2];
if (!dir) {
  console.error('Usage: tsx scripts/measure-search.ts <search index folder>, such as out/search-index');
  process.exit(2);
}
console.log(JSON.stringify(await measureSearch(readIndexFolder(dir))));
