/** The key indicators of one consultant for one month, from the rows read by readKpiRows. */
import {
  amountByRatePeriod,
  Dec,
  dailyMargin,
  fromDateOnlyUTC,
  isCodedError,
  toCents,
  type BillingSummary,
  type IsoDate,
  type YearMonth,
} from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { consultantCalendar } from './consultant-calendar.js';
import { DayTotals, TOTAL_OF_KIND } from './day-totals.js';
import { kpiRatios, tjmVendu } from './kpi-ratios.js';
import type { ConsultantKpis, ConsultantMargin } from './kpi-report.js';
import { compareKeys } from './purchase-orders.js';
import type { ConsultantForKpi, EntryForKpi, MissionForKpi } from './read-kpi-rows.js';

export interface ConsultantResult {
  readonly kpis: ConsultantKpis;
  /** The consultant's sums, for the overall figures. */
  readonly totals: DayTotals;
}

/** Worked days of a REGIE mission, to bill. */
type WorkedDays = { date: IsoDate; worked: string }[];

/** Sums the entries by kind; returns the worked days by REGIE mission (other work is not produced). */
function countEntries(entries: readonly EntryForKpi[], missions: ReadonlyMap<string, MissionForKpi>, totals: DayTotals): Map<string, WorkedDays> {
  const workedByMission = new Map<string, WorkedDays>();
  for (const e of entries) {
    if (e.kind === 'WORKED') {
      if (missions.get(e.missionId)?.billingMode !== 'REGIE') continue;
      const list = workedByMission.get(e.missionId) ?? [];
      list.push({ date: fromDateOnlyUTC(e.date), worked: e.fraction.toString() });
      workedByMission.set(e.missionId, list);
    }
    const field = TOTAL_OF_KIND[e.kind];
    totals[field] = totals[field].plus(new Dec(e.fraction.toString()));
  }
  return workedByMission;
}

/** Billing of one mission's worked days; a billing error names the mission (code and params kept). */
function bill(mission: MissionForKpi, worked: WorkedDays): BillingSummary {
  try {
    return amountByRatePeriod(worked, mission.rates);
  } catch (error) {
    if (!isCodedError(error)) throw error;
    // Same code and text, about this mission (the localized text is prefixed with its ref).
    throw new CodedError(error.code, `Mission ${mission.ref}: ${error.message}`, { ...error.details, mission: mission.ref }, {
      params: { ...error.params, mission: mission.ref },
      variant: error.variant,
    });
  }
}

/**
 * Revenue and contract value of the billed days, mission by mission (added to `totals`), and the
 * margin: TJM vendu vs days-weighted CJM (mission CJM, else the person's); null when a billed day
 * has no CJM or nothing was billed.
 */
function billAndMargin(
  person: ConsultantForKpi,
  workedByMission: ReadonlyMap<string, WorkedDays>,
  missions: ReadonlyMap<string, MissionForKpi>,
  totals: DayTotals,
): ConsultantMargin | null {
  let cost = new Dec(0);
  let daysWithoutCjm = new Dec(0);
  for (const [missionId, worked] of [...workedByMission.entries()].sort(([a], [b]) => compareKeys([a], [b]))) {
    const mission = missions.get(missionId)!;
    const billing = bill(mission, worked);
    totals.revenue = totals.revenue.plus(billing.totalAmount);
    for (const line of billing.lines) totals.contractValue = totals.contractValue.plus(new Dec(line.days).times(line.tjm));
    const cjm = mission.cjm ?? person.cjm;
    if (cjm === null) daysWithoutCjm = daysWithoutCjm.plus(billing.totalDays);
    else cost = cost.plus(new Dec(billing.totalDays).times(cjm));
  }
  const tjm = tjmVendu(totals);
  if (tjm === null || !daysWithoutCjm.isZero()) return null;
  const cjm = toCents(cost.div(totals.produced));
  const m = dailyMargin({ tjm, cjm });
  return { cjm, dailyMargin: toCents(new Dec(m.margin)), markupRate: m.markupRate, fragile: m.fragile };
}

/**
 * `ownMissions`: the consultant's missions active in the month (their calendar); `missions`:
 * every mission an entry may point to.
 */
export function consultantKpis(args: {
  month: YearMonth;
  person: ConsultantForKpi;
  ownMissions: readonly MissionForKpi[];
  entries: readonly EntryForKpi[];
  missions: ReadonlyMap<string, MissionForKpi>;
}): ConsultantResult {
  const { person, missions } = args;
  const calendar = consultantCalendar(args.month, args.ownMissions);
  const totals = new DayTotals();
  const workedByMission = countEntries(args.entries, missions, totals);
  const margin = billAndMargin(person, workedByMission, missions, totals);

  const potentialDays = calendar.potential.length;
  const intercontratDays = calendar.intercontrat.length;
  const kpis: ConsultantKpis = {
    ref: person.ref,
    name: person.name,
    potentialDays,
    producedDays: totals.produced.toNumber(),
    cpDays: totals.cp.toNumber(),
    rttDays: totals.rtt.toNumber(),
    sickDays: totals.sick.toNumber(),
    trainingDays: totals.training.toNumber(),
    otherAbsenceDays: totals.other.toNumber(),
    intercontratDays,
    ...kpiRatios(totals, { potentialDays, intercontratDays }),
    margin,
  };
  return { kpis, totals };
}
