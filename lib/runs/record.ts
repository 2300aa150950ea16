/**
 * The record of a run for its ticket: what was done, skipped and noted, when
 * and by whom, numbered as the page numbers it. Plain text pastes into any
 * ticket system; Markdown gives a table where a ticket system renders it.
 */
import { isNeeded } from '../gating/gate';
import { formatTime } from './time';
import type { RunEvent } from './events';
import { expandSteps, inputValues, type Outline, type StepInstance } from './outline';
import { openSteps, runProgress, stepStatus, type StepStatus } from './selectors';
import type { Note, RunState } from './state';

export interface RunRecordInput {
  state: RunState;
  outline: Outline;
  /** The handover link: the procedure with ?build= and ?run=. */
  url: string;
  /** Minutes east of UTC the times are shown in; the browser's own offset by default. */
  offsetMinutes?: number;
}

type Status = StepStatus['status'] | 'n/a';

interface Row {
  step: StepInstance;
  depth: number;
  status: Status;
  at?: string;
  by?: string | null;
  reason?: string;
  notes: Note[];
}

/** Everything a record says, once, for either format. */
function collect({ state, outline }: RunRecordInput) {
  const steps = expandSteps(outline, state.inputs);
  const ids = new Set(steps.map((step) => step.id));
  const depth = new Map<string, number>();
  const rows: Row[] = steps.map((step) => {
    const level = step.parentId === null ? 0 : (depth.get(step.parentId) ?? 0) + 1;
    depth.set(step.id, level);
    const { status, at, by, reason } = stepStatus(state, steps, step.id);
    const notNeeded = status === 'open' && !isNeeded(state.build, step.ranges);
    return { step, depth: level, status: notNeeded ? 'n/a' : status, at, by, reason, notes: state.notes.filter((note) => note.step === step.id) };
  });
  const inputs = [
    ...outline.inputs.map(({ name, label }) => ({ label, value: inputValues(state.inputs, name).join(', ') })),
    ...Object.keys(state.inputs)
      .filter((name) => !outline.inputs.some((input) => input.name === name))
      .map((name) => ({ label: name, value: inputValues(state.inputs, name).join(', ') })),
  ];
  const finish = state.finishedAt === null ? undefined : state.events.find((event) => event.type === 'finish' && event.at === state.finishedAt);
  return {
    rows,
    inputs,
    progress: runProgress(state, steps),
    open: openSteps(state, steps),
    finishedBy: finish?.by ?? null,
    sectionTitles: new Map(outline.sections.map(({ id, title }) => [id, title])),
    // Marks and notes on steps the procedure no longer has (or on a repeat value since removed) are history too.
    elsewhere: Object.entries(state.marks).filter(([id]) => !ids.has(id)),
    runNotes: state.notes.filter((note) => note.step === null || !ids.has(note.step)),
  };
}

/** "3." or, for a repeated copy, "3. [emea.fabrikam.com]". */
const label = (step: StepInstance) => (step.value === null ? step.number : `${step.number} [${step.value}]`);
/** The open steps by number, each section's under its title, since numbering restarts in each section: "Prepare 1., 3.; Rotate 2.". */
function openList(open: readonly StepInstance[], outline: Outline): string {
  if (open.length === 0) return 'none';
  const groups = new Map<string | null, string[]>();
  for (const step of open) groups.set(step.section, [...(groups.get(step.section) ?? []), label(step)]);
  const title = (section: string | null) => outline.sections.find((candidate) => candidate.id === section)?.title;
  return [...groups].map(([section, labels]) => `${title(section) ? `${title(section)} ` : ''}${labels.join(', ')}`).join('; ');
}

const valuePrefix = (step: StepInstance) => (step.value === null ? '' : `[${step.value}] `);

/** The record of a run for its ticket, as plain text or as Markdown. */
export function runRecord(input: RunRecordInput, format: 'text' | 'markdown'): string {
  return format === 'markdown' ? markdownRecord(input) : textRecord(input);
}

function textRecord(input: RunRecordInput): string {
  const { state, outline, url } = input;
  const record = collect(input);
  const time = (iso: string) => formatTime(iso, input.offsetMinutes);
  const when = (at: string, by: string | null | undefined) => `${time(at)}${by ? ` by ${by}` : ''}`;
  const indentLines = (text: string, indent: string) => text.split('\n').join(`\n${indent}`);
  const { done, skipped, open, total } = record.progress;

  const lines = [
    `Procedure: ${outline.title}`,
    `Link: ${url}`,
    ...(state.ticket !== null ? [`Ticket: ${state.ticket}`] : []),
    `Build: ${state.build ?? 'not given'}`,
    ...buildChanges(state).map(({ from, to, at, by }) => `Build changed from ${from} to ${to} at ${when(at, by)}`),
    ...(state.started ? [`Started: ${when(state.started.at, state.started.by)}`] : []),
    ...(state.started || state.finishedAt ? [`Finished: ${state.finishedAt ? when(state.finishedAt, record.finishedBy) : 'not yet'}`] : []),
    ...(state.people.length > 0 ? [`People: ${state.people.join(', ')}`] : []),
    ...(record.inputs.length > 0 ? ['Inputs:', ...record.inputs.map(({ label, value }) => `  ${label}: ${value || 'not given'}`)] : []),
    `Progress: ${done} of ${total} steps done, ${skipped} skipped, ${open} open`,
    '',
    'Steps:',
  ];
  let section: string | null = null;
  for (const row of record.rows) {
    if (row.step.section !== null && row.step.section !== section) {
      lines.push('', record.sectionTitles.get(row.step.section) ?? row.step.section);
    }
    section = row.step.section;
    const indent = '    '.repeat(row.depth);
    const [status, detail] =
      row.status === 'n/a'
        ? ['[n/a]  ', ' (not needed for this build)']
        : row.status === 'done'
          ? ['[done] ', ` (${when(row.at!, row.by)})`]
          : row.status === 'skipped'
            ? ['[skip] ', ` (${when(row.at!, row.by)}${row.reason ? `; reason: ${row.reason}` : ''})`]
            : ['[open] ', ''];
    lines.push(`${indent}${status}${label(row.step)} ${row.step.text}${detail}`);
    for (const note of row.notes) lines.push(`${indent}       Note (${when(note.at, note.by)}): ${indentLines(note.text, `${indent}         `)}`);
  }
  if (record.elsewhere.length > 0) {
    lines.push('', 'Steps no longer on the page:');
    for (const [id, mark] of record.elsewhere) {
      lines.push(`${mark.status === 'done' ? '[done] ' : '[skip] '}${id} (${when(mark.at, mark.by)}${mark.reason ? `; reason: ${mark.reason}` : ''})`);
    }
  }
  if (record.runNotes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of record.runNotes) lines.push(`  ${when(note.at, note.by)}${note.step ? ` (on ${note.step})` : ''}: ${indentLines(note.text, '    ')}`);
  }
  lines.push('', `Open: ${openList(record.open, outline)}`);
  return `${lines.join('\n')}\n`;
}

function markdownRecord(input: RunRecordInput): string {
  const { state, outline, url } = input;
  const record = collect(input);
  const time = (iso: string) => formatTime(iso, input.offsetMinutes);
  const when = (at: string, by: string | null | undefined) => `${time(at)}${by ? ` by ${by}` : ''}`;
  const { done, skipped, open, total } = record.progress;
  const fact = (name: string, value: string) => `- **${name}:**${value && ` ${value}`}`;

  const lines = [
    `## ${md(outline.title)}`,
    '',
    fact('Link', /^[^\s<>]+$/.test(url) ? `<${url}>` : md(url)),
    ...(state.ticket !== null ? [fact('Ticket', md(state.ticket))] : []),
    fact('Build', state.build ?? 'not given'),
    ...buildChanges(state).map(({ from, to, at, by }) => `  - changed from ${from} to ${to} at ${md(when(at, by))}`),
    ...(state.started ? [fact('Started', md(when(state.started.at, state.started.by)))] : []),
    ...(state.started || state.finishedAt ? [fact('Finished', state.finishedAt ? md(when(state.finishedAt, record.finishedBy)) : 'not yet')] : []),
    ...(state.people.length > 0 ? [fact('People', md(state.people.join(', ')))] : []),
    ...(record.inputs.length > 0 ? [fact('Inputs', ''), ...record.inputs.map(({ label, value }) => `  - ${md(label)}: ${value ? md(value) : 'not given'}`)] : []),
    fact('Progress', `${done} of ${total} steps done, ${skipped} skipped, ${open} open`),
  ];
  const header = ['', '| # | Step | Status | When | Who | Notes |', '| --- | --- | --- | --- | --- | --- |'];
  let section: string | null | undefined;
  for (const row of record.rows) {
    if (row.step.section !== section) {
      if (row.step.section !== null) lines.push('', `### ${md(record.sectionTitles.get(row.step.section) ?? row.step.section)}`);
      lines.push(...header);
      section = row.step.section;
    }
    const status =
      row.status === 'n/a' ? 'n/a (not needed for this build)' : row.status === 'skipped' && row.reason ? `skipped: ${md(row.reason)}` : row.status;
    const notes = row.notes.map((note) => `${md(note.text)} (${md(when(note.at, note.by))})`).join('<br>');
    const cells = [row.step.number, md(`${valuePrefix(row.step)}${row.step.text}`), status, row.at ? time(row.at) : '', md(row.by ?? ''), notes];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (record.elsewhere.length > 0) {
    lines.push('', '### Steps no longer on the page', '');
    for (const [id, mark] of record.elsewhere) {
      lines.push(`- ${md(id)}: ${mark.status}${mark.reason ? `: ${md(mark.reason)}` : ''} (${md(when(mark.at, mark.by))})`);
    }
  }
  if (record.runNotes.length > 0) {
    lines.push('', '### Notes', '');
    for (const note of record.runNotes) lines.push(`- ${md(when(note.at, note.by))}${note.step ? ` (on ${md(note.step)})` : ''}: ${md(note.text)}`);
  }
  lines.push('', fact('Open', md(openList(record.open, outline))));
  return `${lines.join('\n')}\n`;
}

/** Each change of build with what it was before. */
function buildChanges(state: RunState) {
  // The build the run started with: the first start, as foldRun takes it.
  let from = state.events.find((event): event is Extract<RunEvent, { type: 'start' }> => event.type === 'start')?.build ?? null;
  return state.builds.map(({ at, by, build }) => {
    const change = { from: from ?? 'not given', to: build ?? 'not given', at, by };
    from = build;
    return change;
  });
}

/** Text as Markdown shows it literally, inside a table cell too: `|` escaped, lines kept. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\r?\n/g, '<br>');
}
