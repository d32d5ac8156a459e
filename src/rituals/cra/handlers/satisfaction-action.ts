import { defineAction } from '../../../chat/router/definitions.js';
import { recordAudit } from '../../../db/audit.js';
import { toDateOnlyUTC } from '../../../domain/index.js';
import { CodedError } from '../../../errors.js';
import { t } from '../../../i18n/index.js';
import { assertCanAnswer } from '../../../services/cra/cra-people.js';
import { loadCraRecord, missionDate } from '../../../services/cra/cra-record.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { timesheetValue } from './shared.js';

export const satisfactionAction = defineAction({
  actionId: CRA_ACTIONS.satisfaction,
  value: timesheetValue,
  handle: async (ctx, { value, selected }) => {
    const score = Number(selected);
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new CodedError('INVALID_INTERACTION', 'Satisfaction must be 1-5', { refusal: true });
    await ctx.prisma.$transaction(async (tx) => {
      const r = await loadCraRecord(tx, value.t);
      await assertCanAnswer(tx, { actorId: ctx.person.id, mission: r.mission, approverId: r.timesheet.approverId, today: toDateOnlyUTC(missionDate(r.mission, ctx.now)) });
      await tx.timesheet.update({ where: { id: r.timesheet.id }, data: { satisfaction: score } });
      await recordAudit(tx, {
        organizationId: r.mission.organizationId,
        entityType: 'Timesheet',
        entityId: r.timesheet.id,
        action: 'cra.satisfaction',
        actorId: ctx.person.id,
        channel: ctx.channel,
        version: r.timesheet.version,
        data: { score },
      });
    });
    return { notice: t(ctx.locale, 'craflow.satisfaction.saved', { score }) };
  },
});
