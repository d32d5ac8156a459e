import { z } from 'zod';
import { defineAction, defineForm } from '../../../chat/router/definitions.js';
import { t } from '../../../i18n/index.js';
import { describeProblem } from '../../../i18n/problems.js';
import { clientContacts, rerouteCra } from '../../../services/cra/reroute-cra.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { managedPending, timesheetValue } from './shared.js';

export const openChangeApproverAction = defineAction({
  actionId: CRA_ACTIONS.changeApprover,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    const record = await managedPending(ctx, value.t, true);
    const contacts = await ctx.prisma.$transaction((tx) => clientContacts(tx, record.mission.clientId, record.mission.consultantId));
    if (contacts.length === 0) return { notice: t(ctx.locale, 'craflow.alert.noBackup') };
    return {
      form: {
        actionId: CRA_ACTIONS.changeApproverForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.changeApprover.title'),
        submitLabel: t(ctx.locale, 'craflow.changeApprover.submit'),
        fields: [
          {
            kind: 'select',
            id: 'approver',
            label: t(ctx.locale, 'craflow.changeApprover.field'),
            options: contacts.slice(0, 100).map((c) => ({ label: c.name.slice(0, 75), value: c.id })),
            ...(record.timesheet.approverId ? { initial: record.timesheet.approverId } : {}),
            required: true,
          },
        ],
      },
    };
  },
});

export const submitChangeApproverForm = defineForm({
  actionId: CRA_ACTIONS.changeApproverForm,
  value: timesheetValue,
  handle: async (ctx, { value, fields }) => {
    const record = await managedPending(ctx, value.t, true);
    const toId = fields.approver ?? '';
    const notContact = { fieldErrors: [{ field: 'approver', message: describeProblem(ctx.locale, { code: 'CRA_NOT_APPROVER', message: 'Not a contact of the client' }) }] };
    if (!z.uuid().safeParse(toId).success) return notContact;
    const to = await ctx.prisma.person.findFirst({ where: { id: toId, clientId: record.mission.clientId }, select: { id: true, name: true } });
    if (!to) return notContact;
    if (to.id === record.timesheet.approverId) return { notice: t(ctx.locale, 'craflow.changeApprover.same', { name: to.name }) };
    await ctx.prisma.$transaction((tx) =>
      rerouteCra(tx, { timesheetId: value.t, toId: to.id, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms, reason: 'change', changeId: ctx.interaction.id, replace: true }),
    );
    return { notice: t(ctx.locale, 'craflow.changeApprover.done', { name: to.name }) };
  },
});
