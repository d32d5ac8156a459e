/**
 * Raises an alert once (its dedupe key is deterministic: "blocker:<checkInId>") and queues its
 * message to the person responsible, in the caller's transaction.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Prisma, Tx } from '../../db/client.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { personSummary } from '../people.js';
import { alertMessage, type AlertFacts, type RitualAlertKind } from './alert-message.js';

export interface RaiseAlertOptions {
  kind: RitualAlertKind;
  dedupeKey: string;
  organizationId: string;
  missionId?: string | null;
  /** Whom the alert is about. */
  subjectId: string;
  /** Whom it goes to (the mission's ESN manager). */
  recipientId: string;
  facts: AlertFacts;
  now: Date;
  platforms: readonly ChatPlatform[];
}

/** Key of the message telling `recipientId` about an alert (the dispatcher's delivery alerts use it too). */
export const alertMessageKey = (alertId: string, recipientId: string): string => `alert:${alertId}:${recipientId}`;

/** Returns the alert's id, and whether this call raised it (false: it was raised before). */
export async function raiseAlert(tx: Tx, options: RaiseAlertOptions): Promise<{ id: string; raised: boolean }> {
  const { count } = await tx.alert.createMany({
    data: [
      {
        organizationId: options.organizationId,
        kind: options.kind,
        dedupeKey: options.dedupeKey,
        missionId: options.missionId ?? null,
        subjectId: options.subjectId,
        recipientId: options.recipientId,
        data: options.facts as Prisma.InputJsonValue,
        createdAt: options.now,
      },
    ],
    skipDuplicates: true,
  });
  const alert = await tx.alert.findUniqueOrThrow({ where: { dedupeKey: options.dedupeKey }, select: { id: true } });
  if (count === 0) return { id: alert.id, raised: false };

  const [subject, recipient] = await Promise.all([personSummary(tx, options.subjectId), personSummary(tx, options.recipientId)]);
  await enqueueMessage(tx, {
    dedupeKey: alertMessageKey(alert.id, options.recipientId),
    recipientId: options.recipientId,
    kind: `alert.${options.kind.toLowerCase()}`,
    message: alertMessage(
      recipient.locale,
      { id: alert.id, kind: options.kind, subjectName: subject.name, facts: options.facts },
    ),
    now: options.now,
    platforms: options.platforms,
  });
  await recordAudit(tx, {
    organizationId: options.organizationId,
    entityType: 'Alert',
    entityId: alert.id,
    action: 'alert.raise',
    toStatus: 'OPEN',
    channel: 'SYSTEM',
    data: { kind: options.kind, subjectId: options.subjectId, recipientId: options.recipientId },
  });
  return { id: alert.id, raised: true };
}
