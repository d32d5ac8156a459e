/**
 * The missions the monthly CRA rituals look at, read once per tick and day: régie missions of
 * active consultants around their window. The closing only targets the missions closing today,
 * and those whose consultant was away on closing day and has not had their month yet; the
 * follow-up only the missions with a CRA waiting for the client.
 */
import { addDays, addMonths, dateInTimeZone, monthOf, toDateOnlyUTC, type IsoDate, type Region, type YearMonth } from '../../domain/index.js';
import { oncePerTick, type ScheduledTarget, type TickContext } from '../../scheduler/scheduled-ritual.js';
import { craCloseDate } from './close-date.js';
import { craCloseKey } from './cra-keys.js';

export interface CraTarget extends ScheduledTarget {
  readonly missionId: string;
  readonly organizationId: string;
  readonly timeZone: string;
  readonly closeTime: string;
}

export interface CraCloseTarget extends CraTarget {
  /** The month closing. */
  readonly month: YearMonth;
  readonly closeDate: IsoDate;
  /** The consultant was away on closing day: their month goes out on their first day back. */
  readonly late: boolean;
}

/** Missions ended up to this many days ago still close their last month and follow its validation. */
const AFTER_END_DAYS = 75;
/** How long after closing a consultant back from leave still gets their month. */
const LATE_DAYS = 20;

function craMissions(ctx: TickContext) {
  const today = dateInTimeZone(ctx.now, 'UTC');
  return oncePerTick(ctx, `cra-missions:${today}`, () =>
    ctx.prisma.mission.findMany({
      where: {
        billingMode: 'REGIE',
        consultant: { active: true, erasedAt: null },
        startDate: { lte: toDateOnlyUTC(addDays(today, 1)) },
        OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(addDays(today, -AFTER_END_DAYS)) } }],
      },
      select: {
        id: true,
        organizationId: true,
        timezone: true,
        region: true,
        whitMondayWorked: true,
        organization: { select: { craCloseRule: true, craCloseTime: true, catchUpWindowMinutes: true } },
      },
      orderBy: { ref: 'asc' },
    }),
  );
}

type CraMissionRow = Awaited<ReturnType<typeof craMissions>>[number];

const targetOf = (m: CraMissionRow): CraTarget => ({
  missionId: m.id,
  organizationId: m.organizationId,
  timeZone: m.timezone,
  closeTime: m.organization.craCloseTime,
  catchUpMinutes: m.organization.catchUpWindowMinutes,
});

/** Missions closing their month today (the mission's date), plus the late closings of consultants back from leave. */
export async function craCloseTargets(ctx: TickContext): Promise<CraCloseTarget[]> {
  const missions = await craMissions(ctx);
  const targets: CraCloseTarget[] = [];
  const candidates: CraCloseTarget[] = [];
  for (const m of missions) {
    const today = dateInTimeZone(ctx.now, m.timezone);
    const closeOf = (month: YearMonth) => craCloseDate(month, m.organization.craCloseRule, m.region as Region, m.whitMondayWorked);
    // Around midnight the occurrence may belong to yesterday's date.
    for (const day of [today, addDays(today, -1)]) {
      const month = monthOf(day);
      if (closeOf(month) === day) targets.push({ ...targetOf(m), month, closeDate: day, late: false });
    }
    const thisClose = closeOf(monthOf(today));
    const lastMonth = thisClose <= today ? monthOf(today) : addMonths(monthOf(today), -1);
    const lastClose = closeOf(lastMonth);
    if (lastClose < today && addDays(lastClose, LATE_DAYS) >= today) candidates.push({ ...targetOf(m), month: lastMonth, closeDate: lastClose, late: true });
  }
  if (candidates.length > 0) {
    // Late closings: the closing day found the consultant away (run SKIPPED) and their month is not sent yet.
    const keys = candidates.map((c) => craCloseKey(c.missionId, c.month));
    const away = await ctx.prisma.ritualRun.findMany({ where: { key: { in: keys }, status: 'SKIPPED' }, select: { key: true } });
    if (away.length > 0) {
      const awayKeys = new Set(away.map((r) => r.key));
      const waiting = candidates.filter((c) => awayKeys.has(craCloseKey(c.missionId, c.month)));
      const [sent, drafts] = await Promise.all([
        ctx.prisma.outboxMessage.findMany({ where: { dedupeKey: { in: waiting.map((c) => craCloseKey(c.missionId, c.month)) } }, select: { dedupeKey: true } }),
        ctx.prisma.timesheet.findMany({ where: { OR: waiting.map((c) => ({ missionId: c.missionId, month: c.month })), status: 'DRAFT' }, select: { missionId: true, month: true } }),
      ]);
      const sentKeys = new Set(sent.map((r) => r.dedupeKey));
      const draftKeys = new Set(drafts.map((d) => craCloseKey(d.missionId, d.month)));
      for (const c of waiting) {
        const key = craCloseKey(c.missionId, c.month);
        if (!sentKeys.has(key) && draftKeys.has(key)) targets.push(c);
      }
    }
  }
  return targets;
}

/** Missions with a CRA waiting for the client. */
export async function craFollowUpTargets(ctx: TickContext): Promise<CraTarget[]> {
  const missions = await craMissions(ctx);
  const pending = await ctx.prisma.timesheet.findMany({ where: { status: 'PENDING_CLIENT' }, select: { missionId: true }, distinct: ['missionId'] });
  const withPending = new Set(pending.map((p) => p.missionId));
  return missions.filter((m) => withPending.has(m.id)).map(targetOf);
}
