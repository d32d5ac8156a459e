/**
 * Answers to a daily check-in: a click records the whole day on the mission (through the domain
 * rules), marks the check-in answered, and the message becomes the outcome.
 */
import { z } from 'zod';
import { recordAudit } from '../../db/audit.js';
import type { InteractionResult } from '../../chat/interaction.js';
import { defineAction, type HandlerContext } from '../../chat/router/definitions.js';
import { refusal } from '../../chat/router/refusal.js';
import { ABSENCE_KINDS } from '../../domain/index.js';
import { recordDay } from '../../services/record-day.js';
import { setCheckInAnswer, markCheckInAnswered } from '../check-in-answers.js';
import { choicesFor, partsOf, type DayChoice } from '../day-choices.js';
import { DAILY_ACTIONS, dailyAnsweredMessage, dailyQuestionMessage } from './daily-checkin-messages.js';
import { loadDailyCheckIn } from './daily-checkin-view.js';
import { refreshDailyMessages } from './refresh-daily-messages.js';

const checkInRef = z.object({ c: z.uuid() });
const answerValue = checkInRef.extend({ a: z.enum(['full', 'half-am', 'half-pm', 'none']) });
const absenceKind = z.enum(ABSENCE_KINDS);

async function answer(ctx: HandlerContext, checkInId: string, choice: DayChoice, half: 'AM' | 'PM' | null): Promise<InteractionResult> {
  const view = await ctx.prisma.$transaction(async (tx) => {
    const before = await loadDailyCheckIn(tx, checkInId, ctx.person.id);
    if (!choicesFor(before.granularity, before.otherMission).includes(choice)) {
      throw refusal('INVALID_INTERACTION', `Choice ${choice} not allowed on this mission`);
    }
    const { changed } = await recordDay(tx, { missionId: before.missionId, date: before.date, parts: partsOf(choice), channel: ctx.channel, actorId: ctx.person.id });
    // The same answer again (a second click on the same button) changes nothing and says so by its outcome.
    if (!changed && before.status === 'ANSWERED' && before.half === half) return before;
    await setCheckInAnswer(tx, checkInId, 'day', choice);
    await setCheckInAnswer(tx, checkInId, 'half', half);
    await markCheckInAnswered(tx, checkInId, ctx.now, ctx.channel);
    await recordAudit(tx, {
      organizationId: ctx.person.organizationId,
      entityType: 'CheckIn',
      entityId: checkInId,
      action: 'checkin.answer',
      fromStatus: before.status,
      toStatus: 'ANSWERED',
      channel: ctx.channel,
      actorId: ctx.person.id,
      data: { choice, ...(half ? { half } : {}) },
    });
    const after = await loadDailyCheckIn(tx, checkInId, ctx.person.id);
    await refreshDailyMessages(tx, after, ctx.locale, ctx.now, ctx.interaction.id);
    return after;
  });
  return { update: dailyAnsweredMessage(ctx.locale, view) };
}

/** Full day, morning, afternoon, or nothing on this mission. */
export const answerDailyAction = defineAction({
  actionId: DAILY_ACTIONS.answer,
  value: answerValue,
  handle: (ctx, { value }) => {
    const choice: DayChoice = value.a === 'full' ? 'full' : value.a === 'none' ? 'none' : 'half';
    const half = value.a === 'half-am' ? 'AM' : value.a === 'half-pm' ? 'PM' : null;
    return answer(ctx, value.c, choice, half);
  },
});

/** Not worked: the absence chosen in the select. */
export const absenceDailyAction = defineAction({
  actionId: DAILY_ACTIONS.absence,
  value: checkInRef,
  handle: (ctx, { value, selected }) => {
    const kind = absenceKind.safeParse(selected);
    if (!kind.success) throw refusal('INVALID_INTERACTION', 'Unknown absence kind');
    return answer(ctx, value.c, kind.data, null);
  },
});

/** After a half day: what the other half was (a half-day absence). */
export const otherHalfDailyAction = defineAction({
  actionId: DAILY_ACTIONS.otherHalf,
  value: checkInRef,
  handle: async (ctx, { value, selected }) => {
    const kind = absenceKind.safeParse(selected);
    if (!kind.success) throw refusal('INVALID_INTERACTION', 'Unknown absence kind');
    const view = await loadDailyCheckIn(ctx.prisma, value.c, ctx.person.id);
    return answer(ctx, value.c, `half+${kind.data}`, view.half);
  },
});

/** "Change": the question again, to answer differently. */
export const changeDailyAction = defineAction({
  actionId: DAILY_ACTIONS.change,
  value: checkInRef,
  handle: async (ctx, { value }) => {
    const view = await loadDailyCheckIn(ctx.prisma, value.c, ctx.person.id);
    return { update: dailyQuestionMessage(ctx.locale, view) };
  },
});
