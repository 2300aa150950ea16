import { mkdirSync, writeFileSync } from 'node:fs';
import { ExportProblems, finishExport } from '../lib/export/finish';
import { serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? 'out';
const start = performance.now();
try {
  const { pages, bootAfterPaintPages, hintedScripts } = finishExport(outDir);
  mkdirSync('headers', { recursive: true });
  writeFileSync('headers/serve.json', `${JSON.stringify(serveConfig(), null, 2)}\n`);
  console.log(
    `Content Security Policy put into ${pages} pages, boot after first paint into ${bootAfterPaintPages} pages, ` +
      `compile hint into ${hintedScripts} startup scripts, in ${((performance.now() - start) / 1000).toFixed(1)} s; server headers in headers/serve.json.`,
  );
} catch (error) {
  if (!(error instanceof ExportProblems)) throw error;
  console.error(error.message);
  process.exit(1);
}
