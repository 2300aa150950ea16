import path from 'node:path';
import { contentKey, writeCompiled } from '../lib/content/compiled';
import { formatContentError } from '../lib/content/errors';
import { contentDir, loadContent } from '../lib/content/load';
import { checkRecorded, PUBLISHED_FILE, readPublished } from '../lib/content/published';

const dir = process.argv[2] ?? contentDir();
const key = contentKey(dir);
const { procedures, errors } = await loadContent(dir);
errors.push(...checkRecorded(readPublished(dir), procedures, path.relative(process.cwd(), path.join(dir, PUBLISHED_FILE))));

if (errors.length > 0) {
  console.error(`Content check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n`);
  for (const error of errors) console.error(`${formatContentError(error)}\n`);
  process.exit(1);
}
writeCompiled(dir, key, procedures);
const steps = procedures.reduce((sum, procedure) => sum + procedure.steps.length, 0);
console.log(`Content check passed: ${procedures.length} procedures, ${steps} steps.`);
