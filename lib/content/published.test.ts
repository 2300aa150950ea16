import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { checkRecorded, PUBLISHED_FILE, readPublished, RECORD_FIX, recordPublished } from './published';

/** A copy of the valid fixture whose URLs have been published. */
async function publishedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'published-'));
  cpSync(path.join(import.meta.dirname, 'fixtures', 'valid'), dir, { recursive: true });
  const { procedures, errors } = await loadContent(dir);
  expect(errors).toEqual([]);
  expect(recordPublished(dir, procedures)).toBe(12);
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(dir, file);
    writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
  };
  return { dir, edit, errors: async () => (await loadContent(dir)).errors };
}

describe('published URLs', () => {
  it('are recorded once, with old names, and never removed', async () => {
    const { dir } = await publishedCopy();
    const list = readFileSync(path.join(dir, PUBLISHED_FILE), 'utf8').trim().split('\n');
    expect(list).toContain('/procedures/alpha/');
    expect(list).toContain('/procedures/old-alpha/');
    expect(list).toContain('/procedures/alpha/#save-log');
    expect(recordPublished(dir, (await loadContent(dir)).procedures)).toBe(0);
  });

  it('are checked only in a folder that keeps a list', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'published-'));
    cpSync(path.join(import.meta.dirname, 'fixtures', 'valid'), dir, { recursive: true });
    const { procedures } = await loadContent(dir);
    expect(readPublished(dir)).toBeNull();
    expect(checkRecorded(readPublished(dir), procedures, PUBLISHED_FILE)).toEqual([]);
  });

  it('fail the check when the content publishes a URL the list does not hold, until it is recorded', async () => {
    const { dir, edit } = await publishedCopy();
    const list = path.join(dir, PUBLISHED_FILE);
    const recorded = readFileSync(list, 'utf8');
    edit('beta.mdx', '1. Restart the service.', '1. Restart the service.\n1. Check the event log.');
    const { procedures, errors } = await loadContent(dir);
    expect(errors).toEqual([]);
    expect(checkRecorded(readPublished(dir), procedures, list)).toEqual([
      {
        file: list,
        message: '1 published URL is not recorded yet: /procedures/beta/#check-the-event-log',
        fix: RECORD_FIX,
      },
    ]);
    expect(readFileSync(list, 'utf8')).toBe(recorded);

    expect(recordPublished(dir, procedures)).toBe(1);
    expect(checkRecorded(readPublished(dir), procedures, list)).toEqual([]);
  });

  it('fail the check when a slug is renamed without an alias, and pass with one', async () => {
    const { dir, edit, errors } = await publishedCopy();
    edit('beta.mdx', 'slug: beta', 'slug: gamma');
    edit('alpha.mdx', '  - beta', '  - gamma');
    edit('alpha.mdx', '/procedures/beta/', '/procedures/gamma/');
    renameSync(path.join(dir, 'beta.mdx'), path.join(dir, 'gamma.mdx'));
    const renamed = (await errors()).filter((error) => error.message.startsWith('published URL'));
    expect(renamed[0]).toMatchObject({
      file: expect.stringMatching(/published-urls\.txt$/),
      message: 'published URL /procedures/beta/ no longer resolves: no procedure has that slug or alias',
      fix: 'add "beta" to the aliases of the procedure that replaced it',
    });
    expect(renamed.map((error) => error.message)).toContain(
      'published URL /procedures/beta/#restart-the-service no longer resolves: no procedure has that slug or alias',
    );

    edit('gamma.mdx', 'lastReviewed: 2026-01-31', 'lastReviewed: 2026-01-31\naliases:\n  - beta');
    expect((await errors()).filter((error) => error.message.startsWith('published URL'))).toEqual([]);
  });

  it('fail the check when a step id goes away, and pass when the new step keeps the old id', async () => {
    const { edit, errors } = await publishedCopy();
    edit('alpha.mdx', '1. Run the tool.', '1. Start the tool.');
    const problems = await errors();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      message: expect.stringMatching(/^published URL \/procedures\/alpha\/#run-the-tool no longer resolves: .*alpha\.mdx has no step "run-the-tool"$/),
      fix: 'end the first line of the step that replaced it with [#run-the-tool] to keep its old id',
    });

    edit('alpha.mdx', '1. Start the tool.', '1. Start the tool. [#run-the-tool]');
    expect(await errors()).toEqual([]);
  });
});
