/**
 * The missions of the file, matched by ref, with their approvers, TJM rate periods and purchase
 * orders made exactly what the file says.
 */
import type { ApproverRole, BillingMode, Granularity } from '../../db/generated/client.js';
import { CodedError } from '../../errors.js';
import type { OrgFile, OrgMission } from '../org-file-schema.js';
import { resolvePeriods } from '../periods.js';
import { dateOnly, optionalDate } from './date-columns.js';
import { RefCounter } from './imported-records.js';
import type { StoredMission } from './stored-rows.js';
import { changedFields, isEmpty, syncRows } from './sync-rows.js';
import type { Tx } from './transaction.js';

const BILLING: Record<OrgMission['billing'], BillingMode> = { regie: 'REGIE', forfait: 'FORFAIT' };
const GRANULARITY: Record<OrgMission['granularity'], Granularity> = { day: 'DAY', half: 'HALF', quarter: 'QUARTER' };

/** Database ids by ref of what missions point to. */
export interface MissionTargets {
  readonly clientIds: ReadonlyMap<string, string>;
  readonly personIds: ReadonlyMap<string, string>;
}

function idOf(map: ReadonlyMap<string, string>, ref: string, what: string): string {
  const id = map.get(ref);
  if (id === undefined) throw new CodedError('ORG_IMPORT_UNKNOWN_REF', `Unknown ${what} "${ref}" (validate the file with parseOrgFile first)`, { ref });
  return id;
}

export async function importMissions(
  tx: Tx,
  organizationId: string,
  file: OrgFile,
  targets: MissionTargets,
  stored: readonly StoredMission[],
): Promise<RefCounter> {
  const outcomes = new RefCounter();
  const storedByRef = new Map(stored.map((m) => [m.ref, m]));
  for (const mission of file.missions) {
    const wanted = wantedMission(mission, file.organization.timezone, targets);
    const existing = storedByRef.get(mission.ref);
    let missionId: string;
    let changed = false;
    if (!existing) {
      const created = await tx.mission.create({ data: { organizationId, ref: mission.ref, ...wanted } });
      missionId = created.id;
      outcomes.create(mission.ref);
    } else {
      missionId = existing.id;
      const changes = changedFields(existing, wanted);
      if (!isEmpty(changes)) {
        await tx.mission.update({ where: { id: missionId }, data: changes });
        changed = true;
      }
    }
    changed = (await syncMissionRows({ tx, missionId, mission, stored: existing, personIds: targets.personIds })) || changed;
    if (existing) {
      if (changed) outcomes.update(mission.ref);
      else outcomes.keep(mission.ref);
    }
  }
  return outcomes;
}

function wantedMission(mission: OrgMission, defaultTimezone: string, { clientIds, personIds }: MissionTargets) {
  return {
    title: mission.title,
    clientId: idOf(clientIds, mission.client, 'client'),
    consultantId: idOf(personIds, mission.consultant, 'person'),
    managerId: idOf(personIds, mission.manager, 'person'),
    startDate: dateOnly(mission.start),
    endDate: optionalDate(mission.end),
    region: mission.region,
    timezone: mission.timezone ?? defaultTimezone,
    billingMode: BILLING[mission.billing],
    granularity: GRANULARITY[mission.granularity],
    cjm: mission.cjm ?? null,
    whitMondayWorked: mission.whitMondayWorked,
    tacitAcceptance: mission.tacitAcceptance,
    checkinsEnabled: mission.checkins.enabled,
    dailyCheckinTime: mission.checkins.dailyTime ?? null,
    weeklyCheckinDay: mission.checkins.weeklyDay ?? null,
    weeklyCheckinTime: mission.checkins.weeklyTime ?? null,
    clientResponseWorkingDays: mission.validation.responseWorkingDays ?? null,
    reminderEveryWorkingDays: mission.validation.reminderEveryWorkingDays ?? null,
    escalateAfterWorkingDays: mission.validation.escalateAfterWorkingDays ?? null,
    backupAfterWorkingDays: mission.validation.backupAfterWorkingDays ?? null,
  };
}

/** What the rows of one mission are synced with. */
interface MissionRowsSync {
  readonly tx: Tx;
  readonly missionId: string;
  readonly mission: OrgMission;
  /** The mission as stored before the import; undefined for a new one. */
  readonly stored: StoredMission | undefined;
  readonly personIds: ReadonlyMap<string, string>;
}

/** Approvers, then rates, then purchase orders; returns whether any row was written. */
async function syncMissionRows(sync: MissionRowsSync): Promise<boolean> {
  const approversChanged = await syncApprovers(sync);
  const ratesChanged = await syncRates(sync);
  const ordersChanged = await syncPurchaseOrders(sync);
  return approversChanged || ratesChanged || ordersChanged;
}

/** Approvers and backup approvers, keyed by (role, validFrom). */
async function syncApprovers({ tx, missionId, mission, stored, personIds }: MissionRowsSync): Promise<boolean> {
  const wanted = (
    [
      ['PRIMARY', mission.approvers],
      ['BACKUP', mission.backupApprovers],
    ] as const
  ).flatMap(([role, list]) =>
    resolvePeriods(list).map((p) => ({
      role: role as ApproverRole,
      validFrom: dateOnly(p.from),
      validTo: optionalDate(p.to),
      personId: idOf(personIds, p.item.person, 'person'),
    })),
  );
  return syncRows({
    stored: stored?.approvers ?? [],
    wanted,
    keyOf: (a) => `${a.role}/${a.validFrom.getTime()}`,
    remove: (ids) => tx.missionApprover.deleteMany({ where: { id: { in: ids } } }),
    update: (id, data) => tx.missionApprover.update({ where: { id }, data }),
    create: (data) => tx.missionApprover.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
  });
}

/** TJM rate periods, keyed by validFrom; open periods end the day before the next one. */
async function syncRates({ tx, missionId, mission, stored }: MissionRowsSync): Promise<boolean> {
  const wanted = resolvePeriods(mission.rates).map((p) => ({
    validFrom: dateOnly(p.from),
    validTo: optionalDate(p.to),
    tjm: p.item.tjm,
  }));
  return syncRows({
    stored: stored?.rates ?? [],
    wanted,
    keyOf: (r) => String(r.validFrom.getTime()),
    remove: (ids) => tx.ratePeriod.deleteMany({ where: { id: { in: ids } } }),
    update: (id, data) => tx.ratePeriod.update({ where: { id }, data }),
    create: (data) => tx.ratePeriod.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
  });
}

/** Purchase orders, keyed by number (their ids stay stable). */
async function syncPurchaseOrders({ tx, missionId, mission, stored }: MissionRowsSync): Promise<boolean> {
  const wanted = mission.purchaseOrders.map((po) => ({
    number: po.number,
    startDate: dateOnly(po.start),
    endDate: dateOnly(po.end),
    daysOrdered: po.daysOrdered,
    amount: po.amount ?? null,
  }));
  return syncRows({
    stored: stored?.purchaseOrders ?? [],
    wanted,
    keyOf: (po) => po.number,
    remove: (ids) => tx.purchaseOrder.deleteMany({ where: { id: { in: ids } } }),
    update: (id, data) => tx.purchaseOrder.update({ where: { id }, data }),
    create: (data) => tx.purchaseOrder.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
  });
}
