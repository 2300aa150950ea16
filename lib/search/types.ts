/** The search index's files, as the browser reads them. */

export interface Manifest {
  version: 1;
  /** How many procedures the index holds. */
  docs: number;
  termShards: number;
  docsPerShard: number;
  /** Every indexed word (before stemming), for typo and as-you-type matching. */
  vocabulary: string[];
  /** Terms left out for being in most procedures. */
  common: string[];
  /** Each procedure's length in indexed words, for length normalization. */
  lengths: number[];
}

/** Term → postings as [doc gap, weight × 10, …]. Keys starting with "=" are exact symptom codes. */
export type TermShard = Record<string, number[]>;

export interface Passage {
  /** `name`: another name of the procedure's subject (alsoKnownAs). */
  kind: 'symptom' | 'heading' | 'step' | 'alias' | 'name';
  text: string;
  /** For symptoms: "Event 6000", "AADSTS50054". */
  label?: string;
  /** For symptoms: the code as written. */
  code?: string;
  /** The step or heading id on the procedure page. */
  anchor?: string;
  /** Build ranges around the passage. */
  ranges?: string[];
}

export interface SearchDoc {
  slug: string;
  title: string;
  summary: string;
  appliesTo?: string;
  passages: Passage[];
}
