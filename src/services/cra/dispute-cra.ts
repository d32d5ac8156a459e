/**
 * A client approver disputes the current version of a CRA: a reason (required) and, for a partial
 * dispute, the contested days (in the month, inside the mission window). PENDING_CLIENT → DISPUTED;
 * the requests show the outcome, the ESN manager gets a DISPUTE alert (correct / maintain), the
 * consultant is told by the ESN (no client text reaches them).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Db } from '../../db/client.js';
import { applyCraEvent, isIsoDate, isWithinMissionWindow, monthOf, toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { formatMonth, formatMoment } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { disputeAlertMessage } from '../../rituals/cra/manager-messages.js';
import { personSummary } from '../../rituals/people.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { assertCurrent, stateOf } from './approve-cra.js';
import { assertCanAnswer } from './cra-people.js';
import { loadCraRecord, missionDate } from './cra-record.js';
import { settleRequests } from './cra-requests.js';
import { raiseAlertWithMessage } from '../../rituals/alerts/raise-alert.js';

export interface DisputeCraOptions {
  prisma: Db;
  timesheetId: string;
  version: number;
  reason: string;
  days: readonly string[];
  actorId: string;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
  changeId: string;
}

/** Parses "2026-11-05, 2026-11-06" (commas, spaces, new lines). */
export function parseDisputedDays(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== ''))].sort();
}

export function disputeCra(options: DisputeCraOptions): Promise<{ disputeId: string }> {
  return options.prisma.$transaction(async (tx) => {
    const record = await loadCraRecord(tx, options.timesheetId);
    const { timesheet, mission } = record;
    await assertCanAnswer(tx, { actorId: options.actorId, mission, approverId: timesheet.approverId, today: toDateOnlyUTC(missionDate(mission, options.now)) });
    assertCurrent(record, options.version, null);
    const bad = options.days.filter((d) => !isIsoDate(d) || monthOf(d) !== timesheet.month || !isWithinMissionWindow(d, mission.calendar));
    if (bad.length > 0) {
      throw new CodedError('CRA_DAY_OUTSIDE_MONTH', `Disputed days outside the month or the mission: ${bad.join(', ')}`, { days: bad }, {
        params: { month: timesheet.month, days: bad.join(', ') },
      });
    }
    const reason = options.reason.trim();
    applyCraEvent(stateOf(record), { type: 'dispute', reason, month: timesheet.month, days: options.days as IsoDate[] });
    const dispute = await tx.dispute.create({
      data: {
        timesheetId: timesheet.id,
        version: timesheet.version,
        raisedById: options.actorId,
        reason,
        createdAt: options.now,
        days: { create: options.days.map((d) => ({ date: toDateOnlyUTC(d) })) },
      },
    });
    await tx.timesheet.update({ where: { id: timesheet.id }, data: { status: 'DISPUTED' } });
    await recordAudit(tx, {
      organizationId: mission.organizationId,
      entityType: 'Timesheet',
      entityId: timesheet.id,
      action: 'cra.dispute',
      fromStatus: 'PENDING_CLIENT',
      toStatus: 'DISPUTED',
      actorId: options.actorId,
      channel: options.channel,
      version: timesheet.version,
      contentHash: record.current?.contentHash ?? null,
      data: { disputeId: dispute.id, days: [...options.days] },
    });
    const approver = await personSummary(tx, options.actorId);
    await settleRequests(tx, {
      timesheetId: timesheet.id,
      now: options.now,
      changeId: `disputed:${dispute.id}`,
      outcome: (locale, timeZone) => t(locale, 'craflow.request.disputed', { name: approver.name, when: formatMoment(locale, options.now, timeZone) }),
    });
    await tx.alert.updateMany({
      where: { timesheetId: timesheet.id, kind: 'OVERDUE_VALIDATION', status: { not: 'RESOLVED' } },
      data: { status: 'RESOLVED', resolvedAt: options.now },
    });
    await raiseAlertWithMessage(tx, {
      kind: 'DISPUTE',
      dedupeKey: `cra-dispute:${dispute.id}`,
      organizationId: mission.organizationId,
      missionId: mission.id,
      timesheetId: timesheet.id,
      subjectId: mission.consultantId,
      recipientId: mission.managerId,
      data: { disputeId: dispute.id, month: timesheet.month, version: timesheet.version, days: [...options.days] },
      message: (alertId) =>
        disputeAlertMessage(mission.managerLocale, {
          alertId,
          disputeId: dispute.id,
          approverName: approver.name,
          name: mission.consultant.name,
          missionTitle: mission.title,
          month: timesheet.month,
          version: timesheet.version,
          reason,
          days: options.days,
        }),
      now: options.now,
      platforms: options.platforms,
    });
    const locale = mission.consultantLocale;
    const text = t(locale, 'craflow.consultant.disputed', { month: formatMonth(locale, timesheet.month), mission: mission.title });
    await enqueueMessage(tx, {
      dedupeKey: `cra-disputed:${dispute.id}`,
      recipientId: mission.consultantId,
      kind: 'cra.disputed',
      message: { text: text.replaceAll('*', ''), blocks: [{ type: 'section', text }] },
      now: options.now,
      platforms: options.platforms,
    });
    return { disputeId: dispute.id };
  });
}
