import { describe, expect, it } from 'vitest';
import { frontmatterSchema } from './schema';

const base = { title: 'T', slug: 't', summary: 'S', topic: 'Topic', owner: 'Tests', lastReviewed: '2026-01-31' };
const issues = (alsoKnownAs: unknown) =>
  frontmatterSchema.safeParse({ ...base, alsoKnownAs }).error?.issues.map(({ path, message }) => [path.join('.'), message]);

describe('alsoKnownAs, the other names of a procedure’s subject', () => {
  it('is a list of names, trimmed, and empty when left out', () => {
    expect(frontmatterSchema.parse(base).alsoKnownAs).toEqual([]);
    expect(frontmatterSchema.parse({ ...base, alsoKnownAs: ['  MSOL_… ', 'AD DS connector account'] }).alsoKnownAs).toEqual([
      'MSOL_…',
      'AD DS connector account',
    ]);
  });

  it('refuses an empty name, a name over two lines, a name listed twice, and a single string', () => {
    expect(issues(['AD DS connector account', ' '])).toEqual([['alsoKnownAs.1', 'a name cannot be empty']]);
    expect(issues(['AD DS\nconnector account'])).toEqual([['alsoKnownAs.0', 'write each name on one line']]);
    expect(issues(['AD DS connector account', 'ad ds  CONNECTOR account'])).toEqual([
      ['alsoKnownAs.1', '"ad ds  CONNECTOR account" is already listed (alsoKnownAs.0)'],
    ]);
    expect(issues('MSOL_ account')).toEqual([['alsoKnownAs', expect.stringMatching(/expected array/)]]);
  });
});
