import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import * as compiled from './compiled';
import { loadContent } from './load';

vi.mock('server-only', () => ({}));
vi.mock('./compiled', { spy: true });

const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
cpSync(path.join(import.meta.dirname, 'fixtures', 'valid'), dir, { recursive: true });
afterAll(() => rmSync(compiled.compiledFile(dir), { force: true }));

it('reads the check’s compiled procedures once per build process, however many pages ask', async () => {
  vi.stubEnv('CONTENT_DIR', dir);
  const { procedures } = await loadContent(dir);
  compiled.writeCompiled(dir, compiled.contentKey(dir), procedures);
  const { getProcedures, getSettings } = await import('./index');
  for (let page = 0; page < 5; page++) {
    expect(await getProcedures()).toEqual(procedures);
    await getSettings();
  }
  // Each read hashes the whole content folder and parses every procedure: at 2,000 procedures, a second per call.
  expect(compiled.readOrCompile).toHaveBeenCalledTimes(1);
});
