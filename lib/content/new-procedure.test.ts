import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { procedureTemplate, slugFromTitle, slugProblem } from './new-procedure';

describe('a new procedure', () => {
  it('gets a slug from its title', () => {
    expect(slugFromTitle('Renew the AD FS token-signing certificate: 2019 & later')).toBe('renew-the-ad-fs-token-signing-certificate-2019-later');
    expect(slugFromTitle("Réinitialiser l'agent")).toBe('reinitialiser-lagent');
  });

  it('passes the content check as the template writes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
    cpSync(path.join(import.meta.dirname, 'fixtures', 'valid'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'gamma.mdx'), procedureTemplate({ title: 'Gamma: the "third" one', slug: 'gamma', owner: 'Tests', today: '2026-11-23' }));
    const { procedures, errors } = await loadContent(dir);
    expect(errors).toEqual([]);
    expect(procedures.find((procedure) => procedure.slug === 'gamma')).toMatchObject({ title: 'Gamma: the "third" one', owner: 'Tests' });
  });

  it('cannot take a slug or an alias that is already used', async () => {
    const { procedures } = await loadContent(path.join(import.meta.dirname, 'fixtures', 'valid'));
    expect(slugProblem('gamma', procedures)).toBeNull();
    expect(slugProblem('alpha', procedures)).toMatch(/already used by .*alpha\.mdx/);
    expect(slugProblem('old-alpha', procedures)).toMatch(/old name \(alias\) of .*alpha\.mdx/);
    expect(slugProblem('Not A Slug', procedures)).toMatch(/not a slug/);
  });
});
