import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load';
import { buildSearchIndex } from './build-index';
import { createSearch, highlight } from './engine';
import { NEAR_MISSES, QUERY_SET } from './query-set';
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

describe('results', () => {
  it('say which symptom code matched exactly', async () => {
    const [first] = await search('Event ID 6000');
    expect(first!.exact).toEqual(['Event 6000']);
    const [second] = await search('AADSTS70002: Error validating credentials. AADSTS50054: Old password');
    expect(second!.exact).toEqual(['AADSTS50054']);
    // The sources show AADSTS70002 only beside AADSTS50054: alone, it is no exact match for anything.
    const [alone] = await search('AADSTS70002');
    expect(alone?.exact ?? []).toEqual([]);
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
