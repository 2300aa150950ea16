import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadContent } from '../content/load';
import { outlineOf } from '../content/outline';
import { buildSearchIndex } from '../search/build-index';
import { writeContentFiles } from './content-files';
import { finishExport } from './finish';
import { attributesOf, elementsWhere, parsePage, textOf } from './html';

const { procedures } = await loadContent(path.join(import.meta.dirname, '../content/fixtures/valid'));
let out = '';
afterEach(() => rmSync(out, { recursive: true, force: true }));
const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

it("writes each procedure's outline, the search index and a page at each old name", () => {
  out = mkdtempSync(path.join(tmpdir(), 'content-files-'));
  const index = buildSearchIndex(procedures);
  expect(writeContentFiles(out, procedures)).toEqual({ movedPages: ['procedures/old-alpha/index.html'], outlines: 2, searchIndexFiles: index.size });
  for (const procedure of procedures) expect(JSON.parse(read(`outlines/${procedure.slug}.json`))).toEqual(outlineOf(procedure));
  expect(readdirSync(path.join(out, 'search-index')).sort()).toEqual([...index.keys()].sort());
  for (const [name, json] of index) expect(read(`search-index/${name}`)).toBe(json);
  expect(readdirSync(path.join(out, 'procedures'))).toEqual(['old-alpha']);
});

it('writes a page at an old name that names the procedure, links to it and sends the reader there, allowed by its policy once finished', () => {
  out = mkdtempSync(path.join(tmpdir(), 'content-files-'));
  const renamed = { ...procedures.find((procedure) => procedure.slug === 'alpha')!, title: 'Fixture <alpha> & "friends"' };
  writeContentFiles(out, [renamed]);
  finishExport(out);
  const tree = parsePage(read('procedures/old-alpha/index.html'));
  expect(textOf(elementsWhere(tree, (element) => element.tagName === 'title')[0]!)).toBe('Moved: Fixture <alpha> & "friends" · Runbooks');
  expect(attributesOf(elementsWhere(tree, (element) => element.tagName === 'link')[0]!)).toEqual({ rel: 'canonical', href: '/procedures/alpha/' });
  const link = elementsWhere(tree, (element) => element.tagName === 'a')[0]!;
  expect([attributesOf(link).href, textOf(link)]).toEqual(['/procedures/alpha/', 'Fixture <alpha> & "friends"']);
  const [script] = elementsWhere(tree, (element) => element.tagName === 'script').map(textOf);
  expect(script).toContain('location.search+location.hash');
});
