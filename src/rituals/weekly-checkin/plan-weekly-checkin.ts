/**
 * The weekly check-in (default Friday 16:00, the consultant's time): sent on the last working day
 * of the week up to the configured weekday (a holiday or a day of leave on Friday brings it
 * forward), once per mission and week ("weekly:<missionId>:<monday>"). The week's daily check-ins
 * still unanswered roll into it.
 */
import type { Tx } from '../../db/client.js';
import { addDays, dateInTimeZone, isoWeekday, toDateOnlyUTC, type IsoDate, type IsoWeekday } from '../../domain/index.js';
import { enqueueMessage, enqueueUpdate } from '../../scheduler/outbox/enqueue-message.js';
import type { RunOutcome, ScheduledRitual, TickContext } from '../../scheduler/scheduled-ritual.js';
import { ensureCheckIn } from '../check-in-answers.js';
import { isOnLeave, personDayState } from '../day-state.js';
import { dailyRolledOverMessage } from '../daily-checkin/daily-checkin-messages.js';
import { loadDailyCheckIn } from '../daily-checkin/daily-checkin-view.js';
import { dailyCheckInKey, dailyReminderKey } from '../daily-checkin/keys.js';
import { alertUnreachable, type QueueOptions } from '../daily-checkin/plan-daily-checkin.js';
import { isMissionWorkingDay } from '../mission-calendar.js';
import { missionTargetsOfTick, type MissionTarget } from '../mission-targets.js';
import { recordRun } from '../record-run.js';
import { weeklyQuestionMessage } from './weekly-messages.js';
import { loadWeeklyCheckIn } from './weekly-view.js';
import { weeklyCheckInKey } from './keys.js';

async function isAvailable(ctx: TickContext, target: MissionTarget, date: IsoDate): Promise<boolean> {
  return isMissionWorkingDay(target, date) && !isOnLeave(await personDayState(ctx.prisma, target.consultantId, date));
}

/** Whether `date` is the day the week's check-in goes out: the last available day up to the weekly day. */
export async function isWeeklyDay(ctx: TickContext, target: MissionTarget, date: IsoDate): Promise<boolean> {
  const weekday = isoWeekday(date);
  if (weekday > target.weeklyDay || !(await isAvailable(ctx, target, date))) return false;
  for (let d = addDays(date, 1), w = weekday + 1; w <= target.weeklyDay; d = addDays(d, 1), w += 1) {
    if (await isAvailable(ctx, target, d)) return false;
  }
  return true;
}

/**
 * Creates the week's check-in (once) and queues its message. Every daily check-in still unanswered
 * up to today is closed: those of this week roll into the weekly check-in, older ones (the last
 * Friday, asked after the previous weekly check-in) say how to fill them in; their messages say so.
 */
export async function createWeeklyCheckIn(tx: Tx, ctx: TickContext, target: MissionTarget, monday: IsoDate, queue: QueueOptions): Promise<void> {
  const checkInId = await ensureCheckIn(tx, { missionId: target.missionId, personId: target.consultantId, kind: 'WEEKLY', date: monday, now: ctx.now });
  const today = dateInTimeZone(ctx.now, target.timeZone);
  const pending = await tx.checkIn.findMany({
    where: { missionId: target.missionId, kind: 'DAILY', status: 'PENDING', date: { lte: toDateOnlyUTC(today > monday ? today : monday) } },
    select: { id: true },
  });
  for (const daily of pending) {
    await tx.checkIn.update({ where: { id: daily.id }, data: { status: 'EXPIRED' } });
    const view = await loadDailyCheckIn(tx, daily.id, target.consultantId);
    const closed = dailyRolledOverMessage(target.locale, view, view.date >= monday);
    for (const originalKey of [dailyCheckInKey(target.missionId, view.date), dailyReminderKey(target.missionId, view.date)]) {
      await enqueueUpdate(tx, { originalKey, dedupeKey: `${originalKey}:rolled-over`, message: closed, now: ctx.now });
    }
  }
  const view = await loadWeeklyCheckIn(tx, checkInId, target.consultantId, today);
  const queued = await enqueueMessage(tx, {
    dedupeKey: queue.messageKey,
    recipientId: target.consultantId,
    kind: 'checkin.weekly',
    message: weeklyQuestionMessage(target.locale, view),
    now: ctx.now,
    platforms: ctx.platforms,
    respectQuietHours: queue.respectQuietHours !== false,
  });
  if (queued.status === 'unreachable') await alertUnreachable(tx, ctx, target);
}

export const weeklyCheckInRitual: ScheduledRitual<MissionTarget> = {
  id: 'weekly',
  audience: 'consultant',
  targets: missionTargetsOfTick,
  schedule: (target) => ({
    timeZone: target.timeZone,
    time: target.weeklyTime,
    weekdays: ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).filter((d) => d <= target.weeklyDay),
  }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const date = occurrence.localDate;
    if (!(await isWeeklyDay(ctx, target, date))) return 'skipped';
    const monday = addDays(date, 1 - isoWeekday(date));
    const key = weeklyCheckInKey(target.missionId, monday);
    return ctx.prisma.$transaction(async (tx) => {
      if (!(await recordRun(tx, { key, ritual: 'weekly', target, occurrence }))) return 'already';
      await createWeeklyCheckIn(tx, ctx, target, monday, { messageKey: key });
      return 'planned';
    });
  },
};
