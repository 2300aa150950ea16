import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const status = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });

describe('npm run build', () => {
  it('changes no file that git tracks or would add', { timeout: 600_000 }, () => {
    const site = '.e2e/build-test';
    const before = status();
    try {
      const build = spawnSync('npm', ['run', 'build'], {
        env: { ...process.env, CONTENT_DIR: 'e2e/content', NEXT_DIST_DIR: site },
        encoding: 'utf8',
      });
      expect(build.status, `${build.stdout}${build.stderr}`.slice(-4000)).toBe(0);
      expect(existsSync(`${site}/index.html`)).toBe(true);
      expect(status()).toBe(before);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
