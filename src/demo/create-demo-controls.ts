/**
 * The web chat's demo panel: a tick as if the clock read a chosen time, and "now" for each ritual
 * and one person, delivered at once (whatever the hour: it is a demo). A ritual run now uses the
 * same code as the scheduled one, with its own message key so that it can be shown again.
 */
import type { DemoControls, DemoRitual } from '../chat/web/demo-controls.js';
import { addDays, addMonths, dateInTimeZone, firstDay, isoWeekday, lastDay, monthOf, type YearMonth } from '../domain/index.js';
import { t, type Locale, type MessageKey } from '../i18n/index.js';
import { loadCloseMessage } from '../rituals/cra/load-close-message.js';
import { createDailyCheckIn } from '../rituals/daily-checkin/plan-daily-checkin.js';
import { digestLines } from '../rituals/manager-digest/digest-content.js';
import { digestMessages } from '../rituals/manager-digest/digest-message.js';
import { loadManagerTargets } from '../rituals/manager-digest/manager-targets.js';
import { digestPeriod, queueDigest } from '../rituals/manager-digest/plan-digest.js';
import { isMissionWorkingDay, previousMissionWorkingDay } from '../rituals/mission-calendar.js';
import { loadMissionTargets } from '../rituals/mission-targets.js';
import { personSummary } from '../rituals/people.js';
import { createWeeklyCheckIn } from '../rituals/weekly-checkin/plan-weekly-checkin.js';
import { dispatchDue } from '../scheduler/dispatch/index.js';
import { enqueueMessage } from '../scheduler/outbox/enqueue-message.js';
import { loadCraMission } from '../services/cra/cra-record.js';
import { ensureTimesheet } from '../services/cra/submit-cra.js';
import { runTick, type TickDeps } from '../scheduler/run-tick.js';
import type { TickContext } from '../scheduler/scheduled-ritual.js';

export const DEMO_RITUALS: readonly DemoRitual[] = [
  { id: 'daily', audience: 'consultant' },
  { id: 'daily-reminder', audience: 'consultant' },
  { id: 'weekly', audience: 'consultant' },
  { id: 'cra', audience: 'consultant' },
  { id: 'digest', audience: 'manager' },
];

type Trigger = (ctx: TickContext, personId: string, key: string) => Promise<number>;

/** Today's check-in of each mission (the last working day when today is not one). */
const triggerDaily =
  (reminder: boolean): Trigger =>
  async (ctx, personId, key) => {
    let count = 0;
    for (const target of await loadMissionTargets(ctx.prisma, ctx.now, { consultantId: personId })) {
      const today = dateInTimeZone(ctx.now, target.timeZone);
      const date = !reminder && isMissionWorkingDay(target, today) ? today : previousMissionWorkingDay(target, today);
      if (!date) continue;
      await ctx.prisma.$transaction((tx) =>
        createDailyCheckIn(tx, ctx, target, date, { messageKey: `${key}:${target.missionId}`, respectQuietHours: false, reminder }),
      );
      count += 1;
    }
    return count;
  };

const triggerWeekly: Trigger = async (ctx, personId, key) => {
  let count = 0;
  for (const target of await loadMissionTargets(ctx.prisma, ctx.now, { consultantId: personId })) {
    const today = dateInTimeZone(ctx.now, target.timeZone);
    const monday = addDays(today, 1 - isoWeekday(today));
    await ctx.prisma.$transaction((tx) =>
      createWeeklyCheckIn(tx, ctx, target, monday, { messageKey: `${key}:${target.missionId}`, respectQuietHours: false }),
    );
    count += 1;
  }
  return count;
};

const triggerDigest: Trigger = async (ctx, personId, key) => {
  const [target] = await loadManagerTargets(ctx.prisma, ctx.now, personId);
  if (!target) return 0;
  const period = digestPeriod(dateInTimeZone(ctx.now, target.timeZone));
  const pages = digestMessages(target.locale, await digestLines(ctx.prisma, target.managerId, period.from, period.to), period);
  await ctx.prisma.$transaction((tx) => queueDigest(tx, ctx, target, pages, { messageKey: key, respectQuietHours: false }));
  return 1;
};

/**
 * The CRA to act on for each régie mission, as the closing sends it (fix days, Submit): last
 * month's while it is still a draft, else this month's.
 */
const triggerCra: Trigger = async (ctx, personId, key) => {
  let count = 0;
  for (const target of await loadMissionTargets(ctx.prisma, ctx.now, { consultantId: personId })) {
    const mission = await loadCraMission(ctx.prisma, target.missionId);
    if (mission.billingMode !== 'REGIE') continue;
    const month = await monthToActOn(ctx, mission.id, mission.calendar, monthOf(dateInTimeZone(ctx.now, target.timeZone)));
    await ctx.prisma.$transaction(async (tx) => {
      await ensureTimesheet(tx, mission.id, month, ctx.now);
      await enqueueMessage(tx, {
        dedupeKey: `${key}:${mission.id}`,
        recipientId: mission.consultantId,
        kind: 'cra.close',
        message: await loadCloseMessage(tx, mission, month),
        now: ctx.now,
        platforms: ctx.platforms,
        respectQuietHours: false,
      });
    });
    count += 1;
  }
  return count;
};

async function monthToActOn(
  ctx: TickContext,
  missionId: string,
  window: { readonly startDate: string; readonly endDate: string | null },
  current: YearMonth,
): Promise<YearMonth> {
  const previous = addMonths(current, -1);
  if (window.startDate > lastDay(previous) || (window.endDate !== null && window.endDate < firstDay(previous))) return current;
  const sheet = await ctx.prisma.timesheet.findUnique({ where: { missionId_month: { missionId, month: previous } }, select: { status: true } });
  return sheet === null || sheet.status === 'DRAFT' ? previous : current;
}

const TRIGGERS: Record<string, Trigger> = {
  daily: triggerDaily(false),
  'daily-reminder': triggerDaily(true),
  weekly: triggerWeekly,
  cra: triggerCra,
  digest: triggerDigest,
};

export function createDemoControls(deps: TickDeps, options: { now?: () => Date } = {}): DemoControls {
  const clock = options.now ?? (() => new Date());
  return {
    rituals: DEMO_RITUALS,
    async tick(at) {
      const summary = await runTick(deps, at);
      return { planned: summary.planned.planned, sent: summary.sent };
    },
    async trigger(personId, ritual) {
      const person = await personSummary(deps.prisma, personId);
      const locale: Locale = person.locale;
      const run = TRIGGERS[ritual];
      const label = t(locale, `demo.ritual.${ritual in TRIGGERS ? ritual : 'daily'}` as MessageKey);
      if (!run) return t(locale, 'demo.unknownRitual');
      const now = clock();
      const ctx: TickContext = { prisma: deps.prisma, now, platforms: deps.platforms, logger: deps.logger };
      const count = await run(ctx, personId, `demo:${ritual}:${personId}:${now.getTime()}`);
      if (count === 0) return t(locale, 'demo.nothing', { ritual: label });
      const { sent } = await dispatchDue({ prisma: deps.prisma, messengers: deps.messengers, now, workerId: deps.workerId, logger: deps.logger });
      return t(locale, 'demo.sent', { ritual: label, count: sent });
    },
  };
}
