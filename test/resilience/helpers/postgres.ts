/**
 * PostgreSQL for the resilience tests: a scratch database on TEST_DATABASE_URL's server (or the
 * local one; these tests need PostgreSQL and fail rather than skip without it), migrated, and a
 * plain pg client for the assertions.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../../../src/db/database.js';
import { createScratchDatabase, type ScratchDatabase } from '../../helpers/scratch-postgres.js';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface ResilienceDatabase {
  readonly url: string;
  /** Prisma on the database (migrated), for setting up. */
  readonly database: Database;
  /** A plain client for the assertions. */
  readonly sql: pg.Client;
  count(query: string, params?: unknown[]): Promise<number>;
  /** Outbox rows by status ({ SENT: 1999, SENDING: 1 }). */
  outboxByStatus(kindLike?: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function createResilienceDatabase(prefix: string, adminUrl = ADMIN_URL): Promise<ResilienceDatabase> {
  const scratch: ScratchDatabase = await createScratchDatabase(adminUrl, prefix);
  return openResilienceDatabase(scratch.url, () => scratch.drop());
}

export async function openResilienceDatabase(url: string, drop: () => Promise<void>): Promise<ResilienceDatabase> {
  const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 3 });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const count = async (query: string, params: unknown[] = []) => Number((await sql.query<{ n: string }>(query, params)).rows[0]!.n);
  return {
    url,
    database,
    sql,
    count,
    async outboxByStatus(kindLike = '%') {
      const rows = await sql.query<{ status: string; n: string }>(
        `SELECT "status", count(*) AS n FROM "OutboxMessage" WHERE "kind" LIKE $1 GROUP BY "status"`,
        [kindLike],
      );
      return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]));
    },
    async close() {
      await sql.end().catch(() => undefined);
      await database.close().catch(() => undefined);
      await drop();
    },
  };
}
