import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import type { Db } from '../../../src/db/client.js';
import { CodedError } from '../../../src/errors.js';
import { describeProblem } from '../../../src/i18n/problems.js';
import {
  importOrganization,
  importOrganizationYaml,
  type ImportSummary,
} from '../../../src/org/import-organization.js';
import { formatProblems, parseOrgFile } from '../../../src/org/parse-org-file.js';
import type { OrgFile } from '../../../src/org/org-file-schema.js';
import { createTestDatabase } from '../../helpers/database.js';
import { edit, exampleText, lineOf } from './org-file-text.js';

/** Every row of every table (except the migrations journal), as JSON text ordered by id. */
async function dumpDatabase(prisma: Db): Promise<Record<string, string[]>> {
  const tables = await prisma.$queryRaw<{ table_name: string; has_id: boolean }[]>`
    SELECT t.table_name::text AS table_name,
           EXISTS (SELECT 1 FROM information_schema.columns c
                    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                      AND c.column_name = 'id') AS has_id
      FROM information_schema.tables t
     WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND t.table_name <> '_prisma_migrations'
     ORDER BY t.table_name`;
  expect(tables.map((t) => t.table_name)).toContain('Person');
  const dump: Record<string, string[]> = {};
  for (const { table_name: table, has_id: hasId } of tables) {
    const order = hasId ? 't.id' : '1';
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY ${order}`,
    );
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

function parseOrThrow(text: string): OrgFile {
  const result = parseOrgFile(text);
  if (!result.ok) throw new Error(formatProblems('org.yaml', result.problems));
  return result.file;
}

const ZERO = { people: 0, clients: 0, missions: 0 };

describe('importOrganization (examples/org.yaml)', () => {
  let db: Database;
  let first: ImportSummary;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates the organization, people, clients and missions of the example', async () => {
    first = await importOrganization({ prisma: db.prisma, file: parseOrThrow(exampleText()), actor: { channel: 'CLI' } });
    expect(first).toEqual({
      organizationId: expect.any(String),
      organization: 'created',
      created: { people: 9, clients: 2, missions: 3 },
      updated: ZERO,
      unchanged: ZERO,
      deactivated: 0,
    });
    const prisma = db.prisma;
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: 'acme-conseil' } });
    expect(org).toMatchObject({ id: first.organizationId, name: 'ACME Conseil', locale: 'fr', timezone: 'Europe/Paris', craCloseRule: 'LAST_WORKING_DAY' });
    expect(org).toMatchObject({ checkinReminderTime: '09:00', digestDay: 1, digestTime: '09:00', silentDaysAlert: 3 });
    expect(await prisma.person.count({ where: { organizationId: org.id, dailyCheckinTime: { not: null } } })).toBe(0);
    expect(await prisma.person.count({ where: { organizationId: org.id } })).toBe(9);
    expect(await prisma.person.count({ where: { roles: { has: 'CONSULTANT' } } })).toBe(3);
    expect(await prisma.person.count({ where: { roles: { has: 'CLIENT_CONTACT' }, clientId: { not: null } } })).toBe(5);
    expect(await prisma.client.count()).toBe(2);
    expect(await prisma.mission.count()).toBe(3);
    expect(await prisma.chatAccount.count()).toBe(8);
    expect(await prisma.missionApprover.count()).toBe(7);
    expect(await prisma.ratePeriod.count()).toBe(4);
    expect(await prisma.purchaseOrder.count()).toBe(4);

    const marc = await prisma.person.findUniqueOrThrow({ where: { organizationId_ref: { organizationId: org.id, ref: 'marc' } }, include: { chatAccounts: true } });
    expect(marc.roles).toEqual(['MANAGER', 'ADMIN']);
    expect(marc.chatAccounts).toMatchObject([{ platform: 'SLACK', teamId: 'T07ACME001', externalId: 'U07MARC001' }]);
    const claire = await prisma.person.findUniqueOrThrow({ where: { organizationId_ref: { organizationId: org.id, ref: 'claire' } }, include: { chatAccounts: true, client: true } });
    expect(claire.client?.ref).toBe('banque-nord');
    expect(claire.chatAccounts).toMatchObject([
      { platform: 'TEAMS', teamId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01', externalId: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01' },
    ]);
    const sarah = await prisma.person.findUniqueOrThrow({ where: { organizationId_ref: { organizationId: org.id, ref: 'sarah' } } });
    expect(sarah).toMatchObject({ locale: 'en', timezone: null, active: true });
    expect(sarah.cjm?.toFixed(2)).toBe('560.00');
  });

  it('stores the missions with their dated rates, approvers and purchase orders, dates unshifted', async () => {
    const prisma = db.prisma;
    const mission = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    expect(mission).toMatchObject({ region: 'FR', billingMode: 'REGIE', granularity: 'HALF', timezone: 'Europe/Paris', tacitAcceptance: false, checkinsEnabled: true, dailyCheckinTime: null });
    const dates = await prisma.$queryRaw<{ start: string; end: string | null }[]>`
      SELECT "startDate"::text AS start, "endDate"::text AS "end" FROM "Mission" WHERE id = ${mission.id}::uuid`;
    expect(dates).toEqual([{ start: '2026-11-16', end: '2027-06-30' }]);

    const rates = await prisma.$queryRaw<{ from: string; to: string | null; tjm: string }[]>`
      SELECT "validFrom"::text AS "from", "validTo"::text AS "to", tjm::text AS tjm
        FROM "RatePeriod" WHERE "missionId" = ${mission.id}::uuid ORDER BY "validFrom"`;
    expect(rates).toEqual([
      { from: '2026-11-16', to: '2026-12-31', tjm: '650.00' },
      { from: '2027-01-01', to: null, tjm: '680.00' },
    ]);

    const approvers = await prisma.$queryRaw<{ role: string; ref: string; from: string; to: string | null }[]>`
      SELECT a.role::text AS role, p.ref, a."validFrom"::text AS "from", a."validTo"::text AS "to"
        FROM "MissionApprover" a JOIN "Person" p ON p.id = a."personId"
       WHERE a."missionId" = ${mission.id}::uuid ORDER BY a.role, a."validFrom"`;
    expect(approvers).toEqual([
      { role: 'PRIMARY', ref: 'claire', from: '2026-11-16', to: '2027-01-31' },
      { role: 'PRIMARY', ref: 'paul', from: '2027-02-01', to: null },
      { role: 'BACKUP', ref: 'sophie', from: '2026-11-16', to: null },
    ]);

    const orders = await prisma.$queryRaw<{ number: string; start: string; end: string; days: string; amount: string | null }[]>`
      SELECT number, "startDate"::text AS start, "endDate"::text AS "end", "daysOrdered"::text AS days, amount::text AS amount
        FROM "PurchaseOrder" WHERE "missionId" = ${mission.id}::uuid ORDER BY number`;
    expect(orders).toEqual([
      { number: 'BDC-2026-118', start: '2026-11-16', end: '2027-03-31', days: '80.00', amount: '53000.00' },
      { number: 'BDC-2027-022', start: '2027-04-01', end: '2027-06-30', days: '60.00', amount: '40800.00' },
    ]);

    const strasbourg = await prisma.mission.findFirstOrThrow({ where: { ref: 'julien-assurances-rhin' }, include: { consultant: true, manager: true, client: true } });
    expect(strasbourg).toMatchObject({
      region: 'FR-67',
      endDate: null,
      whitMondayWorked: true,
      tacitAcceptance: true,
      dailyCheckinTime: '18:00',
      weeklyCheckinDay: null,
      clientResponseWorkingDays: 5,
      reminderEveryWorkingDays: null,
      consultant: { ref: 'julien' },
      manager: { ref: 'marc' },
      client: { ref: 'assurances-rhin' },
    });
    const sarahs = await prisma.mission.findFirstOrThrow({ where: { ref: 'sarah-banque-nord' }, include: { rates: true } });
    expect(sarahs).toMatchObject({ granularity: 'QUARTER', weeklyCheckinDay: 4, weeklyCheckinTime: '15:00' });
    expect(sarahs.rates.map((r) => r.tjm.toFixed(2))).toEqual(['690.50']);
    expect(sarahs.cjm?.toFixed(2)).toBe('560.00');
  });

  it('writes one audit event without personal data', async () => {
    const events = await db.prisma.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organizationId: first.organizationId,
      entityType: 'Organization',
      entityId: first.organizationId,
      action: 'org.import',
      channel: 'CLI',
      data: {
        organization: 'created',
        created: { people: 9, clients: 2, missions: 3 },
        updated: ZERO,
        unchanged: ZERO,
        deactivated: 0,
      },
    });
    expect(JSON.stringify(events[0]?.data)).not.toMatch(/@|alice|Martin/i);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await dumpDatabase(db.prisma);
    const again = await importOrganization({ prisma: db.prisma, file: parseOrThrow(exampleText()) });
    expect(again).toEqual({
      organizationId: first.organizationId,
      organization: 'unchanged',
      created: ZERO,
      updated: ZERO,
      unchanged: { people: 9, clients: 2, missions: 3 },
      deactivated: 0,
    });
    expect(await dumpDatabase(db.prisma)).toEqual(before);
  });

  it('writes nothing for a broken file, and reports each fault with its line', async () => {
    const before = await dumpDatabase(db.prisma);
    let text = exampleText();
    text = edit(text, '{ from: 2026-09-01, tjm: "690.50" }', '{ from: 2026-09-01, tjm: -690 }');
    text = edit(text, 'consultant: julien', 'consultant: bob');
    text = edit(text, '    start: 2026-11-16\n', '    start: 2026-11-31\n');
    text = edit(text, '  name: ACME Conseil\n', '  name: ACME Conseil\n  nmae: typo\n');
    text = edit(text, '{ from: 2027-01-01, tjm: 680 }', '{ from: 2026-12-01, tjm: 680 }\n      - { from: 2026-12-01, tjm: 700 }');
    text = edit(text, '{ person: claire, from: 2026-09-01 }', '{ person: emilie, from: 2026-09-01 }');
    const result = await importOrganizationYaml({ prisma: db.prisma, text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.line])).toEqual([
      ['organization.nmae', lineOf(text, 'nmae: typo')],
      ['missions[0].start', lineOf(text, 'start: 2026-11-31')],
      ['missions[0].rates[2].from', lineOf(text, '{ from: 2026-12-01, tjm: 700 }')],
      ['missions[1].consultant', lineOf(text, 'consultant: bob')],
      ['missions[2].approvers[0].person', lineOf(text, '{ person: emilie, from: 2026-09-01 }')],
      ['missions[2].rates[0].tjm', lineOf(text, 'tjm: -690')],
    ]);
    expect(result.problems.map((p) => [p.code, p.params])).toEqual([
      ['UNKNOWN_KEY', { key: 'nmae', suggestion: 'name' }],
      ['EXPECTED_DATE', undefined],
      ['RATE_PERIODS_OVERLAP', { from: '2026-12-01' }],
      ['UNKNOWN_PERSON', { ref: 'bob' }],
      ['NOT_A_CONTACT_OF_CLIENT', { ref: 'emilie', client: 'banque-nord' }],
      ['EXPECTED_POSITIVE_NUMBER', undefined],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'unknown key "nmae" (did you mean "name"?)',
      'expected a date YYYY-MM-DD',
      'overlaps the rate period starting 2026-12-01',
      'unknown person "bob"',
      '"emilie" is not a contact of client "banque-nord"',
      'expected a positive number',
    ]);
    const messages = (locale: 'fr' | 'en'): string[] =>
      formatProblems('org.yaml', result.problems, locale)
        .split('\n')
        .map((line) => line.replace(/^org\.yaml:\d+: [^:]+: /, ''));
    expect(messages('fr')).toEqual([
      'clé inconnue « nmae » (vouliez-vous dire « name » ?)',
      'date attendue au format AAAA-MM-JJ',
      'chevauche la période de TJM commençant le 2026-12-01',
      'personne inconnue « bob »',
      '« emilie » n’est pas un contact du client « banque-nord »',
      'nombre positif attendu',
    ]);
    expect(messages('en')).toEqual(result.problems.map((p) => p.message));
    expect(await dumpDatabase(db.prisma)).toEqual(before);
  });

  it('applies changes: updates what differs, keeps purchase order ids, replaces rates and approvers', async () => {
    const prisma = db.prisma;
    const mission = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' }, include: { purchaseOrders: true } });
    const keptOrder = mission.purchaseOrders.find((po) => po.number === 'BDC-2026-118');
    const untouched = await prisma.mission.findFirstOrThrow({ where: { ref: 'julien-assurances-rhin' } });

    let text = exampleText();
    text = edit(text, 'title: Refonte du SI paiements', 'title: Refonte du SI paiements (lot 2)');
    text = edit(text, '{ from: 2027-01-01, tjm: 680 }', '{ from: 2027-01-01, tjm: 685 }');
    text = edit(text, '      - { person: paul, from: 2027-02-01 }     # Claire changes jobs: Paul validates from February\n', '');
    text = edit(text, '{ number: BDC-2026-118, start: 2026-11-16, end: 2027-03-31, daysOrdered: 80, amount: 53000 }', '{ number: BDC-2026-118, start: 2026-11-16, end: 2027-03-31, daysOrdered: 85, amount: 56312.50 }');
    text = edit(text, '      - { number: BDC-2027-022, start: 2027-04-01, end: 2027-06-30, daysOrdered: 60, amount: 40800 }\n', '');
    text = edit(text, '    name: Banque du Nord\n', '    name: Banque du Nord SA\n');
    text = edit(text, '    weeklyCheckinDay: 5           # ISO weekday', '    weeklyCheckinDay: 4           # ISO weekday');
    const summary = await importOrganization({ prisma, file: parseOrThrow(text) });
    expect(summary).toEqual({
      organizationId: first.organizationId,
      organization: 'updated',
      created: ZERO,
      updated: { people: 0, clients: 1, missions: 1 },
      unchanged: { people: 9, clients: 1, missions: 2 },
      deactivated: 0,
    });

    const after = await prisma.mission.findFirstOrThrow({
      where: { ref: 'alice-banque-nord' },
      include: { purchaseOrders: true, rates: { orderBy: { validFrom: 'asc' } }, approvers: { include: { person: true }, orderBy: { validFrom: 'asc' } } },
    });
    expect(after.title).toBe('Refonte du SI paiements (lot 2)');
    expect(after.updatedAt.getTime()).toBeGreaterThan(mission.updatedAt.getTime());
    expect(after.purchaseOrders).toHaveLength(1);
    expect(after.purchaseOrders[0]?.id).toBe(keptOrder?.id);
    expect(after.purchaseOrders[0]?.daysOrdered.toFixed(2)).toBe('85.00');
    expect(after.purchaseOrders[0]?.amount?.toFixed(2)).toBe('56312.50');
    expect(after.rates.map((r) => [r.tjm.toFixed(0), r.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['650', '2026-12-31'],
      ['685', null],
    ]);
    expect(after.approvers.map((a) => [a.role, a.person.ref, a.validTo])).toEqual([
      ['PRIMARY', 'claire', null],
      ['BACKUP', 'sophie', null],
    ]);
    const stillUntouched = await prisma.mission.findFirstOrThrow({ where: { ref: 'julien-assurances-rhin' } });
    expect(stillUntouched.updatedAt).toEqual(untouched.updatedAt);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: first.organizationId } })).weeklyCheckinDay).toBe(4);
    expect(await prisma.auditEvent.count()).toBe(2);

    // And back to the example: same ids for everything that survived.
    const back = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(back.updated).toEqual({ people: 0, clients: 1, missions: 1 });
    const restored = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' }, include: { purchaseOrders: true } });
    expect(restored.purchaseOrders.map((po) => po.number).sort()).toEqual(['BDC-2026-118', 'BDC-2027-022']);
    expect(restored.purchaseOrders.find((po) => po.number === 'BDC-2026-118')?.id).toBe(keptOrder?.id);
  });

  it('deactivates people removed from the file and reactivates them when they come back', async () => {
    const prisma = db.prisma;
    const withNadia = edit(
      exampleText(),
      '  - ref: alice\n',
      '  - ref: nadia\n    name: Nadia Benali\n    email: nadia.benali@acme-conseil.fr\n    roles: [admin]\n    teams: { aadObjectId: 0A1B2C3D-0000-4000-8000-00000000000A, tenantId: 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b02 }\n  - ref: alice\n',
    );
    const added = await importOrganization({ prisma, file: parseOrThrow(withNadia) });
    expect(added.created.people).toBe(1);
    const nadia = await prisma.person.findFirstOrThrow({ where: { ref: 'nadia' }, include: { chatAccounts: true } });
    expect(nadia.chatAccounts[0]?.externalId).toBe('0a1b2c3d-0000-4000-8000-00000000000a');

    const removed = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(removed).toMatchObject({ deactivated: 1, created: ZERO, updated: ZERO, unchanged: { people: 9, clients: 2, missions: 3 } });
    const inactive = await prisma.person.findUniqueOrThrow({ where: { id: nadia.id }, include: { chatAccounts: true } });
    expect(inactive.active).toBe(false);
    expect(inactive.chatAccounts).toHaveLength(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit.data).toMatchObject({ deactivated: 1 });

    const dump = await dumpDatabase(prisma);
    const idle = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(idle.deactivated).toBe(0);
    expect(await dumpDatabase(prisma)).toEqual(dump);

    const back = await importOrganization({ prisma, file: parseOrThrow(withNadia) });
    expect(back).toMatchObject({ created: ZERO, updated: { people: 1, clients: 0, missions: 0 }, deactivated: 0 });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: nadia.id } })).active).toBe(true);
  });

  it('keeps the conversation of a chat account, replaces an account that changed', async () => {
    const prisma = db.prisma;
    const alice = await prisma.person.findFirstOrThrow({ where: { ref: 'alice' }, include: { chatAccounts: true } });
    const account = alice.chatAccounts[0];
    await prisma.chatAccount.update({ where: { id: account?.id ?? '' }, data: { conversationId: 'D07ALICE', conversationRef: { channel: 'D07ALICE' } } });

    const same = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(same.updated.people).toBe(0);
    const kept = await prisma.chatAccount.findUniqueOrThrow({ where: { id: account?.id ?? '' } });
    expect(kept).toMatchObject({ conversationId: 'D07ALICE', conversationRef: { channel: 'D07ALICE' }, personId: alice.id });

    const changed = edit(exampleText(), 'userId: U07ALICE01', 'userId: U07ALICE02');
    const summary = await importOrganization({ prisma, file: parseOrThrow(changed) });
    expect(summary.updated.people).toBe(1);
    const accounts = await prisma.chatAccount.findMany({ where: { personId: alice.id } });
    expect(accounts.map((a) => [a.platform, a.externalId, a.conversationId])).toEqual([['SLACK', 'U07ALICE02', null]]);
    await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
  });

  it('leaves alone the accounts the bot linked itself (by e-mail, on a Teams install)', async () => {
    const prisma = db.prisma;
    const alice = await prisma.person.findFirstOrThrow({ where: { ref: 'alice' } });
    const linked = await prisma.chatAccount.create({
      data: { personId: alice.id, platform: 'TEAMS', teamId: 'tenant-linked', externalId: 'aad-linked', conversationId: 'a:1' },
    });
    const again = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(again.updated.people).toBe(0);
    expect(await prisma.chatAccount.findUnique({ where: { id: linked.id } })).toMatchObject({ conversationId: 'a:1', fromFile: false });

    // The file now lists an account the bot had linked: it becomes the file's, and goes with the file.
    const linkedSlack = await prisma.chatAccount.findFirstOrThrow({ where: { personId: alice.id, platform: 'SLACK' } });
    await prisma.chatAccount.update({ where: { id: linkedSlack.id }, data: { fromFile: false } });
    await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect((await prisma.chatAccount.findUniqueOrThrow({ where: { id: linkedSlack.id } })).fromFile).toBe(true);
    await importOrganization({ prisma, file: parseOrThrow(edit(exampleText(), 'userId: U07ALICE01', 'userId: U07ALICE03')) });
    expect(await prisma.chatAccount.findUnique({ where: { id: linkedSlack.id } })).toBeNull();
    expect(await prisma.chatAccount.findUnique({ where: { id: linked.id } })).not.toBeNull();
    await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    await prisma.chatAccount.delete({ where: { id: linked.id } });
  });

  it('imports the check-in reminder, the digest, the silent days alert and own check-in times, idempotently', async () => {
    const prisma = db.prisma;
    const settingsOf = async () => {
      const org = await prisma.organization.findUniqueOrThrow({ where: { id: first.organizationId } });
      return { checkinReminderTime: org.checkinReminderTime, digestDay: org.digestDay, digestTime: org.digestTime, silentDaysAlert: org.silentDaysAlert };
    };
    const ownTimes = async () =>
      (await prisma.person.findMany({ where: { organizationId: first.organizationId }, orderBy: { ref: 'asc' } }))
        .filter((p) => p.dailyCheckinTime !== null)
        .map((p) => [p.ref, p.dailyCheckinTime]);

    let text = exampleText();
    text = edit(text, 'checkinReminderTime: "09:00"', 'checkinReminderTime: "08:45"');
    text = edit(text, 'digest: { day: 1, time: "09:00" }', 'digest: { day: 5, time: "17:00" }');
    text = edit(text, '    silentDaysAlert: 3 ', '    silentDaysAlert: 5 ');
    text = edit(text, '    # checkins: { dailyTime: "17:00" }', '    checkins: { dailyTime: "17:00" }');
    const summary = await importOrganization({ prisma, file: parseOrThrow(text) });
    expect(summary).toEqual({
      organizationId: first.organizationId,
      organization: 'updated',
      created: ZERO,
      updated: { people: 1, clients: 0, missions: 0 },
      unchanged: { people: 8, clients: 2, missions: 3 },
      deactivated: 0,
    });
    expect(await settingsOf()).toEqual({ checkinReminderTime: '08:45', digestDay: 5, digestTime: '17:00', silentDaysAlert: 5 });
    expect(await ownTimes()).toEqual([['sarah', '17:00']]);

    // The same file again: nothing counted as updated, nothing written.
    const dump = await dumpDatabase(prisma);
    const again = await importOrganization({ prisma, file: parseOrThrow(text) });
    expect(again).toEqual({
      organizationId: first.organizationId,
      organization: 'unchanged',
      created: ZERO,
      updated: ZERO,
      unchanged: { people: 9, clients: 2, missions: 3 },
      deactivated: 0,
    });
    expect(await dumpDatabase(prisma)).toEqual(dump);

    // Keys left out: the defaults are written back, the own check-in time is cleared.
    let bare = exampleText();
    bare = edit(bare, bare.slice(bare.indexOf('    checkinReminderTime:'), bare.indexOf('    craClose:')), '');
    const defaults = await importOrganization({ prisma, file: parseOrThrow(bare) });
    expect(defaults).toMatchObject({ organization: 'updated', created: ZERO, updated: { people: 1, clients: 0, missions: 0 } });
    expect(await settingsOf()).toEqual({ checkinReminderTime: '09:00', digestDay: 1, digestTime: '09:00', silentDaysAlert: 3 });
    expect(await ownTimes()).toEqual([]);
    const example = await importOrganization({ prisma, file: parseOrThrow(exampleText()) });
    expect(example).toMatchObject({ organization: 'unchanged', created: ZERO, updated: ZERO });
  });
});

describe('importOrganization on an empty database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('creates nothing from a broken file', async () => {
    const before = await dumpDatabase(db.prisma);
    const text = edit(exampleText(), '{ from: 2026-09-01, tjm: "690.50" }', '{ from: 2026-09-01, tjm: -690 }');
    const result = await importOrganizationYaml({ prisma: db.prisma, text });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'missions[2].rates[0].tjm',
          line: lineOf(text, 'tjm: -690'),
          code: 'EXPECTED_POSITIVE_NUMBER',
          message: 'expected a positive number',
        },
      ],
    });
    const syntax = await importOrganizationYaml({ prisma: db.prisma, text: 'organization:\n  slug: acme\n name: bad indent\n' });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]).toMatchObject({ path: '', line: 3, code: 'YAML_SYNTAX_ERROR' });
    expect(await dumpDatabase(db.prisma)).toEqual(before);
    expect(await db.prisma.organization.count()).toBe(0);
  });

  it('rolls everything back when a chat account belongs to another organization', async () => {
    const prisma = db.prisma;
    const other = await prisma.organization.create({ data: { slug: 'other-esn', name: 'Other ESN' } });
    const stranger = await prisma.person.create({ data: { organizationId: other.id, ref: 'stranger', name: 'Stranger', roles: ['CONSULTANT'] } });
    await prisma.chatAccount.create({ data: { personId: stranger.id, platform: 'SLACK', teamId: 'T07ACME001', externalId: 'U07SARAH01' } });
    const before = await dumpDatabase(prisma);

    const error = await importOrganization({ prisma, file: parseOrThrow(exampleText()) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('ORG_IMPORT_CHAT_ACCOUNT_TAKEN');
    expect((error as CodedError).message).toBe('The Slack account U07SARAH01 of "sarah" belongs to another organization');
    expect((error as CodedError).details).toEqual({
      platform: 'SLACK',
      teamId: 'T07ACME001',
      externalId: 'U07SARAH01',
      ref: 'sarah',
    });
    expect((error as CodedError).params).toEqual({ platform: 'Slack', externalId: 'U07SARAH01', ref: 'sarah' });
    expect(describeProblem('fr', error as CodedError)).toBe(
      'Le compte Slack U07SARAH01 de « sarah » appartient à une autre organisation',
    );
    expect(describeProblem('en', error as CodedError)).toBe(
      'The Slack account U07SARAH01 of "sarah" belongs to another organization',
    );
    expect(await dumpDatabase(prisma)).toEqual(before);
    expect(await prisma.organization.count({ where: { slug: 'acme-conseil' } })).toBe(0);
  });

  it('imports through importOrganizationYaml', async () => {
    await db.prisma.chatAccount.deleteMany({ where: { externalId: 'U07SARAH01' } });
    const result = await importOrganizationYaml({ prisma: db.prisma, text: exampleText() });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary.created).toEqual({ people: 9, clients: 2, missions: 3 });
  });
});
