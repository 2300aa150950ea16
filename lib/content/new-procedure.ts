import { SLUG } from '../runs/names';
import type { Procedure } from './load';

/** A title as a slug: "Reset the AD FS trust (2019)" gives `reset-the-ad-fs-trust-2019`. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Why a new procedure cannot have this slug, or null when it can. */
export function slugProblem(slug: string, procedures: Procedure[]): string | null {
  if (!SLUG.test(slug)) return `"${slug}" is not a slug: use lowercase letters, digits and single hyphens (give one with --slug)`;
  const owner = procedures.find((procedure) => procedure.slug === slug);
  if (owner) return `the slug "${slug}" is already used by ${owner.file}: pick another title, or give another slug with --slug`;
  const renamed = procedures.find((procedure) => procedure.aliases.includes(slug));
  if (renamed) {
    return `"${slug}" is an old name (alias) of ${renamed.file}, and its links lead there: give another slug with --slug`;
  }
  return null;
}

/**
 * A new procedure's file: every frontmatter field with what it is for, and
 * one section with steps. It passes the content check as it is.
 */
export function procedureTemplate({ title, slug, owner, today }: { title: string; slug: string; owner: string; today: string }): string {
  return `---
# The task, as an admin would name it.
title: ${JSON.stringify(title)}
# The URL: /procedures/${slug}/. The file name must match. Once published, never
# change it without adding the old one to aliases.
slug: ${slug}
# One line that says when to use this procedure.
summary: Say in one line when an admin needs this procedure.
# The group the procedure is listed under on the home page.
topic: Unsorted
# What an admin sees when this procedure is needed; search matches them. For each:
#   - kind: event                 # event | error-code | message
#     where: application-log      # application-log | system-log | sync-service-manager | service-control-manager | powershell
#     code: "6000"                # the event ID or error code, exactly as shown
#     message: The text as shown, with the parts that differ between sites as {name}.
symptoms: []
# Other names of what this procedure is about, such as an account's old and current
# product names and its name in the directory; search weighs them like symptoms, and
# the page shows them as "Also called". Two procedures should not claim the same name.
alsoKnownAs: []
# The builds the whole procedure applies to, such as "<=1.1.443.0". Leave it out for every build.
# appliesTo: "<=1.1.443.0"
# Old names of this procedure; each keeps working as a URL.
aliases: []
# Slugs of procedures worth reading next.
related: []
# Who keeps this procedure correct, and receives reports of problems in it.
owner: ${JSON.stringify(owner)}
# When the steps were last checked against the product, as YYYY-MM-DD.
lastReviewed: ${today}
# How long a review holds, such as 90d, 26w, 6m or 1y. Leave it out for the site's default (portal.yaml).
# reviewEvery: 180d
# Values the admin types once per run; steps and commands write them as {name}. A list
# (list: true) can repeat steps once for each value: <Repeat for="connectors">…</Repeat>.
# inputs:
#   - name: connectors      # letters and digits, starting lowercase
#     label: AD connectors  # what the admin is asked for
#     hint: Synchronization Service Manager, Connectors tab
#     list: true            # leave it out for one value
---

Say in a sentence or two what goes wrong, and what the admin needs at hand before starting.

## Do the first part

1. Write the first action here, one action per step.
2. Write the next action here. Say what the admin should see when it worked.
`;
}
