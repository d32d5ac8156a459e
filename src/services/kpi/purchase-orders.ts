/**
 * Purchase-order burn for the KPI report ("dérive budgétaire"), as of the end of the month:
 * three queries whatever the number of orders and days.
 */
import type { Db } from '../../db/client.js';
import type { CraStatus } from '../../db/generated/client.js';
import {
  addDays,
  Dec,
  firstDay,
  fromDateOnlyUTC,
  lastDay,
  monthOf,
  purchaseOrderBurn,
  toDateOnlyUTC,
  workingDaysBetween,
  type IsoDate,
  type Region,
  type YearMonth,
} from '../../domain/index.js';

export interface PurchaseOrderKpis {
  /** Mission ref. */
  mission: string;
  number: string;
  start: IsoDate;
  end: IsoDate;
  daysOrdered: number;
  /** WORKED days in the order period, up to the end of the month, whose monthly CRA is APPROVED or INVOICED. */
  consumed: number;
  /** Other WORKED days in the order period up to the end of the month (not validated yet). */
  pending: number;
  /** ordered − consumed − pending. */
  remaining: number;
  /**
   * Working days of the mission's calendar (region, Whit Monday when worked) inside the mission
   * window, after the month, until the order ends.
   */
  planned: number;
  /** remaining − planned. */
  forecast: number;
  /** consumed / ordered, full precision; null when nothing was ordered. */
  consumedRatio: number | null;
  flags: { reached80: boolean; reached100: boolean; forecastNegative: boolean };
}

/** CRA statuses whose days count as consumed (validated by the client). */
const VALIDATED: ReadonlySet<CraStatus> = new Set<CraStatus>(['APPROVED', 'INVOICED']);

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export interface PurchaseOrderKpisOptions {
  prisma: Db;
  organizationId: string;
  month: YearMonth;
}

/** Every purchase order of the organization active during the month (its period overlaps the month). */
export async function purchaseOrderKpis({ prisma, organizationId, month }: PurchaseOrderKpisOptions): Promise<PurchaseOrderKpis[]> {
  const monthStart = firstDay(month);
  const monthEnd = lastDay(month);
  const orders = await prisma.purchaseOrder.findMany({
    where: {
      mission: { organizationId },
      startDate: { lte: toDateOnlyUTC(monthEnd) },
      endDate: { gte: toDateOnlyUTC(monthStart) },
    },
    include: { mission: { select: { id: true, ref: true, region: true, whitMondayWorked: true, startDate: true, endDate: true } } },
  });
  if (orders.length === 0) return [];

  const missionIds = [...new Set(orders.map((po) => po.missionId))];
  const earliest = orders.map((po) => fromDateOnlyUTC(po.startDate)).reduce(minDate);
  const [entries, timesheets] = await Promise.all([
    prisma.dayEntry.findMany({
      where: {
        missionId: { in: missionIds },
        kind: 'WORKED',
        date: { gte: toDateOnlyUTC(earliest), lte: toDateOnlyUTC(monthEnd) },
      },
      select: { missionId: true, date: true, fraction: true },
    }),
    prisma.timesheet.findMany({
      where: { missionId: { in: missionIds }, month: { gte: monthOf(earliest), lte: month } },
      select: { missionId: true, month: true, status: true },
    }),
  ]);
  const statusOf = new Map(timesheets.map((ts) => [`${ts.missionId}|${ts.month}`, ts.status]));
  const worked = entries.map((e) => ({ missionId: e.missionId, date: fromDateOnlyUTC(e.date), days: new Dec(e.fraction.toString()) }));

  const result = orders.map((po): PurchaseOrderKpis => {
    const start = fromDateOnlyUTC(po.startDate);
    const end = fromDateOnlyUTC(po.endDate);
    const countedUntil = minDate(end, monthEnd);
    let consumed = new Dec(0);
    let pending = new Dec(0);
    for (const e of worked) {
      if (e.missionId !== po.missionId || e.date < start || e.date > countedUntil) continue;
      const status = statusOf.get(`${e.missionId}|${monthOf(e.date)}`);
      if (status !== undefined && VALIDATED.has(status)) consumed = consumed.plus(e.days);
      else pending = pending.plus(e.days);
    }

    const missionStart = fromDateOnlyUTC(po.mission.startDate);
    const missionEnd = po.mission.endDate ? fromDateOnlyUTC(po.mission.endDate) : null;
    const plannedFrom = maxDate(maxDate(addDays(monthEnd, 1), start), missionStart);
    const plannedTo = missionEnd === null ? end : minDate(end, missionEnd);
    const calendar = { whitMondayWorked: po.mission.whitMondayWorked };
    const planned =
      plannedFrom <= plannedTo ? workingDaysBetween(plannedFrom, plannedTo, po.mission.region as Region, calendar).length : 0;

    const daysOrdered = new Dec(po.daysOrdered.toString()).toNumber();
    const burn = purchaseOrderBurn({
      daysOrdered,
      consumedDays: consumed.toNumber(),
      pendingDays: pending.toNumber(),
      plannedWorkingDaysUntilEnd: planned,
    });
    return {
      mission: po.mission.ref,
      number: po.number,
      start,
      end,
      daysOrdered,
      consumed: burn.consumed,
      pending: pending.toNumber(),
      remaining: burn.remaining,
      planned,
      forecast: burn.forecast,
      consumedRatio: burn.consumedRatio,
      flags: { ...burn.flags },
    };
  });
  return result.sort((a, b) => compareKeys([a.mission, a.start, a.number], [b.mission, b.start, b.number]));
}

/** Code-unit order of string tuples (the same on every database collation). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
