import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentKey, writeCompiled } from '../lib/content/compiled';
import { formatContentError } from '../lib/content/errors';
import { contentDir, loadContent } from '../lib/content/load';
import { checkRecorded, PUBLISHED_FILE, readPublished } from '../lib/content/published';
import { isoDay, overdueReviews } from '../lib/review';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { due: { type: 'boolean', default: false } } });
const dir = positionals[0] ?? contentDir();
const key = contentKey(dir);
const { procedures, errors, warnings } = await loadContent(dir);
errors.push(...checkRecorded(readPublished(dir), procedures, path.relative(process.cwd(), path.join(dir, PUBLISHED_FILE))));

if (errors.length > 0) {
  console.error(`Content check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n`);
  for (const error of errors) console.error(`${formatContentError(error)}\n`);
  process.exit(1);
}
writeCompiled(dir, key, procedures);
for (const warning of warnings) console.warn(`Warning: ${formatContentError(warning)}\n`);
const steps = procedures.reduce((sum, procedure) => sum + procedure.steps.length, 0);
console.log(`Content check passed: ${procedures.length} procedures, ${steps} steps.`);

// An overdue review is a warning: a procedure nobody has checked lately is still better than none.
const overdue = overdueReviews(procedures, isoDay(new Date()));
if (values.due) {
  console.log(overdue.length === 0 ? 'No procedure is overdue for review.' : `\n${overdue.length} overdue for review:\n`);
  for (const { file, owner, reviewDue, lastReviewed } of overdue) {
    console.log(`${file}: due ${reviewDue} (last reviewed ${lastReviewed}), owner: ${owner}`);
  }
} else if (overdue.length > 0) {
  console.warn(
    `Warning: ${overdue.length} procedure${overdue.length === 1 ? ' is' : 's are'} overdue for review: ${overdue.map(({ slug }) => slug).join(', ')}. npm run check:content -- --due lists them with their owners.`,
  );
}
