/**
 * "N working days without any answer" (default 3): each working morning, at the reminder time,
 * the days before are looked at; when the consultant left that many daily check-ins in a row
 * unanswered (delivered, not answered, the day still empty), the manager is alerted, once per
 * streak ("silent:<missionId>:<first silent day>"). Days of leave are neither silent nor a break.
 */
import { addDays, fromDateOnlyUTC, toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import type { RunOutcome, ScheduledRitual, TickContext } from '../../scheduler/scheduled-ritual.js';
import { dailyCheckInKey } from '../daily-checkin/keys.js';
import { isMissionWorkingDay } from '../mission-calendar.js';
import { missionTargetsOfTick, type MissionTarget } from '../mission-targets.js';
import { raiseAlert } from './raise-alert.js';

const LOOK_BACK_DAYS = 45;

/** The silent working days just before `today`, most recent first. */
export async function silentStreak(ctx: TickContext, target: MissionTarget, today: IsoDate): Promise<IsoDate[]> {
  const from = addDays(today, -LOOK_BACK_DAYS);
  const range = { gte: toDateOnlyUTC(from), lt: toDateOnlyUTC(today) };
  const [checkIns, entries] = await Promise.all([
    ctx.prisma.checkIn.findMany({ where: { missionId: target.missionId, kind: 'DAILY', date: range }, select: { date: true, status: true } }),
    ctx.prisma.dayEntry.findMany({ where: { personId: target.consultantId, date: range }, select: { date: true, kind: true, fraction: true } }),
  ]);
  const sent = await ctx.prisma.outboxMessage.findMany({
    where: { dedupeKey: { in: checkIns.map((c) => dailyCheckInKey(target.missionId, fromDateOnlyUTC(c.date))) }, status: 'SENT' },
    select: { dedupeKey: true },
  });
  const sentKeys = new Set(sent.map((s) => s.dedupeKey));
  const statusByDate = new Map(checkIns.map((c) => [fromDateOnlyUTC(c.date), c.status]));
  const total = new Map<IsoDate, number>();
  const absent = new Map<IsoDate, number>();
  for (const e of entries) {
    const date = fromDateOnlyUTC(e.date);
    const value = Number(e.fraction.toString());
    total.set(date, (total.get(date) ?? 0) + value);
    if (e.kind !== 'WORKED') absent.set(date, (absent.get(date) ?? 0) + value);
  }

  const streak: IsoDate[] = [];
  for (let day = addDays(today, -1); day >= from; day = addDays(day, -1)) {
    if (!isMissionWorkingDay(target, day)) {
      if (day < target.startDate) break;
      continue;
    }
    if ((absent.get(day) ?? 0) >= 1) continue;
    const status = statusByDate.get(day);
    const silent =
      (status === 'PENDING' || status === 'EXPIRED') &&
      sentKeys.has(dailyCheckInKey(target.missionId, day)) &&
      (total.get(day) ?? 0) < 1;
    if (!silent) break;
    streak.push(day);
  }
  return streak;
}

export const silenceAlertRitual: ScheduledRitual<MissionTarget> = {
  id: 'silence-alert',
  audience: 'consultant',
  targets: missionTargetsOfTick,
  schedule: (target) => ({ timeZone: target.timeZone, time: target.reminderTime }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const today = occurrence.localDate;
    if (!isMissionWorkingDay(target, today)) return 'skipped';
    const streak = await silentStreak(ctx, target, today);
    if (streak.length < target.silentDaysAlert) return 'skipped';
    const since = streak[streak.length - 1]!;
    const { raised } = await ctx.prisma.$transaction((tx) =>
      raiseAlert(tx, {
        kind: 'MISSING_CHECKINS',
        dedupeKey: `silent:${target.missionId}:${since}`,
        organizationId: target.organizationId,
        missionId: target.missionId,
        subjectId: target.consultantId,
        recipientId: target.managerId,
        facts: { mission: target.missionTitle, since, days: streak.length },
        now: ctx.now,
        platforms: ctx.platforms,
      }),
    );
    return raised ? 'planned' : 'already';
  },
};
