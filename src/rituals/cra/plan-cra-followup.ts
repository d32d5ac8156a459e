/**
 * Follow-up of the CRAs waiting for the client (every working day at 10:00, the mission's time),
 * counted in working days of the mission's calendar from sentToClientAt (org settings, mission
 * overrides): a reminder to the approver every N days; after M days, escalation to the ESN manager
 * (alert OVERDUE_VALIDATION: remind now, send to backup, change approver); after the backup
 * threshold, the request to the backup approver; tacit acceptance only when the mission's contract
 * allows it. A change of the dated approvers re-routes the pending request.
 * Key: "cra-followup:<missionId>:<date>".
 */
import { formatDay } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { tacitApproveCra } from '../../services/cra/approve-cra.js';
import { addWorkingDays, loadCraMission, loadCraRecord, missionDate, workingDaysElapsed } from '../../services/cra/cra-record.js';
import { resolveApprovers, sendRequest } from '../../services/cra/cra-requests.js';
import { raiseAlertWithMessage } from '../alerts/raise-alert.js';
import { rerouteCra } from '../../services/cra/reroute-cra.js';
import type { Tx } from '../../db/client.js';
import type { RunOutcome, ScheduledRitual, TickContext } from '../../scheduler/scheduled-ritual.js';
import { isMissionWorkingDay } from '../mission-calendar.js';
import { personSummary } from '../people.js';
import { recordRun } from '../record-run.js';
import { craFollowUpKey } from './cra-keys.js';
import { craFollowUpTargets, type CraTarget } from './cra-targets.js';
import { overdueAlertMessage } from './manager-messages.js';

export const CRA_FOLLOWUP_TIME = '10:00';

export const craFollowUpRitual: ScheduledRitual<CraTarget> = {
  id: 'cra-followup',
  audience: 'manager',
  targets: craFollowUpTargets,
  schedule: (target) => ({ timeZone: target.timeZone, time: CRA_FOLLOWUP_TIME }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const pending = await ctx.prisma.timesheet.findMany({ where: { missionId: target.missionId, status: 'PENDING_CLIENT' }, select: { id: true } });
    if (pending.length === 0) return 'skipped';
    const mission = await loadCraMission(ctx.prisma, target.missionId);
    const date = occurrence.localDate;
    if (!isMissionWorkingDay({ ...mission.calendar, startDate: mission.calendar.startDate, endDate: null }, date)) return 'skipped';
    return ctx.prisma.$transaction(async (tx) => {
      const key = craFollowUpKey(mission.id, date);
      if (!(await recordRun(tx, { key, ritual: 'cra-followup', target: { missionId: mission.id }, occurrence }))) return 'already';
      for (const { id } of pending) await followUp(tx, ctx, id, date);
      return 'planned';
    });
  },
};

export async function followUp(tx: Tx, ctx: TickContext, timesheetId: string, today: string): Promise<void> {
  let record = await loadCraRecord(tx, timesheetId);
  const { mission } = record;
  if (record.timesheet.status !== 'PENDING_CLIENT' || !record.timesheet.sentToClientAt || !record.current) return;
  const { settings } = mission;
  const sentOn = missionDate(mission, record.timesheet.sentToClientAt);
  const elapsed = workingDaysElapsed(mission, sentOn, today);
  if (elapsed <= 0) return;

  // The dated approvers changed since the request went out (and nobody chose another approver by hand): re-route it.
  const { primaryId, backupId } = await resolveApprovers(tx, mission.id, today);
  const current = record.timesheet.approverId;
  if (primaryId && current && primaryId !== current && primaryId !== mission.consultantId) {
    const atSending = await resolveApprovers(tx, mission.id, sentOn);
    if (atSending.primaryId === current) {
      await rerouteCra(tx, { timesheetId, toId: primaryId, actorId: null, channel: 'SYSTEM', now: ctx.now, platforms: ctx.platforms, reason: 'dated', changeId: `dated:${today}`, replace: true });
      record = await loadCraRecord(tx, timesheetId);
    }
  }
  const { timesheet } = record;

  if (settings.tacit && elapsed >= settings.tacitDays) {
    await tacitApproveCra(tx, record, { now: ctx.now, platforms: ctx.platforms });
    return;
  }
  const approverId = timesheet.approverId;
  const tacitDate = settings.tacit ? addWorkingDays(mission, sentOn, settings.tacitDays) : null;
  if (approverId && elapsed % settings.reminderEvery === 0) {
    const queued = await sendRequest(tx, {
      record,
      approverId,
      now: ctx.now,
      platforms: ctx.platforms,
      suffix: `d${elapsed}`,
      notes: (locale) => [
        t(locale, 'craflow.request.reminder', { days: elapsed }),
        ...(tacitDate ? [t(locale, 'craflow.request.tacit', { day: formatDay(locale, tacitDate) })] : []),
      ],
    });
    if (queued.status === 'queued') {
      await tx.timesheet.update({ where: { id: timesheet.id }, data: { reminderCount: { increment: 1 }, lastReminderAt: ctx.now } });
    }
  }
  if (elapsed >= settings.escalateAfter && timesheet.escalationLevel < 1) {
    const approverName = approverId ? (await personSummary(tx, approverId)).name : '—';
    await raiseAlertWithMessage(tx, {
      kind: 'OVERDUE_VALIDATION',
      dedupeKey: `cra-overdue:${timesheet.id}:v${timesheet.version}:${timesheet.sentToClientAt!.getTime()}`,
      organizationId: mission.organizationId,
      missionId: mission.id,
      timesheetId: timesheet.id,
      subjectId: mission.consultantId,
      recipientId: mission.managerId,
      data: { month: timesheet.month, version: timesheet.version, days: elapsed },
      message: () =>
        overdueAlertMessage(mission.managerLocale, {
          timesheetId: timesheet.id,
          name: mission.consultant.name,
          missionTitle: mission.title,
          month: timesheet.month,
          approverName,
          days: elapsed,
          hasBackup: backupId !== null && backupId !== approverId,
        }),
      now: ctx.now,
      platforms: ctx.platforms,
    });
    await tx.timesheet.update({ where: { id: timesheet.id }, data: { escalationLevel: 1 } });
  }
  if (elapsed >= settings.backupAfter && timesheet.escalationLevel < 2 && backupId && backupId !== approverId && backupId !== mission.consultantId) {
    const approverName = approverId ? (await personSummary(tx, approverId)).name : '—';
    await rerouteCra(tx, {
      timesheetId,
      toId: backupId,
      actorId: null,
      channel: 'SYSTEM',
      now: ctx.now,
      platforms: ctx.platforms,
      reason: 'backup',
      changeId: `backup:${today}`,
      replace: false,
      notes: (locale) => [t(locale, 'craflow.request.backup', { approver: approverName })],
    });
  }
}
