/**
 * The authorization matrix: every role × every action on mission A (own / another mission), each
 * cell in a small organization of its own (shared by the cells that must change nothing), through
 * the real InteractionRouter (test/security/authorization/matrix.ts holds the table). A refusal is polite (its French text) and changes
 * nothing in the database; an allowed action made its change; a read shows the target's data only
 * to whom it belongs. Whatever happens, nothing consultant-only reaches the client side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionResult } from '../../src/chat/interaction.js';
import type { Database } from '../../src/db/database.js';
import { t, type MessageKey } from '../../src/i18n/index.js';
import { erasePerson } from '../../src/privacy/erase-person.js';
import { cliActor } from '../../src/services/cra/cra-cli.js';
import { reopenCra } from '../../src/services/cra/reopen-cra.js';
import { submitCra } from '../../src/services/cra/submit-cra.js';
import { isCodedError } from '../../src/errors.js';
import { saveDocumentBaseUrl } from '../../src/documents/app-settings.js';
import { managerReportRitual } from '../../src/rituals/manager-report/plan-manager-report.js';
import { createLogger } from '../../src/log.js';
import { createTestDatabase } from '../helpers/database.js';
import { CELLS, CLI_CELLS, DELIVERY_CELLS, ROLE_PERSON, readableResult, type Cell } from './authorization/matrix.js';
import { CLIENT_CONTACTS, MISSION_A_TITLE, MISSION_B_TITLE, MONTH, NOW, TODAY, act, clientSideTexts, consultantOnlyLeaks, createCellWorld, matrixRouter, snapshot, webActor, type CellWorld, type MatrixDatabase } from './authorization/world.js';

let database: Database;
let db: MatrixDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  db = { prisma: database.prisma, router: matrixRouter(database.prisma) };
});

afterAll(async () => {
  await database?.close();
});

/**
 * The cell's organization. A cell that must change nothing (a refusal, a read) by a role that
 * changes nothing beforehand shares its action's organization with the like cells: each of them
 * checks that the database is as it was, so one that changed something still fails itself.
 */
const sharedWorlds = new Map<string, Promise<CellWorld>>();
function worldOf(cell: Cell): Promise<CellWorld> {
  const escalate = cell.role === 'backup approver (after escalation)' && cell.action.stage === 'pending';
  const prepares = escalate || cell.role.startsWith('deactivated') || cell.role.startsWith('erased');
  if (cell.outcome === 'allowed' || prepares) return createCellWorld(db, cell.action.stage, { escalate });
  let shared = sharedWorlds.get(cell.action.name);
  if (!shared) {
    shared = createCellWorld(db, cell.action.stage);
    sharedWorlds.set(cell.action.name, shared);
  }
  return shared;
}

/** Who acts in this cell, after the role's own preparation (escalation, deactivation, erasure). */
async function actorOf(world: CellWorld, cell: Cell): Promise<{ actor: { platform: 'WEB' | 'SLACK'; teamId: string; externalId: string }; personId: string | null }> {
  const who = ROLE_PERSON[cell.role];
  if (who === null) {
    return cell.role === 'unknown Slack user'
      ? { actor: { platform: 'SLACK', teamId: 'T0AUTHZ00', externalId: 'U0NOBODY00' }, personId: null }
      : { actor: webActor(crypto.randomUUID()), personId: null };
  }
  if (who === 'foreign') {
    // An admin, but of another ESN sharing the database.
    const organization = await world.prisma.organization.create({ data: { slug: `authz-other-${crypto.randomUUID()}`, name: 'Autre ESN' } });
    const person = await world.prisma.person.create({ data: { organizationId: organization.id, ref: 'adam', name: 'Adam Autre', roles: ['ADMIN', 'MANAGER'] } });
    return { actor: webActor(person.id), personId: person.id };
  }
  const personId = world.people[who === 'natural' ? cell.action.natural : who];
  if (cell.role.startsWith('deactivated')) await world.prisma.person.update({ where: { id: personId }, data: { active: false } });
  if (cell.role.startsWith('erased')) await erasePerson({ prisma: world.prisma, personId, now: new Date() });
  return { actor: webActor(personId), personId };
}

/** The French text of a refusal code (up to its first placeholder). */
function refusalText(code: string): string {
  const text = t('fr', `problem.${code}` as MessageKey);
  return text.split('{')[0]!.trim();
}

function expectNoClientLeak(texts: readonly string[]): void {
  const leaks = texts.flatMap((text) => consultantOnlyLeaks(text).map((leak) => `${leak} in ${text.slice(0, 300)}`));
  expect(leaks).toEqual([]);
}

describe('authorization matrix: role × action on mission A', () => {
  it.each(CELLS.map((cell) => [cell.action.name, cell.role, cell.outcome, cell] as const))('%s — %s → %s', async (_action, _role, outcome, cell) => {
    const world = await worldOf(cell);
    const { actor, personId } = await actorOf(world, cell);
    const before = await snapshot(world);

    const result: InteractionResult = await act(world, actor, cell.action.input(world));

    if (outcome === 'allowed') {
      expect(result.refused, result.notice).toBeUndefined();
      expect(result.fieldErrors).toBeUndefined();
      await cell.action.verify!(world, personId!);
    } else if (outcome === 'shown' || outcome === 'hidden') {
      expect(result.refused, result.notice).toBeUndefined();
      expect(cell.action.shows!(result)).toBe(outcome === 'shown');
    } else {
      expect(result.refused?.code, result.notice).toBe(outcome);
      expect(result.notice).toContain(refusalText(outcome));
      expect(result.update).toBeUndefined();
      expect(result.form).toBeUndefined();
      expect(result.replies ?? []).toEqual([]);
    }
    if (outcome !== 'allowed') expect(await snapshot(world)).toEqual(before);

    // The client side never reads consultant-only data: neither in the answer a client contact got,
    // nor in anything queued for any client contact of the organization.
    const isClient = personId !== null && CLIENT_CONTACTS.some((c) => world.people[c] === personId);
    const clientTexts = await clientSideTexts(world);
    // Once submitted, the client side holds the month's request: the check below reads real content.
    if (['pending', 'disputed', 'approved'].includes(cell.action.stage) && !cell.role.startsWith('erased')) {
      expect(clientTexts.some((text) => text.includes(MISSION_A_TITLE))).toBe(true);
    }
    expectNoClientLeak([...(isClient ? [readableResult(result)] : []), ...clientTexts]);
  });

  it('the leak check recognizes what stays on the ESN side (the manager’s blocker alert)', async () => {
    const world = await createCellWorld(db, 'alert');
    const alert = await world.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: world.people.marc, kind: { startsWith: 'alert' } } });
    expect(consultantOnlyLeaks(JSON.stringify(alert.payload))).toContain('internal blocker');
    expect(consultantOnlyLeaks('Maladie · 1 jour · CJM 417,00 €')).toEqual(['sick leave', 'CJM']);
  });
});

describe('authorization matrix: the CLI commands that act as somebody (--by)', () => {
  it.each(CLI_CELLS.map((cell) => [cell.action.name, cell.role, cell.outcome, cell] as const))('%s — %s → %s', async (_action, _role, outcome, cell) => {
    const world = await createCellWorld(db, cell.action.stage, { escalate: cell.role === 'backup approver (after escalation)' && cell.action.stage === 'pending' });
    const who = ROLE_PERSON[cell.role];
    const key = who === 'natural' ? cell.action.natural : who === 'foreign' ? null : who;
    const personId = key === null ? null : world.people[key];
    let ref = 'personne-inconnue';
    if (personId !== null) {
      ref = (await world.prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { ref: true } })).ref;
      if (cell.role.startsWith('deactivated')) await world.prisma.person.update({ where: { id: personId }, data: { active: false } });
      if (cell.role.startsWith('erased')) await erasePerson({ prisma: world.prisma, personId, now: new Date() });
    }
    const before = await snapshot(world);
    const { prisma } = world;
    const run = async () => {
      const actorId = await cliActor(prisma, world.missionA, ref, cell.action.fallback);
      const common = { prisma, missionId: world.missionA, month: MONTH, actorId, channel: 'CLI' as const, now: NOW, platforms: ['WEB' as const] };
      return cell.action.verb === 'submit'
        ? submitCra({ ...common, changeId: crypto.randomUUID() })
        : reopenCra({ ...common, reason: 'Correction demandée par la comptabilité' });
    };
    const outcomeOf = await run().then(
      () => 'allowed',
      (error: unknown) => (isCodedError(error) ? error.code : `unexpected ${String(error)}`),
    );
    expect(outcomeOf).toBe(outcome);
    if (outcome === 'allowed') {
      const timesheet = await prisma.timesheet.findUniqueOrThrow({ where: { missionId_month: { missionId: world.missionA, month: MONTH } } });
      expect(timesheet.status).toBe(cell.action.verb === 'submit' ? 'PENDING_CLIENT' : 'DRAFT');
      const audit = await prisma.auditEvent.findFirst({ where: { organizationId: world.organizationId, action: `cra.${cell.action.verb}`, actorId: personId!, channel: 'CLI' } });
      expect(audit).not.toBeNull();
    } else {
      expect(await snapshot(world)).toEqual(before);
    }
    expectNoClientLeak(await clientSideTexts(world));
  });
});

describe('authorization matrix: what each role receives unasked (reports, document links)', () => {
  beforeAll(async () => {
    await saveDocumentBaseUrl(database.prisma, 'http://127.0.0.1:9');
  });

  it.each(DELIVERY_CELLS.map((cell) => [cell.delivery.name, cell.role, cell.outcome, cell] as const))('%s — %s → %s', async (_name, _role, outcome, cell) => {
    const world = await createCellWorld(db, cell.delivery.stage);
    const who = ROLE_PERSON[cell.role];
    if (who === null || who === 'foreign') throw new Error(`no delivery cell for ${cell.role}`);
    const personId = world.people[who === 'natural' ? 'marc' : who];
    if (cell.role.startsWith('deactivated')) await world.prisma.person.update({ where: { id: personId }, data: { active: false } });
    if (cell.role.startsWith('erased')) await erasePerson({ prisma: world.prisma, personId, now: new Date() });
    let received: string[];
    if (cell.delivery.stage === 'filled') {
      // The report of the month, run for every manager of this organization the ritual targets.
      const ctx = { prisma: world.prisma, now: NOW, platforms: ['WEB' as const], logger: createLogger('silent') };
      const own = new Set(Object.values(world.people));
      const targets = (await managerReportRitual.targets(ctx)).filter((target) => own.has(target.managerId));
      // The managers of the organization, less the one no longer active.
      const gone = /^(deactivated|erased)/.test(cell.role) ? personId : null;
      expect(targets.map((target) => target.managerId).sort()).toEqual([world.people.marc, world.people.nadia].filter((id) => id !== gone).sort());
      for (const target of targets) await managerReportRitual.run(ctx, target, { localDate: TODAY, scheduledFor: NOW });
      const reports = await world.prisma.outboxMessage.findMany({ where: { recipientId: { in: targets.map((target) => target.managerId) }, kind: 'report.monthly' }, select: { recipientId: true, payload: true } });
      expect(reports).toHaveLength(targets.length);
      // Nadia's report is about her team only.
      const nadias = reports.find((r) => r.recipientId === world.people.nadia);
      if (nadias) expect(JSON.stringify(nadias.payload)).toContain(MISSION_B_TITLE);
      received = reports.filter((r) => r.recipientId === personId).map((r) => JSON.stringify(r.payload));
      expect(received.some((text) => text.includes(MISSION_A_TITLE))).toBe(outcome === 'shown');
    } else {
      const rows = await world.prisma.outboxMessage.findMany({ where: { recipientId: personId }, select: { payload: true } });
      received = rows.map((r) => JSON.stringify(r.payload));
      expect(received.some((text) => text.includes('http://127.0.0.1:9/documents/'))).toBe(outcome === 'shown');
    }
    expectNoClientLeak(await clientSideTexts(world));
  });
});
