import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledFile, contentKey, readCompiled, writeCompiled } from './compiled';
import { loadContent } from './load';

const copies: string[] = [];
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'compiled-'));
  cpSync(path.join(import.meta.dirname, 'fixtures', 'valid'), dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(compiledFile(dir), { force: true });
});

describe('compiled procedures kept for the build', () => {
  it('are read back as the check compiled them', async () => {
    const dir = copy();
    expect(readCompiled(dir)).toBeNull();
    const key = contentKey(dir);
    const { procedures } = await loadContent(dir);
    writeCompiled(dir, key, procedures);
    expect(readCompiled(dir)).toEqual(procedures);
  });

  it('are not used once a procedure or a shared step changes', async () => {
    for (const file of ['alpha.mdx', 'shared/sign-in.mdx']) {
      const dir = copy();
      writeCompiled(dir, contentKey(dir), (await loadContent(dir)).procedures);
      const full = path.join(dir, file);
      writeFileSync(full, `${readFileSync(full, 'utf8')}\n1. One step more.\n`);
      expect(readCompiled(dir), file).toBeNull();
    }
  });

  it('are kept apart for each content folder', async () => {
    const [first, second] = [copy(), copy()];
    writeCompiled(first, contentKey(first), (await loadContent(first)).procedures);
    expect(readCompiled(second)).toBeNull();
  });
});
