import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs SQL with `$1` parameters. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * PostgreSQL as the service uses it, the same whether it is PGlite in a
 * folder or a real server: queries, transactions, and notifications that
 * other instances on the same database also receive.
 */
export interface Database extends Sql {
  kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with each payload sent to `channel`, by this instance or any other. After a
   * lost connection to the database is back, calls `onResume`: notifications may have been missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResume: () => void): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached; the API answers 503 with its message. */
export class DatabaseUnavailable extends Error {}

/** The schema, one migration per entry, applied in order at start and recorded in `run_schema`. */
const MIGRATIONS = [
  `CREATE TABLE runs (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     slug text NOT NULL,
     ticket text NOT NULL,
     event_count integer NOT NULL DEFAULT 0,
     summary jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (slug, ticket)
   );
   CREATE INDEX runs_by_slug ON runs (slug, updated_at DESC);
   CREATE INDEX runs_by_ticket ON runs (ticket, updated_at DESC);
   CREATE INDEX runs_by_activity ON runs (updated_at DESC);
   CREATE TABLE run_events (
     run_id bigint NOT NULL REFERENCES runs (id),
     seq integer NOT NULL,
     id text NOT NULL,
     event jsonb NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (run_id, seq),
     UNIQUE (run_id, id)
   );`,
  // Who a sign-in proxy said sent an event, beside it: the event itself is never changed.
  `ALTER TABLE run_events ADD COLUMN via text`,
];

/** Brings the schema up to date. Instances starting together take turns, by an advisory lock. */
export async function migrate(db: Database): Promise<number> {
  return db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(727274)');
    await sql.query('CREATE TABLE IF NOT EXISTS run_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM run_schema');
    const current = rows[0]?.version ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of MIGRATIONS[version - 1]!.split(/;\s*(?=\S)/)) await sql.query(statement);
      await sql.query('INSERT INTO run_schema (version) VALUES ($1)', [version]);
    }
    return MIGRATIONS.length;
  });
}

/** PGlite with its data in `dataDir`: nothing to install. One instance per folder. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: (text, params) => db.query(text, params),
    transaction: (work) => db.transaction((tx) => work({ query: (text, params) => tx.query(text, params) })),
    async listen(channel, onNotify) {
      await db.listen(channel, onNotify);
    },
    close: () => db.close(),
  };
}

/** A real PostgreSQL: a pool for queries, and one connection of its own for LISTEN that reconnects by itself. */
export function openPostgres(url: string, log: (message: string) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000 });
  // An idle connection dropped by a stopped server is not a crash: the next query reconnects.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  let closed = false;
  let listener: pg.Client | null = null;

  const unavailable = (error: unknown): never => {
    if (isConnectionError(error)) throw new DatabaseUnavailable(`The run database is unreachable (${(error as Error).message}).`);
    throw error;
  };

  return {
    kind: 'postgres',
    query: (text, params) => pool.query(text, params).catch(unavailable),
    async transaction(work) {
      const client = await pool.connect().catch(unavailable);
      // A connection lost while checked out is reported here as well as by the failing query.
      const lost = (error: Error) => log(`database connection lost: ${error.message}`);
      client.on('error', lost);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({ query: <Row,>(text: string, params?: unknown[]) => client.query(text, params) as unknown as Promise<{ rows: Row[] }> });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isConnectionError(error);
        if (!broken) await client.query('ROLLBACK').catch(() => {});
        return unavailable(error);
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    },
    async listen(channel, onNotify, onResume) {
      let attempt = 0;
      const connect = async (first: boolean): Promise<void> => {
        const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
        let live = false;
        const retry = () => {
          if (closed) return;
          setTimeout(() => void connect(false), Math.min(5000, 250 * 2 ** attempt++));
        };
        client.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onNotify(message.payload);
        });
        client.on('error', (error) => log(`database notifications: ${error.message}`));
        client.on('end', () => {
          if (!live) return;
          live = false;
          listener = null;
          log("lost the database's notifications; reconnecting");
          retry();
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          await client.end().catch(() => {});
          if (first) throw error;
          retry();
          return;
        }
        live = true;
        listener = client;
        attempt = 0;
        if (!first) onResume();
      };
      await connect(true).catch(unavailable);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (code !== undefined && CONNECTION_CODES.has(code)) || /terminat|Connection|timeout/i.test(error.message);
}
