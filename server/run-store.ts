import type { AppendResponse, EventsResponse, RunListing } from '../lib/runs/api';
import { API_LIMITS } from '../lib/runs/api';
import type { RunEvent } from '../lib/runs/events';
import type { Outline } from '../lib/runs/outline';
import { runSummary, type RunSummary } from '../lib/runs/selectors';
import type { Database, Sql } from './database';

/** The channel a committed append is announced on, with the run's name (`runName`) as payload. */
export const RUN_CHANNEL = 'runbook_run_events';

/** A run by its address: the procedure and the ticket. */
export interface RunKey {
  slug: string;
  ticket: string;
}

/** A run's key as one string, for notifications and the hub: neither a slug nor a ticket id holds a "/". */
export function runName({ slug, ticket }: RunKey): string {
  return `${slug}/${ticket}`;
}

/** The key of a run's name. */
export function runKey(name: string): RunKey {
  const slash = name.indexOf('/');
  return { slug: name.slice(0, slash), ticket: name.slice(slash + 1) };
}

/** A read or a stream asked for events after a cursor the run has not reached: the client lost track of the run. */
export class CursorAhead extends Error {
  constructor(
    readonly asked: number,
    readonly cursor: number,
  ) {
    super(`This run has ${cursor} events on the service, fewer than the ${asked} the request has already read: it was restored or removed here. Read it again from 0.`);
  }
}

/** An event as the service stores it: the event as it was sent, and who the sign-in proxy said sent it, beside it. */
const served = (event: RunEvent, via: string | null): RunEvent => (via === null ? event : { ...event, via });

interface ListingRow {
  slug: string;
  ticket: string;
  event_count: number;
  /** Partial for a row whose summary is older than the current form, until `refreshSummaries`. */
  summary: Partial<RunSummary>;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * Runs in the database. Appends to one run take turns on its row's lock, so a
 * run's sequence numbers are given in commit order and a reader that has seen
 * event n has seen every event before it.
 */
export class RunStore {
  /**
   * `outlineOf` gives the procedure's outline, which a run's summary counts progress by
   * (`exportOutlines`: the export the service serves).
   */
  constructor(
    private readonly db: Database,
    private readonly outlineOf: (slug: string) => Outline | null,
  ) {}

  /**
   * Adds the events the run does not have yet, by id, with `via`, who the sign-in proxy says
   * sent them, kept beside each; commits before it returns. `refused` is what the caller
   * found invalid, answered with the rest.
   */
  async append({ slug, ticket }: RunKey, events: RunEvent[], via: string | null = null): Promise<Omit<AppendResponse, 'refused'>> {
    return this.db.transaction(async (sql) => {
      await sql.query(
        `INSERT INTO runs (slug, ticket, summary) VALUES ($1, $2, $3::jsonb) ON CONFLICT (slug, ticket) DO NOTHING`,
        [slug, ticket, JSON.stringify(runSummary(slug, ticket, [], this.outlineOf(slug)))],
      );
      const run = (
        await sql.query<{ id: string; event_count: number }>('SELECT id::text AS id, event_count FROM runs WHERE slug = $1 AND ticket = $2 FOR UPDATE', [slug, ticket])
      ).rows[0]!;
      const ids = events.map((event) => event.id);
      const { rows: present } = await sql.query<{ id: string }>('SELECT id FROM run_events WHERE run_id = $1 AND id = ANY($2::text[])', [run.id, ids]);
      const seen = new Set(present.map((row) => row.id));
      const fresh = events.filter((event) => !seen.has(event.id) && (seen.add(event.id), true));
      if (fresh.length === 0) return { added: [], cursor: run.event_count };

      const cursor = run.event_count + fresh.length;
      await sql.query(
        `INSERT INTO run_events (run_id, seq, id, event, via)
         SELECT $1, $2 + n, id, event::jsonb, $5 FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t (id, event, n)`,
        [run.id, run.event_count, fresh.map((event) => event.id), fresh.map((event) => JSON.stringify(event)), via],
      );
      await this.summarize(sql, { slug, ticket }, run.id, cursor);
      // Delivered to every listening instance when, and only if, this transaction commits.
      await sql.query('SELECT pg_notify($1, $2)', [RUN_CHANNEL, runName({ slug, ticket })]);
      return { added: fresh.map((event) => event.id), cursor };
    });
  }

  /** Refolds a run's summary from all its events, as its page would. */
  private async summarize(sql: Sql, key: RunKey, runId: string, cursor: number) {
    const { rows } = await sql.query<{ event: RunEvent; via: string | null }>('SELECT event, via FROM run_events WHERE run_id = $1', [runId]);
    const summary = runSummary(key.slug, key.ticket, rows.map((row) => served(row.event, row.via)), this.outlineOf(key.slug));
    await sql.query('UPDATE runs SET event_count = $2, summary = $3::jsonb, updated_at = now() WHERE id = $1', [runId, cursor, JSON.stringify(summary)]);
  }

  /** Summaries written before the service counted progress as the page does, counted again: once, at start. */
  async refreshSummaries(): Promise<number> {
    const { rows } = await this.db.query<{ id: string; slug: string; ticket: string }>(`SELECT id::text AS id, slug, ticket FROM runs WHERE NOT summary ? 'progress'`);
    for (const row of rows) {
      await this.db.transaction(async (sql) => {
        const { rows: locked } = await sql.query<{ event_count: number }>('SELECT event_count FROM runs WHERE id = $1 FOR UPDATE', [row.id]);
        if (locked[0]) await this.summarize(sql, row, row.id, locked[0].event_count);
      });
    }
    return rows.length;
  }

  /** How many events the service holds for the run: its cursor. */
  async cursorOf({ slug, ticket }: RunKey): Promise<number> {
    const { rows } = await this.db.query<{ event_count: number }>('SELECT event_count FROM runs WHERE slug = $1 AND ticket = $2', [slug, ticket]);
    return rows[0]?.event_count ?? 0;
  }

  /** The run's events after `cursor`, in commit order, a page at a time. Throws `CursorAhead` for a cursor past the run's end. */
  async readSince(key: RunKey, cursor: number, limit: number = API_LIMITS.eventsPerRead): Promise<EventsResponse> {
    const { rows } = await this.db.query<{ seq: number; event: RunEvent; via: string | null; event_count: number }>(
      `SELECT e.seq, e.event, e.via, r.event_count FROM runs r LEFT JOIN run_events e ON e.run_id = r.id AND e.seq > $3
       WHERE r.slug = $1 AND r.ticket = $2 ORDER BY e.seq LIMIT $4`,
      [key.slug, key.ticket, cursor, limit + 1],
    );
    const end = rows[0]?.event_count ?? 0;
    if (cursor > end) throw new CursorAhead(cursor, end);
    const page = rows.filter((row) => row.seq !== null).slice(0, limit);
    return { events: page.map((row) => served(row.event, row.via)), cursor: page.at(-1)?.seq ?? cursor, more: rows.length > limit };
  }

  /** Runs, most recently active first, of one procedure, one ticket, both or all. */
  async list({ slug, ticket }: Partial<RunKey>, limit: number = API_LIMITS.runsPerPage): Promise<RunListing[]> {
    const where = ['event_count > 0'];
    const params: unknown[] = [limit];
    for (const [column, value] of [['slug', slug], ['ticket', ticket]] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const { rows } = await this.db.query<ListingRow>(
      `SELECT slug, ticket, event_count, summary, created_at, updated_at FROM runs
       WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT $1`,
      params,
    );
    return rows.map((row) => ({
      slug: row.slug,
      ticket: row.ticket,
      title: row.summary.title ?? null,
      build: row.summary.build ?? null,
      progress: row.summary.progress ?? null,
      finished: row.summary.finished ?? false,
      people: row.summary.people ?? [],
      events: row.event_count,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }
}
