/** The rates and money of a month's days, for one consultant or for all of them. */
import { intercontratRate, tace, taci, tjmRealise, toCents } from '../../domain/index.js';
import type { DayTotals } from './day-totals.js';
import type { KpiRatios } from './kpi-report.js';

/**
 * TJM vendu: the contract rate, weighted by the days billed at each rate, to the cent; null when
 * no day was billed. TJM réalisé: the revenue divided by the days billed. Both are equal today
 * (up to the rounding of each billing line to the cent) because the revenue is computed from the
 * contract rates; they will differ once invoicing adjustments (free days, discounts, credit
 * notes) are recorded, which is what comparing them is for.
 */
export function tjmVendu(totals: DayTotals): string | null {
  return totals.produced.lte(0) ? null : toCents(totals.contractValue.div(totals.produced));
}

/** TACE, TACI, intercontrat rate, days billed, revenue and TJMs of `totals` over `potentialDays`. */
export function kpiRatios(totals: DayTotals, days: { potentialDays: number; intercontratDays: number }): KpiRatios {
  const { potentialDays, intercontratDays } = days;
  const producedDays = totals.produced.toNumber();
  const cpDays = totals.cp.toNumber();
  const rttDays = totals.rtt.toNumber();
  const revenue = toCents(totals.revenue);
  return {
    tace: tace({ producedDays, potentialDays, cpDays, rttDays }),
    taci: taci({ producedDays, potentialDays }),
    intercontratRate: intercontratRate({ intercontratDays, potentialDays }),
    daysBilled: producedDays,
    revenue,
    tjmRealise: tjmRealise({ revenue, daysBilled: producedDays }),
    tjmVendu: tjmVendu(totals),
  };
}
