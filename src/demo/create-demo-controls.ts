/**
 * The web chat's demo panel: a tick as if the clock read a chosen time, and "now" for each ritual
 * and one person, delivered at once (whatever the hour: it is a demo). A ritual run now uses the
 * same code as the scheduled one, with its own message key so that it can be shown again.
 */
import type { DemoControls, DemoRitual } from '../chat/web/demo-controls.js';
import { addDays, dateInTimeZone, isoWeekday } from '../domain/index.js';
import { t, type Locale, type MessageKey } from '../i18n/index.js';
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
import { runTick, type TickDeps } from '../scheduler/run-tick.js';
import type { TickContext } from '../scheduler/scheduled-ritual.js';

export const DEMO_RITUALS: readonly DemoRitual[] = [
  { id: 'daily', audience: 'consultant' },
  { id: 'daily-reminder', audience: 'consultant' },
  { id: 'weekly', audience: 'consultant' },
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

const TRIGGERS: Record<string, Trigger> = {
  daily: triggerDaily(false),
  'daily-reminder': triggerDaily(true),
  weekly: triggerWeekly,
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
