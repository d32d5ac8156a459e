import { defineAction } from '../../../chat/router/definitions.js';
import { t } from '../../../i18n/index.js';
import { resolveDispute } from '../../../services/cra/resolve-dispute.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { disputeAlertUpdate, disputeValue, when } from './shared.js';

export const correctDisputeAction = defineAction({
  actionId: CRA_ACTIONS.correct,
  value: disputeValue,
  handle: async (ctx, { value }) => {
    const result = await resolveDispute({ prisma: ctx.prisma, disputeId: value.d, decision: 'correct', actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return disputeAlertUpdate(ctx, value.d, t(ctx.locale, 'craflow.alert.corrected', { when: when(ctx), version: result.version }));
  },
});
