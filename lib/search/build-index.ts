import type { Symptom } from '../content/schema';
import { symptomLabel } from '../symptom';
import { describeRange, parseRange } from '../gating/version';
import { MANIFEST_FILE, docShardFile, termShard, termShardFile } from './index-files';
import { codeKey, tokenize, wordPairs } from './tokenize';
import type { Manifest, Passage, SearchDoc, TermShard } from './types';

/** What the index needs of a procedure: `Procedure` from lib/content has all of it. */
export interface SearchSource {
  slug: string;
  title: string;
  summary: string;
  aliases: string[];
  /** Other names of the procedure's subject (`alsoKnownAs`). */
  alsoKnownAs: string[];
  appliesTo?: string;
  symptoms: Symptom[];
  headings: { id: string; text: string; depth: number; ranges: string[] }[];
  steps: { id: string; text: string; ranges: string[] }[];
  paragraphs: string[];
}

export interface IndexOptions {
  /** Aim for term shards of about this many bytes of JSON. */
  termShardBytes?: number;
  /** Procedures per document shard. */
  docsPerShard?: number;
}

/** Words that stand together in these places also count as a pair, so a query's phrase finds its procedure. */
const PAIR_BOOST = { title: 2, summary: 1.5, message: 1.5, name: 1.5, heading: 1, paragraph: 0.5 } as const;
/**
 * How much a word counts for where it stands. Another name of the subject counts as a symptom's
 * message does: it says which account or service the procedure is about, where the body's words
 * (password, account, sync) are shared by every procedure of a kind.
 */
const BOOST = { title: 4, alias: 4, code: 4, message: 3, name: 3, summary: 2, range: 2, heading: 1.5, step: 1, paragraph: 0.7 } as const;
/** A word that many times in one place counts no more. */
const MAX_WEIGHT = 8;
/** In a corpus this large, terms in more than half the procedures tell nothing: they are left out. */
const COMMON_MIN_DOCS = 50;
const COMMON_SHARE = 0.5;

/**
 * Builds the search index as files: a manifest, term shards (a query fetches
 * only the shards its terms hash to) and document shards (fetched for the
 * results shown). Returns file name → JSON text.
 */
export function buildSearchIndex(sources: SearchSource[], options: IndexOptions = {}): Map<string, string> {
  const { termShardBytes = 12_000, docsPerShard = 4 } = options;
  const postings = new Map<string, Map<number, number>>();
  const vocabulary = new Set<string>();
  const lengths: number[] = [];

  const addPairs = (doc: number, text: string, boost: number) => {
    for (const pair of wordPairs(text)) {
      const forPair = postings.get(pair) ?? new Map<number, number>();
      forPair.set(doc, Math.min(MAX_WEIGHT, (forPair.get(doc) ?? 0) + boost));
      postings.set(pair, forPair);
    }
  };

  const add = (doc: number, text: string, boost: number) => {
    for (const token of tokenize(text)) {
      lengths[doc] = (lengths[doc] ?? 0) + 1;
      if (token.kind === 'word' && token.raw.length >= 3) vocabulary.add(token.raw);
      const forTerm = postings.get(token.term) ?? new Map<number, number>();
      forTerm.set(doc, Math.min(MAX_WEIGHT, (forTerm.get(doc) ?? 0) + boost));
      postings.set(token.term, forTerm);
    }
  };

  const docs = sources.map((source, doc): SearchDoc => {
    add(doc, source.title, BOOST.title);
    add(doc, source.summary, BOOST.summary);
    for (const alias of source.aliases) add(doc, alias.replace(/-/g, ' '), BOOST.alias);
    for (const name of source.alsoKnownAs) add(doc, name, BOOST.name);
    for (const symptom of source.symptoms) {
      if (symptom.code) {
        add(doc, symptom.code, BOOST.code);
        const key = codeKey(symptom.code);
        if (key) postings.set(`=${key}`, (postings.get(`=${key}`) ?? new Map()).set(doc, 1));
      }
      if (symptom.message) add(doc, withoutVariables(symptom.message), BOOST.message);
    }
    for (const range of new Set([source.appliesTo, ...source.headings.flatMap((heading) => heading.ranges)])) {
      if (range) add(doc, `${range} ${describe(range)}`, BOOST.range);
    }
    for (const heading of source.headings) add(doc, heading.text, BOOST.heading);
    for (const step of source.steps) add(doc, step.text, BOOST.step);
    for (const paragraph of source.paragraphs) add(doc, paragraph, BOOST.paragraph);
    addPairs(doc, source.title, PAIR_BOOST.title);
    addPairs(doc, source.summary, PAIR_BOOST.summary);
    for (const symptom of source.symptoms) if (symptom.message) addPairs(doc, withoutVariables(symptom.message), PAIR_BOOST.message);
    for (const name of source.alsoKnownAs) addPairs(doc, name, PAIR_BOOST.name);
    for (const heading of source.headings) addPairs(doc, heading.text, PAIR_BOOST.heading);
    for (const paragraph of source.paragraphs) addPairs(doc, paragraph, PAIR_BOOST.paragraph);
    return { slug: source.slug, title: source.title, summary: source.summary, appliesTo: source.appliesTo, passages: passagesOf(source) };
  });

  const common: string[] = [];
  if (docs.length >= COMMON_MIN_DOCS) {
    for (const [term, forTerm] of postings) {
      if (!term.startsWith('=') && !term.startsWith('~') && forTerm.size / docs.length > COMMON_SHARE) {
        common.push(term);
        postings.delete(term);
      }
    }
  }

  const encoded = [...postings].map(([term, forTerm]) => [term, encodePostings(forTerm)] as const);
  const totalBytes = encoded.reduce((sum, [term, list]) => sum + term.length + list.length * 4, 0);
  const termShards = Math.max(1, Math.ceil(totalBytes / termShardBytes));
  const shards: TermShard[] = Array.from({ length: termShards }, () => ({}));
  for (const [term, list] of encoded) shards[termShard(term, termShards)]![term] = list;

  const manifest: Manifest = {
    version: 1,
    docs: docs.length,
    termShards,
    docsPerShard,
    vocabulary: [...vocabulary].sort(),
    common: common.sort(),
    lengths: docs.map((_, doc) => lengths[doc] ?? 0),
  };
  const files = new Map<string, string>([[MANIFEST_FILE, JSON.stringify(manifest)]]);
  shards.forEach((shard, index) => files.set(termShardFile(index), JSON.stringify(shard)));
  for (let start = 0; start < docs.length; start += docsPerShard) {
    files.set(docShardFile(start / docsPerShard), JSON.stringify(docs.slice(start, start + docsPerShard)));
  }
  return files;
}

/** Postings as [doc gap, weight × 10, …]: small numbers that JSON and gzip keep short. */
function encodePostings(forTerm: Map<number, number>): number[] {
  const list: number[] = [];
  let previous = 0;
  for (const [doc, weight] of [...forTerm].sort(([a], [b]) => a - b)) {
    list.push(doc - previous, Math.round(weight * 10));
    previous = doc;
  }
  return list;
}

function withoutVariables(message: string): string {
  return message.replace(/\{[a-z][a-z0-9-]*\}/gi, ' ');
}

function describe(range: string): string {
  const parsed = parseRange(range);
  return parsed.ok ? describeRange(parsed.value) : '';
}

function passagesOf(source: SearchSource): Passage[] {
  return [
    ...source.symptoms.map(
      (symptom): Passage => ({
        kind: 'symptom',
        label: symptomLabel(symptom),
        code: symptom.code,
        text: symptom.message?.replace(/\{([a-z][a-z0-9-]*)\}/gi, '‹$1›') ?? symptom.code ?? '',
      }),
    ),
    ...source.headings.map((heading): Passage => ({ kind: 'heading', text: heading.text, anchor: heading.id, ranges: heading.ranges })),
    ...source.alsoKnownAs.map((name): Passage => ({ kind: 'name', text: name })),
    ...source.steps.map((step): Passage => ({ kind: 'step', text: step.text, anchor: step.id, ranges: step.ranges })),
    ...source.aliases.map((alias): Passage => ({ kind: 'alias', text: alias })),
  ];
}
