import type { Db } from '../db/client.js';
import { parseYearMonth, type YearMonth } from '../domain/index.js';
import { consultantKpis } from './kpi/consultant-kpis.js';
import type { KpiReport } from './kpi/kpi-report.js';
import { overallKpis } from './kpi/overall-kpis.js';
import { readKpiRows } from './kpi/read-kpi-rows.js';
import { resolveOrganization } from './kpi/resolve-organization.js';

export type { ConsultantKpis, ConsultantMargin, KpiRatios, KpiReport, OverallKpis } from './kpi/kpi-report.js';
export type { PurchaseOrderKpis } from './kpi/purchase-orders.js';

export interface ComputeKpisOptions {
  prisma: Db;
  month: YearMonth;
  /** Organization slug; required when the database holds several organizations. */
  organization?: string | undefined;
}

/**
 * Key indicators of one organization for one month (DOMAIN.md, section KPIs), read with a fixed
 * number of queries whatever the number of consultants and days.
 *
 * - Consultants: active people of the organization with the CONSULTANT role.
 * - Potential days: working days of the month for the consultant (see consultantCalendar:
 *   calendar of the missions active that month, Whit Monday included for a mission that works
 *   it, 'FR' when none).
 * - Produced days = days billed: WORKED entries on REGIE missions in the month (work on a
 *   fixed-price mission is not billed per day, so it is not produced).
 * - CP / RTT leave the TACE base; sick leave, training, other absences and intercontrat stay in it.
 * - Intercontrat days: potential days covered by no mission window of the consultant.
 * - Revenue: worked days × TJM by rate period, per mission (billing lines rounded to the cent).
 * - Margin: weighted TJM vendu vs days-weighted CJM (mission CJM, else the person's CJM).
 * - Purchase orders: see purchaseOrderKpis (as of the end of the month).
 *
 * Throws CodedError: INVALID_MONTH, ORGANIZATION_NOT_FOUND (params { slug }, or variant 'none'),
 * ORGANIZATION_REQUIRED (params { organizations }), and a billing error of a mission (e.g.
 * NO_RATE_FOR_DATE) with its params plus `mission` (the mission ref).
 */
export async function computeKpis({ prisma, month, organization }: ComputeKpisOptions): Promise<KpiReport> {
  parseYearMonth(month);
  const org = await resolveOrganization(prisma, organization);
  const rows = await readKpiRows(prisma, org.id, month);
  const consultants = rows.consultants.map((person) =>
    consultantKpis({
      month,
      person,
      ownMissions: rows.missionsByPerson.get(person.id) ?? [],
      entries: rows.entriesByPerson.get(person.id) ?? [],
      missions: rows.missions,
    }),
  );
  return {
    month,
    organization: org.slug,
    consultants: consultants.map((c) => c.kpis),
    overall: overallKpis(consultants),
    purchaseOrders: rows.purchaseOrders,
  };
}
