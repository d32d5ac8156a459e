/**
 * The content of one CRA version, frozen in TimesheetVersion.content when it is submitted: what the
 * client sees and approves, and what the exports (CSV, PDF) read. It holds billable units only:
 * never absence kinds, notes, moods or costs (the client / employee boundary).
 *
 *   {
 *     missionId, month, version,
 *     days:   [{ date: 'YYYY-MM-DD', worked: '0.5', billable: '0.5' }]   // every date of the month inside the mission window
 *     lines:  [{ from, to, days: '10', tjm: '650.00', amount: '6500.00' }] // one line per TJM rate period
 *     totals: { days: '19.5', amount: '12675.00' },
 *     purchaseOrder: { number, ordered, consumed, pending, remaining } | null  // at submission
 *   }
 *
 * The approval block lives next to it: Timesheet.approvedAt / approvedHash / approvedVersion,
 * TimesheetVersion.approvedAt, and the AuditEvent "cra.approve" (actor, channel, time, hash).
 * `contentHash` = craContentHash({ missionId, month, version, days: [{ date, worked }] }).
 */
import type { Tx } from '../../db/client.js';
import {
  amountByRatePeriod,
  craMonthDays,
  craContentHash,
  datesBetween,
  firstDay,
  fromDateOnlyUTC,
  lastDay,
  toDateOnlyUTC,
  type BillingLine,
  type IsoDate,
  type YearMonth,
} from '../../domain/index.js';
import { domainMission } from '../../services/domain-mission.js';

export interface CraVersionDay {
  readonly date: IsoDate;
  /** Worked fraction on this mission ("0", "0.5", "1"). */
  readonly worked: string;
  /** Billable units (the worked fraction). */
  readonly billable: string;
}

export interface CraPurchaseOrderStatus {
  readonly number: string;
  readonly ordered: string;
  /** Validated billable days (approved CRAs of the order's period). */
  readonly consumed: string;
  /** Days submitted and waiting for the client (this CRA included once submitted). */
  readonly pending: string;
  readonly remaining: string;
}

export interface CraVersionContent {
  readonly missionId: string;
  readonly month: YearMonth;
  readonly version: number;
  readonly days: readonly CraVersionDay[];
  readonly lines: readonly BillingLine[];
  readonly totals: { readonly days: string; readonly amount: string };
  readonly purchaseOrder: CraPurchaseOrderStatus | null;
}

/** One day of the ESN's own view of the month (internal: absence kinds, missing days). */
export interface CraGridDay {
  readonly date: IsoDate;
  readonly weekday: number;
  readonly working: boolean;
  readonly holiday: string | null;
  readonly inMission: boolean;
  readonly worked: number;
  /** Absence on this mission that day (internal, never shown to the client). */
  readonly absent: number;
  readonly missing: boolean;
}

export interface CraGrid {
  readonly days: readonly CraGridDay[];
  readonly missingDays: readonly IsoDate[];
  readonly complete: boolean;
}

/** What the grid needs of the mission (a mission the caller already read saves reading it again). */
export type GridMission = Parameters<typeof domainMission>[0] & { readonly consultantId: string };

/** The month of a mission as the ESN sees it, read in the caller's transaction. */
export async function loadCraGrid(tx: Tx, missionId: string, month: YearMonth, known?: GridMission): Promise<CraGrid> {
  const mission = known ?? (await tx.mission.findUniqueOrThrow({ where: { id: missionId } }));
  const { region, whitMondayWorked, ...window } = domainMission(mission);
  const entries = await tx.dayEntry.findMany({
    where: { personId: mission.consultantId, date: { gte: toDateOnlyUTC(firstDay(month)), lte: toDateOnlyUTC(lastDay(month)) } },
    select: { missionId: true, date: true, kind: true, fraction: true },
  });
  const calendar = craMonthDays({
    month,
    mission: { ...window, region, whitMondayWorked },
    entries: entries.map((e) => ({ date: fromDateOnlyUTC(e.date), fraction: e.fraction.toString() })),
  });
  const days = calendar.days.map(({ missing, ...day }): CraGridDay => {
    const own = entries.filter((e) => e.missionId === missionId && fromDateOnlyUTC(e.date) === day.date);
    const sum = (worked: boolean) =>
      own.filter((e) => (e.kind === 'WORKED') === worked).reduce((total, e) => total + Number(e.fraction.toString()), 0);
    return { ...day, worked: sum(true), absent: sum(false), missing };
  });
  return { days, missingDays: calendar.missingDays, complete: calendar.complete };
}

const units = (n: number): string => String(Math.round(n * 100) / 100);

/** The billable content of a version and its hash. Throws NO_RATE_FOR_DATE when a worked day has no TJM. */
export async function buildCraContent(
  tx: Tx,
  options: { missionId: string; month: YearMonth; version: number; grid?: CraGrid },
): Promise<{ content: CraVersionContent; contentHash: string }> {
  const { missionId, month, version } = options;
  const grid = options.grid ?? (await loadCraGrid(tx, missionId, month));
  const rates = await tx.ratePeriod.findMany({ where: { missionId }, orderBy: { validFrom: 'asc' } });
  const days = grid.days.filter((d) => d.inMission).map((d) => ({ date: d.date, worked: units(d.worked), billable: units(d.worked) }));
  const billing = amountByRatePeriod(
    days.filter((d) => d.worked !== '0'),
    rates.map((r) => ({ from: fromDateOnlyUTC(r.validFrom), to: r.validTo ? fromDateOnlyUTC(r.validTo) : null, tjm: r.tjm.toString() })),
  );
  const contentHash = craContentHash({ missionId, month, version, days: days.map((d) => ({ date: d.date, worked: d.worked })) });
  const purchaseOrder = await purchaseOrderStatus(tx, missionId, month, billing.totalDays);
  return {
    content: { missionId, month, version, days, lines: billing.lines, totals: { days: billing.totalDays, amount: billing.totalAmount }, purchaseOrder },
    contentHash,
  };
}

/** Billable days of a frozen version within [from, to]. */
export function billableDaysIn(content: CraVersionContent, from: IsoDate, to: IsoDate): number {
  return content.days.filter((d) => d.date >= from && d.date <= to).reduce((sum, d) => sum + Number(d.billable), 0);
}

/**
 * Burn of the purchase order covering the month (DOMAIN.md): consumed = billable days of approved
 * CRAs; pending = billable days submitted and waiting (plus `extraPending`, this CRA being
 * submitted); remaining = ordered − consumed − pending. Null when no order covers the month.
 */
export async function purchaseOrderStatus(tx: Tx, missionId: string, month: YearMonth, extraPending = '0'): Promise<CraPurchaseOrderStatus | null> {
  const burn = await purchaseOrderBurn(tx, missionId, month, Number(extraPending));
  if (!burn) return null;
  return {
    number: burn.number,
    ordered: units(burn.ordered),
    consumed: units(burn.consumed),
    pending: units(burn.pending),
    remaining: units(burn.ordered - burn.consumed - burn.pending),
  };
}

export interface PurchaseOrderBurn {
  readonly id: string;
  readonly number: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly ordered: number;
  readonly consumed: number;
  readonly pending: number;
}

export async function purchaseOrderBurn(tx: Tx, missionId: string, month: YearMonth, extraPending = 0): Promise<PurchaseOrderBurn | null> {
  const order = await tx.purchaseOrder.findFirst({
    where: { missionId, startDate: { lte: toDateOnlyUTC(lastDay(month)) }, endDate: { gte: toDateOnlyUTC(firstDay(month)) } },
    orderBy: { startDate: 'asc' },
  });
  if (!order) return null;
  const startDate = fromDateOnlyUTC(order.startDate);
  const endDate = fromDateOnlyUTC(order.endDate);
  const timesheets = await tx.timesheet.findMany({
    where: { missionId, status: { in: ['APPROVED', 'INVOICED', 'PENDING_CLIENT', 'SUBMITTED', 'DISPUTED'] } },
    select: { status: true, version: true, versions: { select: { version: true, content: true } } },
  });
  let consumed = 0;
  let pending = extraPending;
  for (const ts of timesheets) {
    const current = ts.versions.find((v) => v.version === ts.version);
    if (!current) continue;
    const days = billableDaysIn(current.content as unknown as CraVersionContent, startDate, endDate);
    if (ts.status === 'APPROVED' || ts.status === 'INVOICED') consumed += days;
    else pending += days;
  }
  return { id: order.id, number: order.number, startDate, endDate, ordered: Number(order.daysOrdered.toString()), consumed, pending };
}

/** Dates of the month, for the dispute form. */
export const monthDates = (month: YearMonth): IsoDate[] => datesBetween(firstDay(month), lastDay(month));
