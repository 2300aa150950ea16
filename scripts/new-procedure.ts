import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadContent } from '../lib/content/load';
import { procedureTemplate, slugFromTitle, slugProblem } from '../lib/content/new-procedure';
import { PUBLISHED_FILE, recordPublished } from '../lib/content/published';
import { procedureUrl } from '../lib/urls';
import { isoDay } from '../lib/review';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' } } });
const title = positionals.join(' ').trim();
if (title === '') {
  console.error('Usage: npm run new -- "Title of the procedure" [--slug the-url-name]');
  process.exit(2);
}

const dir = contentDir();
const slug = values.slug ?? slugFromTitle(title);
const file = path.join(dir, `${slug}.mdx`);
const display = path.relative(process.cwd(), file);
if (existsSync(file)) {
  console.error(`Not written: ${display} already exists. Pick another title, or give another slug with --slug.`);
  process.exit(1);
}
const { procedures } = await loadContent(dir);
const problem = slugProblem(slug, procedures);
if (problem) {
  console.error(`Not written: ${problem}.`);
  process.exit(1);
}

// The owner most procedures have is the likeliest owner of a new one.
const owners = new Map<string, number>();
for (const procedure of procedures) owners.set(procedure.owner, (owners.get(procedure.owner) ?? 0) + 1);
const owner = [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Your team';
writeFileSync(file, procedureTemplate({ title, slug, owner, today: isoDay(new Date()) }), { flag: 'wx' });
console.log(`Wrote ${display}. With npm run dev running, it is at http://localhost:3000${procedureUrl(slug)}; npm run check:content checks it.`);

// The new page's URLs go into the list at once, as npm run urls:record would, so the check passes on the file as written.
const after = await loadContent(dir);
if (after.errors.length === 0) {
  const added = recordPublished(dir, after.procedures);
  console.log(`Recorded its ${added} URLs in ${path.relative(process.cwd(), path.join(dir, PUBLISHED_FILE))}: commit it with the procedure.`);
}
