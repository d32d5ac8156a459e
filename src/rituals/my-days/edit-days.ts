/**
 * "Fill in / correct days": a button opens the form for a range of days of one mission, its
 * submission records them. Only the mission's consultant may do either.
 */
import { z } from 'zod';
import { personToday } from '../person-today.js';
import { defineAction, defineForm, type HandlerContext } from '../../chat/router/definitions.js';
import { refusal } from '../../chat/router/refusal.js';
import { addDays, isIsoDate } from '../../domain/index.js';
import { isCodedError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { hasOtherMission } from '../consultant-missions.js';
import { loadMissionDays } from '../mission-days.js';
import { applyDayChoices, dayFieldErrors, readDayChoices } from './apply-day-choices.js';
import { daysForm } from './days-form.js';
import { MY_DAYS_ACTIONS } from './my-days-actions.js';
import { daysSummaryMessage } from './days-summary-message.js';

const MAX_RANGE_DAYS = 31;


const rangeValue = z
  .object({ m: z.uuid(), from: z.string().refine(isIsoDate), to: z.string().refine(isIsoDate) })
  // Zod runs this even when a field's own refinement failed: check the dates again before addDays (which throws).
  .refine((v) => isIsoDate(v.from) && isIsoDate(v.to) && v.from <= v.to && addDays(v.from, MAX_RANGE_DAYS - 1) >= v.to);

/** The mission, if it is the acting person's. */
async function ownMission(ctx: HandlerContext, missionId: string) {
  const mission = await ctx.prisma.mission.findUnique({ where: { id: missionId }, select: { id: true, consultantId: true } });
  if (!mission) throw refusal('NOT_FOUND', `No mission ${missionId}`);
  if (mission.consultantId !== ctx.person.id) throw refusal('NOT_YOURS', `Mission ${missionId} is somebody else's`);
  return mission;
}


export const openDaysFormAction = defineAction({
  actionId: MY_DAYS_ACTIONS.edit,
  value: rangeValue,
  handle: async (ctx, { value }) => {
    await ownMission(ctx, value.m);
    const days = await loadMissionDays(ctx.prisma, value.m, value.from, value.to, personToday(ctx));
    const form = daysForm(ctx.locale, days, value, await hasOtherMission(ctx.prisma, ctx.person.id, value.m, value.from, value.to));
    if (!form) return { notice: t(ctx.locale, 'days.nothingToEdit') };
    return { form };
  },
});

export const saveDaysForm = defineForm({
  actionId: MY_DAYS_ACTIONS.save,
  value: rangeValue,
  handle: async (ctx, { value, fields }) => {
    await ownMission(ctx, value.m);
    const withNone = await hasOtherMission(ctx.prisma, ctx.person.id, value.m, value.from, value.to);
    const days = await loadMissionDays(ctx.prisma, value.m, value.from, value.to, personToday(ctx));
    const { choices, errors } = readDayChoices(ctx.locale, days, fields, withNone);
    if (errors.length > 0) return { fieldErrors: errors };
    try {
      await ctx.prisma.$transaction((tx) =>
        applyDayChoices(tx, {
          missionId: value.m,
          consultantId: ctx.person.id,
          choices,
          channel: ctx.channel,
          actorId: ctx.person.id,
          now: ctx.now,
          locale: ctx.locale,
          changeId: ctx.interaction.id,
        }),
      );
    } catch (error) {
      const fieldErrors = isCodedError(error) ? dayFieldErrors(ctx.locale, error) : null;
      if (fieldErrors) return { fieldErrors };
      throw error;
    }
    const after = await loadMissionDays(ctx.prisma, value.m, value.from, value.to, personToday(ctx));
    return {
      notice: t(ctx.locale, choices.size > 0 ? 'days.saved' : 'days.unchanged', { count: choices.size }),
      replies: [daysSummaryMessage(ctx.locale, after, value)],
    };
  },
});
