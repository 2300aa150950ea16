import { nearWords } from '../fuzzy';
import { MANIFEST_FILE, docShardFile, termShard, termShardFile } from './index-files';
import { MAX_QUERY_CHARS, MAX_WORDS_FOR_PAIRS, codeKey, normalize, tokenize, wordPairs, type Token } from './tokenize';
import type { Manifest, Passage, SearchDoc, TermShard } from './types';

/** Fetches one index file and parses it. */
export type LoadFile = (name: string) => Promise<unknown>;

export interface HighlightPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  doc: SearchDoc;
  score: number;
  /** Labels of the symptoms whose code the query named exactly ("Event 6000"). */
  exact: string[];
  /** What matched best: a symptom, step or heading, or else the summary. */
  passage: Passage & { parts: HighlightPart[] };
}

export interface SearchAnswer {
  results: SearchResult[];
  /**
   * The top result is the answer, not a guess: it lists more of the query's codes exactly than
   * any other result does. Only then may Enter open it without the person choosing it.
   */
  confident: boolean;
  /** Codes in the query that no procedure lists, as the query writes them ("6010", "AADSTS90002"). */
  unknownCodes: string[];
}

export interface SearchOptions {
  /** The query is being typed: its last word may be the start of a longer one. */
  prefix?: boolean;
  limit?: number;
}

/** Most distinct terms a query is scored on. */
const MAX_TERMS = 48;
/** BM25: how fast repeated weight saturates, and how much a long procedure is discounted. */
const K1 = 1.2;
const B = 0.5;
/** Runs of up to this many query words are also tried as one code: "no start credentials". */
const MAX_CODE_WORDS = 4;
/**
 * Only short queries are tried that way: someone who types a code with spaces
 * types little else, and a pasted message has its codes written whole. Each
 * try can cost a shard download.
 */
const MAX_WORDS_FOR_JOINING = 6;
const EXACT_CODE_BONUS = 1000;
/** Words after which a number is an event ID or error code, not a count, a date or a time. */
const CODE_WORDS = new Set(['event', 'id', 'eventid', 'error', 'code', 'status']);
/** Results scoring under this share of the best are noise beside it, and left out. */
const MIN_SHARE_OF_BEST = 0.05;

interface Expansion {
  term: string;
  weight: number;
}

/**
 * A search over the sharded index. Files are fetched as queries need them and
 * kept, so the first query pays for the manifest and its own shards only.
 */
export function createSearch(load: LoadFile) {
  const files = new Map<string, Promise<unknown>>();
  const file = <T>(name: string) => {
    if (!files.has(name)) files.set(name, load(name));
    return files.get(name) as Promise<T>;
  };
  let index: Promise<{ manifest: Manifest; vocabulary: Set<string>; common: Set<string>; averageLength: number }> | undefined;
  const decoded = new Map<string, [number, number][]>();

  return async function search(query: string, { prefix = false, limit = 10 }: SearchOptions = {}): Promise<SearchAnswer> {
    const text = query.slice(0, MAX_QUERY_CHARS);
    index ??= file<Manifest>(MANIFEST_FILE).then((manifest) => ({
      manifest,
      vocabulary: new Set(manifest.vocabulary),
      common: new Set(manifest.common),
      averageLength: manifest.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, manifest.docs),
    }));
    const { manifest, vocabulary, common, averageLength } = await index;
    // A code's letter and digit parts are indexed, but not searched for: AADSTS50055 must not find AADSTS50054.
    const all = tokenize(text);
    const words = uniqueTokens(all).filter((token) => !token.alnumPart);
    const tokens = words.filter((token) => !common.has(token.term));
    // Words in most procedures say nothing alone, but together they can: "the account the service runs as".
    const phraseOnly = tokens.length === 0 && words.length > 1;
    if (tokens.length === 0 && !phraseOnly) return { results: [], confident: false, unknownCodes: [] };
    const typingLast = prefix && /[\p{L}\p{N}]$/u.test(text);

    const expansions = tokens.map((token, index): Expansion[] => {
      const own = [{ term: token.term, weight: 1 }];
      if (token.kind !== 'word') return own;
      if (typingLast && index === tokens.length - 1 && token.whole) {
        const starts = manifest.vocabulary.filter((word) => word.startsWith(token.raw) && word !== token.raw).slice(0, 8);
        return [...own, ...stems(starts, 0.8)];
      }
      if (token.raw.length >= 5 && !vocabulary.has(token.raw)) {
        return [...own, ...stems(nearWords(token.raw, manifest.vocabulary, token.raw.length >= 8 ? 2 : 1, 4), 0.6)];
      }
      return own;
    });
    const codes = [
      ...new Set([
        ...tokens.filter((token) => token.whole && token.kind !== 'word').map((token) => `=${token.term}`),
        ...joinedWords(text).map((code) => `=${code}`),
      ]),
    ];
    const phrase = phraseOnly ? words : tokens;
    const pairs = phrase.length > 1 && phrase.length <= MAX_WORDS_FOR_PAIRS ? [...new Set(wordPairs(text))] : [];
    const wanted = [...new Set([...expansions.flat().map((expansion) => expansion.term), ...codes, ...pairs])];
    const shards = await Promise.all(
      [...new Set(wanted.map((term) => termShard(term, manifest.termShards)))].map(
        async (shard) => [shard, await file<TermShard>(termShardFile(shard))] as const,
      ),
    );
    const shardOf = new Map(shards);
    const postings = (term: string) => {
      let list = decoded.get(term);
      if (!list) decoded.set(term, (list = decode(shardOf.get(termShard(term, manifest.termShards))?.[term])));
      return list;
    };

    const scores = new Map<number, { score: number; matched: number; exact: Set<string> }>();
    const entry = (doc: number) => {
      let found = scores.get(doc);
      if (!found) scores.set(doc, (found = { score: 0, matched: 0, exact: new Set() }));
      return found;
    };
    let known = 0;
    for (const options of expansions) {
      const best = new Map<number, number>();
      for (const { term, weight } of options) {
        const list = postings(term);
        const idf = Math.log(1 + manifest.docs / Math.max(1, list.length));
        for (const [doc, termWeight] of list) {
          const norm = K1 * (1 - B + (B * (manifest.lengths[doc] ?? averageLength)) / averageLength);
          best.set(doc, Math.max(best.get(doc) ?? 0, (weight * idf * termWeight * (K1 + 1)) / (termWeight + norm)));
        }
      }
      if (best.size > 0) known++;
      for (const [doc, score] of best) {
        const found = entry(doc);
        found.score += score;
        found.matched++;
      }
    }
    for (const code of codes) for (const [doc] of postings(code)) entry(doc).exact.add(code.slice(1));
    // Words of the query that stand together in a procedure count once more, as a pair; not towards coordination.
    for (const pair of pairs) {
      const list = postings(pair);
      const idf = Math.log(1 + manifest.docs / Math.max(1, list.length));
      for (const [doc, weight] of list) if (phraseOnly || scores.has(doc)) entry(doc).score += (idf * weight * (K1 + 1)) / (weight + K1);
    }

    const ranked = [...scores]
      .map(([doc, { score, matched, exact }]) => ({
        doc,
        exact,
        // Coordination: a procedure that has more of the query's (known) words ranks higher.
        score: score * (0.3 + 0.7 * (known === 0 ? 0 : matched / known)) + EXACT_CODE_BONUS * exact.size,
      }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .filter((result, _, [best]) => result.score >= best!.score * MIN_SHARE_OF_BEST)
      .slice(0, limit);

    const unknown = new Set(
      codesIn(all).filter((term) => !common.has(term) && postings(term).length === 0 && postings(`=${term}`).length === 0),
    );
    const matchedTerms = new Set(expansions.flat().map((expansion) => expansion.term));
    const results = await Promise.all(
      ranked.map(async ({ doc, score, exact }): Promise<SearchResult> => {
        const docs = await file<SearchDoc[]>(docShardFile(Math.floor(doc / manifest.docsPerShard)));
        const found = docs[doc % manifest.docsPerShard]!;
        return {
          doc: found,
          score,
          exact: found.passages
            .filter((passage) => passage.code !== undefined && exact.has(codeKey(passage.code) ?? ''))
            .map((passage) => passage.label ?? passage.code!),
          passage: bestPassage(found, matchedTerms),
        };
      }),
    );
    const [top, next] = ranked;
    return {
      results,
      confident: top !== undefined && top.exact.size > (next?.exact.size ?? 0),
      // The words of the query that are those codes, as it writes them.
      unknownCodes: [...new Set(highlight(text, unknown).flatMap((part) => (part.hit ? [part.text] : [])))],
    };
  };
}

/**
 * The terms of the query's tokens that are codes someone would look up: letters with three or
 * more digits (AADSTS90002, KB5001234), hex (0x8007052e), and numbers that are the whole query or
 * follow a word such as "event", "ID" or "error" ("Event ID 6010", "Error 1067:"). Other numbers
 * in a pasted entry are dates, times, counts.
 */
function codesIn(tokens: Token[]): string[] {
  const whole = tokens.filter((token) => token.whole);
  return whole
    .filter(
      (token, index) =>
        (token.kind === 'version' && token.term.startsWith('0x')) ||
        (token.kind === 'code' && /^[\p{L}\p{N}]+$/u.test(token.term) && /(?:\p{N}\P{N}*){3}/u.test(token.term)) ||
        (token.kind === 'number' && (whole.length === 1 || CODE_WORDS.has(whole[index - 1]?.raw ?? ''))),
    )
    .map((token) => token.term);
}

/** Runs of adjacent query words joined as codes are written: "no start credentials" → no-start-credentials, "AADSTS 50054" → aadsts50054. */
function joinedWords(text: string): string[] {
  const words = normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > MAX_WORDS_FOR_JOINING) return [];
  const joined: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let count = 2; count <= MAX_CODE_WORDS && start + count <= words.length; count++) {
      joined.push(words.slice(start, start + count).join('-'));
    }
    const [letters, digits] = [words[start]!, words[start + 1]];
    if (digits && /^\p{L}+$/u.test(letters) && /^\p{N}+$/u.test(digits)) joined.push(letters + digits);
  }
  return joined;
}

function uniqueTokens(tokens: Token[]): Token[] {
  const seen = new Map<string, Token>();
  for (const token of tokens) {
    const earlier = seen.get(token.term);
    if (!earlier || (token.whole && !earlier.whole)) seen.set(token.term, token);
  }
  return [...seen.values()].slice(0, MAX_TERMS);
}

function stems(words: string[], weight: number): Expansion[] {
  return words.flatMap((word) => tokenize(word).map((token) => ({ term: token.term, weight })));
}

function decode(list: number[] | undefined): [number, number][] {
  if (!list) return [];
  const pairs: [number, number][] = [];
  let doc = 0;
  for (let i = 0; i < list.length; i += 2) {
    doc += list[i]!;
    pairs.push([doc, list[i + 1]! / 10]);
  }
  return pairs;
}

const WORD = /0x[0-9a-f]+|\d+(?:\.\d+)+|[\p{L}\p{N}]+(?:['_-][\p{L}\p{N}]+)*/giu;

/** Splits text into parts, marking the words whose terms the query matched. */
export function highlight(text: string, terms: ReadonlySet<string>): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const match of normalizeSameLength(text).matchAll(WORD)) {
    const hit = tokenize(match[0]).some((token) => terms.has(token.term));
    if (!hit) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), hit: false });
    parts.push({ text: text.slice(match.index, match.index + match[0].length), hit: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** Quotes and dashes made plain, character for character, so offsets still fit the original. */
function normalizeSameLength(text: string): string {
  return [...text].map((char) => (char.length === 1 && normalize(char).length === 1 ? normalize(char) : char)).join('');
}

const passageTerms = new WeakMap<Passage, Set<string>>();

function bestPassage(doc: SearchDoc, terms: ReadonlySet<string>): SearchResult['passage'] {
  let best: { passage: Passage; hits: number } = { passage: { kind: 'heading', text: doc.summary }, hits: 0 };
  // The summary comes last: on a tie, the symptom, step or section that matched says more.
  for (const passage of [...doc.passages, best.passage]) {
    let own = passageTerms.get(passage);
    if (!own) passageTerms.set(passage, (own = new Set(tokenize(`${passage.label ?? ''} ${passage.text}`).map((token) => token.term))));
    let hits = 0;
    for (const term of own) if (terms.has(term)) hits++;
    if (hits > best.hits) best = { passage, hits };
  }
  const { passage } = best;
  return { ...passage, parts: highlight(passage.text, terms) };
}
