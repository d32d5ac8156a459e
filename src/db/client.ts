import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client.js';

export type Db = PrismaClient;
/** A transaction's client (what `prisma.$transaction(async (tx) => …)` hands over). */
export type Tx = Prisma.TransactionClient;
export { Prisma } from './generated/client.js';

/** One PrismaClient per process, through the pg driver adapter (PostgreSQL or embedded PGlite). */
export function createPrismaClient(url: string, poolSize = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}
