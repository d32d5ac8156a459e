import { defineAction, defineForm } from '../../../chat/router/definitions.js';
import { CodedError } from '../../../errors.js';
import { t } from '../../../i18n/index.js';
import { actorOf, isAdminOf } from '../../../services/cra/cra-people.js';
import { loadCraRecord } from '../../../services/cra/cra-record.js';
import { reopenCra } from '../../../services/cra/reopen-cra.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { timesheetValue, when } from './shared.js';

export const openReopenAction = defineAction({
  actionId: CRA_ACTIONS.reopen,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    await ctx.prisma.$transaction(async (tx) => {
      const record = await loadCraRecord(tx, value.t);
      if (!isAdminOf(await actorOf(tx, ctx.person.id), record.mission)) throw new CodedError('CRA_REOPEN_FORBIDDEN', 'Admins only');
    });
    return {
      form: {
        actionId: CRA_ACTIONS.reopenForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.reopen.title'),
        submitLabel: t(ctx.locale, 'craflow.reopen.submit'),
        fields: [{ kind: 'textarea', id: 'reason', label: t(ctx.locale, 'craflow.reopen.reason'), required: true, maxLength: 2000 }],
      },
    };
  },
});

export const submitReopenForm = defineForm({
  actionId: CRA_ACTIONS.reopenForm,
  value: timesheetValue,
  handle: async (ctx, { value, fields }) => {
    const reason = (fields.reason ?? '').trim();
    if (reason === '') return { fieldErrors: [{ field: 'reason', message: t(ctx.locale, 'craflow.reopen.reasonRequired') }] };
    const ts = await ctx.prisma.timesheet.findUnique({ where: { id: value.t }, select: { missionId: true, month: true } });
    if (!ts) throw new CodedError('NOT_FOUND', 'No CRA');
    const result = await reopenCra({ prisma: ctx.prisma, missionId: ts.missionId, month: ts.month, reason, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return { notice: t(ctx.locale, 'craflow.reopen.done', { when: when(ctx), version: result.version }) };
  },
});
