/**
 * Marks a claimed row FAILED and, when it was a new message that never reached its recipient,
 * raises the alert to the people responsible for them, in one transaction.
 *
 * No alert for an update (the person got the message; only its edit is lost) nor for a malformed
 * payload (a bug of whoever queued it, not a problem reaching the person: it is logged as an error).
 * Everything inside uses `tx` only: with the embedded database, a query on the outer client while
 * the transaction is open would wait for it forever.
 */
import type { Db } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { ClaimedMessage } from './claim-due-messages.js';
import { raiseDeliveryAlert, type RaisedAlert } from './raise-delivery-alert.js';
import { markSettled } from './settle-claim.js';

export interface RecordFailureOptions {
  prisma: Db;
  row: ClaimedMessage;
  code: string;
  /** True when retries ran out (the reason then says how many attempts were made). */
  exhausted: boolean;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export interface RecordedFailure {
  /** False when the claim was no longer ours (another dispatcher took the row over): nothing written. */
  readonly recorded: boolean;
  readonly alert: RaisedAlert | null;
}

const NOT_ABOUT_REACHING = new Set(['INVALID_MESSAGE']);

export async function recordFailure(options: RecordFailureOptions): Promise<RecordedFailure> {
  const { prisma, row, code, now } = options;
  return prisma.$transaction(async (tx) => {
    if (!(await markSettled(tx, row, 'FAILED', code))) return { recorded: false, alert: null };
    if (row.updatesId !== null || NOT_ABOUT_REACHING.has(code)) return { recorded: true, alert: null };
    const alert = await raiseDeliveryAlert(tx, {
      outboxId: row.id,
      messageKind: row.kind,
      subjectId: row.recipientId,
      platform: row.platform,
      code,
      attemptsMade: options.exhausted ? row.attempts : undefined,
      now,
      platforms: options.platforms,
    });
    return { recorded: true, alert };
  });
}
