/**
 * Claims the outbox rows that are due, for one dispatcher. Several dispatchers (several processes,
 * or several loops of one) may claim at the same time: the rows are picked and marked in ONE
 * statement with `FOR UPDATE SKIP LOCKED`, so a row locked by another claimer is skipped instead of
 * waited for, and each row goes to exactly one claimer.
 *
 * A row stays SENDING while its dispatcher talks to the platform. A dispatcher that dies there
 * leaves it SENDING: once its claim is older than the lease, the row is due again and the next
 * claimer takes it over (the Messenger's idempotency by `deliveryId` keeps that from showing twice
 * where the platform allows it).
 */
import { Prisma, type Db } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';

export interface ClaimDueMessagesOptions {
  prisma: Db;
  /** The dispatcher's clock (simulated by `rituel tick --at`): every comparison and write uses it. */
  now: Date;
  /** Only rows of these platforms (the ones this process has a Messenger for). */
  platforms: readonly ChatPlatform[];
  /** Who claims (host:pid:n): written to the row, and part of the claim that outcome writes check. */
  workerId: string;
  limit: number;
  /** How long a claim protects a SENDING row; after that the row is taken over. */
  leaseMs: number;
}

/** A claimed row, as the dispatcher needs it. `attempts` already counts this claim. */
export interface ClaimedMessage {
  readonly id: string;
  readonly recipientId: string;
  readonly platform: ChatPlatform;
  readonly kind: string;
  readonly payload: unknown;
  readonly updatesId: string | null;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly claimedAt: Date;
  readonly claimedBy: string;
}

export async function claimDueMessages(options: ClaimDueMessagesOptions): Promise<ClaimedMessage[]> {
  const { prisma, now, platforms, workerId, limit, leaseMs } = options;
  if (platforms.length === 0 || limit <= 0) return [];
  if (!(leaseMs > 0)) throw new RangeError('leaseMs must be positive');
  // Instants travel as ISO strings cast to timestamptz: unambiguous whatever the session time zone.
  const at = now.toISOString();
  const leaseExpiredBefore = new Date(now.getTime() - leaseMs).toISOString();
  const rows = await prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" AS o
    SET "status" = 'SENDING', "claimedAt" = ${at}::timestamptz, "claimedBy" = ${workerId}, "attempts" = o."attempts" + 1
    FROM (
      SELECT "id" FROM "OutboxMessage"
      WHERE "platform"::text IN (${Prisma.join(platforms)})
        AND (("status" = 'PENDING' AND "nextAttemptAt" <= ${at}::timestamptz)
          OR ("status" = 'SENDING' AND "claimedAt" <= ${leaseExpiredBefore}::timestamptz))
      ORDER BY "nextAttemptAt", "createdAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE o."id" = due."id"
    RETURNING o."id", o."recipientId", o."platform", o."kind", o."payload", o."updatesId", o."attempts",
              o."nextAttemptAt", o."createdAt", o."claimedAt", o."claimedBy"`;
  // RETURNING does not keep the sub-select's order: deliver oldest first (an original before its update).
  return rows.sort(
    (a, b) =>
      a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
