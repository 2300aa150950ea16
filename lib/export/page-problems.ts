import { hashSource, parsePolicy, sourcesFor } from '../security/headers';
import { attributeOf, type Element, elementsWhere, type Page, startTag } from './html';
import { type InlineCode, inlineCode, isPolicyMeta } from './page-policy';
import { bootLoaderScripts, isStartupScriptTag } from './startup-scripts';

/** Something wrong with a finished page, and how to put it right. */
export interface PageProblem {
  message: string;
  fix: string;
}

const preview = (code: string) => JSON.stringify(code.length > 60 ? `${code.slice(0, 60)}…` : code);

/** Next's startup scripts left to load before the first paint, or found nowhere on a page that has Next's data. */
function startupProblems(page: Page, inline: InlineCode): PageProblem[] {
  const fix = 'make lib/export/boot-after-paint.ts take the script tags this version of Next writes';
  const left = elementsWhere(page, isStartupScriptTag);
  if (left.length > 0) {
    const message = `Next's startup scripts still load before the first paint (${left.length}, the first written as ${startTag(left[0]!)}); expected them in the boot loader, which takes Next's async script tags`;
    return [{ message, fix }];
  }
  if (bootLoaderScripts(page).length > 0 || !inline.scripts.some((code) => code.includes('__next_f'))) return [];
  return [
    {
      message: `the page has Next's inline data but no startup scripts: expected <script src="/_next/static/…" async> tags, moved into the boot loader`,
      fix,
    },
  ];
}

/** Inline code the page's policy does not allow, or a policy missing or too late to cover its scripts. */
function policyProblems(page: Page, { scripts, styles }: InlineCode): PageProblem[] {
  const fix = 'hash the page after the last change to its inline code: lib/export/finish.ts puts the policy in last';
  const meta = elementsWhere(page, isPolicyMeta)[0];
  if (!meta) return [{ message: 'the page has no Content Security Policy <meta>', fix }];
  const problems: PageProblem[] = [];
  const firstScript = elementsWhere(page, (element) => element === meta || element.tagName === 'script')[0];
  if (firstScript !== meta) problems.push({ message: `${startTag(firstScript!)} comes before the policy, which covers only what follows it`, fix });
  const policy = parsePolicy(attributeOf(meta, 'content') ?? '');
  for (const [directive, kind, texts] of [['script-src', 'script', scripts], ['style-src', 'style', styles]] as const) {
    const allowed = sourcesFor(policy, directive);
    for (const code of texts.filter((text) => !allowed.includes(hashSource(text)))) {
      problems.push({ message: `the inline ${kind} ${preview(code)} (${hashSource(code)}) is not in the policy's ${directive}, so the browser blocks it`, fix });
    }
  }
  // Every event handler attribute starts with "on" (onclick, onload, …); no other HTML attribute does.
  const handlers = (element: Element) => element.attrs.map(({ name }) => name).filter((name) => name.startsWith('on'));
  for (const element of elementsWhere(page, (element) => handlers(element).length > 0)) {
    problems.push({
      message: `${startTag(element)} has an inline event handler (${handlers(element).join(', ')}), which the policy blocks`,
      fix: 'attach the handler from a script',
    });
  }
  return problems;
}

/**
 * What is wrong with a finished page: Next's startup scripts not moved to load after the first
 * paint, or inline code its policy would block. Check the page as written to disk, read back, since
 * the policy must hold for the bytes a browser gets.
 */
export function pageProblems(page: Page): PageProblem[] {
  const inline = inlineCode(page);
  return [...startupProblems(page, inline), ...policyProblems(page, inline)];
}
