/**
 * `rituel org import`: applies a validated organization file to the database, declaratively and
 * idempotently, in one transaction. Records are matched by ref; only what differs is written, so
 * importing the same file twice changes nothing (no update, no updatedAt change, no audit row).
 */
import { Prisma, type Db } from '../db/client.js';
import type {
  ApproverRole,
  BillingMode,
  Channel,
  Granularity,
  Platform,
  Role,
} from '../db/generated/client.js';
import { toDateOnlyUTC } from '../domain/dates.js';
import { CodedError } from '../errors.js';
import type { OrgContact, OrgFile, OrgMission, OrgPerson } from './org-file-schema.js';
import { parseOrgFile, type OrgFileProblem } from './parse-org-file.js';
import { orgText } from './org-problems.js';
import { resolvePeriods } from './periods.js';

type Tx = Prisma.TransactionClient;

// A type alias (not an interface) so that it is assignable to Record<string, number>.
export type ImportCounts = {
  people: number;
  clients: number;
  missions: number;
};

export interface ImportSummary {
  organizationId: string;
  /** What happened to the organization row itself (name, locale, settings). */
  organization: 'created' | 'updated' | 'unchanged';
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  /** People of the organization absent from the file, deactivated by this import. */
  deactivated: number;
}

export interface ImportActor {
  channel?: Channel;
  /** The person running the import, when known. */
  personId?: string | null;
}

export interface ImportOrganizationOptions {
  prisma: Db;
  /** A file validated by parseOrgFile. */
  file: OrgFile;
  actor?: ImportActor;
}

export type ImportOrganizationYamlResult =
  | { ok: true; file: OrgFile; summary: ImportSummary }
  | { ok: false; problems: OrgFileProblem[] };

/** Parses the YAML text and imports it when valid; with any problem nothing is written. */
export async function importOrganizationYaml(options: {
  prisma: Db;
  text: string;
  actor?: ImportActor;
}): Promise<ImportOrganizationYamlResult> {
  const parsed = parseOrgFile(options.text);
  if (!parsed.ok) return parsed;
  const summary = await importOrganization({
    prisma: options.prisma,
    file: parsed.file,
    ...(options.actor ? { actor: options.actor } : {}),
  });
  return { ok: true, file: parsed.file, summary };
}

// ───────────────────────────── Comparison ─────────────────────────────

/** Date-only value for a @db.Date column ('2026-11-16' → 2026-11-16T00:00:00.000Z). */
const dateOnly = (value: string): Date => toDateOnlyUTC(value);
const optionalDate = (value: string | null | undefined): Date | null => (value == null ? null : dateOnly(value));

function sameValue(stored: unknown, wanted: unknown): boolean {
  if (wanted === null || wanted === undefined) return stored === null || stored === undefined;
  if (stored === null || stored === undefined) return false;
  if (wanted instanceof Date) return stored instanceof Date && stored.getTime() === wanted.getTime();
  if (Prisma.Decimal.isDecimal(stored)) {
    return (typeof wanted === 'string' || typeof wanted === 'number') && stored.equals(new Prisma.Decimal(wanted));
  }
  if (Array.isArray(wanted)) return JSON.stringify(stored) === JSON.stringify(wanted);
  return stored === wanted;
}

/** The fields of `wanted` whose value differs from the stored row (empty: nothing to write). */
function changedFields<T extends object>(stored: object, wanted: T): Partial<T> {
  const changes: Partial<T> = {};
  const storedValues = stored as Record<string, unknown>;
  for (const key of Object.keys(wanted) as (keyof T & string)[]) {
    if (!sameValue(storedValues[key], wanted[key])) changes[key] = wanted[key];
  }
  return changes;
}

const isEmpty = (value: object): boolean => Object.keys(value).length === 0;

// ───────────────────────────── Mapping ─────────────────────────────

const ROLE_ORDER: readonly Role[] = ['CONSULTANT', 'MANAGER', 'ADMIN', 'CLIENT_CONTACT'];

function canonicalRoles(roles: readonly string[]): Role[] {
  const wanted = new Set(roles.map((r) => r.toUpperCase()));
  return ROLE_ORDER.filter((role) => wanted.has(role));
}

function craCloseRule(rule: string): string {
  return rule === 'last-working-day' ? 'LAST_WORKING_DAY' : rule.toUpperCase().replace('-', '_');
}

const BILLING: Record<OrgMission['billing'], BillingMode> = { regie: 'REGIE', forfait: 'FORFAIT' };
const GRANULARITY: Record<OrgMission['granularity'], Granularity> = { day: 'DAY', half: 'HALF', quarter: 'QUARTER' };

interface WantedAccount {
  platform: Platform;
  teamId: string;
  externalId: string;
}

function wantedAccounts(person: OrgPerson | OrgContact): WantedAccount[] {
  const accounts: WantedAccount[] = [];
  if (person.slack) accounts.push({ platform: 'SLACK', teamId: person.slack.teamId, externalId: person.slack.userId });
  if (person.teams) accounts.push({ platform: 'TEAMS', teamId: person.teams.tenantId, externalId: person.teams.aadObjectId });
  return accounts;
}

const accountKey = (a: WantedAccount): string => `${a.platform}/${a.teamId}/${a.externalId}`;

/** Chat platforms managed by the file; WEB accounts belong to the web chat and are left alone. */
const FILE_PLATFORMS: readonly Platform[] = ['SLACK', 'TEAMS'];

// ───────────────────────────── Import ─────────────────────────────

class Counter {
  readonly created = new Set<string>();
  readonly updated = new Set<string>();
  readonly seen = new Set<string>();
  create(ref: string): void {
    this.seen.add(ref);
    this.created.add(ref);
  }
  update(ref: string): void {
    this.seen.add(ref);
    if (!this.created.has(ref)) this.updated.add(ref);
  }
  keep(ref: string): void {
    this.seen.add(ref);
  }
  get unchanged(): number {
    return [...this.seen].filter((ref) => !this.created.has(ref) && !this.updated.has(ref)).length;
  }
}

/**
 * Creates or updates the organization of the file, its people (and client contacts), clients and
 * missions, in one transaction. People of the organization absent from the file are deactivated.
 * Throws CodedError('ORG_IMPORT_CHAT_ACCOUNT_TAKEN') when a chat account of the file belongs to a
 * person of another organization (nothing is written then); its message is in English, its
 * details.params fill the text 'org.error.ORG_IMPORT_CHAT_ACCOUNT_TAKEN' (localizeOrgError).
 */
export async function importOrganization(options: ImportOrganizationOptions): Promise<ImportSummary> {
  const { prisma, file } = options;
  const channel = options.actor?.channel ?? 'CLI';
  const actorId = options.actor?.personId ?? null;
  return prisma.$transaction((tx) => importInTransaction(tx, file, channel, actorId), {
    maxWait: 30_000,
    timeout: 300_000,
  });
}

async function importInTransaction(tx: Tx, file: OrgFile, channel: Channel, actorId: string | null): Promise<ImportSummary> {
  const org = file.organization;
  const settings = org.settings;

  // Organization.
  const wantedOrg = {
    name: org.name,
    locale: org.locale,
    timezone: org.timezone,
    dailyCheckinTime: settings.dailyCheckinTime,
    weeklyCheckinDay: settings.weeklyCheckinDay,
    weeklyCheckinTime: settings.weeklyCheckinTime,
    quietHoursStart: settings.quietHours.start,
    quietHoursEnd: settings.quietHours.end,
    craCloseRule: craCloseRule(settings.craClose.rule),
    craCloseTime: settings.craClose.time,
    clientResponseWorkingDays: settings.validation.responseWorkingDays,
    reminderEveryWorkingDays: settings.validation.reminderEveryWorkingDays,
    escalateAfterWorkingDays: settings.validation.escalateAfterWorkingDays,
    backupAfterWorkingDays: settings.validation.backupAfterWorkingDays,
    tacitAcceptanceWorkingDays: settings.validation.tacitAcceptanceWorkingDays,
    catchUpWindowMinutes: settings.catchUpWindowMinutes,
    retentionMonths: settings.retentionMonths,
  };
  let organizationOutcome: ImportSummary['organization'] = 'unchanged';
  let organization = await tx.organization.findUnique({ where: { slug: org.slug } });
  if (!organization) {
    organization = await tx.organization.create({ data: { slug: org.slug, ...wantedOrg } });
    organizationOutcome = 'created';
  } else {
    const changes = changedFields(organization, wantedOrg);
    if (!isEmpty(changes)) {
      organization = await tx.organization.update({ where: { id: organization.id }, data: changes });
      organizationOutcome = 'updated';
    }
  }
  const organizationId = organization.id;

  // Sequential reads: one connection serves the whole transaction.
  const storedClients = await tx.client.findMany({ where: { organizationId }, orderBy: { ref: 'asc' } });
  const storedPeople = await tx.person.findMany({
    where: { organizationId },
    include: { chatAccounts: true },
    orderBy: { ref: 'asc' },
  });
  const storedMissions = await tx.mission.findMany({
    where: { organizationId },
    include: { approvers: true, rates: true, purchaseOrders: true },
    orderBy: { ref: 'asc' },
  });

  // Clients.
  const clients = new Counter();
  const clientIds = new Map<string, string>();
  const clientsByRef = new Map(storedClients.map((c) => [c.ref, c]));
  for (const client of file.clients) {
    const stored = clientsByRef.get(client.ref);
    if (!stored) {
      const created = await tx.client.create({ data: { organizationId, ref: client.ref, name: client.name } });
      clientIds.set(client.ref, created.id);
      clients.create(client.ref);
      continue;
    }
    clientIds.set(client.ref, stored.id);
    const changes = changedFields(stored, { name: client.name });
    if (isEmpty(changes)) clients.keep(client.ref);
    else {
      await tx.client.update({ where: { id: stored.id }, data: changes });
      clients.update(client.ref);
    }
  }

  // People: ESN people and client contacts.
  const people = new Counter();
  const personIds = new Map<string, string>();
  const peopleByRef = new Map(storedPeople.map((p) => [p.ref, p]));
  const wantedPeople: { person: OrgPerson | OrgContact; roles: Role[]; clientId: string | null; cjm: string | null }[] = [
    ...file.people.map((person) => ({ person, roles: canonicalRoles(person.roles), clientId: null, cjm: person.cjm ?? null })),
    ...file.clients.flatMap((client) =>
      client.contacts.map((person) => ({
        person,
        roles: canonicalRoles(['CLIENT_CONTACT']),
        clientId: clientIds.get(client.ref) ?? null,
        cjm: null,
      })),
    ),
  ];
  for (const { person, roles, clientId, cjm } of wantedPeople) {
    const wanted = {
      name: person.name,
      email: person.email ?? null,
      locale: person.locale ?? null,
      timezone: person.timezone ?? null,
      roles,
      clientId,
      cjm,
      active: true,
    };
    const stored = peopleByRef.get(person.ref);
    if (!stored) {
      const created = await tx.person.create({ data: { organizationId, ref: person.ref, ...wanted } });
      personIds.set(person.ref, created.id);
      people.create(person.ref);
      continue;
    }
    personIds.set(person.ref, stored.id);
    const changes = changedFields(stored, wanted);
    if (isEmpty(changes)) people.keep(person.ref);
    else {
      await tx.person.update({ where: { id: stored.id }, data: changes });
      people.update(person.ref);
    }
  }

  // Chat accounts: first give every account of the file to its person (moving it from another
  // person of the organization keeps its conversation), then remove the accounts no longer listed.
  const storedAccounts = new Map(
    storedPeople.flatMap((p) => p.chatAccounts.map((a) => [accountKey(a), { ...a, ref: p.ref }] as const)),
  );
  const wantedKeysByPerson = new Map<string, Set<string>>();
  for (const { person } of wantedPeople) {
    const personId = personIds.get(person.ref);
    if (personId === undefined) continue;
    const keys = new Set<string>();
    wantedKeysByPerson.set(person.ref, keys);
    for (const account of wantedAccounts(person)) {
      const key = accountKey(account);
      keys.add(key);
      const stored = storedAccounts.get(key);
      if (stored) {
        if (stored.personId !== personId) {
          await tx.chatAccount.update({ where: { id: stored.id }, data: { personId } });
          people.update(person.ref);
        }
        continue;
      }
      const elsewhere = await tx.chatAccount.findUnique({
        where: { platform_teamId_externalId: account },
        select: { id: true },
      });
      if (elsewhere) {
        const params = { platform: account.platform === 'SLACK' ? 'Slack' : 'Teams', externalId: account.externalId, ref: person.ref };
        throw new CodedError('ORG_IMPORT_CHAT_ACCOUNT_TAKEN', orgText('en', 'org.error.ORG_IMPORT_CHAT_ACCOUNT_TAKEN', params), {
          platform: account.platform,
          teamId: account.teamId,
          externalId: account.externalId,
          ref: person.ref,
          params,
        });
      }
      await tx.chatAccount.create({ data: { personId, ...account } });
      people.update(person.ref);
    }
  }
  for (const stored of storedPeople) {
    const wantedKeys = wantedKeysByPerson.get(stored.ref);
    if (!wantedKeys) continue; // absent from the file: deactivated below, accounts kept
    const obsolete = stored.chatAccounts.filter(
      (a) => FILE_PLATFORMS.includes(a.platform) && !wantedKeys.has(accountKey(a)),
    );
    // Accounts moved to another person above are no longer this person's.
    const stillOwned = obsolete.filter((a) => {
      const key = accountKey(a);
      return ![...wantedKeysByPerson.entries()].some(([ref, keys]) => ref !== stored.ref && keys.has(key));
    });
    if (stillOwned.length > 0) {
      await tx.chatAccount.deleteMany({ where: { id: { in: stillOwned.map((a) => a.id) } } });
      people.update(stored.ref);
    }
  }

  // People of the organization absent from the file: deactivated, never deleted.
  const absent = storedPeople.filter((p) => !personIds.has(p.ref) && p.active);
  if (absent.length > 0) {
    await tx.person.updateMany({ where: { id: { in: absent.map((p) => p.id) } }, data: { active: false } });
  }

  // Missions.
  const missions = new Counter();
  const missionsByRef = new Map(storedMissions.map((m) => [m.ref, m]));
  const idOf = (map: Map<string, string>, ref: string, what: string): string => {
    const id = map.get(ref);
    if (id === undefined) throw new CodedError('ORG_IMPORT_UNKNOWN_REF', `Unknown ${what} "${ref}" (validate the file with parseOrgFile first)`, { ref });
    return id;
  };
  for (const mission of file.missions) {
    const wanted = {
      title: mission.title,
      clientId: idOf(clientIds, mission.client, 'client'),
      consultantId: idOf(personIds, mission.consultant, 'person'),
      managerId: idOf(personIds, mission.manager, 'person'),
      startDate: dateOnly(mission.start),
      endDate: optionalDate(mission.end),
      region: mission.region,
      timezone: mission.timezone ?? org.timezone,
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
    const stored = missionsByRef.get(mission.ref);
    let missionId: string;
    let changed = false;
    if (!stored) {
      const created = await tx.mission.create({ data: { organizationId, ref: mission.ref, ...wanted } });
      missionId = created.id;
      missions.create(mission.ref);
    } else {
      missionId = stored.id;
      const changes = changedFields(stored, wanted);
      if (!isEmpty(changes)) {
        await tx.mission.update({ where: { id: missionId }, data: changes });
        changed = true;
      }
    }

    // Approvers, keyed by (role, validFrom).
    const wantedApprovers = (
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
    changed =
      (await syncRows({
        stored: stored?.approvers ?? [],
        wanted: wantedApprovers,
        keyOfStored: (a) => `${a.role}/${a.validFrom.getTime()}`,
        keyOfWanted: (a) => `${a.role}/${a.validFrom.getTime()}`,
        remove: (ids) => tx.missionApprover.deleteMany({ where: { id: { in: ids } } }),
        update: (id, data) => tx.missionApprover.update({ where: { id }, data }),
        create: (data) => tx.missionApprover.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
      })) || changed;

    // TJM rate periods, keyed by validFrom; open periods end the day before the next one.
    const wantedRates = resolvePeriods(mission.rates).map((p) => ({
      validFrom: dateOnly(p.from),
      validTo: optionalDate(p.to),
      tjm: p.item.tjm,
    }));
    changed =
      (await syncRows({
        stored: stored?.rates ?? [],
        wanted: wantedRates,
        keyOfStored: (r) => String(r.validFrom.getTime()),
        keyOfWanted: (r) => String(r.validFrom.getTime()),
        remove: (ids) => tx.ratePeriod.deleteMany({ where: { id: { in: ids } } }),
        update: (id, data) => tx.ratePeriod.update({ where: { id }, data }),
        create: (data) => tx.ratePeriod.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
      })) || changed;

    // Purchase orders, keyed by number (their ids stay stable).
    const wantedOrders = mission.purchaseOrders.map((po) => ({
      number: po.number,
      startDate: dateOnly(po.start),
      endDate: dateOnly(po.end),
      daysOrdered: po.daysOrdered,
      amount: po.amount ?? null,
    }));
    changed =
      (await syncRows({
        stored: stored?.purchaseOrders ?? [],
        wanted: wantedOrders,
        keyOfStored: (po) => po.number,
        keyOfWanted: (po) => po.number,
        remove: (ids) => tx.purchaseOrder.deleteMany({ where: { id: { in: ids } } }),
        update: (id, data) => tx.purchaseOrder.update({ where: { id }, data }),
        create: (data) => tx.purchaseOrder.createMany({ data: data.map((d) => ({ missionId, ...d })) }),
      })) || changed;

    if (stored) {
      if (changed) missions.update(mission.ref);
      else missions.keep(mission.ref);
    }
  }

  const summary: ImportSummary = {
    organizationId,
    organization: organizationOutcome,
    created: { people: people.created.size, clients: clients.created.size, missions: missions.created.size },
    updated: { people: people.updated.size, clients: clients.updated.size, missions: missions.updated.size },
    unchanged: { people: people.unchanged, clients: clients.unchanged, missions: missions.unchanged },
    deactivated: absent.length,
  };

  const somethingChanged =
    organizationOutcome !== 'unchanged' ||
    summary.deactivated > 0 ||
    Object.values(summary.created).some((n) => n > 0) ||
    Object.values(summary.updated).some((n) => n > 0);
  if (somethingChanged) {
    await tx.auditEvent.create({
      data: {
        organizationId,
        entityType: 'Organization',
        entityId: organizationId,
        action: 'org.import',
        actorId,
        channel,
        data: {
          organization: summary.organization,
          created: { ...summary.created },
          updated: { ...summary.updated },
          unchanged: { ...summary.unchanged },
          deactivated: summary.deactivated,
        },
      },
    });
  }
  return summary;
}

/**
 * Makes the stored child rows equal to the wanted ones: deletes rows whose key is gone, updates
 * the changed fields of the others, creates the new ones. Returns whether anything was written.
 */
async function syncRows<S extends { id: string }, W extends object>(args: {
  stored: readonly S[];
  wanted: readonly W[];
  keyOfStored: (row: S) => string;
  keyOfWanted: (row: W) => string;
  remove: (ids: string[]) => Promise<unknown>;
  update: (id: string, data: Partial<W>) => Promise<unknown>;
  create: (rows: W[]) => Promise<unknown>;
}): Promise<boolean> {
  const storedByKey = new Map(args.stored.map((row) => [args.keyOfStored(row), row]));
  const wantedKeys = new Set(args.wanted.map(args.keyOfWanted));
  let changed = false;
  const obsolete = args.stored.filter((row) => !wantedKeys.has(args.keyOfStored(row)));
  if (obsolete.length > 0) {
    await args.remove(obsolete.map((row) => row.id));
    changed = true;
  }
  const toCreate: W[] = [];
  for (const row of args.wanted) {
    const stored = storedByKey.get(args.keyOfWanted(row));
    if (!stored) {
      toCreate.push(row);
      continue;
    }
    const changes = changedFields(stored, row);
    if (!isEmpty(changes)) {
      await args.update(stored.id, changes);
      changed = true;
    }
  }
  if (toCreate.length > 0) {
    await args.create(toCreate);
    changed = true;
  }
  return changed;
}
