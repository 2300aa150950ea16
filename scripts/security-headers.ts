import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nginxPolicyMap, serveConfig } from '../lib/security/headers';

const outDir = process.argv[2] ?? 'out';
const target = 'headers';
mkdirSync(target, { recursive: true });
const config = serveConfig(outDir);
writeFileSync(path.join(target, 'serve.json'), `${JSON.stringify(config, null, 2)}\n`);
writeFileSync(path.join(target, 'nginx-csp.conf'), nginxPolicyMap(outDir));
console.log(`Security headers for ${config.headers.length - 1} pages written to ${target}/serve.json and ${target}/nginx-csp.conf.`);
