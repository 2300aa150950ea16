import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { startProcess } from './testing';

const read = (result: ReturnType<typeof readConfig>) => (result.ok ? result.config.allowedHosts : result.error);

describe('readConfig', () => {
  it('listens on 127.0.0.1:3000 with PGlite in data/ when nothing is set', () => {
    const read = readConfig({});
    expect(read.ok && read.config).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: null, token: null, trustProxyHeader: null });
    expect(read.ok && read.config.dataDir).toMatch(/\/data$/);
  });

  it('refuses to listen on another address without a token or a trusted proxy header, and says what to set', () => {
    const read = readConfig({ HOST: '0.0.0.0' });
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^Refusing to listen on 0\.0\.0\.0 .*RUNBOOK_TOKEN.*RUNBOOK_TRUST_PROXY_HEADER/) });
    expect(readConfig({ HOST: '0.0.0.0', RUNBOOK_TOKEN: 'x'.repeat(32), RUNBOOK_ALLOWED_HOSTS: 'runbooks.example.com' }).ok).toBe(true);
    expect(readConfig({ HOST: '::', RUNBOOK_TRUST_PROXY_HEADER: 'X-Forwarded-Email', RUNBOOK_ALLOWED_HOSTS: 'runbooks.example.com' }).ok).toBe(true);
  });

  it('answers to the loopback names by default; on another address, only once told its names', () => {
    const loopback = ['localhost', '127.0.0.1', '[::1]'];
    for (const HOST of [undefined, '127.0.0.1', '::1', 'localhost']) {
      const read = readConfig({ HOST });
      expect(read.ok && read.config.allowedHosts, HOST).toEqual(loopback);
    }
    const listed = readConfig({ RUNBOOK_ALLOWED_HOSTS: ' Runbooks.Example.com, 10.0.0.5:3000,[fd00::5] ,' });
    expect(read(listed)).toEqual([...loopback, 'runbooks.example.com', '10.0.0.5:3000', '[fd00::5]']);

    const token = 'x'.repeat(32);
    expect(readConfig({ HOST: '0.0.0.0', RUNBOOK_TOKEN: token })).toEqual({ ok: false, error: expect.stringMatching(/^Listening on 0\.0\.0\.0, .*set RUNBOOK_ALLOWED_HOSTS/) });
    expect(read(readConfig({ HOST: '10.0.0.5', RUNBOOK_TOKEN: token, RUNBOOK_ALLOWED_HOSTS: '10.0.0.5' }))).toEqual([...loopback, '10.0.0.5']);
    for (const bad of ['https://runbooks.example.com', 'fd00::5', 'a b', '*.example.com'])
      expect(readConfig({ RUNBOOK_ALLOWED_HOSTS: bad }), bad).toEqual({ ok: false, error: expect.stringContaining(`RUNBOOK_ALLOWED_HOSTS must list the names people reach the service by`) });
  });

  it('names the setting that is wrong', () => {
    expect(readConfig({ PORT: 'eighty' })).toEqual({ ok: false, error: expect.stringContaining('PORT must be a port number') });
    expect(readConfig({ RUNBOOK_TOKEN: 'short' })).toEqual({ ok: false, error: expect.stringContaining('RUNBOOK_TOKEN must be at least 16') });
    expect(readConfig({ RUNBOOK_TRUST_PROXY_HEADER: 'X Email' })).toEqual({ ok: false, error: expect.stringContaining('must be a header name') });
    expect(readConfig({ DATABASE_URL: 'mysql://x' })).toEqual({ ok: false, error: expect.stringContaining('DATABASE_URL must be a PostgreSQL URL') });
    expect(readConfig({ RUNBOOK_RATE_LIMIT: '0' })).toEqual({ ok: false, error: expect.stringContaining('RUNBOOK_RATE_LIMIT') });
    expect(readConfig({ RUNBOOK_RATE_LIMIT_PER_ADDRESS: 'lots' })).toEqual({ ok: false, error: expect.stringContaining('RUNBOOK_RATE_LIMIT_PER_ADDRESS must be') });
  });

  it("behind a sign-in proxy, limits each remote address to ten people's requests unless told otherwise", () => {
    const read = readConfig({ RUNBOOK_RATE_LIMIT: '100' });
    expect(read.ok && [read.config.requestsPerMinute, read.config.requestsPerAddress]).toEqual([100, 1000]);
    const told = readConfig({ RUNBOOK_RATE_LIMIT_PER_ADDRESS: '5000' });
    expect(told.ok && [told.config.requestsPerMinute, told.config.requestsPerAddress]).toEqual([600, 5000]);
  });
});

describe('npm start', () => {
  it('refuses to start on a public address without access control, and exits saying why', async () => {
    const started = startProcess({ HOST: '0.0.0.0', PORT: '3167', RUNBOOK_TOKEN: '', RUNBOOK_TRUST_PROXY_HEADER: '' });
    await expect(started).rejects.toThrow(/exited with 1:\n\[runbook\] Refusing to listen on 0\.0\.0\.0 without access control/);
  }, 30_000);
});
