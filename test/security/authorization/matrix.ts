/**
 * The authorization matrix as data: who acts (roles, relative to mission A), what they do (actions,
 * each on the stage it needs), and what must happen (allowed, shown / hidden for what is only
 * read, or refused with a code). The test runs every role × action cell through the router.
 */
import type { InteractionResult } from '../../../src/chat/interaction.js';
import { parseChatMessage } from '../../../src/chat/message.js';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import {
  INTERNAL_BLOCKER,
  MISSION_A_TITLE,
  MONTH,
  TODAY,
  WEEK_MONDAY,
  type ActInput,
  type CellWorld,
  type PersonKey,
  type Stage,
} from './world.js';

export const ROLES = [
  'consultant (own mission)',
  'consultant (a colleague’s mission)',
  'manager (own team)',
  'manager (another manager’s team)',
  'client approver (this mission)',
  'client approver (another mission, same client)',
  'client approver (another client)',
  'backup approver (before escalation)',
  'backup approver (after escalation)',
  'admin (manages nothing)',
  'admin of another organization',
  'deactivated (the person otherwise allowed)',
  'erased (the person otherwise allowed)',
  'unknown web chat id',
  'unknown Slack user',
] as const;
export type Role = (typeof ROLES)[number];

/** Who a role is in the cell's organization (null: nobody Rituel knows). */
export const ROLE_PERSON: Readonly<Record<Role, PersonKey | 'natural' | 'foreign' | null>> = {
  'consultant (own mission)': 'alice',
  'consultant (a colleague’s mission)': 'julien',
  'manager (own team)': 'marc',
  'manager (another manager’s team)': 'nadia',
  'client approver (this mission)': 'claire',
  'client approver (another mission, same client)': 'paul',
  'client approver (another client)': 'thomas',
  'backup approver (before escalation)': 'sophie',
  'backup approver (after escalation)': 'sophie',
  'admin (manages nothing)': 'adam',
  'admin of another organization': 'foreign',
  'deactivated (the person otherwise allowed)': 'natural',
  'erased (the person otherwise allowed)': 'natural',
  'unknown web chat id': null,
  'unknown Slack user': null,
};

/** allowed: the change happened; shown / hidden: a read answered with / without the target's data; else the refusal code. */
export type Outcome = 'allowed' | 'shown' | 'hidden' | string;

export interface ActionSpec {
  readonly name: string;
  readonly stage: Stage;
  /** The person who may do it (the deactivated / erased cells act as them once deactivated / erased). */
  readonly natural: PersonKey;
  input(world: CellWorld): ActInput;
  /** For allowed cells: the change is in the database (throws with a reason otherwise). */
  verify?(world: CellWorld, actorId: string): Promise<void>;
  /** For reads: whether the answer holds the target's data. */
  shows?(result: InteractionResult): boolean;
  /** Outcome per role; roles not listed get `otherwise`. */
  readonly expected: Partial<Record<Role, Outcome>>;
  readonly otherwise: Outcome;
}

const UNKNOWN = 'UNKNOWN_PERSON';
/** The cells every action shares: nobody known, or a person no longer active. */
const NOBODY: Partial<Record<Role, Outcome>> = {
  'deactivated (the person otherwise allowed)': UNKNOWN,
  'erased (the person otherwise allowed)': UNKNOWN,
  'unknown web chat id': UNKNOWN,
  'unknown Slack user': UNKNOWN,
};

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`expected change missing: ${what}`);
}

/** Every text of the replies and the update: what the person reads. */
export function readableResult(result: InteractionResult): string {
  const messages = [...(result.replies ?? []), ...(result.update ? [result.update] : [])];
  return [result.notice ?? '', ...messages.map((m) => JSON.stringify(parseChatMessage(m)))].join('\n');
}

async function timesheetA(world: CellWorld) {
  return world.prisma.timesheet.findUniqueOrThrow({ where: { missionId_month: { missionId: world.missionA, month: MONTH } } });
}

async function auditBy(world: CellWorld, action: string, actorId: string): Promise<number> {
  return world.prisma.auditEvent.count({ where: { organizationId: world.organizationId, action, actorId } });
}

const APPROVER_CELLS: Partial<Record<Role, Outcome>> = {
  ...NOBODY,
  'client approver (this mission)': 'allowed',
  // A backup approver of the mission may answer for the approver (cra-people.ts assertCanAnswer),
  // before as after the escalation sent them the request.
  'backup approver (before escalation)': 'allowed',
  'backup approver (after escalation)': 'allowed',
  'consultant (own mission)': 'CRA_OWN_APPROVAL',
};

const MANAGER_CELLS: Partial<Record<Role, Outcome>> = {
  ...NOBODY,
  'manager (own team)': 'allowed',
  'admin (manages nothing)': 'allowed',
};

export const ACTIONS: readonly ActionSpec[] = [
  {
    name: 'answer a daily check-in',
    stage: 'checkin',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'daily.answer', value: { c: w.checkInId, a: 'full' } }),
    async verify(w) {
      const checkIn = await w.prisma.checkIn.findUniqueOrThrow({ where: { id: w.checkInId! } });
      check(checkIn.status === 'ANSWERED', 'check-in answered');
      check((await w.prisma.dayEntry.count({ where: { missionId: w.missionA, date: toDateOnlyUTC(TODAY), kind: 'WORKED' } })) === 1, 'day recorded');
    },
    expected: { ...NOBODY, 'consultant (own mission)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'write a check-in note / blocker',
    stage: 'checkin',
    natural: 'alice',
    input: (w) => ({ kind: 'form', actionId: 'daily.note', value: { c: w.checkInId }, fields: { note: 'Revue de code', blocker: 'Accès VPN' } }),
    async verify(w) {
      check((await w.prisma.checkInAnswer.count({ where: { checkInId: w.checkInId!, key: 'note', value: 'Revue de code' } })) === 1, 'note saved');
      check((await w.prisma.alert.count({ where: { organizationId: w.organizationId, kind: 'BLOCKER' } })) === 1, 'blocker alert raised');
    },
    expected: { ...NOBODY, 'consultant (own mission)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'answer a weekly check-in',
    stage: 'weekly',
    natural: 'alice',
    input: (w) => ({
      kind: 'form',
      actionId: 'weekly.submit',
      value: { c: w.weeklyCheckInId },
      fields: { [`day_${WEEK_MONDAY}`]: 'full', [`day_${TODAY}`]: 'full', mood: '4', highlights: 'Mise en production' },
    }),
    async verify(w) {
      check((await w.prisma.checkIn.findUniqueOrThrow({ where: { id: w.weeklyCheckInId! } })).status === 'ANSWERED', 'weekly check-in answered');
      check((await w.prisma.checkInAnswer.count({ where: { checkInId: w.weeklyCheckInId!, key: 'mood', value: '4' } })) === 1, 'mood saved');
      check((await w.prisma.dayEntry.count({ where: { missionId: w.missionA, kind: 'WORKED' } })) === 2, 'days recorded');
    },
    expected: { ...NOBODY, 'consultant (own mission)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'set / fix days (days form)',
    stage: 'base',
    natural: 'alice',
    input: (w) => ({ kind: 'form', actionId: 'days.save', value: { m: w.missionA, from: TODAY, to: TODAY }, fields: { [`day_${TODAY}`]: 'full' } }),
    async verify(w) {
      check((await w.prisma.dayEntry.count({ where: { missionId: w.missionA, date: toDateOnlyUTC(TODAY), kind: 'WORKED' } })) === 1, 'day recorded');
    },
    expected: { ...NOBODY, 'consultant (own mission)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'view the month and its CRA ("mois")',
    stage: 'filled',
    natural: 'alice',
    input: () => ({ kind: 'command', text: 'mois' }),
    shows: (result) => readableResult(result).includes(MISSION_A_TITLE),
    expected: { ...NOBODY, 'consultant (own mission)': 'shown' },
    otherwise: 'hidden',
  },
  {
    name: 'view open alerts ("statut")',
    stage: 'alert',
    natural: 'marc',
    input: () => ({ kind: 'command', text: 'statut' }),
    shows: (result) => readableResult(result).includes(INTERNAL_BLOCKER),
    expected: { ...NOBODY, 'manager (own team)': 'shown' },
    otherwise: 'hidden',
  },
  {
    name: 'submit a CRA (own, or on behalf of the consultant)',
    stage: 'filled',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'cra.submit', value: { m: w.missionA, mo: MONTH } }),
    async verify(w, actorId) {
      const ts = await timesheetA(w);
      check(ts.status === 'PENDING_CLIENT' && ts.submittedById === actorId, 'CRA sent to the client, submitted by the actor');
      check((await auditBy(w, 'cra.submit', actorId)) === 1, 'submission audited with the actor');
    },
    expected: { ...NOBODY, 'consultant (own mission)': 'allowed', 'manager (own team)': 'allowed', 'admin (manages nothing)': 'allowed' },
    otherwise: 'CRA_NOT_ALLOWED_SUBMIT',
  },
  {
    name: 'approve a CRA',
    stage: 'pending',
    natural: 'claire',
    input: (w) => ({ kind: 'action', actionId: 'cra.approve', value: { t: w.timesheetId, v: 1, h: w.contentHash } }),
    async verify(w, actorId) {
      const ts = await timesheetA(w);
      check(ts.status === 'APPROVED' && ts.approvedVersion === 1 && ts.approvedHash === w.contentHash, 'version 1 approved');
      check((await auditBy(w, 'cra.approve', actorId)) === 1, 'approval audited with the actor');
    },
    expected: APPROVER_CELLS,
    otherwise: 'CRA_NOT_APPROVER',
  },
  {
    name: 'dispute a CRA',
    stage: 'pending',
    natural: 'claire',
    input: (w) => ({ kind: 'form', actionId: 'cra.dispute-form', value: { t: w.timesheetId, v: 1 }, fields: { reason: 'Jour non travaillé', days: '2026-11-05' } }),
    async verify(w, actorId) {
      check((await timesheetA(w)).status === 'DISPUTED', 'CRA disputed');
      check((await w.prisma.dispute.count({ where: { timesheetId: w.timesheetId!, raisedById: actorId } })) === 1, 'dispute raised by the actor');
    },
    expected: APPROVER_CELLS,
    otherwise: 'CRA_NOT_APPROVER',
  },
  {
    name: 'rate the month (client satisfaction)',
    stage: 'pending',
    natural: 'claire',
    input: (w) => ({ kind: 'action', actionId: 'cra.satisfaction', value: { t: w.timesheetId }, selected: '4' }),
    async verify(w, actorId) {
      check((await timesheetA(w)).satisfaction === 4, 'score saved');
      check((await auditBy(w, 'cra.satisfaction', actorId)) === 1, 'score audited');
    },
    expected: APPROVER_CELLS,
    otherwise: 'CRA_NOT_APPROVER',
  },
  {
    name: 'resolve a dispute: correct',
    stage: 'disputed',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'cra.correct', value: { d: w.disputeId } }),
    async verify(w, actorId) {
      const ts = await timesheetA(w);
      check(ts.status === 'DRAFT' && ts.version === 2, 'back to draft, version 2');
      check((await auditBy(w, 'cra.correct', actorId)) === 1, 'correction audited');
    },
    expected: MANAGER_CELLS,
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'resolve a dispute: maintain',
    stage: 'disputed',
    natural: 'marc',
    input: (w) => ({ kind: 'form', actionId: 'cra.maintain-form', value: { d: w.disputeId }, fields: { answer: 'Le 5 a bien été travaillé sur site.' } }),
    async verify(w, actorId) {
      check((await timesheetA(w)).status === 'PENDING_CLIENT', 'back to the client');
      const dispute = await w.prisma.dispute.findUniqueOrThrow({ where: { id: w.disputeId! } });
      check(dispute.status === 'MAINTAINED' && dispute.resolvedById === actorId, 'dispute maintained by the actor');
    },
    expected: MANAGER_CELLS,
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'reopen an approved CRA',
    stage: 'approved',
    natural: 'adam',
    input: (w) => ({ kind: 'form', actionId: 'cra.reopen-form', value: { t: w.timesheetId }, fields: { reason: 'Erreur de saisie' } }),
    async verify(w, actorId) {
      const ts = await timesheetA(w);
      check(ts.status === 'DRAFT' && ts.version === 2, 'reopened as version 2');
      check((await auditBy(w, 'cra.reopen', actorId)) === 1, 'reopening audited');
    },
    expected: { ...NOBODY, 'admin (manages nothing)': 'allowed' },
    otherwise: 'CRA_REOPEN_FORBIDDEN',
  },
  {
    name: 'change the approver',
    stage: 'pending',
    natural: 'marc',
    input: (w) => ({ kind: 'form', actionId: 'cra.change-approver-form', value: { t: w.timesheetId }, fields: { approver: w.people.paul } }),
    async verify(w, actorId) {
      check((await timesheetA(w)).approverId === w.people.paul, 'Paul is the approver');
      check((await auditBy(w, 'cra.reroute', actorId)) === 1, 're-routing audited');
    },
    expected: MANAGER_CELLS,
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'reroute to the backup approver',
    stage: 'pending',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'cra.backup', value: { t: w.timesheetId } }),
    async verify(w, actorId) {
      check((await auditBy(w, 'cra.escalate.backup', actorId)) === 1, 'escalation audited');
      check((await w.prisma.outboxMessage.count({ where: { recipientId: w.people.sophie, kind: { startsWith: 'cra.' } } })) >= 1, 'request queued for Sophie');
    },
    expected: MANAGER_CELLS,
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'remind the approver now',
    stage: 'pending',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'cra.remind', value: { t: w.timesheetId } }),
    async verify(w, actorId) {
      check((await timesheetA(w)).reminderCount === 1, 'reminder counted');
      check((await auditBy(w, 'cra.remind', actorId)) === 1, 'reminder audited');
    },
    expected: MANAGER_CELLS,
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'acknowledge an alert',
    stage: 'alert',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'alert.ack', value: { alert: w.alertId } }),
    async verify(w) {
      check((await w.prisma.alert.findUniqueOrThrow({ where: { id: w.alertId! } })).status === 'ACKNOWLEDGED', 'alert acknowledged');
    },
    expected: { ...NOBODY, 'manager (own team)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'remind the consultant from an alert',
    stage: 'alert',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'alert.remind', value: { alert: w.alertId } }),
    async verify(w) {
      check((await w.prisma.outboxMessage.count({ where: { recipientId: w.people.alice, kind: { contains: 'remind' } } })) >= 1, 'reminder queued for Alice');
    },
    expected: { ...NOBODY, 'manager (own team)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'remind the consultant from the digest',
    stage: 'base',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'digest.remind', value: { m: w.missionA } }),
    async verify(w) {
      check((await w.prisma.outboxMessage.count({ where: { recipientId: w.people.alice, kind: { contains: 'remind' } } })) >= 1, 'reminder queued for Alice');
    },
    expected: { ...NOBODY, 'manager (own team)': 'allowed' },
    otherwise: 'NOT_YOURS',
  },
];

/** Opening a form or the question again shows the record's data: only to whom may act on it. */
const opensForm = (result: InteractionResult): boolean => result.form !== undefined;

export const OPENING_ACTIONS: readonly ActionSpec[] = [
  {
    name: 'open the days form of a mission',
    stage: 'filled',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'days.edit', value: { m: w.missionA, from: `${MONTH}-01`, to: `${MONTH}-30` } }),
    shows: opensForm,
    expected: { ...NOBODY, 'consultant (own mission)': 'shown' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'show a daily check-in again ("change")',
    stage: 'checkin',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'daily.change', value: { c: w.checkInId } }),
    shows: (result) => result.update !== undefined && readableResult(result).includes(MISSION_A_TITLE),
    expected: { ...NOBODY, 'consultant (own mission)': 'shown' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'open a check-in note',
    stage: 'alert',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'daily.note', value: { c: w.checkInId } }),
    shows: (result) => opensForm(result) && JSON.stringify(result.form).includes(INTERNAL_BLOCKER),
    expected: { ...NOBODY, 'consultant (own mission)': 'shown' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'open a weekly check-in',
    stage: 'weekly',
    natural: 'alice',
    input: (w) => ({ kind: 'action', actionId: 'weekly.open', value: { c: w.weeklyCheckInId } }),
    shows: opensForm,
    expected: { ...NOBODY, 'consultant (own mission)': 'shown' },
    otherwise: 'NOT_YOURS',
  },
  {
    name: 'open the dispute form',
    stage: 'pending',
    natural: 'claire',
    input: (w) => ({ kind: 'action', actionId: 'cra.dispute', value: { t: w.timesheetId, v: 1 } }),
    shows: opensForm,
    expected: {
      ...NOBODY,
      'client approver (this mission)': 'shown',
      'backup approver (before escalation)': 'shown',
      'backup approver (after escalation)': 'shown',
      'consultant (own mission)': 'CRA_OWN_APPROVAL',
    },
    otherwise: 'CRA_NOT_APPROVER',
  },
  {
    name: 'open the maintain form of a dispute',
    stage: 'disputed',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'cra.maintain', value: { d: w.disputeId } }),
    shows: opensForm,
    expected: { ...NOBODY, 'manager (own team)': 'shown', 'admin (manages nothing)': 'shown' },
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'open the change-approver form (lists the client’s contacts)',
    stage: 'pending',
    natural: 'marc',
    input: (w) => ({ kind: 'action', actionId: 'cra.change-approver', value: { t: w.timesheetId } }),
    shows: opensForm,
    expected: { ...NOBODY, 'manager (own team)': 'shown', 'admin (manages nothing)': 'shown' },
    otherwise: 'CRA_NOT_ALLOWED_MANAGE',
  },
  {
    name: 'open the reopen form',
    stage: 'approved',
    natural: 'adam',
    input: (w) => ({ kind: 'action', actionId: 'cra.reopen', value: { t: w.timesheetId } }),
    shows: opensForm,
    expected: { ...NOBODY, 'admin (manages nothing)': 'shown' },
    otherwise: 'CRA_REOPEN_FORBIDDEN',
  },
];

export interface Cell {
  readonly action: ActionSpec;
  readonly role: Role;
  readonly outcome: Outcome;
}

export const CELLS: readonly Cell[] = [...ACTIONS, ...OPENING_ACTIONS].flatMap((action) =>
  ROLES.map((role) => ({ action, role, outcome: action.expected[role] ?? action.otherwise })),
);

/**
 * The CLI commands that act as somebody (`rituel cra submit|reopen <mission> <month> --by <ref>`):
 * the same services as the chat, the actor named by ref. Run in-process as the command does
 * (cliActor, then the service); a refusal is a coded error the command prints, nothing changed.
 */
export interface CliActionSpec {
  readonly name: string;
  readonly stage: Stage;
  readonly natural: PersonKey;
  readonly fallback: 'consultant' | 'admin';
  readonly verb: 'submit' | 'reopen';
  readonly expected: Partial<Record<Role, Outcome>>;
  readonly otherwise: Outcome;
}

const CLI_NOBODY: Partial<Record<Role, Outcome>> = {
  'deactivated (the person otherwise allowed)': 'CRA_PERSON_NOT_FOUND',
  'erased (the person otherwise allowed)': 'CRA_PERSON_NOT_FOUND',
  'unknown web chat id': 'CRA_PERSON_NOT_FOUND',
};

/** `--by` names somebody of the mission's organization: no Slack user, no other organization. */
export const CLI_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'unknown Slack user' && r !== 'admin of another organization');

export const CLI_ACTIONS: readonly CliActionSpec[] = [
  {
    name: 'rituel cra submit --by',
    stage: 'filled',
    natural: 'alice',
    fallback: 'consultant',
    verb: 'submit',
    expected: { ...CLI_NOBODY, 'consultant (own mission)': 'allowed', 'manager (own team)': 'allowed', 'admin (manages nothing)': 'allowed' },
    otherwise: 'CRA_NOT_ALLOWED_SUBMIT',
  },
  {
    name: 'rituel cra reopen --by',
    stage: 'approved',
    natural: 'adam',
    fallback: 'admin',
    verb: 'reopen',
    expected: { ...CLI_NOBODY, 'admin (manages nothing)': 'allowed' },
    otherwise: 'CRA_REOPEN_FORBIDDEN',
  },
];

export const CLI_CELLS = CLI_ACTIONS.flatMap((action) =>
  CLI_ROLES.map((role) => ({ action, role, outcome: action.expected[role] ?? action.otherwise })),
);

/** What is sent without being asked for: who receives mission A's monthly report and its CRA's document link. */
export interface DeliverySpec {
  readonly name: string;
  readonly stage: Stage;
  readonly expected: Partial<Record<Role, Outcome>>;
  readonly otherwise: Outcome;
}

/** Roles that are somebody (nothing is delivered to an unknown chat user). */
export const DELIVERY_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_PERSON[r] !== null && ROLE_PERSON[r] !== 'foreign');

export const DELIVERIES: readonly DeliverySpec[] = [
  {
    name: 'receives the monthly manager report with mission A',
    stage: 'filled',
    expected: { 'manager (own team)': 'shown' },
    otherwise: 'hidden',
  },
  {
    name: 'receives the link to the approved CRA document of mission A',
    stage: 'approved',
    expected: { 'manager (own team)': 'shown' },
    otherwise: 'hidden',
  },
];

export const DELIVERY_CELLS = DELIVERIES.flatMap((delivery) =>
  DELIVERY_ROLES.filter((role) => !(delivery.stage === 'approved' && (role.startsWith('deactivated') || role.startsWith('erased')))).map((role) => ({
    delivery,
    role,
    outcome: delivery.expected[role] ?? delivery.otherwise,
  })),
);
