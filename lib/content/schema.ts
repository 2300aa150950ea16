import { z } from 'zod';
import { REVIEW_INTERVAL, REVIEW_INTERVAL_HINT } from '../review';
import { parseRange } from '../gating/version';

import { SLUG } from '../runs/names';
import { nameKey } from './names';

const slug = z
  .string()
  .regex(SLUG, 'use lowercase letters, digits and single hyphens, such as "reset-connector-account"');

const range = z.string().superRefine((value, ctx) => {
  const parsed = parseRange(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error, params: { fix: 'write a range such as "<=1.1.443.0" or ">=1.1.524.0 <2.0.0.0"' } });
});

/** How often a review must be repeated: `180d`, `26w`, `6m`, `1y`. */
export const reviewInterval = z.string().superRefine((value, ctx) => {
  if (!REVIEW_INTERVAL.test(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not a review interval`, params: { fix: REVIEW_INTERVAL_HINT } });
});

export const SYMPTOM_KINDS = ['event', 'error-code', 'message'] as const;

/** Where an admin sees a symptom. */
export const SYMPTOM_PLACES = {
  'application-log': 'Application log',
  /** An event log entry whose log the sources do not name. */
  'event-log': 'Event Viewer',
  'system-log': 'System log',
  'sync-service-manager': 'Synchronization Service Manager',
  'service-control-manager': 'Service Control Manager',
  powershell: 'PowerShell',
} as const;

export const symptomSchema = z
  .strictObject({
    /** `event` (an event log entry with an ID), `error-code` (a code such as AADSTS50054 or 1069), or `message` (text shown with no code). */
    kind: z.enum(SYMPTOM_KINDS),
    /** Where the symptom shows. */
    where: z.enum(Object.keys(SYMPTOM_PLACES) as [keyof typeof SYMPTOM_PLACES]),
    /** The event ID or error code, exactly as shown (`6000`, `AADSTS50054`, `no-start-credentials`). */
    code: z.string().trim().min(1).optional(),
    /** The message text. Parts that differ between sites are written as `{name}`, e.g. `{agent}`. */
    message: z.string().trim().min(1).optional(),
  })
  .refine((symptom) => symptom.code !== undefined || symptom.message !== undefined, {
    message: 'a symptom needs a code, a message, or both',
    params: { fix: 'add "code:" (the event ID or error code as shown) or "message:" (the text as shown), or both' },
  })
  .refine((symptom) => symptom.kind === 'message' || symptom.code !== undefined, {
    message: 'an event or error-code symptom needs its code (the event ID or error code)',
    path: ['code'],
    params: { fix: 'add "code:" with the event ID or error code, or make it "kind: message"' },
  });

/** How steps refer to a run input: `{connectors}`, `{syncServer}`. */
export const INPUT_NAME = /^[a-z][a-zA-Z0-9]*$/;
/** Words that match INPUT_NAME but cannot be one: `{name}` is a JavaScript expression in MDX. */
const RESERVED_WORDS = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof undefined var void while with yield'.split(' '),
);

/** Whether `{name}` in a procedure can be a reference to a run input. */
export function isInputName(name: string): boolean {
  return INPUT_NAME.test(name) && !RESERVED_WORDS.has(name);
}

const inputName = z.string().superRefine((value, ctx) => {
  if (!isInputName(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" cannot be an input name`,
      params: { fix: 'use letters and digits, starting with a lowercase letter, such as "syncServer" (words JavaScript keeps for itself, such as "new", cannot be used)' },
    });
  }
});

/** A value an admin types once per run, such as the names of the AD connectors. */
export const runInputSchema = z.strictObject({
  /** How the steps refer to it: `{connectors}` in step text and code is replaced by the value. */
  name: inputName,
  /** What the admin is asked for, such as "AD connectors". */
  label: z.string().trim().min(1),
  /** Where the admin finds the value, such as "Synchronization Service Manager, Connectors tab". */
  hint: z.string().trim().min(1).optional(),
  /** A list of values, which `<Repeat for="…">` repeats steps for; without it, one value. */
  list: z.boolean().default(false),
});

/** Another name of a procedure's subject: an old or current product name, or how it shows in the directory. */
const otherName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(100, 'keep a name to at most 100 characters')
  .refine((text) => !text.includes('\n'), { message: 'write each name on one line', params: { fix: 'give each name its own "- " line' } });

const otherNames = z
  .array(otherName)
  .default([])
  .superRefine((names, ctx) => {
    names.forEach((name, index) => {
      const first = names.findIndex((other) => nameKey(other) === nameKey(name));
      if (first < index) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${name}" is already listed (alsoKnownAs.${first})`,
          params: { fix: 'list each name once: remove this one' },
        });
      }
    });
  });

export const frontmatterSchema = z.strictObject({
  /** The procedure's title, as an admin would name the task. */
  title: z.string().trim().min(1),
  /** The URL name: `/procedures/<slug>/`. Never change it without adding the old one to `aliases`. */
  slug,
  /** One line that says when to use the procedure. */
  summary: z
    .string()
    .trim()
    .min(1)
    .max(240, 'keep the summary to one line of at most 240 characters')
    .refine((text) => !text.includes('\n'), 'keep the summary to one line'),
  /** The group the procedure is listed under on the home page. */
  topic: z.string().trim().min(1),
  /**
   * Other names of what the procedure is about, such as an account's old and current product names
   * and the name it has in the directory (`MSOL_…`). Search weighs them as it weighs symptoms, and
   * the page shows them as "Also called".
   */
  alsoKnownAs: otherNames,
  /** What an admin sees when this procedure is needed. */
  symptoms: z.array(symptomSchema).default([]),
  /** The builds the whole procedure applies to, such as "<=1.1.443.0". */
  appliesTo: range.optional(),
  /** Old names of the procedure; each keeps working as a URL. */
  aliases: z.array(slug).default([]),
  /** Slugs of procedures worth reading next. */
  related: z.array(slug).default([]),
  /** Who keeps the procedure correct. */
  owner: z.string().trim().min(1),
  /** When the procedure was last checked against the product, as YYYY-MM-DD. */
  lastReviewed: z.iso.date('write the date as YYYY-MM-DD'),
  /** How long a review holds, such as `180d`; without it, the site's `reviewEvery` in portal.yaml. */
  reviewEvery: reviewInterval.optional(),
  /** Values an admin types once per run, which the steps refer to as `{name}`. */
  inputs: z
    .array(runInputSchema)
    .default([])
    .superRefine((inputs, ctx) => {
      inputs.forEach(({ name }, index) => {
        const first = inputs.findIndex((other) => other.name === name);
        if (first < index) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `the input "${name}" is already declared (inputs.${first})`,
            params: { fix: 'give each input its own name, or remove one of the two' },
          });
        }
      });
    }),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type RunInput = z.infer<typeof runInputSchema>;
export type SymptomPlace = keyof typeof SYMPTOM_PLACES;
