import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { isCodedError } from '../../../src/errors.js';
import { describeProblem } from '../../../src/i18n/problems.js';
import { importOrganizationYaml } from '../../../src/org/import-organization.js';
import { erasePerson } from '../../../src/privacy/erase-person.js';
import { exportPersonData } from '../../../src/privacy/export-person-data.js';
import { findPerson } from '../../../src/privacy/find-person.js';
import { purgeExpiredData } from '../../../src/privacy/purge-expired-data.js';
import { purgeIfDue } from '../../../src/privacy/purge-if-due.js';
import { createLogger } from '../../../src/log.js';
import { EXAMPLE_ORG_PATH } from '../../helpers/example-org.js';
import { createRitualFlow, paris, type RitualFlow } from '../../helpers/ritual-flow.js';
import { sampleBotMessage } from '../../helpers/web-chat.js';

const NAME = 'Alice Martin';
const EMAIL = 'alice.martin@acme-conseil.fr';

let flow: RitualFlow;
let prisma: Db;
let toMarcId: string;

/** Rows of any table whose text still contains `text` (every column, JSON included). */
async function tablesMentioning(db: Db, text: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" AS t WHERE t::text LIKE $1`, `%${text}%`);
    if (Number(row?.n ?? 0) > 0) found[table] = Number(row!.n);
  }
  return found;
}

beforeAll(async () => {
  flow = await createRitualFlow('2026-11-17 08:00');
  prisma = flow.prisma;
  // Real activity: Tuesday's daily check-ins reach the consultants, Alice answers with a note.
  await flow.tick('2026-11-17 17:35');
  await flow.command('alice', 'semaine');
  const alice = flow.people.alice;
  const checkIn = await prisma.checkIn.findFirstOrThrow({ where: { personId: alice } });
  await prisma.checkInAnswer.createMany({
    data: [
      { checkInId: checkIn.id, key: 'note', value: 'Migration bloquée par le VPN' },
      { checkInId: checkIn.id, key: 'mood', value: '2' },
    ],
  });
  // The October CRA, approved by the client: its frozen content names her.
  await prisma.timesheet.create({
    data: {
      missionId: flow.missions['alice-banque-nord'],
      month: '2026-10',
      status: 'APPROVED',
      approverId: flow.people.claire,
      approvedVersion: 1,
      approvedHash: 'h1',
      approvedAt: paris('2026-11-03 10:00'),
      versions: {
        create: { version: 1, contentHash: 'h1', content: { consultant: { name: NAME, email: EMAIL }, days: [{ date: '2026-10-01', fraction: 1 }] } },
      },
    },
  });
  // Free text of others naming her: the client's dispute of that CRA.
  const october = await prisma.timesheet.findFirstOrThrow({ where: { month: '2026-10' } });
  await prisma.dispute.create({ data: { timesheetId: october.id, version: 1, raisedById: flow.people.claire, reason: `${NAME} absente le 2`, status: 'CORRECTED' } });
  // Messages to others that name her: a manager's alert, its web chat copy.
  const toMarc = await prisma.outboxMessage.create({
    data: { dedupeKey: 'test:alert:alice', recipientId: flow.people.marc, platform: 'WEB', kind: 'alert', payload: sampleBotMessage(NAME) as object, status: 'SENT' },
  });
  toMarcId = toMarc.id;
  await prisma.webMessage.create({ data: { personId: flow.people.marc, outboxId: toMarc.id, payload: sampleBotMessage(NAME) as object } });
  await prisma.alert.create({
    data: { organizationId: (await prisma.mission.findUniqueOrThrow({ where: { id: checkIn.missionId } })).organizationId, kind: 'LOW_MOOD', dedupeKey: 'test:mood:alice', subjectId: alice, recipientId: flow.people.marc, data: { who: NAME, mood: 2 } },
  });
}, 60_000);

afterAll(async () => {
  await flow?.close();
});

describe('rituel privacy export / erase', () => {
  it('exports everything about the person', async () => {
    const missing = await findPerson(prisma, 'nobody').catch((e: unknown) => e);
    expect(isCodedError(missing) && describeProblem('fr', missing)).toBe('Personne introuvable : « nobody ».');
    expect(isCodedError(missing) && describeProblem('en', missing)).toBe('Person not found: "nobody".');
    const person = await findPerson(prisma, 'alice');
    const data = await exportPersonData({ prisma, personId: person.id });
    expect(data.person).toMatchObject({ ref: 'alice', name: NAME, email: EMAIL });
    expect((data.chatAccounts as unknown[]).length).toBeGreaterThan(0);
    expect((data.checkIns as { answers: { key: string; value: string }[] }[]).flatMap((c) => c.answers)).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'note', value: 'Migration bloquée par le VPN' })]),
    );
    expect((data.webMessages as unknown[]).length).toBeGreaterThan(0);
    expect((data.outboxMessages as unknown[]).length).toBeGreaterThan(0);
    expect((data.dayEntries as unknown[]).length).toBeGreaterThanOrEqual(0);
    expect((data.timesheets as { month: string }[]).map((t) => t.month)).toContain('2026-10');
    expect((data.alerts as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).toContain(NAME);
  });

  it('erases her personal data everywhere but keeps the approved CRA and the audit trail, pseudonymized', async () => {
    const alice = flow.people.alice;
    expect(Object.keys(await tablesMentioning(prisma, NAME)).length).toBeGreaterThan(1);
    const auditBefore = await prisma.auditEvent.count({ where: { OR: [{ actorId: alice }, { entityId: alice }] } });

    const summary = await erasePerson({ prisma, personId: alice });
    expect(summary).toMatchObject({ alreadyErased: false, auditMentions: 0 });
    expect(summary.chatAccounts).toBeGreaterThan(0);
    expect(summary.checkInAnswers).toBeGreaterThanOrEqual(2);
    expect(summary.pseudonymized).toBeGreaterThanOrEqual(3);

    // Nothing names her any more, in any table.
    expect(await tablesMentioning(prisma, NAME)).toEqual({});
    expect(await tablesMentioning(prisma, EMAIL)).toEqual({});
    expect(await tablesMentioning(prisma, 'Migration bloquée')).toEqual({});

    const person = await prisma.person.findUniqueOrThrow({ where: { id: alice } });
    expect(person.name).toMatch(/^Personne effacée #[0-9a-f]{6}$/);
    expect(person).toMatchObject({ email: null, locale: null, timezone: null, cjm: null, active: false });
    expect(person.ref).toMatch(/^erased-[0-9a-f]{16}$/);
    expect(person.erasedAt).not.toBeNull();
    expect(await prisma.chatAccount.count({ where: { personId: alice } })).toBe(0);
    expect(await prisma.webMessage.count({ where: { personId: alice } })).toBe(0);
    expect(await prisma.checkInAnswer.count({ where: { checkIn: { personId: alice } } })).toBe(0);
    const outbox = await prisma.outboxMessage.findMany({ where: { recipientId: alice } });
    expect(outbox.length).toBeGreaterThan(0);
    for (const row of outbox) expect(row.payload).toEqual({ erased: true });

    // Kept for invoicing: the approved CRA, its version (pseudonymized), the day entries, the audit trail.
    const version = await prisma.timesheetVersion.findFirstOrThrow({ where: { timesheet: { month: '2026-10', missionId: flow.missions['alice-banque-nord'] } } });
    expect(version.content).toEqual({ consultant: { name: person.name, email: person.name }, days: [{ date: '2026-10-01', fraction: 1 }] });
    expect((await prisma.timesheet.findFirstOrThrow({ where: { month: '2026-10' } })).status).toBe('APPROVED');
    expect(await prisma.auditEvent.count({ where: { OR: [{ actorId: alice }, { entityId: alice }] } })).toBe(auditBefore + 1);
    expect((await prisma.dispute.findFirstOrThrow()).reason).toBe(`${person.name} absente le 2`);
    // Marc's copy of the alert now names the pseudonym.
    expect(JSON.stringify((await prisma.webMessage.findFirstOrThrow({ where: { outboxId: toMarcId }})).payload)).toContain(person.name);
  });

  it('is idempotent, and an old organization file listing her is refused as a whole', async () => {
    const alice = flow.people.alice;
    const before = await prisma.person.findUniqueOrThrow({ where: { id: alice } });
    const again = await erasePerson({ prisma, personId: alice });
    expect(again).toMatchObject({ alreadyErased: true, chatAccounts: 0, pseudonymized: 0 });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: alice } })).toEqual(before);

    const people = await prisma.person.count();
    const error = await importOrganizationYaml({ prisma, text: readFileSync(EXAMPLE_ORG_PATH, 'utf8') }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCodedError(error) && error.code).toBe('ORG_IMPORT_PERSON_ERASED');
    expect(isCodedError(error) && error.params).toEqual({ refs: 'alice' });
    expect(await prisma.person.count()).toBe(people);
    expect(await tablesMentioning(prisma, NAME)).toEqual({});
    // Her former ref is not readable anywhere: the guard recognized it by its hash.
    expect(await prisma.person.findFirst({ where: { ref: 'alice' } })).toBeNull();
  });
});

describe('retention', () => {
  it('purges what is older than retentionMonths (dry run first), idempotently, once a day', async () => {
    const org = await prisma.organization.findFirstOrThrow();
    await prisma.organization.update({ where: { id: org.id }, data: { retentionMonths: 1 } });
    const julien = flow.people.julien;
    const old = paris('2026-09-01 10:00');
    const checkIn = await prisma.checkIn.create({
      data: { missionId: flow.missions['julien-assurances-rhin'], personId: julien, kind: 'DAILY', date: new Date('2026-09-01T00:00:00Z'), status: 'ANSWERED', sentAt: old },
    });
    await prisma.checkInAnswer.create({ data: { checkInId: checkIn.id, key: 'note', value: 'old note' } });
    await prisma.webMessage.create({ data: { personId: julien, payload: sampleBotMessage('old'), createdAt: old } });
    await prisma.webMessage.create({ data: { personId: julien, payload: sampleBotMessage('recent'), createdAt: paris('2026-11-17 18:00') } });
    await prisma.outboxMessage.create({
      data: { dedupeKey: 'test:old', recipientId: julien, platform: 'WEB', kind: 'x', payload: sampleBotMessage('old') as object, status: 'SENT', createdAt: old },
    });
    await prisma.processedInteraction.create({ data: { id: 'WEB:old', platform: 'WEB', receivedAt: old } });
    const now = paris('2026-11-18 03:00');

    const dry = await purgeExpiredData({ prisma, now, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, checkInAnswers: 1, webMessages: 1, outboxPayloads: 1, processedInteractions: 1 });
    expect(await prisma.checkInAnswer.count({ where: { checkInId: checkIn.id } })).toBe(1);

    const logger = createLogger('silent');
    const done = await purgeIfDue({ prisma, now, logger });
    expect(done).toMatchObject({ dryRun: false, checkInAnswers: 1, webMessages: 1, outboxPayloads: 1, processedInteractions: 1 });
    expect(await prisma.checkInAnswer.count({ where: { checkInId: checkIn.id } })).toBe(0);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'test:old' } })).payload).toEqual({ purged: true });
    // Recent data stays.
    expect(await prisma.webMessage.count({ where: { personId: julien } })).toBeGreaterThan(0);
    // Once a day: the same day does nothing; the next day runs (and finds nothing left).
    expect(await purgeIfDue({ prisma, now: new Date(now.getTime() + 3_600_000), logger })).toBeNull();
    expect(await purgeIfDue({ prisma, now: new Date(now.getTime() + 25 * 3_600_000), logger })).toMatchObject({
      checkInAnswers: 0,
      webMessages: 0,
      outboxPayloads: 0,
      processedInteractions: 0,
    });
  });
});
