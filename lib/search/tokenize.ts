/**
 * One tokenizer for the index and for queries, made for what helpdesks paste:
 * codes are kept whole and split into parts (`aadsts50054` → `aadsts`, `50054`;
 * `no-start-credentials` → `start`, `credentials`), versions and hex values
 * stay whole, curly quotes and dashes are made plain, and plain words are
 * stemmed (Porter) so "changed passwords" finds "change password", and chat shorthand is read
 * as the words it stands for (`./shorthand.ts`).
 */

import { stemmer } from 'stemmer';
import { SHORTHAND } from './shorthand';

export type TokenKind =
  /** A plain alphabetic word: may be fuzzy- or prefix-matched. */
  | 'word'
  /** Digits only: matched exactly, never by prefix or fuzzily (600 must not find 6000). */
  | 'number'
  /** Letters and digits, or words joined by - or _: matched exactly. */
  | 'code'
  /** Dotted numbers (1.1.443.0) or hex (0x8007052e): matched exactly. */
  | 'version';

export interface Token {
  term: string;
  /** For words: the word before stemming, which fuzzy matching compares. */
  raw: string;
  kind: TokenKind;
  /** The whole of a code, as opposed to one of its parts. */
  whole: boolean;
  /** For a part: split at letters meeting digits (`aadsts` of `aadsts50054`), not at - or _. */
  alnumPart?: boolean;
}

const STOP_WORDS = new Set(
  'a an and are as at be been but by can do does for from has have if in into is it its no not of on or so such than that the their then there these this to was were will with you your'.split(
    ' ',
  ),
);

/** Most characters a query is read to: longer pastes are cut, so no input can stall the page. */
export const MAX_QUERY_CHARS = 2000;

export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .toLowerCase();
}

const TOKEN = /0x[0-9a-f]+|\d+(?:\.\d+)+|[\p{L}\p{N}]+(?:['_-][\p{L}\p{N}]+)*/gu;

const stems = new Map<string, string>();
/** Porter stems, kept: the same few thousand words come back in every procedure and passage. */
function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    if (stems.size > 100_000) stems.clear();
    stems.set(word, (found = stemmer(word)));
  }
  return found;
}

/** A written form of the shorthand table, its words stemmed → the words it means. */
const MEANINGS = new Map(SHORTHAND.flatMap(({ written, means }) => written.map((form) => [form.split(' ').map(stem).join(' '), means.split(' ')])));
const FIRST_STEMS = new Set([...MEANINGS.keys()].map((form) => form.split(' ')[0]!));
const LONGEST_FORM = Math.max(...[...MEANINGS.keys()].map((form) => form.split(' ').length));

/** A match read as a plain word (letters, maybe an apostrophe), or undefined. */
function plainWord(raw: string): string | undefined {
  const value = raw.replace(/'s$/, '').replace(/'/g, '');
  return /^\p{L}+$/u.test(value) ? value : undefined;
}

/** The longest shorthand form that starts at `matches[start]`: how many words it takes and what they mean. */
function shorthandAt(text: string, matches: RegExpExecArray[], start: number, first: string) {
  let form = stem(first);
  if (!FIRST_STEMS.has(form)) return undefined;
  let means = MEANINGS.get(form);
  let found = means && { count: 1, means };
  for (let count = 2; count <= LONGEST_FORM && start + count <= matches.length; count++) {
    const [before, after] = [matches[start + count - 2]!, matches[start + count - 1]!];
    const next = plainWord(after[0]);
    if (!next || !/^\s+$/.test(text.slice(before.index + before[0].length, after.index))) break;
    form = `${form} ${stem(next)}`;
    means = MEANINGS.get(form);
    if (means) found = { count, means };
  }
  return found;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pushWord = (word: string) => {
    if (!STOP_WORDS.has(word)) tokens.push({ term: stem(word), raw: word, kind: 'word', whole: true });
  };
  const normalized = normalize(text);
  const matches = [...normalized.matchAll(TOKEN)];
  for (let index = 0; index < matches.length; index++) {
    const raw = matches[index]![0];
    if (/^0x[0-9a-f]+$/.test(raw) || /^\d+(?:\.\d+)+$/.test(raw)) {
      tokens.push({ term: raw, raw, kind: 'version', whole: true });
      continue;
    }
    const word = plainWord(raw);
    if (word !== undefined) {
      // The prefix of a directory name written without its variable part ("AAD_…", "Sync_ user") is
      // that prefix, as in a whole name ("AAD_1f9c2b"): a term of its own, and never shorthand.
      const prefix = normalized[matches[index]!.index + raw.length] === '_';
      if (prefix) tokens.push({ term: `${word}_`, raw: `${word}_`, kind: 'code', whole: true });
      const shorthand = prefix ? undefined : shorthandAt(normalized, matches, index, word);
      if (shorthand) {
        for (const meant of shorthand.means) pushWord(meant);
        index += shorthand.count - 1;
      } else {
        pushWord(word);
      }
      continue;
    }
    const value = raw.replace(/'s$/, '').replace(/'/g, '');
    if (/^\p{N}+$/u.test(value)) {
      tokens.push({ term: value, raw: value, kind: 'number', whole: true });
      continue;
    }
    tokens.push({ term: value, raw: value, kind: 'code', whole: true });
    // A directory name's prefix (MSOL_, Sync_, AAD_) names the kind of account: it finds the names written "MSOL_…".
    const namePrefix = /^(\p{L}+)_/u.exec(value)?.[0];
    if (namePrefix) tokens.push({ term: namePrefix, raw: namePrefix, kind: 'code', whole: false });
    for (const piece of value.split(/[-_]/)) {
      const parts = piece.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u);
      for (const part of parts.length > 1 && piece !== value ? [piece, ...parts] : parts) {
        if (part.length < 2 || STOP_WORDS.has(part)) continue;
        const kind: TokenKind = /^\p{N}+$/u.test(part) ? 'number' : /^\p{L}+$/u.test(part) ? 'word' : 'code';
        tokens.push({ term: kind === 'word' ? stem(part) : part, raw: part, kind, whole: false, alnumPart: parts.length > 1 && part !== piece });
      }
    }
  }
  return tokens;
}

/** Most words a query may have for its adjacent pairs to be looked up: each pair can cost a shard download. */
export const MAX_WORDS_FOR_PAIRS = 10;

/** Adjacent whole words of a text, as index keys: "old password" → "~old password". */
export function wordPairs(text: string): string[] {
  const words = tokenize(text).filter((token) => token.whole && token.kind !== 'version');
  return words.slice(1).map((token, index) => `~${words[index]!.term} ${token.term}`);
}

/** The key under which an exact symptom code is looked up: its whole first token. */
export function codeKey(code: string): string | undefined {
  return tokenize(code).find((token) => token.whole)?.term;
}
