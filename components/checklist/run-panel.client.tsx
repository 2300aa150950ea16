'use client';

import { useId, useRef, useState } from 'react';
import { withBuildParam } from '@/lib/gating/chosen-build';
import { encodeShare, formatTime, revisionChanges, runSummary } from '@/lib/checklist/run';
import { isTicketId, progress, setRunFinished, startedRun, storageKey, TICKET_ID_HINT } from '@/lib/checklist/state';
import { createChecklistStore } from '@/lib/checklist/store';
import { procedureUrl, stepUrl } from '@/lib/urls';
import { InternalLink } from '../internal-link.client';
import { useBuild } from '../gating/use-build';
import { useTypedBeforeBoot } from '../use-typed-before-boot';
import { browserStorage, Notice, useChecklist } from './checklist.client';
import { runsChanged, useStoredRuns } from './use-stored-runs';

async function copyText(text: string, what: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    window.prompt(`Copy ${what}:`, text);
    return false;
  }
}

/** Above the checklist: start a run for a ticket, or work, hand over and close the current one. */
export function RunPanel() {
  const checklist = useChecklist();
  const { procedure, ticket, shared } = checklist;
  if (shared) return <SharedRun />;
  if (ticket) return <CurrentRun />;
  return <StartRun slug={procedure.slug} />;
}

function StartRun({ slug }: { slug: string }) {
  const build = useBuild();
  const runs = useStoredRuns().filter((run) => run.state?.run?.slug === slug);
  const { procedure, neededIds } = useChecklist();
  const [ticket, setTicket] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useTypedBeforeBoot(field, setTicket);
  return (
    <section aria-labelledby={`${inputId}-heading`} className="my-4 rounded-md border border-zinc-300 p-4 print:hidden dark:border-zinc-700">
      <h2 id={`${inputId}-heading`} className="font-semibold">
        Work this for a ticket
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">A run keeps its own ticks, skips and times, and sums them up for the ticket.</p>
      {/* Before the page boots, the form itself opens the run's address. */}
      <form
        action={procedureUrl(slug)}
        method="get"
        className="mt-2 flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = ticket.trim();
          if (!isTicketId(value)) {
            setError(TICKET_ID_HINT);
            return;
          }
          window.location.assign(withBuildParam(procedureUrl(slug, { run: value }), build));
        }}
      >
        <label htmlFor={inputId}>Ticket id</label>
        <input
          ref={field}
          id={inputId}
          name="run"
          value={ticket}
          placeholder="INC-2041"
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setTicket(event.target.value);
            setError(null);
          }}
          className="w-48 rounded-md border border-zinc-400 bg-white px-2 py-1 font-mono dark:border-zinc-600 dark:bg-zinc-900"
        />
        <button type="submit" className="button">
          Start run
        </button>
        {error && (
          <p id={`${inputId}-error`} role="alert" className="w-full text-sm text-red-800 dark:text-red-300">
            {error}
          </p>
        )}
      </form>
      {runs.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Runs of this procedure in this browser</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {runs.map(({ key, state }) => {
              const run = state!.run!;
              const { done, total } = progress(state!, neededIds.length > 0 ? neededIds : procedure.steps.map((step) => step.id));
              return (
                <li key={key}>
                  <InternalLink href={procedureUrl(slug, { run: run.ticket })} className="link font-mono">
                    {run.ticket}
                  </InternalLink>{' '}
                  {done} of {total} done{run.finishedAt ? ', finished' : ''}, last activity {formatTime(run.updatedAt)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function CurrentRun() {
  const { procedure, state, ticket, build, update, neededIds } = useChecklist();
  const [copied, setCopied] = useState<string | null>(null);
  const run = state.run;
  const changes = run ? revisionChanges(run, procedure.revision, procedure.steps.map((step) => step.id)) : null;
  const titleOf = (id: string) => procedure.steps.find((step) => step.id === id)?.text ?? id;
  const pageUrl = () => stepUrl(window.location.href, '').replace(/#$/, '');
  /** The link in the summary carries the build the run used, even when it was only saved in this browser. */
  const summaryUrl = () => {
    const url = new URL(pageUrl());
    if (build && !url.searchParams.has('build')) url.searchParams.set('build', build);
    return url.href;
  };

  const summary = () =>
    runSummary({
      title: procedure.title,
      url: summaryUrl(),
      build,
      state,
      steps: procedure.steps.map((step) => ({ id: step.id, text: step.text, parentId: step.parentId, notNeeded: !neededIds.includes(step.id) })),
    });

  return (
    <section aria-labelledby="run-heading" className="my-4 rounded-md border border-sky-700 p-4 dark:border-sky-400">
      <h2 id="run-heading" className="font-semibold">
        Run <span className="font-mono">{ticket}</span>
        {run?.finishedAt ? ' (finished)' : ''}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {run
          ? `Started ${formatTime(run.startedAt)}${run.finishedAt ? `, finished ${formatTime(run.finishedAt)}` : `, last activity ${formatTime(run.updatedAt)}`}.`
          : 'This run has no record in this browser yet: it starts with your first tick.'}{' '}
        <InternalLink href={procedureUrl(procedure.slug)} className="link">
          Leave the run
        </InternalLink>
      </p>
      {changes?.changed && (
        <Notice>
          This procedure has changed since the run started.
          {changes.added.length > 0 && ` Added: ${changes.added.map(titleOf).join('; ')}.`}
          {changes.removed.length > 0 && ` Removed: ${changes.removed.join(', ')} (their ticks stay in the run's record).`}
          {changes.added.length === 0 && changes.removed.length === 0 && ' No steps were added or removed; some wording changed.'}
        </Notice>
      )}
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          className="button"
          onClick={async () => setCopied((await copyText(summary(), 'the summary')) ? 'Summary copied' : null)}
        >
          Copy for ticket
        </button>
        <button
          type="button"
          className="button"
          disabled={!run}
          onClick={async () => {
            const link = `${pageUrl()}#${encodeShare(state)}`;
            setCopied((await copyText(link, 'the share link')) ? 'Share link copied' : null);
          }}
        >
          Share progress
        </button>
        <button type="button" className="button" onClick={() => update((current, now) => setRunFinished(current, !run?.finishedAt, now))}>
          {run?.finishedAt ? 'Reopen run' : 'Finish run'}
        </button>
        <span role="status" className="self-center text-sm">
          {copied}
        </span>
      </div>
      {state.log && state.log.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer">History ({state.log.length} changes)</summary>
          <ol className="mt-2 space-y-1">
            {state.log.map((entry, index) => (
              <li key={index}>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>: {entry.action} “{titleOf(entry.step)}”
                {entry.reason ? `: ${entry.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function SharedRun() {
  const { procedure, shared, done, total } = useChecklist();
  const build = useBuild();
  const [saveFailed, setSaveFailed] = useState(false);
  const run = shared!.run!;
  const continueHere = () => {
    let failed = false;
    const store = createChecklistStore({
      storage: browserStorage(),
      key: storageKey(procedure.slug, run.ticket),
      onWriteFailed: () => (failed = true),
    });
    // The handed-over ticks win over this browser's for the same step; nothing of either is dropped.
    store.update((mine) => {
      const base = startedRun(mine, procedure, run.ticket, build.text, new Date(run.startedAt));
      return { ...base, steps: { ...base.steps, ...shared!.steps }, skipped: { ...base.skipped, ...shared!.skipped }, run: { ...run } };
    });
    runsChanged();
    if (failed) setSaveFailed(true);
    else window.location.assign(withBuildParam(procedureUrl(procedure.slug, { run: run.ticket }), build));
  };
  return (
    <section aria-labelledby="shared-heading" className="my-4 rounded-md border border-violet-700 p-4 dark:border-violet-400">
      <h2 id="shared-heading" className="font-semibold">
        Shared progress of run <span className="font-mono">{run.ticket}</span> (read-only)
      </h2>
      <p className="text-sm">
        Started {formatTime(run.startedAt)}; {done} of {total} steps done when it was shared.
      </p>
      <button type="button" className="button mt-2" onClick={continueHere}>
        Continue this run in this browser
      </button>
      {saveFailed && <Notice>This browser will not save the run. Work on from the shared link in a browser that can.</Notice>}
    </section>
  );
}
