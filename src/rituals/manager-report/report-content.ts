/**
 * What a manager's monthly report holds: the status of each of their missions' CRA for the month,
 * the KPIs of `rituel kpi` restricted to their consultants, their purchase orders, and the TACE of
 * the last 6 months. ESN-internal (it goes to the ESN manager), yet it reads no note or mood.
 */
import type { Db } from '../../db/client.js';
import type { CraStatus } from '../../db/generated/client.js';
import { addMonths, firstDay, lastDay, toDateOnlyUTC, type YearMonth } from '../../domain/index.js';
import { Dec, toCents } from '../../domain/decimal.js';
import { CodedError, isCodedError } from '../../errors.js';
import { personLocale, type Locale } from '../../i18n/index.js';
import { computeKpis, type ConsultantKpis, type PurchaseOrderKpis } from '../../services/compute-kpis.js';
import { getTimesheetView } from '../../services/get-timesheet-view.js';

export type ReportStatus = 'draft' | 'pending' | 'approved' | 'disputed' | 'overdue' | 'invoiced';

export interface ReportMission {
  ref: string;
  title: string;
  client: string;
  consultant: string;
  status: ReportStatus;
  craStatus: CraStatus | null;
  days: number;
}

export interface ReportKpis {
  tace: number | null;
  daysBilled: number;
  revenue: string;
  tjmRealise: string | null;
  tjmVendu: string | null;
}

export interface ManagerReport {
  managerId: string;
  managerName: string;
  organization: string;
  locale: Locale;
  timeZone: string;
  month: YearMonth;
  missions: ReportMission[];
  consultants: { ref: string; name: string; daysBilled: number; tace: number | null }[];
  kpis: ReportKpis;
  purchaseOrders: PurchaseOrderKpis[];
  /** Oldest first: the month and the 5 before it. */
  taceTrend: { month: YearMonth; tace: number | null }[];
}

export function reportStatus(status: CraStatus | null, dueAt: Date | null, now: Date): ReportStatus {
  switch (status) {
    case null:
    case 'DRAFT':
      return 'draft';
    case 'SUBMITTED':
    case 'PENDING_CLIENT':
      return dueAt && dueAt.getTime() < now.getTime() ? 'overdue' : 'pending';
    case 'DISPUTED':
      return 'disputed';
    case 'APPROVED':
      return 'approved';
    case 'INVOICED':
      return 'invoiced';
  }
}

/** The manager's aggregate of consultant KPIs (same definitions as OverallKpis). */
export function aggregateKpis(consultants: readonly ConsultantKpis[]): ReportKpis {
  const produced = consultants.reduce((s, c) => s + c.producedDays, 0);
  const base = consultants.reduce((s, c) => s + c.potentialDays - c.cpDays - c.rttDays, 0);
  const daysBilled = consultants.reduce((s, c) => s + c.daysBilled, 0);
  const revenue = consultants.reduce((s, c) => s.plus(c.revenue), new Dec(0));
  const sold = consultants.reduce((s, c) => (c.tjmVendu === null ? s : s.plus(new Dec(c.tjmVendu).times(c.daysBilled))), new Dec(0));
  return {
    tace: base > 0 ? produced / base : null,
    daysBilled,
    revenue: toCents(revenue),
    tjmRealise: daysBilled > 0 ? toCents(revenue.dividedBy(daysBilled)) : null,
    tjmVendu: daysBilled > 0 ? toCents(sold.dividedBy(daysBilled)) : null,
  };
}

async function managedMissions(prisma: Db, managerId: string, month: YearMonth) {
  return prisma.mission.findMany({
    where: {
      managerId,
      startDate: { lte: toDateOnlyUTC(lastDay(month)) },
      OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(firstDay(month)) } }],
    },
    select: {
      id: true, ref: true, title: true, billingMode: true,
      client: { select: { name: true } },
      consultant: { select: { ref: true, name: true } },
      timesheets: { where: { month }, select: { status: true, dueAt: true } },
    },
    orderBy: { ref: 'asc' },
  });
}

/** True when the manager has missions during `month` (else no report is sent). */
export async function hasMissionsIn(prisma: Db, managerId: string, month: YearMonth): Promise<boolean> {
  return (await managedMissions(prisma, managerId, month)).length > 0;
}

export async function loadManagerReport(options: { prisma: Db; managerId: string; month: YearMonth; now: Date }): Promise<ManagerReport> {
  const { prisma, managerId, month, now } = options;
  const manager = await prisma.person.findUnique({
    where: { id: managerId },
    select: { id: true, name: true, locale: true, timezone: true, organization: { select: { slug: true, locale: true, timezone: true } } },
  });
  if (!manager) throw new CodedError('DOCUMENT_NOT_FOUND', `No person ${managerId}`);
  const missions = await managedMissions(prisma, managerId, month);
  const reportMissions: ReportMission[] = [];
  for (const mission of missions) {
    const timesheet = mission.timesheets[0] ?? null;
    const view = await getTimesheetView({ prisma, missionId: mission.id, month });
    reportMissions.push({
      ref: mission.ref,
      title: mission.title,
      client: mission.client.name,
      consultant: mission.consultant.name,
      status: reportStatus(timesheet?.status ?? null, timesheet?.dueAt ?? null, now),
      craStatus: timesheet?.status ?? null,
      days: view.totalWorked,
    });
  }
  const consultantRefs = new Set(missions.map((m) => m.consultant.ref));
  const missionRefs = new Set(missions.map((m) => m.ref));
  const ofManager = async (m: YearMonth) => {
    const kpi = await computeKpis({ prisma, month: m, organization: manager.organization.slug });
    return { kpi, consultants: kpi.consultants.filter((c) => consultantRefs.has(c.ref)) };
  };
  const current = await ofManager(month);
  const taceTrend: ManagerReport['taceTrend'] = [];
  for (let back = 5; back >= 1; back -= 1) {
    const m = addMonths(month, -back);
    // An earlier month the KPIs cannot figure (a worked day without a TJM) is a gap in the line.
    const earlier = await ofManager(m).catch((error: unknown) => {
      if (isCodedError(error)) return null;
      throw error;
    });
    taceTrend.push({ month: m, tace: earlier ? aggregateKpis(earlier.consultants).tace : null });
  }
  const kpis = aggregateKpis(current.consultants);
  taceTrend.push({ month, tace: kpis.tace });
  return {
    managerId,
    managerName: manager.name,
    organization: manager.organization.slug,
    locale: personLocale(manager.locale, manager.organization.locale),
    timeZone: manager.timezone ?? manager.organization.timezone,
    month,
    missions: reportMissions,
    consultants: current.consultants.map((c) => ({ ref: c.ref, name: c.name, daysBilled: c.daysBilled, tace: c.tace })),
    kpis,
    purchaseOrders: current.kpi.purchaseOrders.filter((po) => missionRefs.has(po.mission)),
    taceTrend,
  };
}
