/**
 * One gentle reminder, the next working morning (default 09:00), of a daily check-in delivered on
 * its day and left unanswered. After that, the day rolls into the weekly check-in.
 */
import { dateInTimeZone, monthOf, toDateOnlyUTC } from '../../domain/index.js';
import type { RunOutcome, ScheduledRitual } from '../../scheduler/scheduled-ritual.js';
import { isFilled, isOnLeave } from '../day-state.js';
import { isMissionWorkingDay, previousMissionWorkingDay } from '../mission-calendar.js';
import { missionTargetsOfTick, type MissionTarget } from '../mission-targets.js';
import { recordRun } from '../record-run.js';
import { dayStateOfTick, monthEditableOfTick } from '../tick-day-states.js';
import { dailyCheckInKey, dailyReminderKey } from './keys.js';
import { createDailyCheckIn } from './plan-daily-checkin.js';

export const dailyReminderRitual: ScheduledRitual<MissionTarget> = {
  id: 'daily-reminder',
  audience: 'consultant',
  targets: missionTargetsOfTick,
  schedule: (target) => ({ timeZone: target.timeZone, time: target.reminderTime }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const today = occurrence.localDate;
    if (!isMissionWorkingDay(target, today)) return 'skipped';
    if (isOnLeave(await dayStateOfTick(ctx, target.consultantId, today))) return 'skipped';
    const day = previousMissionWorkingDay(target, today);
    if (!day) return 'skipped';

    const checkIn = await ctx.prisma.checkIn.findUnique({
      where: { missionId_kind_date: { missionId: target.missionId, kind: 'DAILY', date: toDateOnlyUTC(day) } },
      select: { id: true, status: true },
    });
    if (!checkIn || checkIn.status !== 'PENDING') return 'skipped';
    // Only a question that reached the person on its own day is worth a reminder (one caught up
    // after the quiet hours arrived this morning).
    const question = await ctx.prisma.outboxMessage.findUnique({
      where: { dedupeKey: dailyCheckInKey(target.missionId, day) },
      select: { status: true, sentAt: true },
    });
    if (question?.status !== 'SENT' || !question.sentAt || dateInTimeZone(question.sentAt, target.timeZone) !== day) return 'skipped';
    if (isFilled(await dayStateOfTick(ctx, target.consultantId, day))) return 'skipped';
    if (!(await monthEditableOfTick(ctx, target.missionId, monthOf(day)))) return 'skipped';

    const key = dailyReminderKey(target.missionId, day);
    return ctx.prisma.$transaction(async (tx) => {
      if (!(await recordRun(tx, { key, ritual: 'daily-reminder', target, occurrence }))) return 'already';
      await createDailyCheckIn(tx, ctx, target, day, { messageKey: key, reminder: true });
      return 'planned';
    });
  },
};
