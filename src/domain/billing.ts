/**
 * Billing of régie days: worked days × TJM, split by TJM rate period
 * (a TJM change mid-month gives one line per period).
 */
import { compareDates, isIsoDate, type IsoDate } from './dates.js';
import { CodedError, type DomainProblem } from './errors.js';
import { Dec, toCents, toDec, toPlain, type DecimalInput } from './decimal.js';

export interface RatePeriod {
  readonly from: IsoDate;
  /** Last day of the period (included), or null when open-ended. */
  readonly to: IsoDate | null;
  /** TJM, decimal string ("650.00"). */
  readonly tjm: string;
}

export interface WorkedDay {
  readonly date: IsoDate;
  /** Worked fraction of the day (0 is ignored). */
  readonly worked: number | string;
}

export interface BillingLine {
  /** First worked date of the line. */
  readonly from: IsoDate;
  /** Last worked date of the line. */
  readonly to: IsoDate;
  readonly days: string;
  readonly tjm: string;
  /** days × tjm rounded to cents (half up). */
  readonly amount: string;
}

export interface BillingSummary {
  readonly lines: BillingLine[];
  readonly totalDays: string;
  /** Sum of the rounded line amounts. */
  readonly totalAmount: string;
}

function periodLabel(r: RatePeriod): string {
  return `${r.from} – ${r.to ?? 'open'}`;
}

/** The period for localized texts: an open end is '…' in every language. */
function periodParam(r: RatePeriod): string {
  return `${String(r.from)} – ${r.to === null ? '…' : String(r.to)}`;
}

function periodsOverlap(a: RatePeriod, b: RatePeriod): boolean {
  const aEndsBeforeB = a.to !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Problems: INVALID_RATE_PERIOD (bad dates, to before from), RATE_NOT_POSITIVE, RATE_PERIODS_OVERLAP. */
export function validateRatePeriods(rates: readonly RatePeriod[]): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const wellFormed: RatePeriod[] = [];
  for (const r of rates) {
    if (!isIsoDate(r.from) || (r.to !== null && !isIsoDate(r.to))) {
      problems.push({
        code: 'INVALID_RATE_PERIOD',
        message: `Invalid dates in rate period ${periodLabel(r)}`,
        params: { period: periodParam(r) },
      });
      continue;
    }
    if (r.to !== null && r.to < r.from) {
      problems.push({
        code: 'INVALID_RATE_PERIOD',
        message: `Rate period ends before it starts: ${periodLabel(r)}`,
        date: r.from,
        params: { period: periodParam(r) },
        variant: 'endsBeforeStart',
      });
      continue;
    }
    let positive = false;
    try {
      positive = toDec(r.tjm, 'RATE_NOT_POSITIVE', 'TJM').gt(0);
    } catch {
      positive = false;
    }
    if (!positive) {
      problems.push({
        code: 'RATE_NOT_POSITIVE',
        message: `TJM must be a positive decimal: ${String(r.tjm)} (${periodLabel(r)})`,
        date: r.from,
        params: { tjm: String(r.tjm), period: periodParam(r) },
      });
    }
    wellFormed.push(r);
  }
  const sorted = [...wellFormed].sort((a, b) => compareDates(a.from, b.from));
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      const a = sorted[i];
      const b = sorted[j];
      if (a && b && periodsOverlap(a, b)) {
        problems.push({
          code: 'RATE_PERIODS_OVERLAP',
          message: `Rate periods overlap: ${periodLabel(a)} and ${periodLabel(b)}`,
          date: b.from,
          params: { period: periodParam(a), otherPeriod: periodParam(b) },
        });
      }
    }
  }
  return problems;
}

/** The rate period covering a date, or undefined. */
export function rateForDate(date: IsoDate, rates: readonly RatePeriod[]): RatePeriod | undefined {
  return rates.find((r) => r.from <= date && (r.to === null || date <= r.to));
}

/**
 * Amount of worked days, one line per rate period (ordered by date; a line's from/to are the first
 * and last worked dates it covers). Throws CodedError: the first problem of validateRatePeriods,
 * NO_RATE_FOR_DATE when a worked date has no rate, INVALID_DATE / INVALID_DAYS for bad input.
 */
export function amountByRatePeriod(days: readonly WorkedDay[], rates: readonly RatePeriod[]): BillingSummary {
  const problem = validateRatePeriods(rates)[0];
  if (problem) throw CodedError.fromProblem(problem, { date: problem.date });

  const groups = new Map<RatePeriod, { from: IsoDate; to: IsoDate; days: Dec }>();
  for (const day of days) {
    if (!isIsoDate(day.date)) {
      throw new CodedError('INVALID_DATE', `Invalid date: ${String(day.date)}`, { date: day.date }, { params: { value: String(day.date) } });
    }
    const worked = toDec(day.worked as DecimalInput, 'INVALID_DAYS', 'worked fraction');
    if (worked.isNeg()) {
      throw new CodedError('INVALID_DAYS', `Negative worked fraction on ${day.date}`, { date: day.date }, {
        params: { label: 'worked fraction', value: String(day.worked), date: day.date },
        variant: 'negative',
      });
    }
    if (worked.isZero()) continue;
    const rate = rateForDate(day.date, rates);
    if (!rate) {
      throw new CodedError('NO_RATE_FOR_DATE', `No TJM rate covers ${day.date}`, { date: day.date }, { params: { date: day.date } });
    }
    const group = groups.get(rate);
    if (group) {
      if (day.date < group.from) group.from = day.date;
      if (day.date > group.to) group.to = day.date;
      group.days = group.days.plus(worked);
    } else {
      groups.set(rate, { from: day.date, to: day.date, days: worked });
    }
  }

  let totalDays = new Dec(0);
  let totalAmount = new Dec(0);
  const lines = [...groups.entries()]
    .sort(([, a], [, b]) => compareDates(a.from, b.from))
    .map(([rate, group]): BillingLine => {
      const tjm = toDec(rate.tjm);
      const amount = group.days.times(tjm).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      totalDays = totalDays.plus(group.days);
      totalAmount = totalAmount.plus(amount);
      return { from: group.from, to: group.to, days: toPlain(group.days), tjm: toPlain(tjm), amount: toCents(amount) };
    });

  return { lines, totalDays: toPlain(totalDays), totalAmount: toCents(totalAmount) };
}
