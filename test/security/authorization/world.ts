/**
 * The world of the authorization matrix: one database for the whole file, and for each cell its own
 * small organization (imported from the YAML below under a fresh slug) brought to the stage the
 * action needs (a check-in sent, a month filled, a CRA waiting for the client, disputed, approved)
 * through the real services. Every cell then acts through the real InteractionRouter.
 *
 * Mission A (the target of every cell): Alice at Banque du Nord, managed by Marc (manager, not
 * admin), approved by Claire, Sophie as backup. Mission B: Julien at Assurances du Rhin, managed by
 * Nadia, approved by Thomas. Mission C: Sarah at Banque du Nord, managed by Nadia, approved by Paul
 * (a client approver of another mission of the same client). Adam is an admin who manages nothing.
 */
import { randomUUID } from 'node:crypto';
import type { InteractionResult } from '../../../src/chat/interaction.js';
import type { InteractionRouter } from '../../../src/chat/router/router.js';
import type { Db } from '../../../src/db/client.js';
import { toDateOnlyUTC, workingDaysBetween, type IsoDate } from '../../../src/domain/index.js';
import { createLogger } from '../../../src/log.js';
import { importOrganizationYaml } from '../../../src/org/import-organization.js';
import { approveCra } from '../../../src/services/cra/approve-cra.js';
import { disputeCra } from '../../../src/services/cra/dispute-cra.js';
import { submitCra } from '../../../src/services/cra/submit-cra.js';
import { createRitualsRouter, paris } from '../../helpers/ritual-flow.js';

export const MONTH = '2026-11';
/** The day of the check-in and of the days form (a Tuesday). */
export const TODAY: IsoDate = '2026-12-01';
/** Every cell happens at this moment (Paris): after the month's end, the evening of TODAY. */
export const NOW = paris('2026-12-01 17:45');
/** The Monday of TODAY's week (the weekly check-in). */
export const WEEK_MONDAY: IsoDate = '2026-11-30';

export const MISSION_A_TITLE = 'Refonte paiements AUTHZ-A';
export const MISSION_B_TITLE = 'Datalake AUTHZ-B';

/** What Alice's month holds that only the ESN may see (the client must never receive any of it). */
export const SICK_DAY: IsoDate = '2026-11-10';
export const LEAVE_DAY: IsoDate = '2026-11-12';
export const INTERNAL_NOTE = 'NOTE-INTERNE-ALICE';
export const INTERNAL_BLOCKER = 'BLOCAGE-INTERNE-ALICE';
export const ALICE_CJM = '417';

export type PersonKey = 'marc' | 'nadia' | 'adam' | 'alice' | 'julien' | 'sarah' | 'claire' | 'paul' | 'sophie' | 'thomas' | 'emilie';
export const CLIENT_CONTACTS: readonly PersonKey[] = ['claire', 'paul', 'sophie', 'thomas', 'emilie'];

function orgYaml(slug: string): string {
  return `
organization:
  slug: ${slug}
  name: ESN ${slug}
  locale: fr
  timezone: Europe/Paris
people:
  - { ref: marc, name: Marc Lefèvre, roles: [manager] }
  - { ref: nadia, name: Nadia Benali, roles: [manager] }
  - { ref: adam, name: Adam Roux, roles: [admin] }
  - { ref: alice, name: Alice Martin, roles: [consultant], cjm: ${ALICE_CJM} }
  - { ref: julien, name: Julien Moreau, roles: [consultant], cjm: 455 }
  - { ref: sarah, name: Sarah Lambert, roles: [consultant], cjm: 560 }
clients:
  - ref: banque-nord
    name: Banque du Nord
    contacts:
      - { ref: claire, name: Claire Dubois }
      - { ref: paul, name: Paul Girard }
      - { ref: sophie, name: Sophie Lemaire }
  - ref: assurances-rhin
    name: Assurances du Rhin
    contacts:
      - { ref: thomas, name: Thomas Keller }
      - { ref: emilie, name: Émilie Schmitt }
missions:
  - ref: mission-a
    title: ${MISSION_A_TITLE}
    client: banque-nord
    consultant: alice
    manager: marc
    start: 2026-10-01
    granularity: half
    approvers: [{ person: claire, from: 2026-10-01 }]
    backupApprovers: [{ person: sophie, from: 2026-10-01 }]
    rates: [{ from: 2026-10-01, tjm: 650 }]
  - ref: mission-b
    title: ${MISSION_B_TITLE}
    client: assurances-rhin
    consultant: julien
    manager: nadia
    start: 2026-10-01
    approvers: [{ person: thomas, from: 2026-10-01 }]
    backupApprovers: [{ person: emilie, from: 2026-10-01 }]
    rates: [{ from: 2026-10-01, tjm: 720 }]
  - ref: mission-c
    title: Audit API AUTHZ-C
    client: banque-nord
    consultant: sarah
    manager: nadia
    start: 2026-10-01
    approvers: [{ person: paul, from: 2026-10-01 }]
    backupApprovers: [{ person: sophie, from: 2026-10-01 }]
    rates: [{ from: 2026-10-01, tjm: 690 }]
`;
}

/** How far the cell's organization is brought before the action. */
export type Stage = 'base' | 'checkin' | 'weekly' | 'alert' | 'filled' | 'pending' | 'disputed' | 'approved';

export interface CellWorld {
  readonly prisma: Db;
  readonly router: InteractionRouter;
  readonly organizationId: string;
  readonly people: Readonly<Record<PersonKey, string>>;
  readonly missionA: string;
  readonly missionB: string;
  /** Set from the stage that creates them. */
  checkInId?: string;
  weeklyCheckInId?: string;
  alertId?: string;
  timesheetId?: string;
  contentHash?: string;
  disputeId?: string;
}

export interface MatrixDatabase {
  readonly prisma: Db;
  readonly router: InteractionRouter;
}

export function matrixRouter(prisma: Db): InteractionRouter {
  return createRitualsRouter({ prisma, logger: createLogger('silent'), platforms: ['WEB'], now: () => NOW });
}

let organizations = 0;

/** A click, a form or a command of a web chat person (or of anybody, given the actor). */
export function act(world: CellWorld, actor: { platform: 'WEB' | 'SLACK'; teamId: string; externalId: string }, interaction: ActInput): Promise<InteractionResult> {
  const id = randomUUID();
  if (interaction.kind === 'command') return world.router.handle({ id, kind: 'command', actor, text: interaction.text });
  if (interaction.kind === 'form') {
    return world.router.handle({ id, kind: 'form', actor, actionId: interaction.actionId, value: JSON.stringify(interaction.value), fields: interaction.fields });
  }
  return world.router.handle({
    id,
    kind: 'action',
    actor,
    actionId: interaction.actionId,
    value: JSON.stringify(interaction.value),
    ...(interaction.selected ? { selected: interaction.selected } : {}),
  });
}

export type ActInput =
  | { kind: 'action'; actionId: string; value: unknown; selected?: string }
  | { kind: 'form'; actionId: string; value: unknown; fields: Record<string, string> }
  | { kind: 'command'; text: string };

export const webActor = (personId: string) => ({ platform: 'WEB' as const, teamId: '', externalId: personId });

/** A fresh organization for one cell, brought to `stage`. `escalate`: the pending CRA is sent to the backup approver first. */
export async function createCellWorld(db: MatrixDatabase, stage: Stage, options: { escalate?: boolean } = {}): Promise<CellWorld> {
  const { prisma } = db;
  organizations += 1;
  const slug = `authz-${organizations}-${randomUUID().slice(0, 8)}`;
  const imported = await importOrganizationYaml({ prisma, text: orgYaml(slug) });
  if (!imported.ok) throw new Error(`authorization world: invalid organization ${JSON.stringify(imported.problems)}`);
  const organization = await prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const people = Object.fromEntries(
    (await prisma.person.findMany({ where: { organizationId: organization.id }, select: { id: true, ref: true } })).map((p) => [p.ref, p.id]),
  ) as Record<PersonKey, string>;
  const missions = Object.fromEntries(
    (await prisma.mission.findMany({ where: { organizationId: organization.id }, select: { id: true, ref: true } })).map((m) => [m.ref, m.id]),
  ) as Record<string, string>;
  const world: CellWorld = { prisma, router: db.router, organizationId: organization.id, people, missionA: missions['mission-a']!, missionB: missions['mission-b']! };

  if (stage === 'checkin' || stage === 'alert') {
    const checkIn = await prisma.checkIn.create({
      data: { missionId: world.missionA, personId: people.alice, kind: 'DAILY', date: toDateOnlyUTC(TODAY), status: 'PENDING', sentAt: NOW },
    });
    world.checkInId = checkIn.id;
  }
  if (stage === 'weekly') {
    const weekly = await prisma.checkIn.create({
      data: { missionId: world.missionA, personId: people.alice, kind: 'WEEKLY', date: toDateOnlyUTC(WEEK_MONDAY), status: 'PENDING', sentAt: NOW },
    });
    world.weeklyCheckInId = weekly.id;
  }
  if (stage === 'alert') {
    const result = await act(world, webActor(people.alice), {
      kind: 'form',
      actionId: 'daily.note',
      value: { c: world.checkInId },
      fields: { note: INTERNAL_NOTE, blocker: INTERNAL_BLOCKER },
    });
    if (result.refused) throw new Error(`authorization world: the blocker was refused (${result.refused.code})`);
    world.alertId = (await prisma.alert.findFirstOrThrow({ where: { organizationId: organization.id, kind: 'BLOCKER' }, select: { id: true } })).id;
  }
  if (stage === 'filled' || stage === 'pending' || stage === 'disputed' || stage === 'approved') {
    await fillMonth(world);
  }
  if (stage === 'pending' || stage === 'disputed' || stage === 'approved') {
    const submitted = await submitCra({ prisma, missionId: world.missionA, month: MONTH, actorId: people.alice, channel: 'WEB', now: NOW, platforms: ['WEB'], changeId: randomUUID() });
    if (submitted.status !== 'PENDING_CLIENT') throw new Error(`authorization world: the CRA is ${submitted.status}`);
    world.timesheetId = submitted.timesheetId;
    world.contentHash = submitted.contentHash;
    if (options.escalate) {
      const sent = await act(world, webActor(people.marc), { kind: 'action', actionId: 'cra.backup', value: { t: world.timesheetId } });
      if (sent.refused) throw new Error(`authorization world: the escalation was refused (${sent.refused.code})`);
    }
  }
  if (stage === 'disputed') {
    const { disputeId } = await disputeCra({
      prisma,
      timesheetId: world.timesheetId!,
      version: 1,
      reason: 'Le 5 novembre n’a pas été travaillé chez nous',
      days: ['2026-11-05'],
      actorId: people.claire,
      channel: 'WEB',
      now: NOW,
      platforms: ['WEB'],
      changeId: randomUUID(),
    });
    world.disputeId = disputeId;
  }
  if (stage === 'approved') {
    await approveCra({ prisma, timesheetId: world.timesheetId!, version: 1, contentHash: world.contentHash!, actorId: people.claire, channel: 'WEB', now: NOW, platforms: ['WEB'], changeId: randomUUID() });
  }
  return world;
}

/**
 * Alice's November on mission A: worked every working day but one sick day and one day of paid
 * leave, and an internal note on a check-in (all of it ESN-only).
 */
async function fillMonth(world: CellWorld): Promise<void> {
  const { prisma, missionA, people } = world;
  const days = workingDaysBetween(`${MONTH}-01`, `${MONTH}-30`, 'FR');
  await prisma.dayEntry.createMany({
    data: days.map((d) => ({
      missionId: missionA,
      personId: people.alice,
      date: toDateOnlyUTC(d),
      fraction: '1',
      kind: d === SICK_DAY ? ('SICK' as const) : d === LEAVE_DAY ? ('CP' as const) : ('WORKED' as const),
      source: 'WEB' as const,
    })),
  });
  const checkIn = await prisma.checkIn.create({
    data: { missionId: missionA, personId: people.alice, kind: 'DAILY', date: toDateOnlyUTC(`${MONTH}-20`), status: 'ANSWERED', sentAt: NOW, answeredAt: NOW },
  });
  await prisma.checkInAnswer.createMany({
    data: [
      { checkInId: checkIn.id, key: 'note', value: INTERNAL_NOTE },
      { checkInId: checkIn.id, key: 'blocker', value: INTERNAL_BLOCKER },
      { checkInId: checkIn.id, key: 'mood', value: '2' },
    ],
  });
}

/**
 * Everything of the cell's organization a refusal must leave as it was: day entries, check-ins and
 * their answers, CRAs and their versions, disputes, approvers, alerts, audit events, outbox.
 */
export async function snapshot(world: CellWorld): Promise<Record<string, unknown[]>> {
  const { prisma, organizationId } = world;
  const inOrg = { mission: { organizationId } };
  const [dayEntries, checkIns, checkInAnswers, timesheets, versions, disputes, disputedDays, approvers, alerts, audit, outbox, people] = await Promise.all([
    prisma.dayEntry.findMany({ where: inOrg, orderBy: { id: 'asc' } }),
    prisma.checkIn.findMany({ where: inOrg, orderBy: { id: 'asc' } }),
    prisma.checkInAnswer.findMany({ where: { checkIn: inOrg }, orderBy: { id: 'asc' } }),
    prisma.timesheet.findMany({ where: inOrg, orderBy: { id: 'asc' } }),
    prisma.timesheetVersion.findMany({ where: { timesheet: inOrg }, orderBy: { id: 'asc' } }),
    prisma.dispute.findMany({ where: { timesheet: inOrg }, orderBy: { id: 'asc' } }),
    prisma.disputedDay.findMany({ where: { dispute: { timesheet: inOrg } }, orderBy: { id: 'asc' } }),
    prisma.missionApprover.findMany({ where: inOrg, orderBy: { id: 'asc' } }),
    prisma.alert.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    prisma.outboxMessage.findMany({ where: { recipient: { organizationId } }, orderBy: { id: 'asc' } }),
    prisma.person.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
  ]);
  return { dayEntries, checkIns, checkInAnswers, timesheets, versions, disputes, disputedDays, approvers, alerts, audit, outbox, people };
}

/** Every text queued for the client contacts of the cell's organization (what reaches the client side). */
export async function clientSideTexts(world: CellWorld): Promise<string[]> {
  const rows = await world.prisma.outboxMessage.findMany({
    where: { recipientId: { in: CLIENT_CONTACTS.map((p) => world.people[p]) } },
    select: { payload: true },
  });
  // Raw: an erased person's payloads are blanked (no longer a message).
  return rows.map((r) => JSON.stringify(r.payload));
}

/** What a client must never read: absence reasons, internal notes and blockers, mood, the CJM. */
export function consultantOnlyLeaks(text: string): string[] {
  const leaks: string[] = [];
  if (/maladie|sick|arr[eê]t de travail/i.test(text)) leaks.push('sick leave');
  if (/cong[eé]|\bCP\b|\bRTT\b/i.test(text)) leaks.push('leave reason');
  if (text.includes(INTERNAL_NOTE)) leaks.push('internal note');
  if (text.includes(INTERNAL_BLOCKER)) leaks.push('internal blocker');
  if (/humeur|\bmood\b/i.test(text)) leaks.push('mood');
  if (/\bCJM\b/.test(text) || new RegExp(`\\b${ALICE_CJM}(?:[.,]00)?\\b`).test(text)) leaks.push('CJM');
  return leaks;
}
