import { defineAction } from '../../../chat/router/definitions.js';
import { formatMonth } from '../../../i18n/format-date.js';
import { t } from '../../../i18n/index.js';
import { loadCraMission } from '../../../services/cra/cra-record.js';
import { submitCra } from '../../../services/cra/submit-cra.js';
import { submittedMessage } from '../close-message.js';
import { loadCloseMessage } from '../load-close-message.js';
import { CRA_ACTIONS } from '../cra-actions.js';
import { craCloseKey, craCloseManagerKey } from '../cra-keys.js';
import { latestCopy } from '../cra-message-copies.js';
import { submitValue, when } from './shared.js';

export const submitCraAction = defineAction({
  actionId: CRA_ACTIONS.submit,
  value: submitValue,
  handle: async (ctx, { value }) => {
    const result = await submitCra({
      prisma: ctx.prisma,
      missionId: value.m,
      month: value.mo,
      actorId: ctx.person.id,
      channel: ctx.channel,
      now: ctx.now,
      platforms: ctx.platforms,
      changeId: ctx.interaction.id,
    });
    const mission = await ctx.prisma.mission.findUniqueOrThrow({ where: { id: value.m }, select: { consultantId: true, title: true, consultant: { select: { name: true } } } });
    const mine = mission.consultantId === ctx.person.id;
    const params = { month: formatMonth(ctx.locale, value.mo), mission: mission.title, when: when(ctx), version: result.version, approver: result.approverName ?? '' };
    const outcome = mine
      ? t(ctx.locale, result.approverName ? 'craflow.submitted' : 'craflow.submitted.noApprover', params)
      : t(ctx.locale, 'craflow.manager.submittedOnBehalf', { name: mission.consultant.name, when: when(ctx) });
    // The closing's message, else (a copy sent another way: the demo panel) the month as it is now.
    const shown =
      (await latestCopy(ctx.prisma, mine ? craCloseKey(value.m, value.mo) : craCloseManagerKey(value.m, value.mo))) ??
      (mine ? await loadCloseMessage(ctx.prisma, await loadCraMission(ctx.prisma, value.m), value.mo) : null);
    return shown ? { update: submittedMessage(shown, outcome) } : { notice: outcome.replaceAll('*', '') };
  },
});
