import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/.bin/tsx');

/** Runs one of the scripts the way npm does, on its own copy of the valid fixture content. */
async function run(script: string, args: string[], dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [path.resolve('scripts', script), ...args], { env: { ...process.env, CONTENT_DIR: dir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function copyOfValidContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(path.resolve('lib/content/fixtures/valid'), dir, { recursive: true });
  return dir;
}

describe('npm run new', { timeout: 60_000 }, () => {
  it('writes a procedure that passes the check, and refuses to write over it or take an old name', async () => {
    const dir = copyOfValidContent();
    const made = await run('new-procedure.ts', ['Renew the signing certificate'], dir);
    expect(made.code).toBe(0);
    expect(existsSync(path.join(dir, 'renew-the-signing-certificate.mdx'))).toBe(true);

    const check = await run('check-content.ts', [dir], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/Content check passed: 3 procedures/);

    const again = await run('new-procedure.ts', ['Renew the signing certificate'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Not written: .*renew-the-signing-certificate\.mdx already exists/);

    const alias = await run('new-procedure.ts', ['Something new', '--slug', 'old-alpha'], dir);
    expect(alias.code).toBe(1);
    expect(alias.stderr).toMatch(/"old-alpha" is an old name \(alias\) of .*alpha\.mdx/);
    expect(existsSync(path.join(dir, 'old-alpha.mdx'))).toBe(false);
  });
});

describe('npm run check:content -- --due', { timeout: 60_000 }, () => {
  it('lists the procedures overdue for review with their owners, and passes', async () => {
    const dir = copyOfValidContent();
    const due = await run('check-content.ts', [dir, '--due'], dir);
    expect(due.code).toBe(0);
    expect(due.stdout).toMatch(/1 overdue for review:\n\n.*beta\.mdx: due 2026-02-14 \(last reviewed 2026-01-31\), owner: Tests/);

    const plain = await run('check-content.ts', [dir], dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/Warning: 1 procedure is overdue for review: beta\./);
  });
});
