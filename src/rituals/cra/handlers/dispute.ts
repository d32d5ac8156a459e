import { defineAction, defineForm, type HandlerContext } from '../../../chat/router/definitions.js';
import { toDateOnlyUTC } from '../../../domain/index.js';
import { isCodedError } from '../../../errors.js';
import { t } from '../../../i18n/index.js';
import { assertCurrent } from '../../../services/cra/approve-cra.js';
import { assertCanAnswer } from '../../../services/cra/cra-people.js';
import { loadCraRecord, missionDate } from '../../../services/cra/cra-record.js';
import { disputeCra, parseDisputedDays } from '../../../services/cra/dispute-cra.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { versionValue } from './shared.js';

/** The record, if the acting person may answer it (approver or backup) and it still waits for the client. */
async function answerable(ctx: HandlerContext, timesheetId: string, version: number) {
  const record = await ctx.prisma.$transaction(async (tx) => {
    const r = await loadCraRecord(tx, timesheetId);
    await assertCanAnswer(tx, { actorId: ctx.person.id, mission: r.mission, approverId: r.timesheet.approverId, today: toDateOnlyUTC(missionDate(r.mission, ctx.now)) });
    assertCurrent(r, version, null);
    return r;
  });
  return record;
}

export const openDisputeAction = defineAction({
  actionId: CRA_ACTIONS.dispute,
  value: versionValue,
  handle: async (ctx, { value }) => {
    await answerable(ctx, value.t, value.v);
    return {
      form: {
        actionId: CRA_ACTIONS.disputeForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.dispute.title'),
        submitLabel: t(ctx.locale, 'craflow.dispute.submit'),
        intro: t(ctx.locale, 'craflow.dispute.intro'),
        fields: [
          { kind: 'textarea', id: 'reason', label: t(ctx.locale, 'craflow.dispute.reason'), required: true, maxLength: 2000 },
          { kind: 'textarea', id: 'days', label: t(ctx.locale, 'craflow.dispute.days'), required: false, maxLength: 1000 },
        ],
      },
    };
  },
});

export const submitDisputeForm = defineForm({
  actionId: CRA_ACTIONS.disputeForm,
  value: versionValue,
  handle: async (ctx, { value, fields }) => {
    const reason = (fields.reason ?? '').trim();
    if (reason === '') return { fieldErrors: [{ field: 'reason', message: t(ctx.locale, 'craflow.dispute.reasonRequired') }] };
    const days = parseDisputedDays(fields.days ?? '');
    try {
      await disputeCra({
        prisma: ctx.prisma,
        timesheetId: value.t,
        version: value.v,
        reason,
        days,
        actorId: ctx.person.id,
        channel: ctx.channel,
        now: ctx.now,
        platforms: ctx.platforms,
        changeId: ctx.interaction.id,
      });
    } catch (error) {
      if (isCodedError(error) && error.code === 'CRA_DAY_OUTSIDE_MONTH') {
        const bad = String(error.params?.days ?? '');
        return { fieldErrors: [{ field: 'days', message: t(ctx.locale, 'craflow.dispute.badDays', { days: bad }) }] };
      }
      throw error;
    }
    return { notice: t(ctx.locale, 'craflow.dispute.sent') };
  },
});
