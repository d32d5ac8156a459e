import { defineAction } from '../../../chat/router/definitions.js';
import { t } from '../../../i18n/index.js';
import { missionDate } from '../../../services/cra/cra-record.js';
import { resolveApprovers } from '../../../services/cra/cra-requests.js';
import { rerouteCra } from '../../../services/cra/reroute-cra.js';
import { personSummary } from '../../people.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { managedPending, overdueUpdate, timesheetValue, when } from './shared.js';

export const sendToBackupAction = defineAction({
  actionId: CRA_ACTIONS.backup,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    const record = await managedPending(ctx, value.t);
    const { backupId } = await ctx.prisma.$transaction((tx) => resolveApprovers(tx, record.mission.id, missionDate(record.mission, ctx.now)));
    if (!backupId || backupId === record.timesheet.approverId) return { notice: t(ctx.locale, 'craflow.alert.noBackup') };
    const approverName = record.timesheet.approverId ? (await personSummary(ctx.prisma, record.timesheet.approverId)).name : '—';
    await ctx.prisma.$transaction((tx) =>
      rerouteCra(tx, {
        timesheetId: value.t,
        toId: backupId,
        actorId: ctx.person.id,
        channel: ctx.channel,
        now: ctx.now,
        platforms: ctx.platforms,
        reason: 'backup',
        changeId: ctx.interaction.id,
        replace: false,
        notes: (locale) => [t(locale, 'craflow.request.backup', { approver: approverName })],
      }),
    );
    const backup = await personSummary(ctx.prisma, backupId);
    return overdueUpdate(ctx, value.t, t(ctx.locale, 'craflow.alert.backupSent', { name: backup.name, when: when(ctx) }), true);
  },
});
