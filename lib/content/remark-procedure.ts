import GithubSlugger, { slug as slugify } from 'github-slugger';
import type { Heading as MdHeading, List, ListItem, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { closest } from '../fuzzy';
import { parseRange } from '../gating/version';
import type { ContentError } from './errors';
import { isInputName, type RunInput } from './schema';

/** Elements an author may write in a procedure. */
export const AUTHOR_COMPONENTS = ['AppliesTo', 'SharedSteps', 'Repeat', 'Warning', 'Note'] as const;
/** Plain HTML elements an author may write as JSX. */
const AUTHOR_HTML = new Set(['kbd', 'br', 'abbr', 'sub', 'sup']);
/** Elements the pipeline writes into the compiled MDX, which the component map must provide. */
export const RENDERED_COMPONENTS = ['AppliesTo', 'Warning', 'Note', 'Step', 'Input', 'Repeat'] as const;
export type RenderedComponent = (typeof RENDERED_COMPONENTS)[number];

/** A pinned step id, written at the end of the step's first line: `Restart the service. [#restart-sync]`. */
const PINNED_ID = /\s*\[#([^\]]*)\]\s*$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Derived ids keep the first words of the instruction: enough to be unique, short enough to paste. */
const ID_WORDS = 6;
/** What may be an input reference in code, where braces are plain text: `{syncServer}`, never PowerShell's `{ $_ }`. */
const CODE_PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)\}/g;

export interface Step {
  /** Stable id: pinned by the author, or derived from the instruction's first words. Never positional. */
  id: string;
  /** The instruction as plain text: the checkbox's accessible name. Input references stay as written: `{syncServer}`. */
  text: string;
  /** The file the step is written in: the procedure, or a shared-steps file. */
  file: string;
  line: number;
  /** The step this one is a sub-step of. */
  parentId: string | null;
  /** Its number as the page shows it: "3.", or "3.1." for a sub-step. */
  number: string;
  /** The id of the section (`##` or `###` heading: where numbering restarts) the step sits in; null before the first one. */
  section: string | null;
  /** Build ranges of the `AppliesTo` elements around the step, outermost first. */
  ranges: string[];
  /** The list input the step is repeated for, one copy per value, when it is inside `<Repeat for="…">`. */
  repeatFor: string | null;
}

export interface Heading {
  id: string;
  text: string;
  depth: number;
  /** Build ranges of the `AppliesTo` elements around the heading. */
  ranges: string[];
}

export interface Section {
  /** The id of its `##` or `###` heading. */
  id: string;
  title: string;
}

export interface LinkUse {
  url: string;
  file: string;
  line: number;
}

export interface ProcedureTree {
  steps: Step[];
  headings: Heading[];
  /** The `##` and `###` sections in page order. */
  sections: Section[];
  /** Text of the paragraphs other than step instructions, and of code blocks, for search. */
  paragraphs: string[];
  links: LinkUse[];
  errors: ContentError[];
}

declare module 'mdast' {
  interface Data {
    /** Set on nodes spliced in from a shared-steps file. */
    sharedSource?: SharedSource;
    /** Set on a step's first paragraph: its instruction, kept as the step's text. */
    stepInstruction?: boolean;
  }
}

declare module 'vfile' {
  interface DataMap {
    procedure: ProcedureTree;
  }
}

export interface SharedStepsFile {
  /** Path for messages. */
  file: string;
  text: string;
}

export interface RemarkProcedureOptions {
  /** Path of the procedure for messages. */
  file: string;
  /** Finds a shared-steps file by name, or returns null when there is none. */
  readShared: (name: string) => SharedStepsFile | null;
  /** The run inputs the procedure declares; null when its frontmatter could not be read, so references are not judged. */
  inputs: readonly RunInput[] | null;
}

interface Context {
  file: string;
  ranges: string[];
  parentStep: string | null;
  /** The parent step's number as the page shows it, "3."; empty at the top level. */
  parentNumber: string;
  idPrefix: string;
  /** The list input of the `Repeat` around the node. */
  repeatFor: string | null;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Expression = Extract<RootContent, { type: 'mdxFlowExpression' | 'mdxTextExpression' }>;

/**
 * Turns a procedure's tree into a checklist: numbered list items become `Step`
 * elements with stable ids, `SharedSteps` are spliced in, headings get ids,
 * input references `{name}` become `Input` elements, and everything a
 * validator needs (steps, headings, links, errors) is put on
 * `file.data.procedure`.
 */
export function remarkProcedure(this: Processor, options: RemarkProcedureOptions) {
  return (tree: Root, vfile: VFile) => {
    const result: ProcedureTree = { steps: [], headings: [], sections: [], paragraphs: [], links: [], errors: [] };
    const slugger = new GithubSlugger();
    const seenIds = new Map<string, { file: string; line: number }>();
    let section: string | null = null;

    const fail = (ctx: Context, node: Nodes | undefined, message: string, fix: string) =>
      result.errors.push({ file: ctx.file, line: node?.position?.start.line, message, fix });

    const claimId = (ctx: Context, node: Nodes, id: string, fix: string) => {
      const earlier = seenIds.get(id);
      if (earlier) {
        const where = earlier.file === ctx.file ? `line ${earlier.line}` : `${earlier.file}:${earlier.line}`;
        fail(ctx, node, `duplicate id "${id}" (also used at ${where})`, fix);
        return;
      }
      seenIds.set(id, { file: ctx.file, line: node.position?.start.line ?? 0 });
    };

    const walk = (parent: Parent, ctx: Context) => {
      joinLists(parent, ctx);
      parent.children.forEach((child, index) => {
        const childCtx = contextOf(child, ctx);
        if (child.type === 'mdxTextExpression' || child.type === 'mdxFlowExpression') {
          const input = inputReference(child, childCtx);
          if (input) parent.children[index] = input;
          return;
        }
        visit(child, childCtx);
      });
    };

    /**
     * Splices in shared steps, then joins lists written one after another
     * into one checklist. Numbering also runs on through a `Repeat` among
     * them: its first list continues the list before it, and a list right
     * after it continues its last.
     */
    const joinLists = (parent: Parent, ctx: Context) => {
      expandSharedSteps(parent, ctx);
      mergeAdjacentOrderedLists(parent, ctx);
      let next: number | null = null;
      for (const child of parent.children) {
        if (child.type === 'list' && child.ordered) {
          if (next !== null) child.start = next;
          next = (child.start ?? 1) + child.children.length;
        } else if (isRepeat(child)) {
          joinLists(child, contextOf(child, ctx));
          const lists = child.children.filter((inner): inner is List => inner.type === 'list' && inner.ordered === true);
          if (lists.length === 0) {
            next = null;
            continue;
          }
          if (next !== null) lists[0]!.start = next;
          next = (lists.at(-1)!.start ?? 1) + lists.at(-1)!.children.length;
        } else {
          next = null;
        }
      }
    };

    const visit = (node: RootContent, ctx: Context) => {
      switch (node.type) {
        case 'heading':
          return heading(node, ctx);
        case 'list':
          return node.ordered ? steps(node, ctx) : walk(node, ctx);
        case 'paragraph':
          if (!node.data?.stepInstruction) result.paragraphs.push(plainText(node).replace(/\s+/g, ' ').trim());
          return walk(node, ctx);
        case 'code':
          result.paragraphs.push(node.value);
          // The value is text: the line of a placeholder is counted from the line after the opening fence.
          return checkPlaceholders(node.value, ctx, (offset) => (node.position?.start.line ?? 0) + 1 + lineBreaks(node.value.slice(0, offset)));
        case 'inlineCode':
          return checkPlaceholders(node.value, ctx, () => node.position?.start.line);
        case 'link':
          result.links.push({ url: node.url, file: ctx.file, line: node.position?.start.line ?? 0 });
          return walk(node, ctx);
        case 'mdxjsEsm':
          return fail(ctx, node, 'import and export statements are not allowed in procedures', 'remove the statement; procedures use only the components the portal provides');
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          return element(node, ctx);
        default:
          if ('children' in node) walk(node, ctx);
      }
    };

    const heading = (node: MdHeading, ctx: Context) => {
      if (node.depth === 1) {
        fail(ctx, node, 'a procedure must not have its own level-1 heading', 'remove it: the page shows the frontmatter title as its heading; start sections with "##"');
        return;
      }
      if (ctx.repeatFor !== null) {
        fail(ctx, node, 'a heading inside <Repeat> would appear once for each value', 'put the heading before <Repeat for="…">, and only steps inside it');
      }
      const text = plainText(node).trim();
      const id = slugger.slug(text);
      node.data = { ...node.data, hProperties: { id } };
      claimId(ctx, node, id, 'rename one of the two headings, or pin a different id on the step');
      result.headings.push({ id, text, depth: node.depth, ranges: ctx.ranges });
      if (node.depth === 2 || node.depth === 3) {
        section = id;
        result.sections.push({ id, title: text });
      }
      walk(node, ctx);
    };

    const steps = (list: List, ctx: Context) => {
      // Items of a joined list may come from different files: each carries its own.
      list.children.forEach((item, index) => step(item, { ...ctx, ...sourceOf(item) }, `${ctx.parentNumber}${(list.start ?? 1) + index}.`));
    };

    const step = (item: ListItem, ctx: Context, number: string) => {
      const first = item.children[0];
      if (first?.type !== 'paragraph') {
        fail(ctx, item, 'a numbered step must start with its instruction', 'write the instruction as the first line of the list item, then any code or notes below it');
        return;
      }
      first.data = { ...first.data, stepInstruction: true };
      const pinned = takePinnedId(first);
      const text = plainText(first).replace(/\s+/g, ' ').trim();
      let id: string;
      if (pinned !== undefined) {
        if (!ID.test(pinned)) {
          fail(ctx, first, `the pinned step id "[#${pinned}]" is not a valid id`, 'use lowercase letters, digits and single hyphens, such as [#restart-sync-service]');
          return;
        }
        id = ctx.idPrefix + pinned;
      } else {
        id = ctx.idPrefix + deriveStepId(text);
      }
      if (id === '') {
        fail(ctx, first, 'this step has no words to make its id from', 'write the instruction, or pin an id with [#your-id] at the end of its first line');
        return;
      }
      claimId(ctx, item, id, `pin a different id on one of the two steps: end its first line with [#${id}-2] or a better name${ctx.file !== options.file ? ', or give the SharedSteps element a prefix' : ''}`);
      result.steps.push({
        id,
        text,
        file: ctx.file,
        line: item.position?.start.line ?? 0,
        parentId: ctx.parentStep,
        number,
        section,
        ranges: ctx.ranges,
        repeatFor: ctx.repeatFor,
      });
      walk(item, { ...ctx, parentStep: id, parentNumber: number });
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Step',
        attributes: [attribute('id', id), attribute('text', text)],
        children: item.children as MdxJsxFlowElement['children'],
      };
      item.children = [element];
    };

    const element = (node: JsxElement, ctx: Context) => {
      const name = node.name;
      if (name === null) return walk(node, ctx);
      if (AUTHOR_HTML.has(name)) return walk(node, ctx);
      if (!(AUTHOR_COMPONENTS as readonly string[]).includes(name)) {
        const hint = name === 'Step' ? ' (steps are written as numbered list items)' : name === 'Input' ? ' (an input is written as {name})' : '';
        fail(ctx, node, `unknown component <${name}>`, `use one of ${AUTHOR_COMPONENTS.map((known) => `<${known}>`).join(', ')}, or plain Markdown${hint}`);
        return;
      }
      if (name === 'Repeat') return repeat(node, ctx);
      if (name === 'AppliesTo') {
        const range = stringAttribute(node, 'range');
        if (range === undefined) {
          fail(ctx, node, '<AppliesTo> needs a range attribute', 'write it as <AppliesTo range="<=1.1.443.0">');
          return;
        }
        const parsed = parseRange(range);
        if (!parsed.ok) {
          fail(ctx, node, `invalid build range: ${parsed.error}`, 'correct the range attribute of <AppliesTo>');
          return;
        }
        // A collapsed section still names itself: its heading goes on the element as its title.
        const first = node.children[0];
        if (first?.type === 'heading') node.attributes.push(attribute('title', toString(first).trim()));
        return walk(node, { ...ctx, ranges: [...ctx.ranges, parsed.value.source] });
      }
      walk(node, ctx);
    };

    /** Where the procedure's inputs are declared, as seen from the file being read. */
    const frontmatter = (ctx: Context) => `\`inputs:\` in the frontmatter${ctx.file === options.file ? '' : ` of ${options.file}`}`;

    const repeat = (node: JsxElement, ctx: Context) => {
      const name = stringAttribute(node, 'for');
      const tag = name === undefined ? '<Repeat>' : `<Repeat for="${name}">`;
      if (ctx.repeatFor !== null) {
        fail(ctx, node, `${tag} inside <Repeat for="${ctx.repeatFor}">`, 'end the first Repeat before the second starts: steps repeat for one list at a time');
      } else if (name === undefined) {
        fail(ctx, node, '<Repeat> needs a for attribute: the list input to repeat the steps for', 'write it as <Repeat for="connectors">, naming an input declared with "list: true"');
      } else if (options.inputs !== null) {
        const input = options.inputs.find((declared) => declared.name === name);
        if (!input) {
          fail(ctx, node, `${tag} names an input the procedure does not declare`, `declare it under ${frontmatter(ctx)} with "list: true"${suggestion(name, options.inputs, (near) => `for="${near}"`)}`);
        } else if (!input.list) {
          fail(ctx, node, `${tag} names the input "${name}", which is one value, not a list`, `add "list: true" to the input "${name}" under ${frontmatter(ctx)}, or remove the Repeat`);
        }
      }
      const before = result.steps.length;
      walk(node, { ...ctx, repeatFor: name ?? ctx.repeatFor });
      if (result.steps.length === before) {
        fail(ctx, node, `${tag} wraps no steps`, `put the numbered steps to repeat inside it, with a blank line after ${tag} and before </Repeat>`);
      }
    };

    /** A `{name}` expression becomes `<Input name="name" />` when the procedure declares that input; other expressions stay as they are. */
    const inputReference = (node: Expression, ctx: Context): MdxJsxFlowElement | MdxJsxTextElement | undefined => {
      const name = node.value.trim();
      if (!isInputName(name) || options.inputs === null) return undefined;
      if (!options.inputs.some((input) => input.name === name)) {
        undeclared(ctx, node.position?.start.line, name);
        return undefined;
      }
      const element = { name: 'Input', attributes: [attribute('name', name)], children: [], position: node.position };
      return node.type === 'mdxFlowExpression' ? { type: 'mdxJsxFlowElement', ...element } : { type: 'mdxJsxTextElement', ...element };
    };

    /** Code keeps `{name}` as text, to be filled in on the page: each one must name a declared input. */
    const checkPlaceholders = (code: string, ctx: Context, lineAt: (offset: number) => number | undefined) => {
      if (options.inputs === null) return;
      for (const match of code.matchAll(CODE_PLACEHOLDER)) {
        const name = match[1]!;
        if (isInputName(name) && !options.inputs.some((input) => input.name === name)) undeclared(ctx, lineAt(match.index), name, true);
      }
    };

    const undeclared = (ctx: Context, line: number | undefined, name: string, inCode = false) => {
      result.errors.push({
        file: ctx.file,
        line,
        message: `{${name}}${inCode ? ' in code' : ''} refers to an input the procedure does not declare`,
        fix: `declare it under ${frontmatter(ctx)}${
          inCode ? `, or, if the braces belong to the command, write a space inside them: { ${name} }` : `, or write \\{${name}\\} to show braces`
        }${suggestion(name, options.inputs ?? [], (near) => `{${near}}`)}`,
      });
    };

    /** Replaces each `<SharedSteps name="…" />` among the parent's children by that file's content. */
    const expandSharedSteps = (parent: Parent, ctx: Context) => {
      parent.children = parent.children.flatMap((child) => {
        if (child.type !== 'mdxJsxFlowElement' || child.name !== 'SharedSteps') return [child];
        const name = stringAttribute(child, 'name');
        const shared = name ? options.readShared(name) : null;
        if (!name || !shared) {
          fail(ctx, child, name ? `no shared steps named "${name}"` : '<SharedSteps> needs a name attribute', 'name a file in content/shared/ without its .mdx ending, such as <SharedSteps name="enter-ad-ds-password" />');
          return [];
        }
        let sharedTree: Root;
        try {
          sharedTree = this.parse({ path: shared.file, value: shared.text }) as Root;
        } catch (error) {
          fail({ ...ctx, file: shared.file }, undefined, `cannot parse shared steps: ${(error as Error).message}`, 'correct the MDX syntax in the shared steps file');
          return [];
        }
        const prefix = stringAttribute(child, 'prefix');
        const source: SharedSource = { file: shared.file, idPrefix: ctx.idPrefix + (prefix ? `${prefix}-` : '') };
        for (const node of sharedTree.children) node.data = { ...node.data, sharedSource: source };
        return sharedTree.children;
      });
    };

    walk(tree, { file: options.file, ranges: [], parentStep: null, parentNumber: '', idPrefix: '', repeatFor: null });
    vfile.data.procedure = result;
  };
}

interface SharedSource {
  file: string;
  idPrefix: string;
}

function sourceOf(node: Nodes): SharedSource | undefined {
  return node.data?.sharedSource;
}

/** The context of a child: nodes spliced in from a shared-steps file are that file's. */
function contextOf(node: Nodes, ctx: Context): Context {
  const source = sourceOf(node);
  return source ? { ...ctx, ...source } : ctx;
}

function isRepeat(node: Nodes): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === 'Repeat';
}

/** Text as a reader sees it, with each input reference kept as `{name}`. */
function plainText(node: Nodes): string {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
    const value = node.value.trim();
    return isInputName(value) ? `{${value}}` : toString(node);
  }
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Input') {
    return `{${stringAttribute(node, 'name') ?? ''}}`;
  }
  return 'children' in node ? node.children.map(plainText).join('') : toString(node);
}

/** " (did you mean …?)" when a declared input is close enough to be what the author meant. */
function suggestion(name: string, inputs: readonly RunInput[], write: (near: string) => string): string {
  const near = closest(name, inputs.map((input) => input.name));
  return near ? ` (did you mean ${write(near)}?)` : '';
}

function lineBreaks(text: string): number {
  return text.match(/\n/g)?.length ?? 0;
}

/**
 * Lists written one after another, with only a `SharedSteps` element between
 * them, are one checklist: join them so numbering runs on.
 */
function mergeAdjacentOrderedLists(parent: Parent, ctx: Context) {
  const merged: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'list' && child.ordered) {
      const source = sourceOf(child) ?? { file: ctx.file, idPrefix: ctx.idPrefix };
      for (const item of child.children) item.data = { sharedSource: source, ...item.data };
    }
    const previous = merged.at(-1);
    if (child.type === 'list' && child.ordered && previous?.type === 'list' && previous.ordered) {
      previous.children.push(...child.children);
      previous.spread = previous.spread || child.spread;
    } else {
      merged.push(child);
    }
  }
  parent.children = merged;
}

/** Removes a trailing `[#id]` from the paragraph and returns the id, if there is one. */
function takePinnedId(paragraph: Parent): string | undefined {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = PINNED_ID.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1]!.trim();
}

/** The first words of an instruction, as an id: "Go to the **Connectors** tab." gives `go-to-the-connectors-tab`. */
export function deriveStepId(text: string): string {
  return slugify(text.replace(/['’]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, ' '))
    .split('-')
    .filter(Boolean)
    .slice(0, ID_WORDS)
    .join('-');
}

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function stringAttribute(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find((attr): attr is MdxJsxAttribute => attr.type === 'mdxJsxAttribute' && attr.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}
