/**
 * Writes an alert once (its dedupe key is deterministic) with its audit row ("alert.raise"), in
 * the caller's transaction. ON CONFLICT DO NOTHING: a concurrent writer raising the same alert
 * wins without aborting this transaction. The alerts' messages are the caller's (see
 * alertMessageKey for the outbox key of each).
 */
import { recordAudit, type AuditRecord } from './audit.js';
import type { Prisma, Tx } from './client.js';

export interface CreateAlertAudit {
  readonly channel: AuditRecord['channel'];
  /** Facts of the audit row (ids only, no personal data). */
  readonly data: Prisma.InputJsonValue;
}

/** Key of the outbox message telling `recipientId` about an alert (one per alert and recipient). */
export const alertMessageKey = (alertId: string, recipientId: string): string => `alert:${alertId}:${recipientId}`;

/** The alert's id, and whether this call created it (false: it existed, nothing was written). */
export async function createAlert(
  tx: Tx,
  alert: Prisma.AlertCreateManyInput,
  audit: CreateAlertAudit,
): Promise<{ id: string; created: boolean }> {
  const { count } = await tx.alert.createMany({ data: [alert], skipDuplicates: true });
  const { id } = await tx.alert.findUniqueOrThrow({ where: { dedupeKey: alert.dedupeKey }, select: { id: true } });
  if (count === 0) return { id, created: false };
  await recordAudit(tx, {
    organizationId: alert.organizationId,
    entityType: 'Alert',
    entityId: id,
    action: 'alert.raise',
    toStatus: 'OPEN',
    channel: audit.channel,
    data: audit.data,
  });
  return { id, created: true };
}
