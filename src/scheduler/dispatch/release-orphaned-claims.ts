/**
 * The embedded database is opened by one process at a time (its data directory is locked), so a
 * row still SENDING when that process starts was claimed by a process that died (kill -9, a crash,
 * a power cut): it is put back at once instead of waiting for its lease. The attempt it counted
 * stays counted, so the next attempt is a retry (the Slack messenger then looks in the channel's
 * history before posting: a message that did land is not posted twice).
 *
 * With PostgreSQL, other replicas may be sending right now: their rows are only taken over once
 * their lease is over (claim-due-messages.ts). A process may still put back its own claims
 * (`claimedBy`) after a tick that failed midway (the database went away): nobody sends them.
 */
import type { Db } from '../../db/client.js';

export async function releaseOrphanedClaims(prisma: Db, now: Date, options: { claimedBy?: string } = {}): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: 'SENDING', ...(options.claimedBy ? { claimedBy: options.claimedBy } : {}) },
    data: { status: 'PENDING', nextAttemptAt: now, claimedBy: null, claimedAt: null },
  });
  return count;
}
