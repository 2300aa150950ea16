import 'server-only';
import { slug as slugify } from 'github-slugger';
import { ContentErrors } from './errors';
import { buildSearchIndex } from '../search/build-index';
import { readOrCompile } from './compiled';
import { contentDir, contentStamp, loadContent, type Content, type Procedure } from './load';
import { readSettings } from './settings';
import type { Settings } from './settings';

export type { Procedure } from './load';
export type { Step, Heading, Section } from './remark-procedure';
export type { RunInput } from './schema';
export type { Settings } from './settings';

/**
 * The content as read, with what every page looks up in it worked out once per reading, not once
 * per page: every page lists the topics (the 404 fallback Next sends with each), and at 2,000
 * procedures grouping them for each page was 3% of the build.
 */
interface Reading extends Content {
  bySlug: Map<string, Procedure>;
  byTopic: TopicGroup[];
}

let loading: Promise<Reading> | undefined;
let loadedStamp: string | undefined;

function getContent(): Promise<Reading> {
  // `next dev` keeps this module while an author edits content: read it again once any file has changed.
  if (process.env.NODE_ENV === 'development') {
    const stamp = contentStamp(contentDir());
    if (stamp !== loadedStamp) {
      loading = undefined;
      searchIndex = undefined;
      loadedStamp = stamp;
    }
  }
  loading ??= load().then((content) => ({
    ...content,
    bySlug: new Map(content.procedures.map((procedure) => [procedure.slug, procedure])),
    byTopic: groupByTopic(content.procedures),
  }));
  return loading;
}

/**
 * A build reads the procedures as the content check compiled them, when nothing has changed since;
 * otherwise, and under `next dev`, they are compiled here. Once per process: reading the compiled
 * file means hashing the content folder and parsing every procedure.
 */
async function load(): Promise<Content> {
  if (process.env.NODE_ENV === 'development') {
    const content = await loadContent();
    if (content.errors.length > 0) throw new ContentErrors(content.errors);
    return content;
  }
  return { procedures: await readOrCompile(contentDir()), warnings: [], ...readSettings(contentDir(), (file) => file) };
}

/** Every procedure, sorted by title. Throws, listing every problem, when content has errors. */
export async function getProcedures(): Promise<Procedure[]> {
  return (await getContent()).procedures;
}

/** The procedure with this slug, if there is one. */
export async function getProcedure(slug: string): Promise<Procedure | undefined> {
  return (await getContent()).bySlug.get(slug);
}

/** The site's settings from the content folder's portal.yaml. */
export async function getSettings(): Promise<Settings> {
  return (await getContent()).settings;
}

export interface TopicGroup {
  topic: string;
  /** The topic's URL name: /topics/<slug>/. */
  slug: string;
  procedures: Procedure[];
}

/** The name of a topic's page: its title, slugged. */
export function topicSlug(topic: string): string {
  return slugify(topic);
}

/** Procedures grouped by topic, topics in alphabetical order. */
export async function getProceduresByTopic(): Promise<TopicGroup[]> {
  return (await getContent()).byTopic;
}

function groupByTopic(procedures: Procedure[]): TopicGroup[] {
  const groups = new Map<string, Procedure[]>();
  for (const procedure of procedures) {
    const group = groups.get(procedure.topic);
    if (group) group.push(procedure);
    else groups.set(procedure.topic, [procedure]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, procedures]) => ({ topic, slug: topicSlug(topic), procedures }));
}

let searchIndex: Promise<Map<string, string>> | undefined;

/** The search index files, file name → JSON, built once per build from the procedures. */
export function getSearchIndex(): Promise<Map<string, string>> {
  const procedures = getProcedures();
  searchIndex ??= procedures.then(buildSearchIndex);
  return searchIndex;
}
