import { procedureUrl, withBuild } from './urls';

/**
 * "Report a problem": a link that opens the owner's issue tracker or mail
 * program with the report filled in. Built from the site's template; nothing
 * is sent anywhere by the portal itself.
 */

/** The placeholders a report URL template may use. */
export const REPORT_PLACEHOLDERS = ['title', 'body'] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** What a report says: where the reader was, and what they were looking at. */
export interface ProblemReport {
  /** The procedure's title. */
  procedure: string;
  owner: string;
  /** The step's instruction, when the report is about one step. */
  step?: string;
  /** The absolute URL of the procedure or step, with the reader's build. */
  link: string;
  /** The build the reader has set, or null. */
  build: string | null;
  /** The procedure's revision the reader saw. */
  revision: string;
}

/** What is wrong with a report URL template, or null when it is usable. */
export function checkReportTemplate(template: string): { message: string; fix: string } | null {
  const scheme = /^(https?|mailto):/i.exec(template)?.[1]?.toLowerCase();
  if (!scheme) {
    return {
      message: `the report URL "${template}" is neither an http(s) URL nor a mailto: address`,
      fix: 'use an issue tracker\'s new-issue URL, such as "https://tracker.example/runbooks/issues/new?title={title}&body={body}", or "mailto:team@example.com"',
    };
  }
  const used = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  const unknown = used.find((name) => !(REPORT_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined) {
    return {
      message: `the report URL has an unknown placeholder "{${unknown}}"`,
      fix: `use only ${REPORT_PLACEHOLDERS.map((name) => `{${name}}`).join(' and ')}`,
    };
  }
  if (scheme !== 'mailto' && used.length === 0) {
    return {
      message: 'the report URL has no placeholder, so the report would arrive empty',
      fix: 'put {title} and {body} where the tracker takes the new issue\'s title and description, such as "?title={title}&body={body}"',
    };
  }
  return null;
}

/** A one-line title for the report. */
export function reportTitle({ procedure, step }: ProblemReport): string {
  if (step === undefined) return `Problem in "${procedure}"`;
  const short = step.length > 60 ? `${step.slice(0, 59).trimEnd()}…` : step;
  return `Problem in "${procedure}", step "${short}"`;
}

/** The report's text: what the owner needs to find the step and see it as the reader did. */
export function reportBody(report: ProblemReport, newline = '\n'): string {
  return [
    `Procedure: ${report.procedure}`,
    ...(report.step === undefined ? [] : [`Step: ${report.step}`]),
    `Link: ${report.link}`,
    `Build: ${report.build ?? 'not set'}`,
    `Revision: ${report.revision}`,
    `Owner: ${report.owner}`,
    '',
    'What is wrong:',
    '',
  ].join(newline);
}

/**
 * The report link: the template with `{title}` and `{body}` filled in,
 * URL-encoded. A `mailto:` without placeholders gets the report as its
 * subject and body; mail bodies break lines with CRLF (RFC 6068).
 */
export function reportHref(template: string, report: ProblemReport): string {
  const mail = /^mailto:/i.test(template);
  const values: Record<string, string> = {
    title: reportTitle(report),
    body: reportBody(report, mail ? '\r\n' : '\n'),
  };
  if (mail && template.search(PLACEHOLDER) < 0) {
    return `${template}${template.includes('?') ? '&' : '?'}subject=${encodeURIComponent(values.title!)}&body=${encodeURIComponent(values.body!)}`;
  }
  return template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/**
 * The link a report carries: the procedure or step with the reader's build,
 * and nothing else of the page's address (a ?run= names a ticket). Relative
 * while the origin is not known, as in the server's HTML.
 */
export function reportedLink(origin: string | null, slug: string, build: string | null, step?: string): string {
  const path = withBuild(procedureUrl(slug, { step }), build || null);
  return origin === null ? path : `${origin}${path}`;
}
