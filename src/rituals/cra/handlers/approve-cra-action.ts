import { defineAction } from '../../../chat/router/definitions.js';
import { formatMonth, formatMoment } from '../../../i18n/format-date.js';
import { t } from '../../../i18n/index.js';
import { approveCra } from '../../../services/cra/approve-cra.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { craRequestKey } from '../cra-keys.js';
import { latestCopy, latestKeyStartingWith } from '../cra-message-copies.js';
import { requestOutcome } from '../request-message.js';
import { approveValue } from './shared.js';

export const approveCraAction = defineAction({
  actionId: CRA_ACTIONS.approve,
  value: approveValue,
  handle: async (ctx, { value }) => {
    const result = await approveCra({
      prisma: ctx.prisma,
      timesheetId: value.t,
      version: value.v,
      contentHash: value.h,
      actorId: ctx.person.id,
      channel: ctx.channel,
      now: ctx.now,
      platforms: ctx.platforms,
      changeId: ctx.interaction.id,
    });
    const approvedWhen = formatMoment(ctx.locale, result.approvedAt, ctx.person.timezone);
    const notice =
      result.status === 'already'
        ? t(ctx.locale, 'craflow.approve.already', { when: approvedWhen })
        : t(ctx.locale, 'craflow.approve.done', { month: formatMonth(ctx.locale, result.month), consultant: result.consultantName });
    const key = await latestKeyStartingWith(ctx.prisma, craRequestKey(value.t, value.v, ctx.person.id), ctx.person.id);
    const shown = key ? await latestCopy(ctx.prisma, key) : null;
    if (!shown || result.status === 'already') return { notice };
    return { update: requestOutcome(shown, t(ctx.locale, 'craflow.request.approved', { name: ctx.person.name, when: approvedWhen })), notice };
  },
});
