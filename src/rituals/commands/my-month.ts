/** "mois" / "month": the consultant's current month on each mission, the CRA's status, a button to fill it. */
import { textMessage } from '../../chat/build.js';
import type { CommandDefinition } from '../../chat/router/definitions.js';
import { firstDay, lastDay, monthOf } from '../../domain/index.js';
import { personToday } from '../person-today.js';
import { formatMonth } from '../../i18n/format-date.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { loadMissionDays } from '../mission-days.js';
import { daysSummaryMessage } from '../my-days/days-summary-message.js';
import { consultantMissions } from '../consultant-missions.js';

export const myMonthCommand: CommandDefinition = {
  name: 'month',
  words: ['mois', 'month'],
  async handle(ctx) {
    const today = personToday(ctx);
    const month = monthOf(today);
    const from = firstDay(month);
    const to = lastDay(month);
    const missions = await consultantMissions(ctx, from, to);
    if (missions.length === 0) return { replies: [textMessage(t(ctx.locale, 'command.noMission'))] };
    const replies = [];
    for (const mission of missions) {
      const days = await loadMissionDays(ctx.prisma, mission.id, from, to, today);
      const timesheet = await ctx.prisma.timesheet.findUnique({ where: { missionId_month: { missionId: mission.id, month } }, select: { status: true } });
      const status = t(ctx.locale, `cra.status.${timesheet?.status ?? 'DRAFT'}` as MessageKey);
      replies.push(
        daysSummaryMessage(ctx.locale, days, { from, to }, {
          title: t(ctx.locale, 'month.title', { month: formatMonth(ctx.locale, month), mission: mission.title }),
          footer: t(ctx.locale, 'month.craStatus', { status }),
        }),
      );
    }
    return { replies };
  },
};
