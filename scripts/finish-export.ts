import { mkdirSync, writeFileSync } from 'node:fs';
import { finishExport } from '../lib/export/finish';
import { serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? 'out';
const { pages, hintedScripts, bootAfterPaintPages } = finishExport(outDir);
mkdirSync('headers', { recursive: true });
writeFileSync('headers/serve.json', `${JSON.stringify(serveConfig(), null, 2)}\n`);
console.log(
  `Content Security Policy put into ${pages} pages, compile hint into ${hintedScripts} startup scripts, ` +
    `boot after first paint into ${bootAfterPaintPages} pages; server headers in headers/serve.json.`,
);
