/**
 * Scenario (e) through the real CLI (child processes, their own database): `rituel tick --at`
 * closes November 2026, `rituel cra submit --by marc` sends Alice's CRA to Claire (on her behalf),
 * Claire approves (in-process, the web chat's router), an ESN admin reopens it with `rituel cra
 * reopen --reason`, `rituel cra show` shows the history; version 2 is submitted and approved
 * again, and the first approval stays in the history.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionRouter } from '../../../src/chat/router/router.js';
import { openDatabase, type Database } from '../../../src/db/database.js';
import { toDateOnlyUTC, workingDaysBetween } from '../../../src/domain/index.js';
import { createLogger } from '../../../src/log.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS } from '../../../src/rituals/index.js';
import { submitCra } from '../../../src/services/cra/submit-cra.js';
import { createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';
import { importExampleOrganization } from '../../helpers/example-org.js';

let ws: CliWorkspace;

/** Work on the CLI's database between two CLI runs (the embedded database is single-process). */
async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = ws.env.DATABASE_URL
    ? await openDatabase({ databaseUrl: ws.env.DATABASE_URL, dataDir: null, poolSize: 2 })
    : await openDatabase({ dataDir: ws.env.DATA_DIR! });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Claire clicks Approve on the latest request of the CRA (as the web chat would). */
async function approveAsClaire(prisma: Database['prisma']): Promise<{ refused?: { code: string } | undefined }> {
  const claire = await prisma.person.findFirstOrThrow({ where: { ref: 'claire' } });
  const ts = await prisma.timesheet.findFirstOrThrow({ where: { month: '2026-11', mission: { ref: 'alice-banque-nord' } }, include: { versions: true } });
  const current = ts.versions.find((v) => v.version === ts.version)!;
  const router = createInteractionRouter({
    prisma,
    logger: createLogger('silent'),
    defaultLocale: 'fr',
    platforms: ['WEB'],
    definitions: INTERACTION_DEFINITIONS,
    commands: COMMANDS,
    fallbackCommand: FALLBACK_COMMAND,
    now: () => new Date(),
  });
  return router.handle({
    id: randomUUID(),
    kind: 'action',
    actor: { platform: 'WEB', teamId: '', externalId: claire.id },
    actionId: CRA_ACTIONS.approve,
    value: JSON.stringify({ t: ts.id, v: ts.version, h: current.contentHash }),
  });
}

beforeAll(async () => {
  ws = await createCliWorkspace();
  await withDb(async ({ prisma }) => {
    await importExampleOrganization(prisma);
    const m = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    await prisma.dayEntry.createMany({
      data: workingDaysBetween('2026-11-16', '2026-11-30', 'FR').map((d) => ({
        missionId: m.id,
        personId: m.consultantId,
        date: toDateOnlyUTC(d),
        fraction: '1',
        kind: 'WORKED' as const,
        source: 'CLI' as const,
      })),
    });
  });
}, 120_000);

afterAll(async () => {
  await ws?.cleanup();
});

describe('rituel cra submit / reopen / show', () => {
  it('closes the month with `rituel tick --at`, submits, approves, reopens and approves again', async () => {
    const tick = await ws.run(['tick', '--at', '2026-11-30T15:01:00+01:00', '--json']);
    expect(tick.code, tick.stderr).toBe(0);

    const submitted = await ws.run(['cra', 'submit', 'alice-banque-nord', '2026-11', '--by', 'marc']);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toContain('Claire Dubois');
    await withDb(async ({ prisma }) => expect((await approveAsClaire(prisma)).refused).toBeUndefined());


    const reopened = await ws.run(['cra', 'reopen', 'alice-banque-nord', '2026-11', '--reason', 'Jour férié compté par erreur', '--by', 'marc']);
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(reopened.stdout).toContain('version 2');

    const show = await ws.run(['cra', 'show', 'alice-banque-nord', '2026-11']);
    expect(show.stdout).toContain('brouillon, version 2');
    expect(show.stdout).toMatch(/Version 1 remplacée le .* \(validée le 20/);

    await withDb(async ({ prisma }) => {
      // Version 2, submitted by Alice in the chat this time, approved again.
      const mission = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
      await submitCra({ prisma, missionId: mission.id, month: '2026-11', actorId: mission.consultantId, channel: 'WEB', now: new Date(), platforms: ['WEB'], changeId: 'v2' });
      expect((await approveAsClaire(prisma)).refused).toBeUndefined();
      const ts = await prisma.timesheet.findFirstOrThrow({
        where: { month: '2026-11', mission: { ref: 'alice-banque-nord' } },
        include: { versions: { orderBy: { version: 'asc' } }, submittedBy: true },
      });
      expect(ts).toMatchObject({ status: 'APPROVED', approvedVersion: 2, approvedHash: ts.versions[1]!.contentHash });
      expect(ts.submittedBy?.ref).toBe('alice');
      expect(ts.versions.map((v) => [v.version, v.approvedAt !== null, v.supersededAt !== null])).toEqual([
        [1, true, true],
        [2, true, false],
      ]);
      // The tick closed the month of the three missions; the reopening sent Alice her month again.
      expect(await prisma.outboxMessage.count({ where: { kind: 'cra.close' } })).toBe(4);
      const actions = await prisma.auditEvent.findMany({ where: { entityType: 'Timesheet' }, orderBy: { id: 'asc' }, select: { action: true, channel: true } });
      expect(actions.map((a) => `${a.action}/${a.channel}`)).toEqual([
        'cra.submit/CLI',
        'cra.send/SYSTEM',
        'cra.approve/WEB',
        'cra.reopen/CLI',
        'cra.submit/WEB',
        'cra.send/SYSTEM',
        'cra.approve/WEB',
      ]);
    });
  }, 120_000);
});
