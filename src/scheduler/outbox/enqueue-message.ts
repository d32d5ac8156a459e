/**
 * Queues a message for a person in the outbox, inside the caller's transaction (the state change,
 * its audit row and the messages it causes are written together, or not at all). The dispatcher
 * delivers it later. The dedupe key is deterministic ("daily:<missionId>:<date>"): queueing the
 * same key twice queues one message.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma, Tx } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { ChatMessage } from '../../chat/message.js';
import { nextWorkingMoment } from '../../domain/index.js';
import { deliveryPlatform } from './delivery-platform.js';
import { recipientWorkingHours } from './recipient-hours.js';

export interface EnqueueMessageOptions {
  dedupeKey: string;
  recipientId: string;
  /** What the message is (checkin.daily, alert.blocker...): for logs, metrics and retention. */
  kind: string;
  message: ChatMessage;
  now: Date;
  /** This deployment's platforms in order of preference. */
  platforms: readonly ChatPlatform[];
  /**
   * Deliver only on the recipient's working days, outside quiet hours (default). A message a
   * person is waiting for right now (the answer to their own action) does not wait.
   */
  respectQuietHours?: boolean;
}

export type EnqueueResult =
  | { readonly status: 'queued' | 'exists'; readonly id: string; readonly deliverAt: Date; readonly platform: ChatPlatform }
  | { readonly status: 'unreachable' };

export async function enqueueMessage(tx: Tx, options: EnqueueMessageOptions): Promise<EnqueueResult> {
  const platform = await deliveryPlatform(tx, options.recipientId, options.platforms);
  if (!platform) return (await existingMessage(tx, options.dedupeKey)) ?? { status: 'unreachable' };
  const deliverAt =
    options.respectQuietHours === false
      ? options.now
      : nextWorkingMoment(options.now, await recipientWorkingHours(tx, options.recipientId, options.now));

  // ON CONFLICT DO NOTHING: a message queued earlier under this key (or by a concurrent tick) stays
  // as it is, without aborting this transaction. The id is chosen here: a new row is not read back.
  const id = randomUUID();
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        id,
        dedupeKey: options.dedupeKey,
        recipientId: options.recipientId,
        platform,
        kind: options.kind,
        payload: options.message as unknown as Prisma.InputJsonValue,
        nextAttemptAt: deliverAt,
        createdAt: options.now,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) return { status: 'queued', id, deliverAt, platform };
  const existing = await existingMessage(tx, options.dedupeKey);
  if (!existing) throw new Error(`outbox message ${options.dedupeKey} neither inserted nor found`);
  return existing;
}

async function existingMessage(tx: Tx, dedupeKey: string): Promise<EnqueueResult | null> {
  const existing = await tx.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true, nextAttemptAt: true, platform: true } });
  return existing ? { status: 'exists', id: existing.id, deliverAt: existing.nextAttemptAt, platform: existing.platform } : null;
}

export interface EnqueueUpdateOptions {
  /** Dedupe key of the message to replace. */
  originalKey: string;
  /** Key of this update (deterministic, e.g. "<originalKey>:answered"). */
  dedupeKey: string;
  message: ChatMessage;
  now: Date;
}

/**
 * Replaces a queued message's content: still waiting, it is rewritten in place; already sent, an
 * update row asks the dispatcher to edit the platform's copy (no notification, so no quiet hours).
 * Returns false when there is no such message.
 */
export async function enqueueUpdate(tx: Tx, options: EnqueueUpdateOptions): Promise<boolean> {
  const original = await tx.outboxMessage.findUnique({
    where: { dedupeKey: options.originalKey },
    select: { id: true, status: true, recipientId: true, platform: true, kind: true },
  });
  if (!original) return false;
  const payload = options.message as unknown as Prisma.InputJsonValue;
  if (original.status === 'PENDING') {
    const { count } = await tx.outboxMessage.updateMany({ where: { id: original.id, status: 'PENDING' }, data: { payload } });
    if (count === 1) return true;
  }
  if (original.status === 'FAILED' || original.status === 'CANCELLED') return false;
  await tx.outboxMessage.createMany({
    data: [
      {
        dedupeKey: options.dedupeKey,
        recipientId: original.recipientId,
        platform: original.platform,
        kind: `${original.kind}.update`,
        payload,
        updatesId: original.id,
        nextAttemptAt: options.now,
        createdAt: options.now,
      },
    ],
    skipDuplicates: true,
  });
  return true;
}
