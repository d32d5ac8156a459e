import { defineAction, defineForm } from '../../../chat/router/definitions.js';
import { CodedError } from '../../../errors.js';
import { t } from '../../../i18n/index.js';
import { actorOf, assertCanManage } from '../../../services/cra/cra-people.js';
import { loadCraRecord } from '../../../services/cra/cra-record.js';
import { resolveDispute } from '../../../services/cra/resolve-dispute.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { disputeAlertUpdate, disputeValue, when } from './shared.js';

export const openMaintainAction = defineAction({
  actionId: CRA_ACTIONS.maintain,
  value: disputeValue,
  handle: async (ctx, { value }) => {
    await ctx.prisma.$transaction(async (tx) => {
      const dispute = await tx.dispute.findUnique({ where: { id: value.d }, select: { timesheetId: true } });
      if (!dispute) throw new CodedError('NOT_FOUND', 'No dispute');
      const record = await loadCraRecord(tx, dispute.timesheetId);
      assertCanManage(await actorOf(tx, ctx.person.id), record.mission);
    });
    return {
      form: {
        actionId: CRA_ACTIONS.maintainForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.maintain.title'),
        submitLabel: t(ctx.locale, 'craflow.maintain.submit'),
        fields: [{ kind: 'textarea', id: 'answer', label: t(ctx.locale, 'craflow.maintain.answer'), required: true, maxLength: 2000 }],
      },
    };
  },
});

export const submitMaintainForm = defineForm({
  actionId: CRA_ACTIONS.maintainForm,
  value: disputeValue,
  handle: async (ctx, { value, fields }) => {
    const answer = (fields.answer ?? '').trim();
    if (answer === '') return { fieldErrors: [{ field: 'answer', message: t(ctx.locale, 'craflow.maintain.answerRequired') }] };
    await resolveDispute({ prisma: ctx.prisma, disputeId: value.d, decision: 'maintain', answer, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return disputeAlertUpdate(ctx, value.d, t(ctx.locale, 'craflow.alert.maintained', { when: when(ctx) }));
  },
});
