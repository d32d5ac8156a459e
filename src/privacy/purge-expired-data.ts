/**
 * Retention: what is older than each organization's `retentionMonths` (default 24) goes — the
 * check-in answers (day choices, notes, mood, blockers) and day-entry notes, the web chat's copies
 * of messages, the payloads of settled outbox rows (blanked: the row stays as a delivery record),
 * and the handled interaction ids (kept for the shortest retention of all organizations). Day
 * entries, CRAs, alerts and the audit trail stay. Idempotent; `dryRun` only counts.
 */
import type { Db } from '../db/client.js';

export interface PurgeSummary {
  readonly dryRun: boolean;
  readonly checkInAnswers: number;
  readonly dayNotes: number;
  readonly webMessages: number;
  readonly outboxPayloads: number;
  readonly processedInteractions: number;
}

export const PURGED_PAYLOAD = { purged: true } as const;

export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function purgeExpiredData(options: { prisma: Db; now: Date; dryRun?: boolean }): Promise<PurgeSummary> {
  const { prisma, now } = options;
  const dryRun = options.dryRun === true;
  const totals = { checkInAnswers: 0, dayNotes: 0, webMessages: 0, outboxPayloads: 0, processedInteractions: 0 };
  const organizations = await prisma.organization.findMany({ select: { id: true, retentionMonths: true } });
  for (const org of organizations) {
    const cutoff = retentionCutoff(now, org.retentionMonths);
    const answers = { checkIn: { mission: { organizationId: org.id }, date: { lt: cutoff } } };
    const notes = { mission: { organizationId: org.id }, date: { lt: cutoff }, note: { not: null } };
    const web = { person: { organizationId: org.id }, createdAt: { lt: cutoff } };
    const outbox = {
      recipient: { organizationId: org.id },
      createdAt: { lt: cutoff },
      status: { in: ['SENT', 'FAILED', 'CANCELLED'] as ('SENT' | 'FAILED' | 'CANCELLED')[] },
      NOT: { payload: { equals: PURGED_PAYLOAD } },
    };
    if (dryRun) {
      totals.checkInAnswers += await prisma.checkInAnswer.count({ where: answers });
      totals.dayNotes += await prisma.dayEntry.count({ where: notes });
      totals.webMessages += await prisma.webMessage.count({ where: web });
      totals.outboxPayloads += await prisma.outboxMessage.count({ where: outbox });
    } else {
      totals.checkInAnswers += (await prisma.checkInAnswer.deleteMany({ where: answers })).count;
      totals.dayNotes += (await prisma.dayEntry.updateMany({ where: notes, data: { note: null } })).count;
      totals.webMessages += (await prisma.webMessage.deleteMany({ where: web })).count;
      totals.outboxPayloads += (await prisma.outboxMessage.updateMany({ where: outbox, data: { payload: PURGED_PAYLOAD } })).count;
    }
  }
  if (organizations.length > 0) {
    const shortest = Math.min(...organizations.map((o) => o.retentionMonths));
    const where = { receivedAt: { lt: retentionCutoff(now, shortest) } };
    totals.processedInteractions = dryRun
      ? await prisma.processedInteraction.count({ where })
      : (await prisma.processedInteraction.deleteMany({ where })).count;
  }
  return { dryRun, ...totals };
}
