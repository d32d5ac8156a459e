import type { Db } from '../db/client.js';
import {
  amountByRatePeriod,
  Dec,
  dailyMargin,
  firstDay,
  fromDateOnlyUTC,
  intercontratRate,
  isCodedError,
  lastDay,
  parseYearMonth,
  tace,
  taci,
  tjmRealise,
  toCents,
  toDateOnlyUTC,
  type BillingSummary,
  type IsoDate,
  type RatePeriod,
  type Region,
  type YearMonth,
} from '../domain/index.js';
import { CodedError } from '../errors.js';
import { consultantCalendar } from './kpi/consultant-calendar.js';
import { compareKeys, purchaseOrderKpis, type PurchaseOrderKpis } from './kpi/purchase-orders.js';

export type { PurchaseOrderKpis } from './kpi/purchase-orders.js';

export interface ConsultantMargin {
  /** Days-weighted CJM of the billed days (mission CJM, else the person's), to the cent. */
  cjm: string;
  /** TJM vendu − CJM, to the cent. */
  dailyMargin: string;
  /** Taux de marque = (TJM − CJM) / TJM, full precision. */
  markupRate: number | null;
  /** "Marge fragile": the TJM is below the CJM. */
  fragile: boolean;
}

export interface ConsultantKpis {
  ref: string;
  name: string;
  /** Working days of the month for the consultant ("jours potentiels"). */
  potentialDays: number;
  /** WORKED days on REGIE missions ("jours produits", billed on client missions). */
  producedDays: number;
  cpDays: number;
  rttDays: number;
  sickDays: number;
  trainingDays: number;
  otherAbsenceDays: number;
  /** Potential days covered by no mission window. */
  intercontratDays: number;
  tace: number | null;
  taci: number | null;
  intercontratRate: number | null;
  daysBilled: number;
  /** Worked days × TJM by rate period, € to the cent. */
  revenue: string;
  tjmRealise: string | null;
  tjmVendu: string | null;
  /** null when no day was billed or a billed day has no CJM (neither on the mission nor on the person). */
  margin: ConsultantMargin | null;
}

export interface OverallKpis {
  consultants: number;
  potentialDays: number;
  producedDays: number;
  cpDays: number;
  rttDays: number;
  tace: number | null;
  taci: number | null;
  intercontratRate: number | null;
  daysBilled: number;
  revenue: string;
  tjmRealise: string | null;
  tjmVendu: string | null;
}

/** What `rituel kpi <month> --json` prints. Day counts and ratios are numbers, money decimal strings. */
export interface KpiReport {
  month: YearMonth;
  /** Organization slug. */
  organization: string;
  consultants: ConsultantKpis[];
  overall: OverallKpis;
  purchaseOrders: PurchaseOrderKpis[];
}

export interface ComputeKpisOptions {
  prisma: Db;
  month: YearMonth;
  /** Organization slug; required when the database holds several organizations. */
  organization?: string | undefined;
}

async function resolveOrganization(prisma: Db, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (slug !== undefined) {
    const found = await prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
    if (!found) {
      throw new CodedError('ORGANIZATION_NOT_FOUND', `Organization not found: "${slug}".`, { slug }, { params: { slug } });
    }
    return found;
  }
  const all = await prisma.organization.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' }, take: 20 });
  if (all.length === 0) {
    throw new CodedError('ORGANIZATION_NOT_FOUND', 'No organization yet: import one with "rituel org import <file>".', undefined, {
      variant: 'none',
    });
  }
  if (all.length > 1) {
    const organizations = all.map((o) => o.slug).join(', ');
    throw new CodedError('ORGANIZATION_REQUIRED', `Several organizations exist (${organizations}): add --org <slug>.`, undefined, {
      params: { organizations },
    });
  }
  return all[0]!;
}

/** Running sums of one consultant (or of the whole organization), exact decimals. */
class Totals {
  produced = new Dec(0);
  cp = new Dec(0);
  rtt = new Dec(0);
  sick = new Dec(0);
  training = new Dec(0);
  other = new Dec(0);
  /** Σ billed days × contract TJM, unrounded (numerator of the TJM vendu). */
  contractValue = new Dec(0);
  /** Σ rounded billing lines (the revenue). */
  revenue = new Dec(0);
}

interface MissionForKpi {
  id: string;
  ref: string;
  billingMode: 'REGIE' | 'FORFAIT';
  region: Region;
  /** Whit Monday is a working day at the client site (journée de solidarité worked). */
  whitMondayWorked: boolean;
  startDate: IsoDate;
  endDate: IsoDate | null;
  cjm: string | null;
  rates: RatePeriod[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** numerator / denominator to the cent, or null when the denominator is not positive. */
function ratioOrNull(numerator: Dec, denominator: Dec): string | null {
  return denominator.lte(0) ? null : toCents(numerator.div(denominator));
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
  const monthStart = toDateOnlyUTC(firstDay(month));
  const monthEnd = toDateOnlyUTC(lastDay(month));

  const people = await prisma.person.findMany({
    where: { organizationId: org.id, active: true, roles: { has: 'CONSULTANT' } },
    select: { id: true, ref: true, name: true, cjm: true },
  });
  people.sort((a, b) => compareKeys([a.ref], [b.ref]));
  const personIds = people.map((p) => p.id);

  const missionSelect = {
    id: true,
    ref: true,
    consultantId: true,
    billingMode: true,
    region: true,
    whitMondayWorked: true,
    startDate: true,
    endDate: true,
    cjm: true,
    rates: { select: { validFrom: true, validTo: true, tjm: true } },
  } as const;
  const [activeMissions, entries, purchaseOrders] = await Promise.all([
    prisma.mission.findMany({
      where: {
        consultantId: { in: personIds },
        startDate: { lte: monthEnd },
        OR: [{ endDate: null }, { endDate: { gte: monthStart } }],
      },
      select: missionSelect,
    }),
    prisma.dayEntry.findMany({
      where: { personId: { in: personIds }, date: { gte: monthStart, lte: monthEnd } },
      select: { personId: true, missionId: true, date: true, kind: true, fraction: true },
    }),
    purchaseOrderKpis({ prisma, organizationId: org.id, month }),
  ]);
  // Entries outside every active window should not exist (the day-entry rules refuse them);
  // should some have been imported anyway, their mission is read too, in one more query.
  const known = new Set(activeMissions.map((m) => m.id));
  const unknownIds = [...new Set(entries.map((e) => e.missionId).filter((id) => !known.has(id)))];
  const extraMissions = unknownIds.length > 0 ? await prisma.mission.findMany({ where: { id: { in: unknownIds } }, select: missionSelect }) : [];

  const missions = new Map<string, MissionForKpi>();
  for (const m of [...activeMissions, ...extraMissions]) {
    missions.set(m.id, {
      id: m.id,
      ref: m.ref,
      billingMode: m.billingMode,
      region: m.region as Region,
      whitMondayWorked: m.whitMondayWorked,
      startDate: fromDateOnlyUTC(m.startDate),
      endDate: m.endDate ? fromDateOnlyUTC(m.endDate) : null,
      cjm: m.cjm === null ? null : m.cjm.toString(),
      rates: m.rates.map((r) => ({
        from: fromDateOnlyUTC(r.validFrom),
        to: r.validTo ? fromDateOnlyUTC(r.validTo) : null,
        tjm: r.tjm.toString(),
      })),
    });
  }

  const entriesByPerson = groupBy(entries, (e) => e.personId);
  const missionsByPerson = groupBy(activeMissions, (m) => m.consultantId);

  const overall = new Totals();
  let overallPotential = 0;
  let overallIntercontrat = 0;

  const consultants = people.map((person): ConsultantKpis => {
    const calendar = consultantCalendar(
      month,
      (missionsByPerson.get(person.id) ?? []).map((m) => missions.get(m.id)!),
    );
    const totals = new Totals();
    /** Worked days per REGIE mission, for billing. */
    const workedByMission = new Map<string, { date: IsoDate; worked: string }[]>();
    for (const e of entriesByPerson.get(person.id) ?? []) {
      const days = new Dec(e.fraction.toString());
      switch (e.kind) {
        case 'WORKED': {
          if (missions.get(e.missionId)?.billingMode !== 'REGIE') break;
          totals.produced = totals.produced.plus(days);
          const list = workedByMission.get(e.missionId) ?? [];
          list.push({ date: fromDateOnlyUTC(e.date), worked: e.fraction.toString() });
          workedByMission.set(e.missionId, list);
          break;
        }
        case 'CP':
          totals.cp = totals.cp.plus(days);
          break;
        case 'RTT':
          totals.rtt = totals.rtt.plus(days);
          break;
        case 'SICK':
          totals.sick = totals.sick.plus(days);
          break;
        case 'TRAINING':
          totals.training = totals.training.plus(days);
          break;
        case 'OTHER':
          totals.other = totals.other.plus(days);
          break;
      }
    }

    // Revenue, contract value and cost of the billed days, mission by mission.
    let cost = new Dec(0);
    let daysWithoutCjm = new Dec(0);
    for (const [missionId, worked] of [...workedByMission.entries()].sort(([a], [b]) => compareKeys([a], [b]))) {
      const mission = missions.get(missionId)!;
      let billing: BillingSummary;
      try {
        billing = amountByRatePeriod(worked, mission.rates);
      } catch (error) {
        if (!isCodedError(error)) throw error;
        // Same code and text, about this mission (the localized text is prefixed with its ref).
        throw new CodedError(error.code, `Mission ${mission.ref}: ${error.message}`, { ...error.details, mission: mission.ref }, {
          params: { ...error.params, mission: mission.ref },
          variant: error.variant,
        });
      }
      totals.revenue = totals.revenue.plus(billing.totalAmount);
      for (const line of billing.lines) totals.contractValue = totals.contractValue.plus(new Dec(line.days).times(line.tjm));
      const cjm = mission.cjm ?? (person.cjm === null ? null : person.cjm.toString());
      if (cjm === null) daysWithoutCjm = daysWithoutCjm.plus(billing.totalDays);
      else cost = cost.plus(new Dec(billing.totalDays).times(cjm));
    }

    const potentialDays = calendar.potential.length;
    const intercontratDays = calendar.intercontrat.length;
    const producedDays = totals.produced.toNumber();
    const cpDays = totals.cp.toNumber();
    const rttDays = totals.rtt.toNumber();
    const revenue = toCents(totals.revenue);
    // TJM vendu: the contract rate, weighted by the days billed at each rate. TJM réalisé: the
    // revenue divided by the days billed. Both are equal today (up to the rounding of each
    // billing line to the cent) because the revenue is computed from the contract rates; they
    // will differ once invoicing adjustments (free days, discounts, credit notes) are recorded,
    // which is what comparing them is for.
    const tjmVendu = ratioOrNull(totals.contractValue, totals.produced);

    let margin: ConsultantMargin | null = null;
    if (tjmVendu !== null && daysWithoutCjm.isZero()) {
      const cjm = toCents(cost.div(totals.produced));
      const m = dailyMargin({ tjm: tjmVendu, cjm });
      margin = { cjm, dailyMargin: toCents(new Dec(m.margin)), markupRate: m.markupRate, fragile: m.fragile };
    }

    overallPotential += potentialDays;
    overallIntercontrat += intercontratDays;
    overall.produced = overall.produced.plus(totals.produced);
    overall.cp = overall.cp.plus(totals.cp);
    overall.rtt = overall.rtt.plus(totals.rtt);
    overall.revenue = overall.revenue.plus(totals.revenue);
    overall.contractValue = overall.contractValue.plus(totals.contractValue);

    return {
      ref: person.ref,
      name: person.name,
      potentialDays,
      producedDays,
      cpDays,
      rttDays,
      sickDays: totals.sick.toNumber(),
      trainingDays: totals.training.toNumber(),
      otherAbsenceDays: totals.other.toNumber(),
      intercontratDays,
      tace: tace({ producedDays, potentialDays, cpDays, rttDays }),
      taci: taci({ producedDays, potentialDays }),
      intercontratRate: intercontratRate({ intercontratDays, potentialDays }),
      daysBilled: producedDays,
      revenue,
      tjmRealise: tjmRealise({ revenue, daysBilled: producedDays }),
      tjmVendu,
      margin,
    };
  });

  const producedDays = overall.produced.toNumber();
  const cpDays = overall.cp.toNumber();
  const rttDays = overall.rtt.toNumber();
  const revenue = toCents(overall.revenue);
  return {
    month,
    organization: org.slug,
    consultants,
    overall: {
      consultants: consultants.length,
      potentialDays: overallPotential,
      producedDays,
      cpDays,
      rttDays,
      tace: tace({ producedDays, potentialDays: overallPotential, cpDays, rttDays }),
      taci: taci({ producedDays, potentialDays: overallPotential }),
      intercontratRate: intercontratRate({ intercontratDays: overallIntercontrat, potentialDays: overallPotential }),
      daysBilled: producedDays,
      revenue,
      tjmRealise: tjmRealise({ revenue, daysBilled: producedDays }),
      tjmVendu: ratioOrNull(overall.contractValue, overall.produced),
    },
    purchaseOrders,
  };
}
