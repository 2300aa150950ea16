import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import pg from 'pg';
import type { EventsResponse } from '../lib/runs/api';
import type { RunEvent } from '../lib/runs/events';
import type { Outline } from '../lib/runs/outline';
import { newEventId } from '../lib/runs/events';
import type { ServiceConfig } from './config';

/*
 * Helpers for the service's tests: sites, databases and service processes of
 * their own, so test files can run side by side.
 */

/** The outline of the test site's one procedure: three steps, the third only for builds up to 1.1.443.0. */
export const DEMO_OUTLINE: Outline = {
  slug: 'demo-procedure',
  title: 'Demo procedure',
  revision: 'r1',
  inputs: [],
  sections: [{ id: 'steps', title: 'Steps' }],
  steps: ['one', 'two', 'three'].map((id) => ({ id, text: `Step ${id}`, parentId: null, number: '1.', ranges: id === 'three' ? ['<=1.1.443.0'] : [], section: 'steps', repeatFor: null })),
};

/** A tiny exported site: a home page, a procedure page with its outline, and a 404 page. */
export function testSite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-site-'));
  mkdirSync(path.join(dir, 'procedures/demo-procedure'), { recursive: true });
  mkdirSync(path.join(dir, 'outlines'), { recursive: true });
  writeFileSync(path.join(dir, 'outlines/demo-procedure.json'), JSON.stringify(DEMO_OUTLINE));
  mkdirSync(path.join(dir, '_next/static'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Home</title>');
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>Not found</title><h1>This page does not exist</h1>');
  writeFileSync(path.join(dir, 'procedures/demo-procedure/index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(path.join(dir, '_next/static/app.js'), 'console.log(1)');
  return dir;
}

/**
 * A fresh PGlite data folder. Creating one runs initdb (10 to 30 s here), so the
 * first call makes a template that every later one copies, across test files
 * and runs.
 */
export async function freshPgliteDir(): Promise<string> {
  const template = path.join(os.tmpdir(), 'runbook-pglite-template-0.5.16');
  const ready = path.join(template, '.ready');
  const lock = `${template}.lock`;
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      rmSync(template, { recursive: true, force: true });
      const db = await PGlite.create(template);
      await db.close();
      writeFileSync(ready, '');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-data-'));
  cpSync(template, dir, { recursive: true, filter: (source) => source !== ready });
  return dir;
}

/** A fresh database on the test PostgreSQL ($DATABASE_URL), or null when there is none. */
export async function freshPostgres(): Promise<string | null> {
  const admin = process.env.DATABASE_URL;
  if (!admin) return null;
  const name = `runbook_test_${newEventId().slice(0, 12)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

/** Why the PostgreSQL tests are skipped, when they are. */
export const NO_POSTGRES = 'DATABASE_URL is unset: the PostgreSQL tests need one (scripts/test-postgres.sh starts one; CI always does).';

/** A service configuration for tests: loopback, any free port, generous limits unless said. */
export function testConfig(overrides: Partial<ServiceConfig>): ServiceConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    siteDir: testSite(),
    databaseUrl: null,
    dataDir: '',
    token: null,
    trustProxyHeader: null,
    requestsPerMinute: 100_000,
    requestsPerAddress: 100_000,
    streamsPerClient: 100,
    allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
    ...overrides,
  };
}

let step = 0;

/** A tick event with a fresh id and a time that orders it after the previous one. */
export function tick(stepId: string, by: string | null = 'Ana'): RunEvent {
  return { id: newEventId(), at: new Date(Date.UTC(2026, 10, 23, 10, 0, 0, step++)).toISOString(), by, type: 'tick', step: stepId };
}

/** Posts events to a run as a page of the site would. */
export function post(base: string, run: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/runs/${run}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A live stream of a run as raw messages, read until `close`. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const messages: { id: string | undefined; event: RunEvent }[] = [];
  let wake = () => {};
  if (response.ok && response.body) {
    void (async () => {
      for await (const message of response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream())) {
        messages.push({ id: message.id, event: JSON.parse(message.data) as RunEvent });
        wake();
      }
    })().catch(() => {});
  }
  return {
    response,
    messages,
    /** Waits until at least `count` messages have come, or fails after `ms`. */
    async until(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
      return messages;
    },
    close: () => abort.abort(),
  };
}

/** The service as its own process (`npm start`), for tests that kill it. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` with `env` and waits until it listens; rejects with its output if it exits first. */
export function startProcess(env: Record<string, string>, ms = 60_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start in ${ms} ms:\n${output}`)), ms);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /serving .* at (http:\/\/\S+?)\/? /.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, output: () => output, exited });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code}:\n${output}`));
    });
  });
}

/** Storage in memory, in place of the browser's `localStorage`. */
export class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** Waits until `check` holds, looking every 100 ms; fails naming `what` after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every event the service holds for a run, read a page at a time as a client would. */
export async function allEvents(base: string, run: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for (let cursor = 0, more = true; more; ) {
    const response = await fetch(`${base}/api/runs/${run}/events?after=${cursor}`);
    if (!response.ok) throw new Error(`reading ${run} after ${cursor} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as EventsResponse;
    events.push(...page.events);
    ({ cursor, more } = page);
  }
  return events;
}

/**
 * A PostgreSQL cluster of a test's own, in `dir` on `port`, so stopping it disturbs no other test
 * (scripts/test-postgres.sh). `ctl` runs pg_ctl on it without blocking the test's clients.
 */
export function privateCluster(dir: string, port: number) {
  const env = { ...process.env, TEST_PG_DIR: dir };
  const exports = execFileSync('scripts/test-postgres.sh', ['start', String(port)], { env, encoding: 'utf8' });
  const url = /DATABASE_URL=(\S+)/.exec(exports)![1]!;
  const [command, ...args] = /TEST_PG_CTL='([^']+)'/.exec(exports)![1]!.split(' ');
  return {
    url,
    ctl: (more: string) =>
      new Promise<void>((resolve, reject) => execFile(command!, [...args, ...more.split(' ')], (error) => (error ? reject(error) : resolve()))),
    remove: () => execFileSync('scripts/test-postgres.sh', ['stop'], { env }),
  };
}

/** A TCP proxy to a port on loopback that a test can cut (every connection dropped, new ones refused) and restore. */
export async function cuttableProxy(targetPort: string | number) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((socket) => {
    if (!open) return socket.destroy();
    const upstream = net.connect(Number(targetPort), '127.0.0.1');
    for (const [a, b] of [[socket, upstream], [upstream, socket]] as const) {
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
    sockets.add(socket).add(upstream);
    socket.on('close', () => sockets.delete(socket));
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
