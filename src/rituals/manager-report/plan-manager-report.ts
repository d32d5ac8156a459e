/**
 * The managers' monthly report: on the first working day of the month (FR calendar, default
 * 09:30 the manager's time), about the month before, once per manager and month
 * ("manager-report:<managerId>:<month>"): CRA status per mission, KPIs, purchase orders, and a
 * chart (signed link to a PNG) with a link to the full PDF when the server serves documents.
 */
import { addDays, addMonths, firstDay, isWorkingDay, monthOf, type IsoDate, type YearMonth } from '../../domain/index.js';
import { reportLinks } from '../../documents/document-links.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { oncePerTick, type RunOutcome, type ScheduledRitual, type ScheduledTarget } from '../../scheduler/scheduled-ritual.js';
import { recordRun } from '../record-run.js';
import { hasMissionsIn, loadManagerReport } from './report-content.js';
import { reportMessage } from './report-message.js';
import type { Db } from '../../db/client.js';

export const MANAGER_REPORT_TIME = '09:30';

export const managerReportKey = (managerId: string, month: YearMonth): string => `manager-report:${managerId}:${month}`;

export interface ReportTarget extends ScheduledTarget {
  readonly managerId: string;
  readonly timeZone: string;
}

/** True on the first working day (Monday–Friday, no French public holiday) of its month. */
export function isFirstWorkingDay(date: IsoDate): boolean {
  if (!isWorkingDay(date, 'FR')) return false;
  for (let d = firstDay(monthOf(date)); d < date; d = addDays(d, 1)) if (isWorkingDay(d, 'FR')) return false;
  return true;
}

async function loadReportTargets(prisma: Db): Promise<ReportTarget[]> {
  const managers = await prisma.person.findMany({
    where: { active: true, erasedAt: null, managedMissions: { some: {} } },
    select: { id: true, timezone: true, organization: { select: { timezone: true, catchUpWindowMinutes: true } } },
    orderBy: { ref: 'asc' },
  });
  return managers.map((m) => ({
    managerId: m.id,
    timeZone: m.timezone ?? m.organization.timezone,
    catchUpMinutes: m.organization.catchUpWindowMinutes,
  }));
}

export const managerReportRitual: ScheduledRitual<ReportTarget> = {
  id: 'manager-report',
  audience: 'manager',
  targets: (ctx) => oncePerTick(ctx, 'manager-report-targets', () => loadReportTargets(ctx.prisma)),
  schedule: (target) => ({ timeZone: target.timeZone, time: MANAGER_REPORT_TIME, weekdays: [1, 2, 3, 4, 5] }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    if (!isFirstWorkingDay(occurrence.localDate)) return 'skipped';
    const month = addMonths(monthOf(occurrence.localDate), -1);
    const key = managerReportKey(target.managerId, month);
    // Everything is read before the transaction (embedded database: no query beside an open one).
    if (await ctx.prisma.ritualRun.findUnique({ where: { key }, select: { id: true } })) return 'already';
    if (!(await hasMissionsIn(ctx.prisma, target.managerId, month))) return 'skipped';
    const report = await loadManagerReport({ prisma: ctx.prisma, managerId: target.managerId, month, now: ctx.now });
    const links = await reportLinks({ prisma: ctx.prisma, managerId: target.managerId, month, now: ctx.now });
    const payload = reportMessage(report, links);
    return ctx.prisma.$transaction(async (tx) => {
      if (!(await recordRun(tx, { key, ritual: 'manager-report', target: { personId: target.managerId }, occurrence }))) return 'already';
      await enqueueMessage(tx, {
        dedupeKey: key,
        recipientId: target.managerId,
        kind: 'report.monthly',
        message: payload,
        now: ctx.now,
        platforms: ctx.platforms,
      });
      return 'planned';
    });
  },
};
