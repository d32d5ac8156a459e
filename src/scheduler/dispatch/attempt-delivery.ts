/**
 * One delivery attempt of a claimed row: a new message is sent, an update edits the platform's copy
 * of the message it replaces. Nothing is written to the outbox here (the caller records the
 * outcome); the only I/O is reading the recipient and the original, and the platform call, which
 * happens outside any transaction.
 */
import type { Db } from '../../db/client.js';
import { chatMessageSchema } from '../../chat/message.js';
import { isDeliveryError, type SentMessage } from '../../chat/messenger.js';
import type { ClaimedMessage } from './claim-due-messages.js';
import { loadRecipient } from './load-recipient.js';
import type { PacedMessenger } from './paced-messenger.js';

/** How long an update waits, at least, for the message it replaces to be sent. */
export const UPDATE_WAIT_MS = 30_000;

export type DeliveryAttempt =
  | { readonly outcome: 'sent'; readonly sent: SentMessage }
  | {
      readonly outcome: 'error';
      /** A machine code (DeliveryError.code, or INVALID_MESSAGE / UNEXPECTED): what is stored and logged. */
      readonly code: string;
      readonly permanent: boolean;
      readonly retryAfterMs?: number | undefined;
      /** Class of an unexpected error (its name, a Prisma code): for the log, never stored. */
      readonly detail?: string | undefined;
    }
  /** An update whose original is not sent yet: try again at `until`, it is not a failure. */
  | { readonly outcome: 'wait'; readonly until: Date }
  /** An update whose original will never be sent (failed, cancelled), or a recipient no longer active: nothing to do. */
  | { readonly outcome: 'cancel'; readonly code: string };

export interface AttemptDeliveryOptions {
  prisma: Db;
  messenger: PacedMessenger;
  row: ClaimedMessage;
  now: Date;
}

export async function attemptDelivery({ prisma, messenger, row, now }: AttemptDeliveryOptions): Promise<DeliveryAttempt> {
  try {
    const parsed = chatMessageSchema.safeParse(row.payload);
    // A malformed payload is a bug of whoever queued it: retrying cannot fix it.
    if (!parsed.success) return { outcome: 'error', code: 'INVALID_MESSAGE', permanent: true };
    const message = parsed.data;
    const recipient = await loadRecipient(prisma, row.recipientId, row.platform);
    if (!recipient) return { outcome: 'cancel', code: 'RECIPIENT_INACTIVE' };
    const target = { platform: row.platform, recipient, kind: row.kind, isUpdate: row.updatesId !== null };

    if (row.updatesId === null) {
      await messenger.pace?.(target);
      return { outcome: 'sent', sent: await messenger.send({ deliveryId: row.id, recipient, message, attempt: row.attempts }) };
    }

    const original = await prisma.outboxMessage.findUnique({
      where: { id: row.updatesId },
      select: { status: true, nextAttemptAt: true, platformMessageId: true, platformChannelId: true },
    });
    if (!original || original.status === 'FAILED' || original.status === 'CANCELLED') {
      return { outcome: 'cancel', code: 'ORIGINAL_NOT_SENT' };
    }
    if (original.status !== 'SENT') {
      // Not before the original's own next attempt: an update cannot overtake it.
      const until = new Date(Math.max(now.getTime() + UPDATE_WAIT_MS, original.nextAttemptAt.getTime()));
      return { outcome: 'wait', until };
    }
    if (original.platformMessageId === null) return { outcome: 'cancel', code: 'ORIGINAL_NOT_SENT' };
    const sent: SentMessage = { messageId: original.platformMessageId, channelId: original.platformChannelId ?? undefined };
    await messenger.pace?.(target);
    await messenger.update({ deliveryId: row.id, recipient, message, sent, attempt: row.attempts });
    // The platform's reference stays the original's: later updates edit the same message.
    return { outcome: 'sent', sent };
  } catch (error) {
    if (isDeliveryError(error)) {
      return { outcome: 'error', code: safeCode(error.code), permanent: error.permanent, retryAfterMs: error.retryAfterMs };
    }
    // Anything else (network, a bug in an adapter, the database) may pass: retried like a 5xx.
    return { outcome: 'error', code: 'UNEXPECTED', permanent: false, detail: errorClass(error) };
  }
}

/** Codes are stored and logged: keep them codes, whatever an adapter put there. */
function safeCode(code: string): string {
  const clean = code.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);
  return clean === '' ? 'UNKNOWN' : clean;
}

function errorClass(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name}:${safeCode(code)}` : error.name;
}
