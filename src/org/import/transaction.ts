import type { Prisma } from '../../db/client.js';

/** The transaction the whole import runs in. */
export type Tx = Prisma.TransactionClient;
