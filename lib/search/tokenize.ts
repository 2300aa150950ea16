/**
 * One tokenizer for the index and for queries, made for what helpdesks paste:
 * codes are kept whole and split into parts (`aadsts50054` → `aadsts`, `50054`;
 * `no-start-credentials` → `start`, `credentials`), versions and hex values
 * stay whole, curly quotes and dashes are made plain, and plain words are
 * stemmed (Porter) so "changed passwords" finds "change password".
 */

import { stemmer } from 'stemmer';

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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of normalize(text).matchAll(TOKEN)) {
    if (/^0x[0-9a-f]+$/.test(raw) || /^\d+(?:\.\d+)+$/.test(raw)) {
      tokens.push({ term: raw, raw, kind: 'version', whole: true });
      continue;
    }
    const value = raw.replace(/'s$/, '').replace(/'/g, '');
    if (/^\p{L}+$/u.test(value)) {
      if (!STOP_WORDS.has(value)) tokens.push({ term: stemmer(value), raw: value, kind: 'word', whole: true });
      continue;
    }
    if (/^\p{N}+$/u.test(value)) {
      tokens.push({ term: value, raw: value, kind: 'number', whole: true });
      continue;
    }
    tokens.push({ term: value, raw: value, kind: 'code', whole: true });
    for (const piece of value.split(/[-_]/)) {
      const parts = piece.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u);
      for (const part of parts.length > 1 && piece !== value ? [piece, ...parts] : parts) {
        if (part.length < 2 || STOP_WORDS.has(part)) continue;
        const kind: TokenKind = /^\p{N}+$/u.test(part) ? 'number' : /^\p{L}+$/u.test(part) ? 'word' : 'code';
        tokens.push({ term: kind === 'word' ? stemmer(part) : part, raw: part, kind, whole: false, alnumPart: parts.length > 1 && part !== piece });
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
