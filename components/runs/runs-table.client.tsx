'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { expandSteps, type Outline } from '@/lib/runs/outline';
import { inStartOrder, runProgress, type Progress as ProgressCounts } from '@/lib/runs/selectors';
import type { RunState } from '@/lib/runs/state';
import { formatTime } from '@/lib/runs/time';
import { outlineUrl, procedureUrl, withBuild } from '@/lib/urls';
import { InternalLink } from '../internal-link.client';
import { useBooted } from '../use-booted';
import { runStore, useRunList } from './use-runs';

const outlines = new Map<string, Promise<Outline>>();

/** A procedure's outline, fetched once a page: what progress is counted against, the same as on the procedure's page. */
export function useOutline(slug: string): Outline | 'missing' | null {
  const [outline, setOutline] = useState<Outline | 'missing' | null>(null);
  useEffect(() => {
    let current = true;
    if (!outlines.has(slug)) {
      outlines.set(
        slug,
        fetch(outlineUrl(slug)).then((response) => {
          if (!response.ok) throw new Error(`${response.status}`);
          return response.json() as Promise<Outline>;
        }),
      );
    }
    outlines.get(slug)!.then(
      (loaded) => current && setOutline(loaded),
      () => current && setOutline('missing'),
    );
    return () => {
      current = false;
    };
  }, [slug]);
  return outline;
}

const runLabel = (run: RunState) => `${run.ticket} (${run.started?.title ?? run.slug})`;

/** Every run in this browser, with what can be done to each, and a way to bring one in from a file. */
export function RunsTable() {
  const stored = useRunList();
  // A run that was never started (ticked through a `?run=` link) counts from its first change.
  const runs = useMemo(() => inStartOrder(stored, (run) => run.started?.at ?? run.events[0]?.at ?? ''), [stored]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <ImportRun />
      <h2 ref={heading} tabIndex={-1} className="mt-6 mb-2 text-lg font-semibold">
        {runs.length === 0 ? 'No runs yet' : runs.length === 1 ? '1 run' : `${runs.length} runs`}
      </h2>
      {runs.length === 0 ? (
        <p role="status">
          No runs in this browser yet. Open a procedure and start a run for a ticket, open a link with <code>?run=</code>, or import a run.
        </p>
      ) : (
        <RunList
          label="Runs in this browser"
          runs={runs.map((run) => {
            const id = `${run.slug}:${run.ticket}`;
            return {
              id,
              ticket: run.ticket ?? '',
              title: run.started?.title ?? run.slug,
              href: withBuild(procedureUrl(run.slug, { run: run.ticket }), run.build),
              progress: (
                <>
                  <Progress run={run} />
                  {run.finishedAt ? ' · finished' : ''}
                </>
              ),
              startedAt: run.started?.at ?? null,
              updatedAt: run.updatedAt,
              people: run.people,
              // The deleted run's controls are gone: the heading says how many runs are left.
              actions: <RunActions run={run} confirming={confirming === id} setConfirming={setConfirming} onDeleted={() => heading.current?.focus()} />,
            };
          })}
        />
      )}
    </>
  );
}

/** A run as the lists of runs show it. */
export interface RunView {
  /** Unique in its list. */
  id: string;
  ticket: string;
  title: string;
  href: string;
  progress: ReactNode;
  startedAt: string | null;
  updatedAt: string | null;
  people: string[];
  actions?: ReactNode;
}

/**
 * Runs as cards below `md`, where a table's seven columns would scroll sideways, and as a table
 * with column headers from `md` up. Both are rendered and CSS shows one of them: a hidden one is
 * out of the accessibility tree too, so a screen reader meets the same list a sighted person sees.
 */
export function RunList({ label, runs }: { label: string; runs: RunView[] }) {
  const withActions = runs.some((run) => run.actions);
  return (
    <div role="region" aria-label={label}>
      {/* Safari does not announce a list without bullets as a list unless it says so. */}
      <ul role="list" className="space-y-3 md:hidden">
        {runs.map((run) => (
          <li key={run.id} className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
            <h3 className="font-semibold">
              <span className="block font-mono text-sm wrap-anywhere">{run.ticket}</span>
              <InternalLink href={run.href} className="link inline-block py-0.5">
                {run.title}
              </InternalLink>
            </h3>
            <p className="mt-1 text-sm">{run.progress}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-zinc-700 dark:text-zinc-300">Started</dt>
              <dd>
                <Time at={run.startedAt} />
              </dd>
              <dt className="text-zinc-700 dark:text-zinc-300">Last activity</dt>
              <dd>
                <Time at={run.updatedAt} />
              </dd>
              <dt className="text-zinc-700 dark:text-zinc-300">Worked by</dt>
              <dd>{run.people.join(', ') || '—'}</dd>
            </dl>
            {run.actions && <div className="mt-3">{run.actions}</div>}
          </li>
        ))}
      </ul>
      <table className="hidden w-full border-collapse text-left text-sm md:table">
        <thead>
          <tr className="border-b-2 border-zinc-400">
            <th scope="col" className="p-2">Procedure</th>
            <th scope="col" className="p-2">Ticket</th>
            <th scope="col" className="p-2">Progress</th>
            <th scope="col" className="p-2">Worked by</th>
            <th scope="col" className="p-2">Started</th>
            <th scope="col" className="p-2">Last activity</th>
            {withActions && <th scope="col" className="p-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <td className="min-w-40 p-2">
                <InternalLink href={run.href} className="link inline-block py-0.5">
                  {run.title}
                </InternalLink>
              </td>
              {/* Wide enough for most tickets on one line; a longer one may break anywhere rather than widen the table. */}
              <td className="min-w-24 p-2 font-mono wrap-anywhere">{run.ticket}</td>
              <td className="min-w-24 p-2">{run.progress}</td>
              <td className="p-2">{run.people.join(', ') || '—'}</td>
              <td className="p-2">
                <Time at={run.startedAt} />
              </td>
              <td className="p-2">
                <Time at={run.updatedAt} />
              </td>
              {withActions && <td className="p-2">{run.actions}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A time that wraps between its date, clock and offset, never inside one of them, so a narrow column can take it. */
function Time({ at }: { at: string | null }) {
  if (!at) return <>—</>;
  const [date, clock, offset] = formatTime(at).split(' ');
  return (
    <time dateTime={at}>
      <span className="whitespace-nowrap">{date}</span> <span className="whitespace-nowrap">{clock}</span> <span className="whitespace-nowrap">{offset}</span>
    </time>
  );
}

function Progress({ run }: { run: RunState }) {
  const outline = useOutline(run.slug);
  if (outline === null) return <>…</>;
  if (outline === 'missing') return <>{Object.values(run.marks).filter((mark) => mark.status === 'done').length} done (the procedure is no longer on this site)</>;
  return <ProgressText progress={runProgress(run, expandSteps(outline, run.inputs))} />;
}

/** A run's progress in words, the same in every list: "3 of 12 done, 1 skipped". */
export function ProgressText({ progress: { done, skipped, total } }: { progress: ProgressCounts }) {
  return (
    <>
      {done} of {total} done{skipped > 0 ? `, ${skipped} skipped` : ''}
    </>
  );
}

/** Buttons 44 px tall where the pointer is a finger; the `.button` default elsewhere, well above 24 px. */
const actionButton = 'button pointer-coarse:min-h-11';

/**
 * Finish or reopen a run, and delete it after a confirmation. Rendered once in the card and once in
 * the row: the hidden copy's `autoFocus` and focus calls do nothing, as a hidden button takes no focus.
 */
function RunActions({
  run,
  confirming,
  setConfirming,
  onDeleted,
}: {
  run: RunState;
  confirming: boolean;
  setConfirming: (key: string | null) => void;
  onDeleted: () => void;
}) {
  const key = { slug: run.slug, ticket: run.ticket };
  const label = runLabel(run);
  const deleteButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={actionButton}
        aria-label={`${run.finishedAt ? 'Reopen' : 'Finish'} run ${label}`}
        onClick={() => runStore()?.append(key, [{ type: run.finishedAt ? 'reopen' : 'finish' }])}
      >
        {run.finishedAt ? 'Reopen' : 'Finish'}
      </button>
      {confirming ? (
        <div role="group" aria-label={`Confirm deleting run ${label}`} className="flex flex-wrap items-center gap-2">
          <span>Delete this run and its record?</span>
          <button
            type="button"
            className={`${actionButton} button-danger`}
            autoFocus
            onClick={() => {
              runStore()?.remove(key);
              setConfirming(null);
              onDeleted();
            }}
          >
            Delete
          </button>
          <button
            type="button"
            className={actionButton}
            onClick={() => {
              setConfirming(null);
              requestAnimationFrame(() => deleteButton.current?.focus());
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button ref={deleteButton} type="button" className={actionButton} aria-label={`Delete run ${label}`} onClick={() => setConfirming(`${run.slug}:${run.ticket}`)}>
          Delete…
        </button>
      )}
    </div>
  );
}

/** Reads a downloaded run back. A bad file is refused with what is wrong; a good one is merged, never overwriting. */
function ImportRun() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fieldId = useId();
  // A file chosen before the page has booted would be dropped.
  const booted = useBooted();
  const read = async (file: File) => {
    const { parseRunFile } = await import('@/lib/runs/transfer');
    const parsed = parseRunFile(await file.text());
    const store = runStore();
    if (!parsed.ok) {
      setMessage({ ok: false, text: `“${file.name}” was not imported: ${parsed.error} Nothing was changed.` });
      return;
    }
    if (!store || parsed.ticket === null) {
      setMessage({ ok: false, text: `“${file.name}” was not imported: it holds no run for a ticket. Nothing was changed.` });
      return;
    }
    const key = { slug: parsed.slug, ticket: parsed.ticket };
    const existed = store.getRun(key).events.length > 0;
    const { added } = store.merge(key, parsed.events);
    setMessage({
      ok: true,
      text: existed
        ? `Run ${parsed.ticket} was already in this browser: ${added} new ${added === 1 ? 'change was' : 'changes were'} merged into it, nothing was overwritten.`
        : `Run ${parsed.ticket} was imported with ${added} ${added === 1 ? 'change' : 'changes'}.`,
    });
  };
  return (
    <div className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
      <label htmlFor={fieldId} className="font-medium">
        Import run
      </label>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">A file saved with “Download run”. Its changes are merged with any copy of the run already here.</p>
      <input
        id={fieldId}
        type="file"
        accept="application/json,.json"
        disabled={!booted}
        // The browser's own file button is about 20 px tall: styled as the page's buttons, it is a target a finger can hit.
        className="mt-2 block text-sm file:mr-3 file:rounded-md file:border file:border-zinc-400 file:bg-white file:px-3 file:py-1 file:font-medium file:text-zinc-900 hover:file:bg-zinc-100 disabled:opacity-60 pointer-coarse:file:min-h-11 dark:file:border-zinc-600 dark:file:bg-zinc-900 dark:file:text-zinc-100 dark:hover:file:bg-zinc-800"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void read(file);
          event.target.value = '';
        }}
      />
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`mt-2 text-sm ${message.ok ? '' : 'text-red-800 dark:text-red-300'}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
