import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from './load';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const file = (name: string, mdx: string) => `lib/content/fixtures/${name}/${mdx}`;

describe('a valid content folder', async () => {
  const { procedures, errors } = await loadContent(fixture('valid'));
  const alpha = procedures.find((procedure) => procedure.slug === 'alpha')!;
  const beta = procedures.find((procedure) => procedure.slug === 'beta')!;

  it('loads every procedure with no errors', () => {
    expect(errors).toEqual([]);
    expect(procedures.map((procedure) => procedure.slug)).toEqual(['alpha', 'beta']);
  });

  it('turns numbered items into steps with pinned or derived ids, sub-steps under their parent', () => {
    expect(alpha.steps.map(({ id, parentId }) => [id, parentId])).toEqual([
      ['sign-in', null],
      ['open-powershell', null],
      ['run-the-tool', null],
      ['check-the-output', 'run-the-tool'],
      ['save-log', 'run-the-tool'],
      ['abandon-the-key-see-betas-step', null],
    ]);
    expect(alpha.steps.find((step) => step.id === 'save-log')!.text).toBe('Save the log.');
  });

  it('writes shared steps once and reuses them, keeping the shared file and line', () => {
    for (const procedure of [alpha, beta]) {
      expect(procedure.steps.find((step) => step.id === 'sign-in')).toMatchObject({
        file: file('valid', 'shared/sign-in.mdx'),
        line: 1,
        text: 'Sign in to the server.',
      });
    }
    expect(beta.steps.map((step) => step.id)).toEqual(['sign-in', 'open-powershell', 'restart-the-service']);
  });

  it('records the section and the build range around each step', () => {
    expect(alpha.steps.find((step) => step.id === 'abandon-the-key-see-betas-step')).toMatchObject({
      section: 'old-builds',
      ranges: ['<=1.1.443.0'],
      file: file('valid', 'alpha.mdx'),
      line: 26,
    });
    expect(alpha.steps.find((step) => step.id === 'run-the-tool')).toMatchObject({ section: 'prepare', ranges: [] });
  });

  it('lists its sections in order', () => {
    expect(alpha.sections).toEqual([
      { id: 'prepare', title: 'Prepare' },
      { id: 'old-builds', title: 'Old builds' },
    ]);
  });

  it('makes a review due after the procedure’s own reviewEvery, or the site’s', () => {
    expect(beta.reviewDue).toBe('2026-02-14');
    expect(alpha.reviewDue).toBe('2027-01-31');
  });

  it('joins the shared list and the list after it into one checklist', () => {
    expect(alpha.code.match(/_components\.ol,/g)).toHaveLength(3);
  });
});

describe('a procedure with run inputs', async () => {
  const { procedures, errors } = await loadContent(fixture('inputs'));
  const procedure = procedures[0]!;

  it('declares them in its frontmatter, one value unless it says list', () => {
    expect(errors).toEqual([]);
    expect(procedure.inputs).toEqual([
      { name: 'connectors', label: 'AD connectors', hint: 'Synchronization Service Manager, Connectors tab', list: true },
      { name: 'syncServer', label: 'Sync server', list: false },
    ]);
  });

  it('keeps {name} in the step text, and marks the steps inside <Repeat> with their list', () => {
    expect(procedure.steps.map(({ id, text, parentId, section, repeatFor }) => ({ id, text, parentId, section, repeatFor }))).toEqual([
      { id: 'sign-in', text: 'Sign in to {syncServer}.', parentId: null, section: null, repeatFor: null },
      { id: 'open-console', text: 'Open the console.', parentId: null, section: 'passwords', repeatFor: null },
      { id: 'switch-to-the-connectors-tab', text: 'Switch to the Connectors tab.', parentId: null, section: 'passwords', repeatFor: null },
      { id: 'select-connector', text: 'Select the connector {connectors}.', parentId: null, section: 'passwords', repeatFor: 'connectors' },
      { id: 'type-the-password-of-connectors', text: 'Type the password of {connectors}.', parentId: null, section: 'passwords', repeatFor: 'connectors' },
      { id: 'restart-the-service-on-syncserver', text: 'Restart the service on {syncServer}.', parentId: null, section: 'passwords', repeatFor: null },
      { id: 'check-each-connector', text: 'Check each connector:', parentId: null, section: 'check', repeatFor: null },
      { id: 'run-an-import-on-connectors', text: 'Run an import on {connectors}.', parentId: 'check-each-connector', section: 'check', repeatFor: 'connectors' },
      { id: 'read-the-log-of-connectors', text: 'Read the log of {connectors}.', parentId: null, section: 'check', repeatFor: null },
    ]);
  });
});

describe('step ids', () => {
  it('stay the same when a step is inserted before them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
    cpSync(fixture('valid'), dir, { recursive: true });
    const before = await loadContent(dir);
    const alphaFile = path.join(dir, 'alpha.mdx');
    writeFileSync(alphaFile, readFileSync(alphaFile, 'utf8').replace('1. Run the tool.', '1. Stop the scheduler.\n1. Run the tool.'));
    const after = await loadContent(dir);

    const ids = (content: typeof before) => content.procedures.find((p) => p.slug === 'alpha')!.steps.map((step) => step.id);
    expect(after.errors).toEqual([]);
    expect(ids(after)).toEqual(['sign-in', 'open-powershell', 'stop-the-scheduler', ...ids(before).slice(2)]);
  });
});

describe('a broken content file fails with file, line and fix', () => {
  const cases: { name: string; expected: { file: string; line?: number; message: RegExp; fix: RegExp }[] }[] = [
    {
      name: 'missing-field',
      expected: [{ file: 'no-title.mdx', line: 1, message: /missing required field "title"/, fix: /add "title: …"/ }],
    },
    {
      name: 'invalid-field',
      expected: [{ file: 'bad-kind.mdx', line: 9, message: /symptoms\.0\.kind/, fix: /event, error-code, message/ }],
    },
    {
      name: 'unknown-field',
      expected: [{ file: 'typo.mdx', line: 8, message: /unknown field "relatd"/, fix: /did you mean "related"/ }],
    },
    {
      name: 'malformed-yaml',
      expected: [{ file: 'broken-yaml.mdx', line: 8, message: /not valid YAML/, fix: /indentation/ }],
    },
    {
      name: 'duplicate-slug',
      expected: [
        { file: 'zz-same-again.mdx', line: 3, message: /file name does not match its slug "same"/, fix: /rename the file to same\.mdx/ },
        { file: 'zz-same-again.mdx', line: 3, message: /slug "same" is already the slug of .*duplicate-slug\/same\.mdx/, fix: /own names/ },
      ],
    },
    {
      name: 'duplicate-alias',
      expected: [{ file: 'two.mdx', line: 9, message: /alias "old-name" is already the alias of .*one\.mdx/, fix: /change or remove this alias/ }],
    },
    {
      name: 'duplicate-step-id',
      expected: [{ file: 'dupes.mdx', line: 13, message: /duplicate id "open-services" \(also used at line 11\)/, fix: /\[#open-services-2\]/ }],
    },
    {
      name: 'broken-link',
      expected: [
        { file: 'links.mdx', line: 11, message: /unknown procedure "nowhere"/, fix: /use one of: links/ },
        { file: 'links.mdx', line: 12, message: /step or heading "no-such-step"/, fix: /read-the-other-one/ },
      ],
    },
    {
      name: 'unknown-component',
      expected: [{ file: 'widget.mdx', line: 13, message: /unknown component <Callout>/, fix: /<AppliesTo>, <SharedSteps>, <Repeat>, <Warning>, <Note>/ }],
    },
    {
      name: 'invalid-range',
      expected: [
        { file: 'ranges.mdx', line: 8, message: /appliesTo: .*can never match any build/, fix: /such as "<=1\.1\.443\.0"/ },
        { file: 'ranges.mdx', line: 11, message: /invalid build range: .*"1\.1\.abc" is not a build/, fix: /range attribute/ },
      ],
    },
    {
      name: 'no-steps',
      expected: [{ file: 'empty.mdx', message: /has no steps/, fix: /numbered list/ }],
    },
    {
      name: 'mdx-syntax',
      expected: [{ file: 'syntax.mdx', line: 12, message: /MDX syntax error/, fix: /\\</ }],
    },
    {
      name: 'wrong-type',
      expected: [
        { file: 'types.mdx', line: 8, message: /aliases: .*expected array, received string/, fix: /one "- value" per line/ },
        { file: 'types.mdx', line: 9, message: /related: .*expected array, received number/, fix: /one "- value" per line/ },
      ],
    },
    {
      name: 'alias-is-slug',
      expected: [{ file: 'second.mdx', line: 9, message: /alias "first" is already the slug of .*first\.mdx/, fix: /change or remove this alias/ }],
    },
    {
      name: 'empty-procedure',
      expected: [{ file: 'hollow.mdx', message: /has no steps/, fix: /numbered list/ }],
    },
    {
      name: 'symptom-without-code',
      expected: [{ file: 'vague.mdx', line: 9, message: /symptoms\.0: a symptom needs a code, a message, or both/, fix: /add "code:"/ }],
    },
    {
      name: 'invalid-review-every',
      expected: [{ file: 'late.mdx', line: 8, message: /reviewEvery: "6 months" is not a review interval/, fix: /90d \(days\)/ }],
    },
    {
      name: 'invalid-settings',
      expected: [{ file: 'portal.yaml', line: 2, message: /reportUrl: .*unknown placeholder "\{titel\}"/, fix: /\{title\} and \{body\}/ }],
    },
    {
      name: 'unknown-related',
      expected: [{ file: 'lonely.mdx', line: 9, message: /related procedure "nobody" does not exist/, fix: /lonely/ }],
    },
    {
      name: 'duplicate-input',
      expected: [
        { file: 'twice.mdx', line: 12, message: /inputs\.1\.name: "sync-server" cannot be an input name/, fix: /such as "syncServer"/ },
        { file: 'twice.mdx', line: 14, message: /inputs\.2\.name: the input "connectors" is already declared \(inputs\.0\)/, fix: /its own name/ },
      ],
    },
    {
      name: 'undeclared-input',
      expected: [
        { file: 'typo.mdx', line: 13, message: /^\{syncSrever\} refers to an input the procedure does not declare$/, fix: /under `inputs:` in the frontmatter, or write \\\{syncSrever\\\} to show braces \(did you mean \{syncServer\}\?\)/ },
        { file: 'typo.mdx', line: 18, message: /^\{connector\} in code refers to an input/, fix: /under `inputs:`.*a space inside them: \{ connector \}/ },
        { file: 'typo.mdx', line: 20, message: /^\{ticket\} in code refers to an input/, fix: /under `inputs:`/ },
        { file: 'shared/per-connector.mdx', line: 1, message: /^\{connectors\} refers to an input/, fix: /in the frontmatter of .*undeclared-input\/typo\.mdx/ },
      ],
    },
    {
      name: 'repeat-not-a-list',
      expected: [
        { file: 'repeats.mdx', line: 16, message: /<Repeat for="syncServer"> names the input "syncServer", which is one value, not a list/, fix: /add "list: true" to the input "syncServer"/ },
        { file: 'repeats.mdx', line: 22, message: /<Repeat for="conectors"> names an input the procedure does not declare/, fix: /with "list: true" \(did you mean for="connectors"\?\)/ },
        { file: 'repeats.mdx', line: 28, message: /<Repeat> needs a for attribute/, fix: /<Repeat for="connectors">/ },
      ],
    },
    {
      name: 'invalid-also-known-as',
      expected: [
        { file: 'names.mdx', line: 10, message: /alsoKnownAs\.1: a name cannot be empty/, fix: /correct the value/ },
        { file: 'names.mdx', line: 11, message: /alsoKnownAs\.2: "ad ds  Connector account" is already listed \(alsoKnownAs\.0\)/, fix: /list each name once/ },
        { file: 'single.mdx', line: 8, message: /alsoKnownAs: .*expected array, received string/, fix: /one "- value" per line/ },
      ],
    },
    {
      name: 'missing-shared',
      expected: [{ file: 'shares.mdx', line: 11, message: /no shared steps named "not-there"/, fix: /content\/shared/ }],
    },
  ];

  for (const { name, expected } of cases) {
    it(name, async () => {
      const { errors } = await loadContent(fixture(name));
      expect(errors).toEqual(
        expected.map(({ file: mdx, line, message, fix }) => ({
          file: file(name, mdx),
          ...(line === undefined ? {} : { line }),
          message: expect.stringMatching(message),
          fix: expect.stringMatching(fix),
        })),
      );
    });
  }
});

describe('other names (alsoKnownAs)', () => {
  it('are read from the frontmatter, none when the field is left out', async () => {
    const { procedures } = await loadContent(fixture('shared-other-name'));
    expect(procedures.find((procedure) => procedure.slug === 'connector')!.alsoKnownAs).toEqual(['AD DS connector account', 'sync service  account']);
    const { procedures: plain } = await loadContent(fixture('valid'));
    expect(plain.map((procedure) => procedure.alsoKnownAs)).toEqual([[], []]);
  });

  it('claimed by two procedures give a warning with file, line and fix, not an error', async () => {
    const { errors, warnings } = await loadContent(fixture('shared-other-name'));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: file('shared-other-name', 'service.mdx'),
        line: 10,
        message: expect.stringMatching(/other name "Sync service account" is also claimed by .*shared-other-name\/connector\.mdx/),
        fix: expect.stringMatching(/search cannot tell connector and service apart/),
      },
    ]);
  });
});

describe('the real content', () => {
  it('has no errors, and every seed slug and old article name', async () => {
    const { procedures, errors } = await loadContent(path.resolve('content'));
    expect(errors).toEqual([]);
    expect(procedures.flatMap((procedure) => [procedure.slug, ...procedure.aliases])).toEqual(
      expect.arrayContaining([
        'update-ad-ds-account-password',
        'how-to-connect-sync-change-addsacct-pass',
        'active-directory-aadconnectsync-change-addsacct-pass',
        'reset-azure-ad-connector-account',
        'how-to-connect-azureadaccount',
        'active-directory-aadconnectsync-howto-azureadaccount',
        'change-sync-service-account-password',
        'how-to-connect-sync-change-serviceacct-pass',
        'active-directory-aadconnectsync-change-serviceacct-pass',
      ]),
    );
  });
});
