/**
 * The consultant side of the scheduled rituals: every mission with check-ins on, whose consultant
 * is active, with the settings that apply (person > mission > organization).
 */
import type { Db } from '../db/client.js';
import type { Granularity } from '../db/generated/client.js';
import { addDays, dateInTimeZone, toDateOnlyUTC, type IsoDate, type IsoWeekday, type Region } from '../domain/index.js';
import { personLocale, type Locale } from '../i18n/index.js';
import { domainMission } from '../services/domain-mission.js';
import { oncePerTick, type ScheduledTarget, type TickContext } from '../scheduler/scheduled-ritual.js';

export interface MissionTarget extends ScheduledTarget {
  readonly missionId: string;
  readonly missionRef: string;
  readonly missionTitle: string;
  readonly organizationId: string;
  readonly consultantId: string;
  readonly managerId: string;
  readonly locale: Locale;
  /** The consultant's time zone (their own, else the mission's). */
  readonly timeZone: string;
  readonly region: Region;
  readonly whitMondayWorked: boolean;
  readonly granularity: Granularity;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly dailyTime: string;
  readonly weeklyDay: IsoWeekday;
  readonly weeklyTime: string;
  readonly reminderTime: string;
  readonly silentDaysAlert: number;
}

/** Missions ended more than this many days ago still get their last reminders and weekly check-in. */
const AFTER_END_DAYS = 10;

export async function loadMissionTargets(prisma: Db, now: Date, where: { missionId?: string; consultantId?: string } = {}): Promise<MissionTarget[]> {
  const today = dateInTimeZone(now, 'UTC');
  const missions = await prisma.mission.findMany({
    where: {
      ...where,
      checkinsEnabled: true,
      consultant: { active: true, erasedAt: null },
      startDate: { lte: toDateOnlyUTC(addDays(today, 1)) },
      OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(addDays(today, -AFTER_END_DAYS)) } }],
    },
    include: {
      consultant: { select: { locale: true, timezone: true, dailyCheckinTime: true } },
      organization: true,
    },
    orderBy: { ref: 'asc' },
  });
  return missions.map((m): MissionTarget => {
    const org = m.organization;
    return {
      missionId: m.id,
      missionRef: m.ref,
      missionTitle: m.title,
      organizationId: m.organizationId,
      consultantId: m.consultantId,
      managerId: m.managerId,
      locale: personLocale(m.consultant.locale, org.locale),
      timeZone: m.consultant.timezone ?? m.timezone,
      ...domainMission(m),
      granularity: m.granularity,
      dailyTime: m.consultant.dailyCheckinTime ?? m.dailyCheckinTime ?? org.dailyCheckinTime,
      weeklyDay: (m.weeklyCheckinDay ?? org.weeklyCheckinDay) as IsoWeekday,
      weeklyTime: m.weeklyCheckinTime ?? org.weeklyCheckinTime,
      reminderTime: org.checkinReminderTime,
      silentDaysAlert: org.silentDaysAlert,
      catchUpMinutes: org.catchUpWindowMinutes,
    };
  });
}

/** Every mission target, read once per tick (the check-in rituals share them); they depend on the day only. */
export function missionTargetsOfTick(ctx: TickContext): Promise<MissionTarget[]> {
  return oncePerTick(ctx, `mission-targets:${dateInTimeZone(ctx.now, 'UTC')}`, () => loadMissionTargets(ctx.prisma, ctx.now));
}
