import { compile } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { remarkProcedure, type ProcedureTree } from './remark-procedure';
import type { RunInput } from './schema';

const INPUTS: RunInput[] = [
  { name: 'connectors', label: 'AD connectors', list: true },
  { name: 'syncServer', label: 'Sync server', list: false },
];

/** Runs the plugin on a procedure body and returns what it found and the tree it left for the compiler. */
async function transform(body: string, shared: Record<string, string> = {}): Promise<ProcedureTree & { tree: string }> {
  let tree = '';
  const file = await compile(
    { path: 'test.mdx', value: body },
    {
      outputFormat: 'function-body',
      remarkPlugins: [
        [
          remarkProcedure,
          {
            file: 'test.mdx',
            inputs: INPUTS,
            readShared: (name: string) => (shared[name] === undefined ? null : { file: `shared/${name}.mdx`, text: shared[name] }),
          },
        ],
        () => (root: Root) => {
          tree = outline(root).join('\n');
        },
      ],
    },
  );
  return { ...file.data.procedure!, tree };
}

/** The tree as the compiler gets it, one line a node that matters to the page: lists, steps, elements and their attributes. */
function outline(node: Nodes, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const below = (nodes: Nodes[]) => nodes.flatMap((child) => outline(child, depth + 1));
  switch (node.type) {
    case 'list':
      return [`${indent}${node.ordered ? `ol start=${node.start ?? 1}` : 'ul'}`, ...below(node.children)];
    case 'listItem':
    case 'paragraph':
      return node.children.flatMap((child) => outline(child, depth));
    case 'code':
      return [`${indent}code ${node.value}`];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const attributes = node.attributes
        .filter((attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute')
        .map(({ name, value }) => `${name}=${JSON.stringify(value)}`);
      return [`${indent}<${[node.name, ...attributes].join(' ')}>`, ...below(node.children)];
    }
    default:
      return 'children' in node ? node.children.flatMap((child) => outline(child, depth)) : [];
  }
}

describe('input references', () => {
  it('become Input elements in prose and steps, and stay {name} in the step text and in code', async () => {
    const { tree, steps, errors } = await transform(
      ['Work on {syncServer}.', '', '1. Sign in to **{syncServer}**.', '', '   ```powershell', '   Get-Service -ComputerName {syncServer} | % { $_.Name }', '   ```'].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(steps.map(({ id, text }) => ({ id, text }))).toEqual([{ id: 'sign-in-to-syncserver', text: 'Sign in to {syncServer}.' }]);
    expect(tree).toBe(
      [
        '<Input name="syncServer">',
        'ol start=1',
        '  <Step id="sign-in-to-syncserver" text="Sign in to {syncServer}.">',
        '    <Input name="syncServer">',
        '    code Get-Service -ComputerName {syncServer} | % { $_.Name }',
      ].join('\n'),
    );
  });

  it('leave other expressions, escaped braces and JavaScript words alone', async () => {
    const { tree, paragraphs, errors } = await transform(['Show \\{braces\\}, {1 + 1} and {true}.', '', '1. Do it.'].join('\n'));
    expect(errors).toEqual([]);
    expect(paragraphs).toEqual(['Show {braces}, 1 + 1 and true.']);
    expect(tree).not.toContain('<Input');
  });

  it('cannot be written as an Input element by hand', async () => {
    const { errors } = await transform('1. Sign in to <Input name="syncServer" />.');
    expect(errors).toEqual([expect.objectContaining({ line: 1, message: 'unknown component <Input>', fix: expect.stringMatching(/written as \{name\}/) })]);
  });
});

describe('<Repeat for="…">', () => {
  it('marks the steps inside it, and numbering runs on through it', async () => {
    const shared = { 'enter-password': ['1. Open the console.', '2. Switch to the Connectors tab.', '', '<Repeat for="connectors">', '', '3. Select {connectors}.', '4. Save.', '', '</Repeat>'].join('\n') };
    const { tree, steps, errors } = await transform(['## Passwords', '', '<SharedSteps name="enter-password" />', '', '1. Restart the service.', '2. Check it.'].join('\n'), shared);
    expect(errors).toEqual([]);
    expect(steps.map(({ id, repeatFor, section, number }) => [id, repeatFor, section, number])).toEqual([
      ['open-the-console', null, 'passwords', '1.'],
      ['switch-to-the-connectors-tab', null, 'passwords', '2.'],
      ['select-connectors', 'connectors', 'passwords', '3.'],
      ['save', 'connectors', 'passwords', '4.'],
      ['restart-the-service', null, 'passwords', '5.'],
      ['check-it', null, 'passwords', '6.'],
    ]);
    expect(tree).toBe(
      [
        'ol start=1',
        '  <Step id="open-the-console" text="Open the console.">',
        '  <Step id="switch-to-the-connectors-tab" text="Switch to the Connectors tab.">',
        '<Repeat for="connectors">',
        '  ol start=3',
        '    <Step id="select-connectors" text="Select {connectors}.">',
        '      <Input name="connectors">',
        '    <Step id="save" text="Save.">',
        'ol start=5',
        '  <Step id="restart-the-service" text="Restart the service.">',
        '  <Step id="check-it" text="Check it.">',
      ].join('\n'),
    );
  });

  it('can repeat the sub-steps of a step', async () => {
    const { steps, errors } = await transform(['1. Check each connector:', '', '   <Repeat for="connectors">', '', '   1. Import {connectors}.', '', '   </Repeat>', '2. Done.'].join('\n'));
    expect(errors).toEqual([]);
    expect(steps.map(({ id, parentId, repeatFor, number }) => [id, parentId, repeatFor, number])).toEqual([
      ['check-each-connector', null, null, '1.'],
      ['import-connectors', 'check-each-connector', 'connectors', '1.1.'],
      ['done', null, null, '2.'],
    ]);
  });

  it('holds steps only, one list input at a time', async () => {
    const cases: [string, RegExp][] = [
      [['<Repeat for="connectors">', '', 'Just a paragraph.', '', '</Repeat>', '', '1. Do it.'].join('\n'), /wraps no steps/],
      [['<Repeat for="connectors">', '', '<Repeat for="connectors">', '', '1. Do it.', '', '</Repeat>', '', '</Repeat>'].join('\n'), /<Repeat for="connectors"> inside <Repeat for="connectors">/],
      [['<Repeat for="connectors">', '', '## For each', '', '1. Do it.', '', '</Repeat>'].join('\n'), /heading inside <Repeat>/],
    ];
    for (const [body, message] of cases) {
      const { errors } = await transform(body);
      expect(errors, body).toEqual([expect.objectContaining({ file: 'test.mdx', message: expect.stringMatching(message) })]);
    }
  });
});

describe('sections', () => {
  it('are the ## and ### headings in order, and each step knows its own and its number', async () => {
    const { sections, steps } = await transform(['1. First.', '', '## Prepare', '', '### Part', '', '1. Second.', '', '## Clean {syncServer}', '', '1. Third.'].join('\n'));
    expect(sections).toEqual([
      { id: 'prepare', title: 'Prepare' },
      { id: 'part', title: 'Part' },
      { id: 'clean-syncserver', title: 'Clean {syncServer}' },
    ]);
    expect(steps.map(({ section, number }) => [section, number])).toEqual([
      [null, '1.'],
      ['part', '1.'],
      ['clean-syncserver', '1.'],
    ]);
  });
});
