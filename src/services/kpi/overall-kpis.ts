/** The key indicators of the whole organization: the consultants' sums, then the same ratios. */
import type { ConsultantResult } from './consultant-kpis.js';
import { DayTotals } from './day-totals.js';
import { kpiRatios } from './kpi-ratios.js';
import type { OverallKpis } from './kpi-report.js';

export function overallKpis(consultants: readonly ConsultantResult[]): OverallKpis {
  const overall = new DayTotals();
  let potentialDays = 0;
  let intercontratDays = 0;
  for (const { kpis, totals } of consultants) {
    potentialDays += kpis.potentialDays;
    intercontratDays += kpis.intercontratDays;
    overall.add(totals);
  }
  return {
    consultants: consultants.length,
    potentialDays,
    producedDays: overall.produced.toNumber(),
    cpDays: overall.cp.toNumber(),
    rttDays: overall.rtt.toNumber(),
    ...kpiRatios(overall, { potentialDays, intercontratDays }),
  };
}
