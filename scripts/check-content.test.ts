import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledFile } from '../lib/content/compiled';

const run = async (script: string, dir: string) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node_modules/.bin/tsx', [script, dir]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
};

describe('the content check and npm run urls:record', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'check-content-'));
  cpSync(path.join(import.meta.dirname, '../lib/content/fixtures/valid'), dir, { recursive: true });
  const list = path.join(dir, 'published-urls.txt');
  afterAll(() => rmSync(compiledFile(dir), { force: true }));

  it('records the URLs on purpose, and the check then passes', { timeout: 60_000 }, async () => {
    writeFileSync(list, '/procedures/alpha/\n');
    expect((await run('scripts/check-content.ts', dir)).code).toBe(1);
    const recorded = await run('scripts/record-urls.ts', dir);
    expect(recorded).toMatchObject({ code: 0, output: expect.stringContaining('Recorded 11 new URLs') });
    expect(readFileSync(list, 'utf8')).toContain('/procedures/beta/#restart-the-service\n');
    expect(await run('scripts/check-content.ts', dir)).toMatchObject({ code: 0, output: expect.stringContaining('Content check passed') });
  });

  it('fails, naming the URL and the fix, when a new step is not recorded, and leaves the list alone', { timeout: 60_000 }, async () => {
    const recorded = readFileSync(list, 'utf8');
    const beta = path.join(dir, 'beta.mdx');
    writeFileSync(beta, `${readFileSync(beta, 'utf8')}1. Check the event log.\n`);
    const check = await run('scripts/check-content.ts', dir);
    expect(check.code).toBe(1);
    expect(check.output).toContain('published URL is not recorded yet: /procedures/beta/#check-the-event-log');
    expect(check.output).toContain('fix: run npm run urls:record');
    expect(readFileSync(list, 'utf8')).toBe(recorded);
  });
});
