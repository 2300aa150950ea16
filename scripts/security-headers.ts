import { mkdirSync, writeFileSync } from 'node:fs';
import { addPolicies, serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? 'out';
const pages = addPolicies(outDir);
mkdirSync('headers', { recursive: true });
writeFileSync('headers/serve.json', `${JSON.stringify(serveConfig(), null, 2)}\n`);
console.log(`Content Security Policy put into ${pages} pages; server headers in headers/serve.json.`);
