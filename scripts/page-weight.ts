import { pageWeight } from '../lib/measure/page-weight';

const [outDir = 'out', ...pages] = process.argv.slice(2);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('page | HTML gzip | scripts | JS raw | JS gzip');
for (const page of pages.length > 0 ? pages : ['/']) {
  const weight = pageWeight(outDir, page);
  const raw = weight.scripts.reduce((sum, script) => sum + script.bytes, 0);
  console.log(`${page} | ${kb(weight.htmlGzip)} | ${weight.scripts.length} | ${kb(raw)} | ${kb(weight.jsGzip)}`);
}
