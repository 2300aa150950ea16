import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load';
import { buildSearchIndex, type SearchSource } from './build-index';
import { createSearch, highlight, type SearchOptions } from './engine';
import { NEAR_MISSES, QUERY_SET, SHORTHAND_QUERIES, UNKNOWN_CODES } from './query-set';
import { syntheticProcedures } from '../bench/synthetic';
import { MANIFEST_FILE } from './index-files';
import { SHORTHAND } from './shorthand';
import { tokenize } from './tokenize';

let search: ReturnType<typeof createSearch>;
/** The results alone. */
const find = async (query: string, options?: SearchOptions) => (await search(query, options)).results;

/** A procedure of the given fields for an index of a few made-up ones. */
const source = (slug: string, fields: Partial<SearchSource>): SearchSource => ({
  slug,
  title: slug,
  summary: '',
  aliases: [],
  alsoKnownAs: [],
  symptoms: [],
  headings: [],
  steps: [],
  paragraphs: [],
  ...fields,
});

function searchOver(sources: SearchSource[]) {
  const files = buildSearchIndex(sources);
  return createSearch(async (name) => JSON.parse(files.get(name)!));
}
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
    const [first] = await find(query);
    expect(first?.doc.slug).toBe(expected);
  });

  it.each(NEAR_MISSES)('$query does not find $mustNotFind', async ({ query, mustNotFind }) => {
    const results = await find(query);
    expect(results.map((result) => result.doc.slug)).not.toContain(mustNotFind);
  });
});

describe('confidence', () => {
  it.each(UNKNOWN_CODES)('$query names $codes as listed by no procedure', async ({ query, codes }) => {
    expect((await search(query)).unknownCodes).toEqual(codes);
  });

  it('is only for a top result that lists the query\'s code exactly', async () => {
    for (const query of ['Event ID 6000', '1069', 'no-start-credentials', 'AADSTS70002: Error validating credentials. AADSTS50054', 'Event 6000 then Event 6010']) {
      expect((await search(query)).confident, query).toBe(true);
    }
    for (const query of ['Event ID 6010', 'Error 1067: The process terminated unexpectedly.', 'AADSTS90002', 'abandon encryption key', 'password', '600']) {
      expect((await search(query)).confident, query).toBe(false);
    }
  });

  it('is not for a code two procedures list alike', async () => {
    const symptoms = [{ kind: 'event' as const, where: 'application-log' as const, code: '6000' }];
    const small = searchOver([source('one', { symptoms }), source('two', { symptoms })]);
    const answer = await small('Event 6000');
    expect(answer.results.map((result) => result.exact)).toEqual([['Event 6000'], ['Event 6000']]);
    expect(answer.confident).toBe(false);
  });

  it('takes no count, date, time or version for a code', async () => {
    for (const query of ['sync fails after 120 minutes', 'password changed on 11/23/2026 at 10:14', 'Windows Server 2019', '1.1.443.0', 'sync01 server']) {
      expect((await search(query)).unknownCodes, query).toEqual([]);
    }
  });
});

describe('chat shorthand', () => {
  const ranking = async (query: string) => (await find(query)).map((result) => ({ slug: result.doc.slug, score: result.score }));

  it.each(SHORTHAND_QUERIES)('$query finds what "$fullWords" finds', async ({ query, fullWords, expected }) => {
    const found = await ranking(query);
    expect(found[0]?.slug).toBe(expected);
    // The same procedures, in the same order, scored the same: the query was read as the full words.
    expect(found).toEqual(await ranking(fullWords));
  });

  it('reads the product\'s names the same in procedures as in queries, whichever name each uses', async () => {
    const small = searchOver([
      source('new-name', { title: 'Upgrade Microsoft Entra Connect' }),
      source('old-name', { title: 'Back up the Azure AD Connect server' }),
      source('other', { title: 'Rotate the certificate' }),
    ]);
    for (const query of ['Azure AD Connect', 'Entra Connect', 'AADC', 'Azure Active Directory Connect']) {
      expect((await small(query)).results.map((result) => result.doc.slug).sort(), query).toEqual(['new-name', 'old-name']);
    }
  });

  it('leaves codes and names with digits, hyphens or underscores as they are written', () => {
    const terms = (text: string) => tokenize(text).map((token) => token.term);
    expect(terms('svc-aadsync')).toEqual(['svc-aadsync', 'svc', 'aadsync']);
    expect(terms('pwd2 aad_admin')).toEqual(['pwd2', 'pwd', 'aad_admin', 'aad_', 'aad', 'admin']);
    // A directory name's prefix, written alone or with the rest of the name, is the same term.
    expect(terms('MSOL_…')).toEqual(['msol_', 'msol']);
    expect(terms('AAD_… account')).toEqual(['aad_', 'aad', 'account']);
    expect(terms('MSOL_4b1f7c2d9e3a')).toEqual(expect.arrayContaining(['msol_4b1f7c2d9e3a', 'msol_']));
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
    const [first] = await find('Event ID 6000');
    expect(first!.exact).toEqual(['Event 6000']);
    const [second] = await find('AADSTS70002: Error validating credentials. AADSTS50054: Old password');
    expect(second!.exact).toEqual(['AADSTS50054']);
    // The sources show AADSTS70002 only beside AADSTS50054: alone, it is no exact match for anything.
    const [alone] = await find('AADSTS70002');
    expect(alone?.exact ?? []).toEqual([]);
    const [plain] = await find('abandon encryption key');
    expect(plain!.exact).toEqual([]);
  });

  it('show the passage that matched with the matching words marked', async () => {
    const [first] = await find('Run the key utility');
    expect(first!.passage).toMatchObject({ kind: 'step', anchor: 'abandon-encryption-key' });
    expect(first!.passage.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['Run', 'key', 'utility']);
    expect(first!.passage.parts.map((part) => part.text).join('')).toBe(first!.passage.text);
  });

  it('complete the last word while typing, but only words', async () => {
    expect((await find('encryp', { prefix: true }))[0]?.doc.slug).toBe('change-sync-service-account-password');
    expect(await find('60', { prefix: true })).toEqual([]);
  });

  it('are empty for nothing to search, and survive hostile input', async () => {
    expect(await find('')).toEqual([]);
    expect(await find('the and of')).toEqual([]);
    const started = performance.now();
    for (const query of ['a'.repeat(10_000), '<script>alert(1)</script>', '.*(a+)+$[]{}\\', 'x '.repeat(5000), '\u0000\uFFFF\uD800']) {
      await expect(find(query)).resolves.toBeInstanceOf(Array);
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

describe('other names of a procedure’s subject (alsoKnownAs)', () => {
  // Two procedures about two accounts, with the words of both in both bodies, as the real ones have.
  const body = {
    summary: 'The account password was changed; give the sync service the new one.',
    steps: [
      { id: 'open', text: 'Open the connector account properties and type the service account password.', ranges: [] },
      { id: 'check', text: 'Check that the sync connector account signs in.', ranges: [] },
    ],
  };
  const search = searchOver([
    source('update-the-ad-ds-account', { ...body, alsoKnownAs: ['AD DS connector account', 'MSOL_…'] }),
    source('reset-the-cloud-account', { ...body, alsoKnownAs: ['Microsoft Entra Connector account', 'Sync_…@….onmicrosoft.com'] }),
    source('change-the-service-account', { ...body, alsoKnownAs: ['ADSync service account', 'NT SERVICE\\ADSync'] }),
  ]);
  const first = async (query: string) => (await search(query)).results[0];

  it.each([
    ['Microsoft Entra Connector account', 'reset-the-cloud-account'],
    ['Sync_SYNC01_8f2a6c1d4e9b@contoso.onmicrosoft.com', 'reset-the-cloud-account'],
    ['AD DS connector account', 'update-the-ad-ds-account'],
    ['MSOL_4b1f7c2d9e3a', 'update-the-ad-ds-account'],
    ['ADSync service account', 'change-the-service-account'],
    ['NT SERVICE\\ADSync', 'change-the-service-account'],
  ])('a query made only of another name, %j, finds its procedure first', async (query, expected) => {
    expect((await first(query))?.doc.slug).toBe(expected);
  });

  it('says which name matched', async () => {
    expect((await first('Sync_SYNC01_8f2a6c1d4e9b@contoso.onmicrosoft.com'))?.passage).toMatchObject({
      kind: 'name',
      text: 'Sync_…@….onmicrosoft.com',
    });
  });

  it('counts above the same words in the body, even in a section heading and a step together', async () => {
    const words = 'Entra Connector account';
    const weighed = searchOver([
      source('says-it-twice', { headings: [{ id: 'a', text: words, depth: 2, ranges: [] }], steps: [{ id: 'b', text: words, ranges: [] }] }),
      source('is-called-it', { alsoKnownAs: [words], steps: [{ id: 'b', text: 'Run the cmdlet.', ranges: [] }] }),
    ]);
    expect((await weighed(words)).results.map((result) => result.doc.slug)).toEqual(['is-called-it', 'says-it-twice']);
  });
});

describe('a query of words most procedures have', () => {
  it('finds the procedure that has them together, where each alone says nothing', async () => {
    const { procedures } = await loadContent(path.resolve('content'));
    const files = buildSearchIndex([...syntheticProcedures({ count: 200 }), ...procedures]);
    const common = JSON.parse(files.get(MANIFEST_FILE)!).common as string[];
    expect(common).toEqual(expect.arrayContaining(['account', 'servic', 'run']));
    const search = createSearch(async (name) => JSON.parse(files.get(name)!));
    expect((await search('the account the service runs as')).results[0]?.doc.slug).toBe('change-sync-service-account-password');
  });
});
