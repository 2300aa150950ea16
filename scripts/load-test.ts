import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';

/**
 * A short burst of concurrent requests against the built site, served the way
 * `npm start` serves it, from this second process on loopback. Bounded: a fixed
 * number of seconds, then both stop.
 */
const PORT = Number(process.env.LOAD_PORT ?? 3200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const PATHS = [
  '/',
  '/procedures/update-ad-ds-account-password/',
  '/procedures/change-sync-service-account-password/?build=1.1.614.0',
  '/procedures/how-to-connect-azureadaccount/',
  '/search/?q=AADSTS50054',
  '/search-index/manifest.json',
  '/symptoms/',
  '/procedures/no-such-page/',
];

if (!existsSync('out/index.html') || !existsSync('headers/serve.json')) {
  console.error('Build the site first: npm run build');
  process.exit(1);
}

const server = spawn('node_modules/.bin/serve', ['out', '--listen', String(PORT), '--no-clipboard', '--config', '../headers/serve.json'], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${PORT}`;
try {
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      if (attempt > 50) throw new Error('the server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: PATHS.map((path) => ({ method: 'GET', path })),
  });
  const expected404 = Math.round(result.requests.total / PATHS.length);
  console.log(`${SECONDS} s, ${CONNECTIONS} connections, ${PATHS.length} URLs in turn (one of them a 404 on purpose)`);
  console.log(`requests       ${result.requests.total} (${result.requests.average.toFixed(0)}/s average)`);
  console.log(`latency        p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`throughput     ${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s average`);
  console.log(`errors         ${result.errors} connection errors, ${result.timeouts} timeouts`);
  console.log(`status         ${result['2xx']} 2xx, ${result['4xx']} 4xx (about ${expected404} 404s expected), ${result['5xx']} 5xx`);
  if (result.errors > 0 || result.timeouts > 0 || result['5xx'] > 0) process.exitCode = 1;
} finally {
  server.kill();
}
