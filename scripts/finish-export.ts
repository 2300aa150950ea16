import { mkdirSync, writeFileSync } from 'node:fs';
import { finishExport } from '../lib/export/finish';
import { serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? 'out';
const { pages, hintedScripts, bootAfterPaintPages, offline } = await finishExport(outDir);
mkdirSync('headers', { recursive: true });
writeFileSync('headers/serve.json', `${JSON.stringify(serveConfig(), null, 2)}\n`);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
console.log(
  `Content Security Policy put into ${pages} pages, compile hint into ${hintedScripts} startup scripts, ` +
    `boot after first paint into ${bootAfterPaintPages} pages; server headers in headers/serve.json.\n` +
    `Service worker: ${offline.background.length} files (${kb(offline.backgroundBytes)}) cached in the background, ` +
    `${offline.onDemandProcedures} procedure pages (${offline.onDemand.length} files, ${kb(offline.onDemandBytes)}) kept when opened or on request.`,
);
