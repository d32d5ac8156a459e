import { defineAction } from '../../../chat/router/definitions.js';
import { recordAudit } from '../../../db/audit.js';
import { t } from '../../../i18n/index.js';
import { loadCraRecord, missionDate, workingDaysElapsed } from '../../../services/cra/cra-record.js';
import { sendRequest } from '../../../services/cra/cra-requests.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { managedPending, overdueUpdate, timesheetValue, when } from './shared.js';

export const remindApproverAction = defineAction({
  actionId: CRA_ACTIONS.remind,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    await managedPending(ctx, value.t);
    await ctx.prisma.$transaction(async (tx) => {
      const record = await loadCraRecord(tx, value.t);
      const elapsed = workingDaysElapsed(record.mission, missionDate(record.mission, record.timesheet.sentToClientAt ?? ctx.now), missionDate(record.mission, ctx.now));
      await sendRequest(tx, {
        record,
        approverId: record.timesheet.approverId!,
        now: ctx.now,
        platforms: ctx.platforms,
        suffix: `n${ctx.interaction.id}`,
        notes: (locale) => [t(locale, 'craflow.request.reminder', { days: elapsed })],
      });
      await tx.timesheet.update({ where: { id: value.t }, data: { reminderCount: { increment: 1 }, lastReminderAt: ctx.now } });
      await recordAudit(tx, {
        organizationId: record.mission.organizationId,
        entityType: 'Timesheet',
        entityId: value.t,
        action: 'cra.remind',
        actorId: ctx.person.id,
        channel: ctx.channel,
        version: record.timesheet.version,
        data: { approverId: record.timesheet.approverId },
      });
    });
    return overdueUpdate(ctx, value.t, t(ctx.locale, 'craflow.alert.reminded', { when: when(ctx) }), true);
  },
});
