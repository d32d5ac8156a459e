/**
 * An ESN admin reopens an approved CRA with a reason: APPROVED → DRAFT v+1; the client must approve
 * again. The old approval stays in the history (its TimesheetVersion keeps approvedAt and gets
 * supersededAt; the audit keeps the approval row).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Db } from '../../db/client.js';
import { applyCraEvent, type YearMonth } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { formatMonth } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { stateOf } from './approve-cra.js';
import { backToDraft } from './back-to-draft.js';
import { actorOf, isAdminOf } from './cra-people.js';
import { loadCraMission, loadCraRecord } from './cra-record.js';

export interface ReopenCraOptions {
  prisma: Db;
  missionId: string;
  month: YearMonth;
  reason: string;
  actorId: string;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export function reopenCra(options: ReopenCraOptions): Promise<{ timesheetId: string; version: number }> {
  return options.prisma.$transaction(async (tx) => {
    const mission = await loadCraMission(tx, options.missionId);
    const actor = await actorOf(tx, options.actorId);
    if (!isAdminOf(actor, mission)) throw new CodedError('CRA_REOPEN_FORBIDDEN', `${actor.id} is not an admin`);
    const row = await tx.timesheet.findUnique({ where: { missionId_month: { missionId: mission.id, month: options.month } }, select: { id: true } });
    if (!row) throw new CodedError('CRA_NOT_FOUND', `No CRA ${options.month}`, {}, { params: { month: options.month } });
    const record = await loadCraRecord(tx, row.id);
    const reason = options.reason.trim();
    const next = applyCraEvent(stateOf(record), { type: 'reopen', reason });
    await recordAudit(tx, {
      organizationId: mission.organizationId,
      entityType: 'Timesheet',
      entityId: row.id,
      action: 'cra.reopen',
      fromStatus: record.timesheet.status,
      toStatus: 'DRAFT',
      actorId: actor.id,
      channel: options.channel,
      version: next.version,
      contentHash: record.timesheet.approvedHash,
      data: { reason, previousVersion: record.timesheet.version },
    });
    const locale = mission.consultantLocale;
    const note = t(locale, 'craflow.consultant.reopened', { month: formatMonth(locale, options.month), mission: mission.title, version: next.version, reason });
    await backToDraft(tx, record, { version: next.version, now: options.now, platforms: options.platforms, keyPrefix: 'cra-reopen', note });
    return { timesheetId: row.id, version: next.version };
  });
}
