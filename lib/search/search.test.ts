import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load';
import { buildSearchIndex } from './build-index';
import { createSearch, highlight } from './engine';
import { NEAR_MISSES, QUERY_SET, SHORTHAND_QUERIES } from './query-set';
import { SHORTHAND } from './shorthand';
import { tokenize } from './tokenize';

let search: ReturnType<typeof createSearch>;
const fetched: string[] = [];

beforeAll(async () => {
  const { procedures, errors } = await loadContent(path.resolve('content'));
  expect(errors).toEqual([]);
  const files = buildSearchIndex(procedures);
  search = createSearch(async (name) => {
    fetched.push(name);
    return JSON.parse(files.get(name)!);
  });
});

describe('the query set', () => {
  it.each(QUERY_SET)('$query → $expected', async ({ query, expected }) => {
    const [first] = await search(query);
    expect(first?.doc.slug).toBe(expected);
  });

  it.each(NEAR_MISSES)('$query does not find $mustNotFind', async ({ query, mustNotFind }) => {
    const results = await search(query);
    expect(results.map((result) => result.doc.slug)).not.toContain(mustNotFind);
  });
});

describe('chat shorthand', () => {
  const ranking = async (query: string) => (await search(query)).map((result) => ({ slug: result.doc.slug, score: result.score }));

  it.each(SHORTHAND_QUERIES)('$query finds what "$fullWords" finds', async ({ query, fullWords, expected }) => {
    const found = await ranking(query);
    expect(found[0]?.slug).toBe(expected);
    // The same procedures, in the same order, scored the same: the query was read as the full words.
    expect(found).toEqual(await ranking(fullWords));
  });

  it('reads the product\'s names the same in procedures as in queries, whichever name each uses', async () => {
    const procedure = (slug: string, title: string) => ({ slug, title, summary: '', aliases: [], symptoms: [], headings: [], steps: [], paragraphs: [] });
    const files = buildSearchIndex([
      procedure('new-name', 'Upgrade Microsoft Entra Connect'),
      procedure('old-name', 'Back up the Azure AD Connect server'),
      procedure('other', 'Rotate the certificate'),
    ]);
    const small = createSearch(async (name) => JSON.parse(files.get(name)!));
    for (const query of ['Azure AD Connect', 'Entra Connect', 'AADC', 'Azure Active Directory Connect']) {
      expect((await small(query)).map((result) => result.doc.slug).sort(), query).toEqual(['new-name', 'old-name']);
    }
  });

  it('leaves codes and names with digits, hyphens or underscores as they are written', () => {
    const terms = (text: string) => tokenize(text).map((token) => token.term);
    expect(terms('svc-aadsync')).toEqual(['svc-aadsync', 'svc', 'aadsync']);
    expect(terms('pwd2 aad_admin')).toEqual(['pwd2', 'pwd', 'aad_admin', 'aad', 'admin']);
    // Only words standing together make a form of several words.
    expect(terms('Entra, ID')).toEqual(['azur', 'ad', 'id']);
  });

  it('has one meaning for each written form, and meanings that are not themselves shorthand', () => {
    const forms = SHORTHAND.flatMap((entry) => entry.written);
    expect(forms.filter((form, index) => forms.indexOf(form) !== index)).toEqual([]);
    for (const form of forms) expect(form).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    const meaningWords = SHORTHAND.flatMap((entry) => entry.means.split(' '));
    expect(meaningWords.filter((word) => forms.includes(word))).toEqual([]);
  });
});

describe('results', () => {
  it('say which symptom code matched exactly', async () => {
    const [first] = await search('Event ID 6000');
    expect(first!.exact).toEqual(['Event 6000']);
    const [second] = await search('AADSTS70002: Error validating credentials. AADSTS50054: Old password');
    expect(second!.exact.sort()).toEqual(['AADSTS50054', 'AADSTS70002']);
    const [plain] = await search('abandon encryption key');
    expect(plain!.exact).toEqual([]);
  });

  it('show the passage that matched with the matching words marked', async () => {
    const [first] = await search('Run the key utility');
    expect(first!.passage).toMatchObject({ kind: 'step', anchor: 'abandon-encryption-key' });
    expect(first!.passage.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['Run', 'key', 'utility']);
    expect(first!.passage.parts.map((part) => part.text).join('')).toBe(first!.passage.text);
  });

  it('complete the last word while typing, but only words', async () => {
    expect((await search('encryp', { prefix: true }))[0]?.doc.slug).toBe('change-sync-service-account-password');
    expect(await search('60', { prefix: true })).toEqual([]);
  });

  it('are empty for nothing to search, and survive hostile input', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('the and of')).toEqual([]);
    const started = performance.now();
    for (const query of ['a'.repeat(10_000), '<script>alert(1)</script>', '.*(a+)+$[]{}\\', 'x '.repeat(5000), '\u0000\uFFFF\uD800']) {
      await expect(search(query)).resolves.toBeInstanceOf(Array);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the tokenizer', () => {
  it('keeps codes whole and in parts, versions and hex whole, and makes quotes and dashes plain', () => {
    const terms = (text: string) => tokenize(text).map((token) => token.term);
    expect(terms('AADSTS50054')).toEqual(['aadsts50054', 'aadst', '50054']);
    expect(terms('no‑start‑credentials')).toEqual(['no-start-credentials', 'start', 'credenti']);
    expect(terms('1.1.443.0 0x8007052E')).toEqual(['1.1.443.0', '0x8007052e']);
    expect(terms('“account’s” passwords')).toEqual(['account', 'password']);
  });

  it('marks words for highlighting without changing the text', () => {
    const parts = highlight('Run “miiskmu.exe /a” now', new Set(['miiskmu']));
    expect(parts).toEqual([
      { text: 'Run “', hit: false },
      { text: 'miiskmu', hit: true },
      { text: '.exe /a” now', hit: false },
    ]);
  });
});
