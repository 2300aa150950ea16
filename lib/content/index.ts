import 'server-only';
import { slug as slugify } from 'github-slugger';
import { ContentErrors } from './errors';
import { buildSearchIndex } from '../search/build-index';
import { readCompiled } from './compiled';
import { contentDir, loadContent, type Procedure } from './load';

export type { Procedure } from './load';
export type { Step, Heading } from './remark-procedure';

let loading: Promise<Procedure[]> | undefined;

/**
 * Every procedure, sorted by title: as the content check compiled them when
 * the content has not changed since, else compiled here. Throws, listing
 * every problem, when content has errors.
 */
export function getProcedures(): Promise<Procedure[]> {
  const dir = contentDir();
  loading ??= Promise.resolve(readCompiled(dir)).then(
    (compiled) =>
      compiled ??
      loadContent(dir).then(({ procedures, errors }) => {
        if (errors.length > 0) throw new ContentErrors(errors);
        return procedures;
      }),
  );
  return loading;
}

export interface TopicGroup {
  topic: string;
  /** The topic's URL name: /topics/<slug>/. */
  slug: string;
  procedures: Procedure[];
}

/** Procedures grouped by topic, topics in alphabetical order. */
export async function getProceduresByTopic(): Promise<TopicGroup[]> {
  const groups = new Map<string, Procedure[]>();
  for (const procedure of await getProcedures()) {
    groups.set(procedure.topic, [...(groups.get(procedure.topic) ?? []), procedure]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, procedures]) => ({ topic, slug: slugify(topic), procedures }));
}

let searchIndex: Promise<Map<string, string>> | undefined;

/** The search index files, file name → JSON, built once per build from the procedures. */
export function getSearchIndex(): Promise<Map<string, string>> {
  searchIndex ??= getProcedures().then((procedures) => buildSearchIndex(procedures));
  return searchIndex;
}
