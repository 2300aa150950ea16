import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkReportTemplate } from '../report';
import type { ContentError } from './errors';
import { readYaml } from './frontmatter';
import { reviewInterval } from './schema';

/** The site's settings, beside the procedures they apply to. Optional: without it, the defaults hold. */
export const SETTINGS_FILE = 'portal.yaml';

const reportUrl = z.string().superRefine((template, ctx) => {
  const problem = checkReportTemplate(template);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
});

export const settingsSchema = z.strictObject({
  /**
   * Where "Report a problem" sends a reader: an issue tracker's new-issue URL
   * with `{title}` and `{body}` where the report goes, or a `mailto:` address.
   * Without it, no procedure offers to report a problem.
   */
  reportUrl: reportUrl.optional(),
  /** How long a review holds for a procedure that does not set its own `reviewEvery`. */
  reviewEvery: reviewInterval.default('180d'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Reads the settings in a content folder; a mistake in them is a content error, and the defaults hold. */
export function readSettings(dir: string, display: (file: string) => string): { settings: Settings; errors: ContentError[] } {
  const file = path.join(dir, SETTINGS_FILE);
  const defaults = settingsSchema.parse({});
  if (!existsSync(file)) return { settings: defaults, errors: [] };
  const { value, errors } = readYaml(display(file), readFileSync(file, 'utf8'), settingsSchema, 0);
  return { settings: value ?? defaults, errors };
}
