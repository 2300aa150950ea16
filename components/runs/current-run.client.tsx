'use client';

import { useEffect, useId, useState } from 'react';
import { labelPlaceholders, type Outline } from '@/lib/runs/outline';
import type { RunState } from '@/lib/runs/state';
import { chooseBuild } from '@/lib/gating/chosen-build';
import { recordedBuild } from '@/lib/gating/version';
import { refusedText, statusText } from '@/lib/runs/sync';
import { formatTime } from '@/lib/runs/time';
import { handoverUrl, procedureUrl, withBuild } from '@/lib/urls';
import { useChecklist } from '../checklist/checklist.client';
import { Notice } from '../checklist/notice';
import { useBuild } from '../gating/use-build';
import { InternalLink } from '../internal-link.client';
import { RunHistory } from './run-history.client';
import { RunInputs } from './run-inputs.client';
import { copyText } from '../copy-text';
import { saveToken } from './service';
import { useRunSync, type RunSharing } from './use-run-sync';
import { isSignedIn, setPersonName, usePersonName } from './use-runs';

/** The link that hands this run over: its page, its build, and all its events in the fragment. */
async function runHandoverUrl(state: RunState): Promise<string> {
  const { encodeRunShare } = await import('@/lib/runs/transfer');
  const share = encodeRunShare({ slug: state.slug, ticket: state.ticket, events: state.events });
  return handoverUrl(window.location.origin, state.slug, state.ticket ?? '', state.build, share);
}

/** The run's own address: on the run service, everyone who opens it sees the shared run. */
function sharedRunUrl(state: RunState): string {
  return `${window.location.origin}${withBuild(procedureUrl(state.slug, { run: state.ticket }), state.build)}`;
}

/** The ticket record, with the code that writes it loaded when someone asks for it. */
async function ticketRecord(state: RunState, outline: Outline, format: 'text' | 'markdown', shared: boolean): Promise<string> {
  const [{ runRecord }, url] = await Promise.all([import('@/lib/runs/record'), shared ? sharedRunUrl(state) : runHandoverUrl(state)]);
  return runRecord({ state, outline, url }, format);
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Above a run's checklist: what the run is, and how to hand it over, record it and close it. */
export function CurrentRun() {
  const checklist = useChecklist();
  const { outline, state, ticket } = checklist;
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sharing = useRunSync(outline.slug, ticket ?? '', attempt);
  const shared = sharing.kind === 'shared';
  const started = state.started;
  // Loaded now, so that a copy made in a moment still counts as the click's (some browsers allow copying only then).
  useEffect(() => {
    void import('@/lib/runs/record');
    void import('@/lib/runs/transfer');
  }, []);

  return (
    <section aria-labelledby="run-heading" className="my-4 rounded-lg border border-sky-700/40 bg-sky-50/50 p-4 shadow-xs dark:border-sky-400/40 dark:bg-sky-950/30">
      <h2 id="run-heading" className="font-semibold">
        Run <span className="font-mono">{ticket}</span>
        {state.finishedAt ? ' (finished)' : ''}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {started
          ? `Started ${formatTime(started.at)}${started.by ? ` by ${started.by}` : ''} on ${state.build ? `build ${state.build}` : 'no build given'}${state.updatedAt ? `, last activity ${formatTime(state.updatedAt)}` : ''}.`
          : 'This run has no record in this browser yet: it starts with your first tick.'}
        {state.people.length > 0 && ` Worked by ${state.people.join(', ')}.`}{' '}
        <InternalLink href={procedureUrl(outline.slug)} className="link print:hidden">
          Leave the run
        </InternalLink>
      </p>
      <Sharing sharing={sharing} onToken={() => setAttempt((count) => count + 1)} />
      {state.finishedAt && (
        <p role="status" className="mt-2 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900">
          Finished {formatTime(state.finishedAt)}. The run is read-only: reopen it to change anything.
        </p>
      )}
      <BuildMismatch />
      <RevisionChanges />
      <PersonName />
      <RunInputs />
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        <button type="button" className="button" onClick={async () => setDone((await copyText(await ticketRecord(state, outline, 'text', shared), 'the record')) ? 'Record copied' : null)}>
          Copy for ticket
        </button>
        <button type="button" className="button" onClick={async () => setDone((await copyText(await ticketRecord(state, outline, 'markdown', shared), 'the record')) ? 'Markdown record copied' : null)}>
          Copy as Markdown
        </button>
        <button
          type="button"
          className="button"
          disabled={!started}
          onClick={async () => setDone((await copyText(await runHandoverUrl(state), 'the handover link')) ? 'Handover link copied' : null)}
        >
          Share progress
        </button>
        <button type="button" className="button" disabled={!started} onClick={async () => download(`run-${outline.slug}-${ticket}.json`, (await import('@/lib/runs/transfer')).runFile(state))}>
          Download run
        </button>
        <button type="button" className="button" onClick={() => checklist.record({ type: state.finishedAt ? 'reopen' : 'finish' })}>
          {state.finishedAt ? 'Reopen run' : 'Finish run'}
        </button>
        <span role="status" className="self-center text-sm">
          {done}
        </span>
      </div>
      <RunHistory />
    </section>
  );
}

/** Where the run is kept, said plainly: in this browser, or on the run service and how the sync is going. */
function Sharing({ sharing, onToken }: { sharing: RunSharing; onToken: () => void }) {
  const [token, setToken] = useState('');
  const fieldId = useId();
  if (sharing.kind === 'finding') return null;
  if (sharing.kind === 'local') {
    return (
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        Kept in this browser only: hand it over with Share progress or Download run.
      </p>
    );
  }
  return (
    <>
      <p role="status" aria-label="Sharing" className="mt-2 text-sm font-medium">
        {statusText(sharing.status)}
      </p>
      {sharing.refused.length > 0 && (
        <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">
          {refusedText(sharing.refused)}
        </p>
      )}
      {sharing.problem && <p className="mt-1 text-sm">{sharing.problem}</p>}
      {sharing.needsToken && (
        <form
          className="mt-2 flex flex-wrap items-center gap-2 text-sm print:hidden"
          onSubmit={(event) => {
            event.preventDefault();
            saveToken(token);
            onToken();
          }}
        >
          <label htmlFor={fieldId}>This server wants an access token</label>
          <input
            id={fieldId}
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            className="w-64 rounded-md border border-zinc-400 bg-white px-2 py-1 font-mono dark:border-zinc-600 dark:bg-zinc-900"
          />
          <button type="submit" className="button">
            Save token
          </button>
        </form>
      )}
    </>
  );
}

/** The run is gated by its own build; when the reader's differs, say so and offer to record theirs. */
function BuildMismatch() {
  const { state, record, readOnly } = useChecklist();
  // A build that does not parse is never recorded: the header says what is wrong with it.
  const mine = recordedBuild(useBuild().text);
  if (!state.started || mine === state.build || mine === null) return null;
  return (
    <div role="status" className="mt-3 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
      <p>
        {state.build ? `This run is for build ${state.build}; your build is ${mine}.` : `This run has no build; yours is ${mine}.`} The page
        shows the steps for the run’s build.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {!readOnly && (
          <button type="button" className="button" onClick={() => record({ type: 'build', build: mine })}>
            Switch the run to {mine}
          </button>
        )}
        {state.build && (
          <button type="button" className="button" onClick={() => chooseBuild(state.build ?? '')}>
            Use {state.build} as my build
          </button>
        )}
      </div>
    </div>
  );
}

/** What changed in the procedure since the run started on it. */
function RevisionChanges() {
  const { outline, state } = useChecklist();
  const started = state.started;
  if (!started || started.revision === outline.revision) return null;
  const before = new Set(started.stepIds);
  const now = new Set(outline.steps.map((step) => step.id));
  const added = outline.steps.filter((step) => !before.has(step.id));
  const removed = started.stepIds.filter((id) => !now.has(id));
  return (
    <Notice>
      This procedure has changed since the run started.
      {added.length > 0 && ` Added: ${added.map((step) => labelPlaceholders(step.text, outline.inputs)).join('; ')}.`}
      {removed.length > 0 && ` Removed: ${removed.join(', ')} (their ticks stay in the run’s record).`}
      {added.length === 0 && removed.length === 0 && ' No steps were added or removed; some wording changed.'}
    </Notice>
  );
}

/** Who is ticking: asked once, kept in this browser, written into every event. */
function PersonName() {
  const saved = usePersonName();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const fieldId = useId();
  const { readOnly } = useChecklist();
  if (readOnly) return null;
  if (saved && isSignedIn()) {
    return (
      <p className="mt-2 text-sm">
        Signed in as <strong>{saved}</strong>.
      </p>
    );
  }
  if (saved && !editing) {
    return (
      <p className="mt-2 text-sm">
        You are recorded as <strong>{saved}</strong>.{' '}
        <button
          type="button"
          className="link print:hidden"
          onClick={() => {
            setDraft(saved);
            setEditing(true);
          }}
        >
          Change name
        </button>
      </p>
    );
  }
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 text-sm print:hidden"
      onSubmit={(event) => {
        event.preventDefault();
        setPersonName(draft);
        setEditing(false);
      }}
    >
      <label htmlFor={fieldId}>Your name, so the record says who did what</label>
      <input
        id={fieldId}
        value={draft}
        maxLength={100}
        autoComplete="name"
        onChange={(event) => setDraft(event.target.value)}
        className="w-48 rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      />
      <button type="submit" className="button">
        Save name
      </button>
    </form>
  );
}
