import type { Prisma } from './generated/client.js';

type Tx = Prisma.TransactionClient;

export interface AuditRecord {
  organizationId: string;
  entityType: string;
  entityId: string;
  action: string;
  channel: 'SLACK' | 'TEAMS' | 'WEB' | 'CLI' | 'SYSTEM';
  actorId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  version?: number | null;
  contentHash?: string | null;
  /** Facts of the change. No personal data: name people by id. */
  data?: Prisma.InputJsonValue;
}

/** Appends one row to the audit trail, inside the caller's transaction. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: record.organizationId,
      entityType: record.entityType,
      entityId: record.entityId,
      action: record.action,
      channel: record.channel,
      actorId: record.actorId ?? null,
      fromStatus: record.fromStatus ?? null,
      toStatus: record.toStatus ?? null,
      version: record.version ?? null,
      contentHash: record.contentHash ?? null,
      ...(record.data === undefined ? {} : { data: record.data }),
    },
  });
}
