import path from 'node:path';

/** How one instance of the run service is set up, read from its environment. */
export interface ServiceConfig {
  host: string;
  port: number;
  /** The exported site to serve. */
  siteDir: string;
  /** PostgreSQL to use; without it, PGlite keeps the runs in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** The secret every API request must carry as `Authorization: Bearer …`. */
  token: string | null;
  /** The request header a sign-in proxy sets to the person's identity, trusted as who did what. */
  trustProxyHeader: string | null;
  /** API requests one client may make in a minute. */
  requestsPerMinute: number;
  /** Behind a sign-in proxy, API requests from one remote address in a minute, whatever identities they carry. */
  requestsPerAddress: number;
  /** Live streams one client may hold open at once. */
  streamsPerClient: number;
  /**
   * The names a request's `Host` may give (lowercase, an IPv6 address in brackets): an entry
   * without a port allows that name on any port. Always the loopback names, and RUNBOOK_ALLOWED_HOSTS.
   */
  allowedHosts: string[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const HOST_ENTRY = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
const MIN_TOKEN = 16;

/**
 * Reads the service's environment. Returns what is wrong, in words that say
 * how to fix it, rather than a service that would listen unprotected.
 */
export function readConfig(env: Record<string, string | undefined>): { ok: true; config: ServiceConfig } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  const host = env.HOST || '127.0.0.1';
  const port = whole(env.PORT, 3000);
  if (port === null || port > 65535) return fail(`PORT must be a port number from 0 to 65535, not "${env.PORT}".`);
  const requestsPerMinute = whole(env.RUNBOOK_RATE_LIMIT, 600);
  if (!requestsPerMinute) return fail(`RUNBOOK_RATE_LIMIT must be a number of requests per minute, 1 or more, not "${env.RUNBOOK_RATE_LIMIT}".`);
  const requestsPerAddress = whole(env.RUNBOOK_RATE_LIMIT_PER_ADDRESS, 10 * requestsPerMinute);
  if (!requestsPerAddress)
    return fail(`RUNBOOK_RATE_LIMIT_PER_ADDRESS must be a number of requests per minute, 1 or more, not "${env.RUNBOOK_RATE_LIMIT_PER_ADDRESS}".`);
  const streamsPerClient = whole(env.RUNBOOK_MAX_STREAMS, 20);
  if (!streamsPerClient) return fail(`RUNBOOK_MAX_STREAMS must be a number of streams, 1 or more, not "${env.RUNBOOK_MAX_STREAMS}".`);

  const token = env.RUNBOOK_TOKEN || null;
  if (token !== null && (token.length < MIN_TOKEN || /\s/.test(token)))
    return fail(`RUNBOOK_TOKEN must be at least ${MIN_TOKEN} characters with no spaces; make one with "openssl rand -hex 32".`);
  const trustProxyHeader = env.RUNBOOK_TRUST_PROXY_HEADER || null;
  if (trustProxyHeader !== null && !HEADER_NAME.test(trustProxyHeader))
    return fail(`RUNBOOK_TRUST_PROXY_HEADER must be a header name such as X-Forwarded-Email, not "${trustProxyHeader}".`);
  if (!LOOPBACK.has(host) && !token && !trustProxyHeader)
    return fail(
      `Refusing to listen on ${host} without access control: anyone who can reach it could read and change every run. ` +
        'Set RUNBOOK_TOKEN to a long random secret (the page asks for it once), or RUNBOOK_TRUST_PROXY_HEADER to the header ' +
        'your sign-in proxy sets (such as X-Forwarded-Email), or listen on 127.0.0.1 behind a proxy.',
    );

  const listedHosts = (env.RUNBOOK_ALLOWED_HOSTS ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const badHost = listedHosts.find((entry) => !HOST_ENTRY.test(entry));
  if (badHost !== undefined)
    return fail(`RUNBOOK_ALLOWED_HOSTS must list the names people reach the service by, separated by commas, such as "runbooks.example.com,10.0.0.5:3000" (an IPv6 address in brackets), not "${badHost}".`);
  if (!LOOPBACK.has(host) && listedHosts.length === 0)
    return fail(
      `Listening on ${host}, the service needs to know the names people reach it by, so that no other site's page can reach it under a name of its own (DNS rebinding): ` +
        'set RUNBOOK_ALLOWED_HOSTS to them, such as runbooks.example.com.',
    );

  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl))
    return fail('DATABASE_URL must be a PostgreSQL URL such as postgres://runbook@localhost/runbook, or unset to keep runs in RUNBOOK_DATA.');

  return {
    ok: true,
    config: {
      host,
      port,
      siteDir: path.resolve(env.RUNBOOK_SITE || 'out'),
      databaseUrl,
      dataDir: path.resolve(env.RUNBOOK_DATA || 'data'),
      token,
      trustProxyHeader,
      requestsPerMinute,
      requestsPerAddress,
      streamsPerClient,
      allowedHosts: [...new Set([...LOOPBACK_HOSTS, ...listedHosts])],
    },
  };
}

function whole(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value === '') return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}
