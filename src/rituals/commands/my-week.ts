/** "semaine" / "week": the consultant's current week on each mission, with a button to fill it. */
import { textMessage } from '../../chat/build.js';
import type { CommandDefinition } from '../../chat/router/definitions.js';
import { addDays, isoWeekday } from '../../domain/index.js';
import { personToday } from '../person-today.js';
import { t } from '../../i18n/index.js';
import { loadMissionDays } from '../mission-days.js';
import { daysSummaryMessage } from '../my-days/days-summary-message.js';
import { consultantMissions } from '../consultant-missions.js';

export const myWeekCommand: CommandDefinition = {
  name: 'week',
  words: ['semaine', 'week'],
  async handle(ctx) {
    const today = personToday(ctx);
    const from = addDays(today, 1 - isoWeekday(today));
    const to = addDays(from, 6);
    const missions = await consultantMissions(ctx, from, to);
    if (missions.length === 0) return { replies: [textMessage(t(ctx.locale, 'command.noMission'))] };
    const replies = [];
    for (const mission of missions) {
      const days = await loadMissionDays(ctx.prisma, mission.id, from, to, today);
      replies.push(daysSummaryMessage(ctx.locale, days, { from, to: addDays(from, 4) }, { title: t(ctx.locale, 'week.title', { mission: mission.title }) }));
    }
    return { replies };
  },
};
