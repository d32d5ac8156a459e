/**
 * Gives back claimed rows that were not tried (a graceful stop): PENDING again, the claim cleared
 * and the attempt it counted undone, so the next dispatcher sends them at once instead of waiting
 * for the lease to expire. Conditioned on the claim being ours, like every outcome write.
 */
import type { Db } from '../../db/client.js';
import type { ClaimedMessage } from './claim-due-messages.js';

export async function releaseClaims(prisma: Db, rows: readonly ClaimedMessage[]): Promise<number> {
  let released = 0;
  for (const row of rows) {
    const { count } = await prisma.outboxMessage.updateMany({
      where: { id: row.id, status: 'SENDING', claimedBy: row.claimedBy, claimedAt: row.claimedAt, attempts: row.attempts },
      data: { status: 'PENDING', claimedBy: null, claimedAt: null, attempts: { decrement: 1 } },
    });
    released += count;
  }
  return released;
}
