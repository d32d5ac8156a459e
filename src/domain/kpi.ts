/**
 * Key indicators of DOMAIN.md. Ratios are returned as full-precision numbers (round only for
 * display); money is computed with decimal.js and returned as decimal strings.
 * A ratio whose denominator is zero or negative is null.
 */
import { CodedError } from './errors.js';
import { toCents, toDec, toPlain, type Dec, type DecimalInput } from './decimal.js';

function days(value: number, label: string): Dec {
  const d = toDec(value, 'INVALID_DAYS', label);
  if (d.isNeg()) {
    throw new CodedError('INVALID_DAYS', `${label} cannot be negative: ${value}`, { [label]: value }, {
      params: { label, value: String(value) },
      variant: 'negative',
    });
  }
  return d;
}

function ratio(numerator: Dec, denominator: Dec): number | null {
  return denominator.lte(0) ? null : numerator.div(denominator).toNumber();
}

export interface TaceInput {
  /** Days billed on client missions. */
  readonly producedDays: number;
  /** Working days of the period (inside the mission window where per mission). */
  readonly potentialDays: number;
  readonly cpDays: number;
  readonly rttDays: number;
}

/** TACE = produced / (potential − CP − RTT); sick leave, training and intercontrat stay in the base. */
export function tace(input: TaceInput): number | null {
  const base = days(input.potentialDays, 'potentialDays')
    .minus(days(input.cpDays, 'cpDays'))
    .minus(days(input.rttDays, 'rttDays'));
  return ratio(days(input.producedDays, 'producedDays'), base);
}

/** TACI = produced / potential. */
export function taci(input: { readonly producedDays: number; readonly potentialDays: number }): number | null {
  return ratio(days(input.producedDays, 'producedDays'), days(input.potentialDays, 'potentialDays'));
}

/** Taux d'intercontrat = intercontrat days / potential days. */
export function intercontratRate(input: { readonly intercontratDays: number; readonly potentialDays: number }): number | null {
  return ratio(days(input.intercontratDays, 'intercontratDays'), days(input.potentialDays, 'potentialDays'));
}

/** TJM réalisé = revenue invoiced / days billed, rounded to cents; null when no day was billed. */
export function tjmRealise(input: { readonly revenue: DecimalInput; readonly daysBilled: number }): string | null {
  const billed = days(input.daysBilled, 'daysBilled');
  if (billed.lte(0)) return null;
  return toCents(toDec(input.revenue, 'INVALID_AMOUNT', 'revenue').div(billed));
}

export interface DailyMargin {
  /** TJM − CJM, exact decimal string ("105"). */
  readonly margin: string;
  /** Taux de marque = (TJM − CJM) / TJM, full precision; null when TJM ≤ 0. */
  readonly markupRate: number | null;
  /** "Marge fragile": the TJM is below the CJM. */
  readonly fragile: boolean;
}

export function dailyMargin(input: { readonly tjm: DecimalInput; readonly cjm: DecimalInput }): DailyMargin {
  const tjm = toDec(input.tjm, 'INVALID_AMOUNT', 'TJM');
  const cjm = toDec(input.cjm, 'INVALID_AMOUNT', 'CJM');
  const margin = tjm.minus(cjm);
  return { margin: toPlain(margin), markupRate: ratio(margin, tjm), fragile: tjm.lt(cjm) };
}

export interface PurchaseOrderBurnInput {
  readonly daysOrdered: number;
  /** Validated billable days. */
  readonly consumedDays: number;
  /** Submitted days not yet validated. */
  readonly pendingDays: number;
  /** Planned working days from now until the order ends. */
  readonly plannedWorkingDaysUntilEnd: number;
}

export interface PurchaseOrderBurn {
  readonly consumed: number;
  /** ordered − consumed − pending (negative when overrun). */
  readonly remaining: number;
  /** remaining − planned working days until the end. */
  readonly forecast: number;
  /** consumed / ordered, full precision; null when nothing was ordered. */
  readonly consumedRatio: number | null;
  readonly flags: {
    /** consumed ≥ 80 % of ordered. */
    readonly reached80: boolean;
    /** consumed ≥ 100 % of ordered. */
    readonly reached100: boolean;
    /** forecast < 0 ("dérive budgétaire"); exactly 0 is not negative. */
    readonly forecastNegative: boolean;
  };
}

export function purchaseOrderBurn(input: PurchaseOrderBurnInput): PurchaseOrderBurn {
  const ordered = days(input.daysOrdered, 'daysOrdered');
  const consumed = days(input.consumedDays, 'consumedDays');
  const pending = days(input.pendingDays, 'pendingDays');
  const planned = days(input.plannedWorkingDaysUntilEnd, 'plannedWorkingDaysUntilEnd');
  const remaining = ordered.minus(consumed).minus(pending);
  const forecast = remaining.minus(planned);
  // Threshold comparisons are exact (decimal), never on a rounded ratio.
  const reached = (percent: number): boolean =>
    ordered.gt(0) ? consumed.times(100).gte(ordered.times(percent)) : consumed.gt(0);
  return {
    consumed: consumed.toNumber(),
    remaining: remaining.toNumber(),
    forecast: forecast.toNumber(),
    consumedRatio: ratio(consumed, ordered),
    flags: { reached80: reached(80), reached100: reached(100), forecastNegative: forecast.lt(0) },
  };
}
