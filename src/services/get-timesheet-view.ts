import type { Db } from '../db/client.js';
import type { CraStatus, DayKind } from '../db/generated/client.js';
import {
  amountByRatePeriod,
  craMonthDays,
  firstDay,
  fromDateOnlyUTC,
  isCodedError,
  lastDay,
  problemOf,
  toDateOnlyUTC,
  type BillingLine,
  type IsoDate,
  type Problem,
  type YearMonth,
} from '../domain/index.js';
import { domainMission } from './domain-mission.js';

export interface TimesheetDayView {
  date: IsoDate;
  weekday: number;
  working: boolean;
  holiday: string | null;
  /** Inside the mission window (days outside are not part of the CRA). */
  inMission: boolean;
  worked: number;
  /** Absence recorded on this mission that day (internal: never shown to the client). */
  absence: { kind: Exclude<DayKind, 'WORKED'>; fraction: number } | null;
  /** Work on a weekend or holiday, recorded on purpose. */
  override: boolean;
  /** Working day inside the window that is not fully accounted for. */
  missing: boolean;
}

/** The ESN's view of one mission's CRA for a month (what `rituel cra show` prints). */
export interface TimesheetView {
  mission: string;
  missionTitle: string;
  client: string;
  consultant: string;
  month: YearMonth;
  region: string;
  /** Whit Monday is an ordinary working day on this mission's calendar (journée de solidarité worked). */
  whitMondayWorked: boolean;
  status: CraStatus;
  version: number;
  days: TimesheetDayView[];
  totalWorked: number;
  /** Worked days × TJM, split by rate period; null when a worked day has no rate. */
  amount: string | null;
  lines: BillingLine[];
  missingDays: IsoDate[];
  complete: boolean;
  /** Problems that do not prevent the view (e.g. a worked day without a TJM): localize with describeProblem. */
  warnings: Problem[];
}

export interface GetTimesheetViewOptions {
  prisma: Db;
  missionId: string;
  month: YearMonth;
}

export async function getTimesheetView({ prisma, missionId, month }: GetTimesheetViewOptions): Promise<TimesheetView> {
  const mission = await prisma.mission.findUniqueOrThrow({
    where: { id: missionId },
    include: { client: true, consultant: true, rates: { orderBy: { validFrom: 'asc' } } },
  });
  const { region, whitMondayWorked, ...window } = domainMission(mission);
  const range = { gte: toDateOnlyUTC(firstDay(month)), lte: toDateOnlyUTC(lastDay(month)) };
  const [timesheet, personEntries] = await Promise.all([
    prisma.timesheet.findUnique({ where: { missionId_month: { missionId, month } } }),
    prisma.dayEntry.findMany({ where: { personId: mission.consultantId, date: range }, orderBy: { date: 'asc' } }),
  ]);
  const entries = personEntries.map((e) => ({ ...e, day: fromDateOnlyUTC(e.date), value: Number(e.fraction.toString()) }));
  const own = entries.filter((e) => e.missionId === missionId);
  const completeness = craMonthDays({
    month,
    mission: { ...window, region, whitMondayWorked },
    entries: entries.map((e) => ({ date: e.day, fraction: e.fraction.toString() })),
  });

  const days = completeness.days.map(({ missing, ...day }): TimesheetDayView => {
    const ofDay = own.filter((e) => e.day === day.date);
    const worked = ofDay.filter((e) => e.kind === 'WORKED').reduce((sum, e) => sum + e.value, 0);
    const absence = ofDay.find((e) => e.kind !== 'WORKED');
    return {
      ...day,
      worked,
      absence: absence ? { kind: absence.kind as Exclude<DayKind, 'WORKED'>, fraction: absence.value } : null,
      override: ofDay.some((e) => e.override),
      missing,
    };
  });

  const warnings: Problem[] = [];
  let amount: string | null = null;
  let lines: BillingLine[] = [];
  try {
    const billing = amountByRatePeriod(
      days.filter((d) => d.worked > 0).map((d) => ({ date: d.date, worked: d.worked })),
      mission.rates.map((r) => ({
        from: fromDateOnlyUTC(r.validFrom),
        to: r.validTo ? fromDateOnlyUTC(r.validTo) : null,
        tjm: r.tjm.toString(),
      })),
    );
    amount = billing.totalAmount;
    lines = billing.lines;
  } catch (error) {
    if (!isCodedError(error)) throw error;
    warnings.push(problemOf(error));
  }

  return {
    mission: mission.ref,
    missionTitle: mission.title,
    client: mission.client.name,
    consultant: mission.consultant.ref,
    month,
    region,
    whitMondayWorked,
    status: timesheet?.status ?? 'DRAFT',
    version: timesheet?.version ?? 1,
    days,
    totalWorked: days.reduce((sum, d) => sum + d.worked, 0),
    amount,
    lines,
    missingDays: completeness.missingDays,
    complete: completeness.complete,
    warnings,
  };
}
