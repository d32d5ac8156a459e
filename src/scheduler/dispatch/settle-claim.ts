/**
 * Writes the outcome of a claimed row. Every write is conditioned on the claim still being ours
 * (SENDING, claimedBy, claimedAt, attempts as we claimed them): a dispatcher that outlived its
 * lease, whose row another dispatcher took over, must not overwrite what that one records. Each
 * function answers whether the claim was still ours (false: the write was dropped).
 *
 * `claimedBy` and `claimedAt` are kept once the row is settled: they tell who tried it last.
 */
import type { Tx } from '../../db/client.js';
import type { SentMessage } from '../../chat/messenger.js';
import type { ClaimedMessage } from './claim-due-messages.js';

/** A transaction, or the client itself (PrismaClient fits the transaction client's type). */
type Db = Tx;

function ourClaim(row: ClaimedMessage) {
  return {
    id: row.id,
    status: 'SENDING',
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt,
    attempts: row.attempts,
  } as const;
}

/**
 * Whether the row is still ours. Checked before each platform call: a dispatcher slowed down past
 * its lease (paced sends, a stalled platform) must not send the rest of its batch, which another
 * dispatcher has taken over and is sending.
 */
export async function isStillClaimed(db: Db, row: ClaimedMessage): Promise<boolean> {
  return (await db.outboxMessage.count({ where: ourClaim(row) })) === 1;
}

export async function markSent(db: Db, row: ClaimedMessage, sent: SentMessage, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: ourClaim(row),
    data: {
      status: 'SENT',
      sentAt: now,
      lastError: null,
      platformMessageId: sent.messageId,
      platformChannelId: sent.channelId ?? null,
    },
  });
  return count === 1;
}

/**
 * Back to PENDING until `at`, after a failed attempt: the attempt stays counted, unless the
 * platform only asked to come back later (a rate limit: `countAttempt: false`).
 */
export async function retryLater(db: Db, row: ClaimedMessage, code: string, at: Date, options: { countAttempt?: boolean } = {}): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: ourClaim(row),
    data: { status: 'PENDING', nextAttemptAt: at, lastError: code, ...(options.countAttempt === false ? { attempts: { decrement: 1 } } : {}) },
  });
  return count === 1;
}

/** Back to PENDING until `at` without counting this claim as an attempt (nothing was tried). */
export async function postpone(db: Db, row: ClaimedMessage, at: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: ourClaim(row),
    data: { status: 'PENDING', nextAttemptAt: at, attempts: { decrement: 1 } },
  });
  return count === 1;
}

/** FAILED (retrying cannot help, or no attempt left) or CANCELLED (nothing left to deliver). */
export async function markSettled(db: Db, row: ClaimedMessage, status: 'FAILED' | 'CANCELLED', code: string): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({ where: ourClaim(row), data: { status, lastError: code } });
  return count === 1;
}
