import path from 'node:path';
import { formatContentError } from '../lib/content/errors';
import { contentDir, loadContent } from '../lib/content/load';
import { PUBLISHED_FILE, recordPublished } from '../lib/content/published';

/** Adds the URLs the content publishes now to its published-urls.txt, once the content has no other problem. */
const dir = process.argv[2] ?? contentDir();
const { procedures, errors } = await loadContent(dir);
if (errors.length > 0) {
  console.error(`Nothing recorded: fix these first.\n`);
  for (const error of errors) console.error(`${formatContentError(error)}\n`);
  process.exit(1);
}
const added = recordPublished(dir, procedures);
const file = path.relative(process.cwd(), path.join(dir, PUBLISHED_FILE));
console.log(added > 0 ? `Recorded ${added} new URLs in ${file}: commit it, so that they are kept working from now on.` : `${file} already holds every URL.`);
