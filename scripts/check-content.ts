import { formatContentError } from '../lib/content/errors';
import { contentDir, loadContent } from '../lib/content/load';
import { PUBLISHED_FILE, recordPublished } from '../lib/content/published';

const dir = process.argv[2] ?? contentDir();
const { procedures, errors } = await loadContent(dir);

if (errors.length > 0) {
  console.error(`Content check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n`);
  for (const error of errors) console.error(`${formatContentError(error)}\n`);
  process.exit(1);
}
const steps = procedures.reduce((sum, procedure) => sum + procedure.steps.length, 0);
console.log(`Content check passed: ${procedures.length} procedures, ${steps} steps.`);
const added = recordPublished(dir, procedures);
if (added > 0) console.log(`Recorded ${added} new URLs in ${PUBLISHED_FILE}: commit it, so that they are kept working from now on.`);
