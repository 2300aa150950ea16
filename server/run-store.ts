import type { AppendResponse, EventsResponse, RunListing } from '../lib/runs/api';
import { API_LIMITS } from '../lib/runs/api';
import type { RunEvent } from '../lib/runs/events';
import { summarizeRun, type RunSummary } from '../lib/runs/summary';
import type { Database } from './database';

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

interface ListingRow {
  slug: string;
  ticket: string;
  event_count: number;
  summary: RunSummary;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * Runs in the database. Appends to one run take turns on its row's lock, so a
 * run's sequence numbers are given in commit order and a reader that has seen
 * event n has seen every event before it.
 */
export class RunStore {
  constructor(private readonly db: Database) {}

  /** Adds the events the run does not have yet, by id; commits before it returns. */
  async append({ slug, ticket }: RunKey, events: RunEvent[]): Promise<AppendResponse> {
    return this.db.transaction(async (sql) => {
      await sql.query(
        `INSERT INTO runs (slug, ticket, summary) VALUES ($1, $2, $3::jsonb) ON CONFLICT (slug, ticket) DO NOTHING`,
        [slug, ticket, JSON.stringify(summarizeRun([]))],
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
        `INSERT INTO run_events (run_id, seq, id, event)
         SELECT $1, $2 + n, id, event::jsonb FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t (id, event, n)`,
        [run.id, run.event_count, fresh.map((event) => event.id), fresh.map((event) => JSON.stringify(event))],
      );
      const { rows } = await sql.query<{ event: RunEvent }>('SELECT event FROM run_events WHERE run_id = $1', [run.id]);
      await sql.query('UPDATE runs SET event_count = $2, summary = $3::jsonb, updated_at = now() WHERE id = $1', [
        run.id,
        cursor,
        JSON.stringify(summarizeRun(rows.map((row) => row.event))),
      ]);
      // Delivered to every listening instance when, and only if, this transaction commits.
      await sql.query('SELECT pg_notify($1, $2)', [RUN_CHANNEL, runName({ slug, ticket })]);
      return { added: fresh.map((event) => event.id), cursor };
    });
  }

  /** The run's events after `cursor`, in commit order, a page at a time. */
  async readSince({ slug, ticket }: RunKey, cursor: number, limit: number = API_LIMITS.eventsPerRead): Promise<EventsResponse> {
    const { rows } = await this.db.query<{ seq: number; event: RunEvent }>(
      `SELECT e.seq, e.event FROM run_events e JOIN runs r ON r.id = e.run_id
       WHERE r.slug = $1 AND r.ticket = $2 AND e.seq > $3 ORDER BY e.seq LIMIT $4`,
      [slug, ticket, cursor, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { events: page.map((row) => row.event), cursor: page.at(-1)?.seq ?? cursor, more: rows.length > limit };
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
      ...row.summary,
      events: row.event_count,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }
}
