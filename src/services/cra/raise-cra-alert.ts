/** Raises a CRA alert once (deterministic dedupe key) and queues its message to the manager, in the caller's transaction. */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { ChatMessage } from '../../chat/message.js';
import { recordAudit } from '../../db/audit.js';
import type { Prisma, Tx } from '../../db/client.js';
import type { AlertKind } from '../../db/generated/client.js';
import { alertMessageKey } from '../../rituals/alerts/raise-alert.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';

export interface RaiseCraAlertOptions {
  kind: AlertKind;
  dedupeKey: string;
  organizationId: string;
  missionId: string;
  timesheetId?: string | null;
  subjectId: string;
  recipientId: string;
  data: Prisma.InputJsonValue;
  message: (alertId: string) => ChatMessage;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export async function raiseCraAlert(tx: Tx, options: RaiseCraAlertOptions): Promise<{ id: string; raised: boolean }> {
  const { count } = await tx.alert.createMany({
    data: [
      {
        organizationId: options.organizationId,
        kind: options.kind,
        dedupeKey: options.dedupeKey,
        missionId: options.missionId,
        timesheetId: options.timesheetId ?? null,
        subjectId: options.subjectId,
        recipientId: options.recipientId,
        data: options.data,
        createdAt: options.now,
      },
    ],
    skipDuplicates: true,
  });
  const alert = await tx.alert.findUniqueOrThrow({ where: { dedupeKey: options.dedupeKey }, select: { id: true } });
  if (count === 0) return { id: alert.id, raised: false };
  await enqueueMessage(tx, {
    dedupeKey: alertMessageKey(alert.id, options.recipientId),
    recipientId: options.recipientId,
    kind: `alert.${options.kind.toLowerCase()}`,
    message: options.message(alert.id),
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
