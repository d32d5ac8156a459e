/**
 * What the KPI report of one month is computed from, read with a fixed number of queries
 * whatever the number of consultants and days.
 */
import type { Db, Prisma } from '../../db/client.js';
import type { DayEntry } from '../../db/generated/client.js';
import {
  firstDay,
  fromDateOnlyUTC,
  lastDay,
  toDateOnlyUTC,
  type IsoDate,
  type RatePeriod,
  type Region,
  type YearMonth,
} from '../../domain/index.js';
import { compareKeys, purchaseOrderKpis, type PurchaseOrderKpis } from './purchase-orders.js';

/** An active consultant of the organization. */
export interface ConsultantForKpi {
  id: string;
  ref: string;
  name: string;
  /** The person's CJM (a mission's CJM comes first). */
  cjm: string | null;
}

export interface MissionForKpi {
  id: string;
  ref: string;
  consultantId: string;
  billingMode: 'REGIE' | 'FORFAIT';
  region: Region;
  /** Whit Monday is a working day at the client site (journée de solidarité worked). */
  whitMondayWorked: boolean;
  startDate: IsoDate;
  endDate: IsoDate | null;
  cjm: string | null;
  rates: RatePeriod[];
}

export type EntryForKpi = Pick<DayEntry, 'personId' | 'missionId' | 'date' | 'kind' | 'fraction'>;

export interface KpiRows {
  /** Active people with the CONSULTANT role, by ref. */
  consultants: ConsultantForKpi[];
  /** Every mission an entry or a consultant's window points to, by id. */
  missions: Map<string, MissionForKpi>;
  /** Missions whose window overlaps the month, by consultant id. */
  missionsByPerson: Map<string, MissionForKpi[]>;
  /** Day entries of the month, by person id. */
  entriesByPerson: Map<string, EntryForKpi[]>;
  purchaseOrders: PurchaseOrderKpis[];
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

type MissionRow = Prisma.MissionGetPayload<{ select: typeof missionSelect }>;

function missionForKpi(m: MissionRow): MissionForKpi {
  return {
    id: m.id,
    ref: m.ref,
    consultantId: m.consultantId,
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
  };
}

export async function readKpiRows(prisma: Db, organizationId: string, month: YearMonth): Promise<KpiRows> {
  const monthStart = toDateOnlyUTC(firstDay(month));
  const monthEnd = toDateOnlyUTC(lastDay(month));

  const people = await prisma.person.findMany({
    where: { organizationId, active: true, roles: { has: 'CONSULTANT' } },
    select: { id: true, ref: true, name: true, cjm: true },
  });
  people.sort((a, b) => compareKeys([a.ref], [b.ref]));
  const personIds = people.map((p) => p.id);

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
    purchaseOrderKpis({ prisma, organizationId, month }),
  ]);
  // Entries outside every active window should not exist (the day-entry rules refuse them);
  // should some have been imported anyway, their mission is read too, in one more query.
  const known = new Set(activeMissions.map((m) => m.id));
  const unknownIds = [...new Set(entries.map((e) => e.missionId).filter((id) => !known.has(id)))];
  const extraMissions = unknownIds.length > 0 ? await prisma.mission.findMany({ where: { id: { in: unknownIds } }, select: missionSelect }) : [];

  const active = activeMissions.map(missionForKpi);
  return {
    consultants: people.map((p) => ({ id: p.id, ref: p.ref, name: p.name, cjm: p.cjm === null ? null : p.cjm.toString() })),
    missions: new Map([...active, ...extraMissions.map(missionForKpi)].map((m) => [m.id, m])),
    missionsByPerson: groupBy(active, (m) => m.consultantId),
    entriesByPerson: groupBy(entries, (e) => e.personId),
    purchaseOrders,
  };
}
