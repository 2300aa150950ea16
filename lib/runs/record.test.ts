import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events';
import type { Outline, OutlineStep } from './outline';
import { runRecord } from './record';
import { foldRun } from './state';

type Body = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'id' | 'at' | 'by'> : never) : never;
let counter = 0;
const ev = (minute: number, body: Body, by: string | null = 'Ana'): RunEvent =>
  ({ id: `event-${String(++counter).padStart(4, '0')}`, at: new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString(), by, ...body }) as RunEvent;
const step = (id: string, text: string, more: Partial<OutlineStep> = {}): OutlineStep => ({ id, text, parentId: null, ranges: [], section: null, repeatFor: null, ...more });

const OUTLINE: Outline = {
  slug: 'rotate-connector-passwords',
  title: 'Rotate the AD connector passwords',
  revision: 'r1',
  inputs: [
    { name: 'connectors', label: 'AD connectors', list: true },
    { name: 'syncServer', label: 'Sync server', list: false },
  ],
  sections: [
    { id: 'prepare', title: 'Prepare' },
    { id: 'rotate', title: 'Rotate' },
  ],
  steps: [
    step('sign-in', 'Sign in to {syncServer}.', { section: 'prepare' }),
    step('old-key', 'Abandon the old key.', { section: 'prepare', ranges: ['<=1.1.443.0'] }),
    step('old-check', 'Check the old agent.', { section: 'prepare', ranges: ['<=1.1.443.0'] }),
    step('reset', 'Reset the password for {connectors}.', { section: 'rotate', repeatFor: 'connectors' }),
    step('generate', 'Generate a password.', { section: 'rotate', parentId: 'reset', repeatFor: 'connectors' }),
    step('store', 'Store it in the vault.', { section: 'rotate', parentId: 'reset', repeatFor: 'connectors' }),
    step('sync', 'Run a delta sync | check the log.', { section: 'rotate' }),
  ],
};

const EVENTS = [
  ev(0, { type: 'start', title: OUTLINE.title, revision: 'r1', stepIds: [], build: '1.1.380.0' }),
  ev(1, { type: 'input', name: 'connectors', value: ['emea.fabrikam.com', 'apac.fabrikam.com'] }),
  ev(2, { type: 'tick', step: 'sign-in' }),
  ev(3, { type: 'tick', step: 'old-key' }),
  ev(4, { type: 'build', build: '1.1.614.0' }, 'Ben'),
  ev(5, { type: 'tick', step: 'generate--emea.fabrikam.com' }, 'Ben'),
  ev(6, { type: 'skip', step: 'store--emea.fabrikam.com', reason: 'Vault down | stored by hand' }, 'Ben'),
  ev(7, { type: 'note', step: 'generate--emea.fabrikam.com', text: 'Used the | generator\nsecond line' }, 'Ben'),
  ev(8, { type: 'note', step: null, text: 'Handed over to Ben.' }),
];

const URL = 'https://runbooks.example/p/?run=INC-2041';
const record = (events: RunEvent[], format: 'text' | 'markdown', outline = OUTLINE, ticket: string | null = 'INC-2041') =>
  runRecord({ state: foldRun(outline.slug, ticket, events), outline, url: URL, offsetMinutes: 60 }, format);

describe('the text record', () => {
  it('numbers steps as the page does, per section and per repeated value, with marks, reasons, inputs and notes', () => {
    expect(record(EVENTS, 'text')).toBe(`Procedure: Rotate the AD connector passwords
Link: ${URL}
Ticket: INC-2041
Build: 1.1.614.0
Build changed from 1.1.380.0 to 1.1.614.0 at 2026-11-22 10:04 UTC+01:00 by Ben
Started: 2026-11-22 10:00 UTC+01:00 by Ana
Finished: not yet
People: Ana, Ben
Inputs:
  AD connectors: emea.fabrikam.com, apac.fabrikam.com
  Sync server: not given
Progress: 3 of 7 steps done, 1 skipped, 3 open

Steps:

Prepare
[done] 1. Sign in to {syncServer}. (2026-11-22 10:02 UTC+01:00 by Ana)
[done] 2. Abandon the old key. (2026-11-22 10:03 UTC+01:00 by Ana)
[n/a]  3. Check the old agent. (not needed for this build)

Rotate
[done] 1. [emea.fabrikam.com] Reset the password for emea.fabrikam.com. (2026-11-22 10:06 UTC+01:00 by Ben)
    [done] 1.1. [emea.fabrikam.com] Generate a password. (2026-11-22 10:05 UTC+01:00 by Ben)
           Note (2026-11-22 10:07 UTC+01:00 by Ben): Used the | generator
             second line
    [skip] 1.2. [emea.fabrikam.com] Store it in the vault. (2026-11-22 10:06 UTC+01:00 by Ben; reason: Vault down | stored by hand)
[open] 1. [apac.fabrikam.com] Reset the password for apac.fabrikam.com.
    [open] 1.1. [apac.fabrikam.com] Generate a password.
    [open] 1.2. [apac.fabrikam.com] Store it in the vault.
[open] 2. Run a delta sync | check the log.

Notes:
  2026-11-22 10:08 UTC+01:00 by Ana: Handed over to Ben.

Open: Rotate 1.1. [apac.fabrikam.com], 1.2. [apac.fabrikam.com], 2.
`);
  });

  it('says who finished and when', () => {
    expect(record([...EVENTS, ev(9, { type: 'finish' }, 'Ben')], 'text')).toContain('\nFinished: 2026-11-22 10:09 UTC+01:00 by Ben\n');
  });

  it('keeps a plain checklist short: no ticket, no start, no inputs, no people', () => {
    const outline: Outline = { ...OUTLINE, inputs: [], sections: [], steps: [step('a', 'Do a.'), step('b', 'Do b.')] };
    expect(record([ev(1, { type: 'tick', step: 'a' }, null)], 'text', outline, null)).toBe(`Procedure: Rotate the AD connector passwords
Link: ${URL}
Build: not given
Progress: 1 of 2 steps done, 0 skipped, 1 open

Steps:
[done] 1. Do a. (2026-11-22 10:01 UTC+01:00)
[open] 2. Do b.

Open: 2.
`);
  });

  it('keeps marks and notes on steps the page no longer has', () => {
    const text = record(
      [...EVENTS, ev(10, { type: 'tick', step: 'generate--old.fabrikam.com' }), ev(11, { type: 'note', step: 'removed-step', text: 'Was odd.' }, 'Ben')],
      'text',
    );
    expect(text).toContain('\nSteps no longer on the page:\n[done] generate--old.fabrikam.com (2026-11-22 10:10 UTC+01:00 by Ana)\n');
    expect(text).toContain('\n  2026-11-22 10:11 UTC+01:00 by Ben (on removed-step): Was odd.\n');
  });
});

describe('the Markdown record', () => {
  it('is a table of steps per section, with pipes and line breaks escaped', () => {
    expect(record(EVENTS, 'markdown')).toBe(`## Rotate the AD connector passwords

- **Link:** <${URL}>
- **Ticket:** INC-2041
- **Build:** 1.1.614.0
  - changed from 1.1.380.0 to 1.1.614.0 at 2026-11-22 10:04 UTC+01:00 by Ben
- **Started:** 2026-11-22 10:00 UTC+01:00 by Ana
- **Finished:** not yet
- **People:** Ana, Ben
- **Inputs:**
  - AD connectors: emea.fabrikam.com, apac.fabrikam.com
  - Sync server: not given
- **Progress:** 3 of 7 steps done, 1 skipped, 3 open

### Prepare

| # | Step | Status | When | Who | Notes |
| --- | --- | --- | --- | --- | --- |
| 1. | Sign in to {syncServer}. | done | 2026-11-22 10:02 UTC+01:00 | Ana |  |
| 2. | Abandon the old key. | done | 2026-11-22 10:03 UTC+01:00 | Ana |  |
| 3. | Check the old agent. | n/a (not needed for this build) |  |  |  |

### Rotate

| # | Step | Status | When | Who | Notes |
| --- | --- | --- | --- | --- | --- |
| 1. | \\[emea.fabrikam.com\\] Reset the password for emea.fabrikam.com. | done | 2026-11-22 10:06 UTC+01:00 | Ben |  |
| 1.1. | \\[emea.fabrikam.com\\] Generate a password. | done | 2026-11-22 10:05 UTC+01:00 | Ben | Used the \\| generator<br>second line (2026-11-22 10:07 UTC+01:00 by Ben) |
| 1.2. | \\[emea.fabrikam.com\\] Store it in the vault. | skipped: Vault down \\| stored by hand | 2026-11-22 10:06 UTC+01:00 | Ben |  |
| 1. | \\[apac.fabrikam.com\\] Reset the password for apac.fabrikam.com. | open |  |  |  |
| 1.1. | \\[apac.fabrikam.com\\] Generate a password. | open |  |  |  |
| 1.2. | \\[apac.fabrikam.com\\] Store it in the vault. | open |  |  |  |
| 2. | Run a delta sync \\| check the log. | open |  |  |  |

### Notes

- 2026-11-22 10:08 UTC+01:00 by Ana: Handed over to Ben.

- **Open:** Rotate 1.1. \\[apac.fabrikam.com\\], 1.2. \\[apac.fabrikam.com\\], 2.
`);
  });

  it('keeps every row at six cells whatever people type', () => {
    const hostile = 'a | b \\| c\n| d <img src=x> *e* `f`';
    const events = [ev(1, { type: 'skip', step: 'sign-in', reason: hostile }, 'Eve | Mallory'), ev(2, { type: 'note', step: 'sign-in', text: hostile })];
    const rows = record(events, 'markdown')
      .split('\n')
      .filter((line) => line.includes('Sign in'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(/(?<!\\)\|/)).toHaveLength(8);
    expect(rows[0]).toContain('a \\| b \\\\\\| c<br>\\| d \\<img src=x\\> \\*e\\* \\`f\\`');
  });
});
