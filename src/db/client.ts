import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client.js';

export type Db = PrismaClient;
/** A transaction's client (what `prisma.$transaction(async (tx) => …)` hands over). */
export type Tx = Prisma.TransactionClient;
export { Prisma } from './generated/client.js';

/**
 * One PrismaClient per process, through the pg driver adapter (PostgreSQL or embedded PGlite).
 * Under a burst (a hundred clicks at once, a fan-out beside them) a transaction waits up to
 * `maxWaitMs` for a connection rather than Prisma's 2 s, after which the person would be told of
 * an unexpected failure; with one connection (the embedded database) it waits longer still.
 */
export function createPrismaClient(url: string, poolSize = 10, maxWaitMs = 10_000): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    transactionOptions: { maxWait: maxWaitMs },
  });
}
