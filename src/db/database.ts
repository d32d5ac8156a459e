import { createPrismaClient, type Db } from './client.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { applyMigrations } from './migrations.js';

/** How long a transaction may wait for the embedded database's one connection. */
const EMBEDDED_TRANSACTION_WAIT_MS = 30_000;

export interface Database {
  readonly prisma: Db;
  readonly url: string;
  readonly kind: 'postgresql' | 'embedded';
  /** Names of the migrations applied while opening (empty when already up to date). */
  readonly migrationsApplied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Embedded database directory; null keeps it in memory (tests). */
  dataDir: string | null;
  migrate?: boolean;
  poolSize?: number;
}

/** Opens the database (PostgreSQL when configured, embedded PGlite otherwise) and migrates it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  const url = options.databaseUrl ?? (embedded = await startEmbeddedDatabase(options.dataDir)).url;
  try {
    const migrationsApplied = options.migrate === false ? [] : await applyMigrations(url);
    // PGlite is one session behind a socket that interleaves the protocol messages of concurrent
    // connections (two queries' unnamed portals then collide): the embedded database gets one
    // connection, and its queries queue in the driver. It is single-threaded anyway.
    const prisma = embedded ? createPrismaClient(url, 1, EMBEDDED_TRANSACTION_WAIT_MS) : createPrismaClient(url, options.poolSize);
    await prisma.$connect();
    return {
      prisma,
      url,
      kind: embedded ? 'embedded' : 'postgresql',
      migrationsApplied,
      async close() {
        await prisma.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
