import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceConfig } from './config';
import { LOCK_FILE, lockDataDir } from './data-lock';
import { startService, type RunningService } from './service';
import { freshPgliteDir, startProcess, testConfig, testSite, type ServiceProcess } from './testing';

/*
 * The service's doors: who may knock (Host, token, proxy identity), what it
 * answers when it cannot read a request, where it sends people, and that one
 * data folder has one instance.
 */

const RUN = 'demo-procedure/INC-4711';
const started: RunningService[] = [];
const processes: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.close()));
});
afterEach(() => {
  for (const service of processes.splice(0)) service.child.kill('SIGKILL');
});

const token = 'a-long-random-test-token-1234';
const header = 'X-Forwarded-Email';
let dataDir = '';
/** Services most tests share: plain (two streams a client), with a token, behind a sign-in proxy. */
let plain = '';
let withToken = '';
let behindProxy = '';
beforeAll(async () => {
  dataDir = await freshPgliteDir();
  [plain, withToken, behindProxy] = await Promise.all([serviceOf({ streamsPerClient: 2 }), serviceOf({ token }), serviceOf({ trustProxyHeader: header })]);
}, 120_000);

/** A service of this file's own, on a copy of the template PGlite folder. */
async function serviceOf(overrides: Partial<ServiceConfig> = {}): Promise<string> {
  const service = await startService(testConfig({ dataDir: await freshPgliteDir(), ...overrides }), () => {});
  started.push(service);
  return service.url;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one request exactly as written (a doubled header, a backslash, a
 * header's value in UTF-8 or in `encoding`), and reads the answer until the
 * service closes the connection.
 */
function raw(base: string, target: string, headers: [string, string][] = [], method = 'GET', encoding: BufferEncoding = 'utf8'): Promise<RawResponse> {
  const { hostname, port, host } = new URL(base);
  const lines = [`${method} ${target} HTTP/1.1`, ...(headers.some(([name]) => /^host$/i.test(name)) ? [] : [`Host: ${host}`])];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  lines.push('Connection: close', '', '');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...fields] = head.split('\r\n');
      const headers = Object.fromEntries(fields.map((field) => [field.slice(0, field.indexOf(':')).toLowerCase(), field.slice(field.indexOf(':') + 1).trim()]));
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(Buffer.from(lines.join('\r\n'), encoding));
  });
}

function unchunk(body: string): string {
  let out = '';
  for (let rest = body; ; ) {
    const end = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, end), 16);
    if (!size) return out;
    out += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}

/** An answer of ours: JSON that says what is wrong, with our security headers. */
function expectOurError(response: RawResponse, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect((JSON.parse(response.body) as { error: string }).error).toMatch(message);
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
}

describe('one instance per PGlite folder', () => {
  it("a second start on a folder in use exits at once, naming the folder and the process; a crashed holder's lock does not block a restart", async () => {
    const env = { PORT: '0', RUNBOOK_DATA: dataDir, RUNBOOK_SITE: testSite(), DATABASE_URL: '' };
    const first = await startProcess(env);
    processes.push(first);

    // It exits before opening the database; what time it takes is Node's own start (seconds, on a busy machine).
    const second = startProcess(env, 30_000);
    second.then((service) => processes.push(service), () => {});
    await expect(second).rejects.toThrow(new RegExp(`exited with 1:\\n\\[runbook\\] The run database in ${dataDir} is in use by process ${first.child.pid}\\b`));

    first.child.kill('SIGKILL');
    await first.exited;
    const restarted = await startProcess(env);
    processes.push(restarted);
    expect((await fetch(`${restarted.url}/api/runs`)).status).toBe(200);
  }, 120_000);

  it('takes over a lock whose process is gone, refuses one whose process runs, and releases its own', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-lock-'));
    const lock = path.join(dir, LOCK_FILE);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lock, `${gone}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lock)).toBe(false);

    writeFileSync(lock, `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(`The run database in ${dir} is in use by process ${process.ppid}`);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`);
  });
});

describe('the Host allow-list', () => {
  it('by default answers only to the loopback names, for the API and the site alike, and says what to set', async () => {
    const { port } = new URL(plain);
    for (const target of ['/api/runs', '/', '/procedures/demo-procedure/', '/api/service.json']) {
      const refused = await raw(plain, target, [['Host', `attacker.example:${port}`]]);
      expectOurError(refused, 421, /attacker\.example.*RUNBOOK_ALLOWED_HOSTS/);
      if (target.startsWith('/api/')) expect(refused.headers['cache-control']).toBe('no-store');
    }
    const write = await raw(plain, `/api/runs/${RUN}/events`, [['Host', 'attacker.example'], ['Origin', 'http://attacker.example'], ['Content-Type', 'application/json'], ['Content-Length', '2']], 'POST');
    expect(write.status).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST'])
      expect((await raw(plain, '/api/runs', [['Host', host]])).status, host).toBe(200);
  });

  it('answers to the names it is given', async () => {
    const base = await serviceOf({ allowedHosts: ['runbooks.example.com', 'localhost', '127.0.0.1', '[::1]'] });
    expect((await raw(base, '/api/runs', [['Host', 'runbooks.example.com']])).status).toBe(200);
    expect((await raw(base, '/api/runs', [['Host', 'runbooks.example.com:8443']])).status).toBe(200);
    expect((await raw(base, '/api/runs', [['Host', 'evil.runbooks.example.com']])).status).toBe(421);
  }, 60_000);
});

describe('redirects', () => {
  it('never leave the site', async () => {
    const targets = ['//evil.example/x%2f..%2f..%2fprocedures/demo-procedure', '//evil.example/..%2fprocedures%2fdemo-procedure', '/%2fevil.example/..%2f..%2fprocedures/demo-procedure', '/%5cevil.example/..%2f..%2fprocedures/demo-procedure'];
    for (const target of targets) {
      const response = await raw(plain, target);
      expect(response.headers.location ?? '', target).not.toMatch(/^(\/[/\\]|[a-z][a-z0-9+.-]*:)/i);
    }
    const short = await raw(plain, '/procedures/demo-procedure?run=INC-1');
    expect([short.status, short.headers.location]).toEqual([308, '/procedures/demo-procedure/?run=INC-1']);
  });
});

describe('the live stream', () => {
  it('HEAD takes no stream place: after more HEADs than the cap, a stream still opens', async () => {
    for (let index = 0; index < 3; index++) {
      const head = await fetch(`${plain}/api/runs/${RUN}/stream`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    }
    const abort = new AbortController();
    const stream = await fetch(`${plain}/api/runs/${RUN}/stream`, { signal: abort.signal });
    expect(stream.status).toBe(200);
    abort.abort();
  });
});

describe('behind a sign-in proxy', () => {
  it('a header sent twice is refused, not joined into one identity', async () => {
    const doubled = await raw(behindProxy, '/api/runs', [[header, 'ana@example.com'], [header, 'ben@example.com']]);
    expectOurError(doubled, 400, /X-Forwarded-Email.*more than once/);
  });

  it('an identity in UTF-8 is read as UTF-8; one that is not a well-formed value is refused', async () => {
    const accented = await raw(behindProxy, '/api/service.json', [[header, 'José Núñez <jose@example.com>']]);
    expect(JSON.parse(accented.body)).toMatchObject({ identity: 'José Núñez <jose@example.com>' });
    expect((await raw(behindProxy, '/api/runs', [[header, 'José Núñez']])).status).toBe(200);

    expectOurError(await raw(behindProxy, '/api/runs', [[header, 'ana\u0085@example.com']]), 400, /X-Forwarded-Email/);
    expectOurError(await raw(behindProxy, '/api/runs', [[header, 'x'.repeat(101)]]), 400, /longer than 100/);
    // Latin-1 that is not UTF-8: 'é' as the one byte 0xE9.
    expectOurError(await raw(behindProxy, '/api/runs', [[header, 'Jos\xe9']], 'GET', 'latin1'), 400, /not UTF-8/);
  });

  it('changing the identity sent does not get past the rate limit: each remote address is counted too', async () => {
    const base = await serviceOf({ trustProxyHeader: header, requestsPerMinute: 5, requestsPerAddress: 8 });
    const statuses = async (identities: string[]) => {
      const answers = [];
      for (const identity of identities) answers.push((await raw(base, '/api/runs', [[header, identity]])).status);
      return answers;
    };
    expect(await statuses(Array(7).fill('ana@example.com'))).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(await statuses(['ben@example.com', 'cy@example.com', 'dee@example.com'])).toEqual([200, 429, 429]);
  }, 60_000);
});

describe("the server's own answers", () => {
  it('a request it cannot read gets JSON and our headers: a backslash in the path, a path of 20,000 characters', async () => {
    expectOurError(await raw(plain, '/procedures\\demo-procedure/'), 400, /backslash/i);
    expectOurError(await raw(plain, `/${'a'.repeat(20_000)}`), 431, /too large/i);
  });

  it('every API answer, errors from its checks included, is no-store', async () => {
    const refused = await raw(withToken, '/api/runs');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await raw(withToken, '/api/nothing-here', [['Authorization', `Bearer ${token}`]])).headers['cache-control']).toBe('no-store');
  });

  it('a non-GET on the site gets JSON that says what is allowed', async () => {
    const response = await raw(plain, '/procedures/demo-procedure/', [['Content-Length', '0']], 'DELETE');
    expectOurError(response, 405, /GET/);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});

describe('the access token', () => {
  it('is taken whatever the case of "Bearer"', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER'])
      expect((await fetch(`${withToken}/api/runs`, { headers: { Authorization: `${scheme} ${token}` } })).status, scheme).toBe(200);
  });
});
