/**
 * Who is told that Rituel cannot reach a person: the managers of the missions where the person is
 * the consultant; for a client contact, the managers of the missions they approve; failing both
 * (an ESN manager or admin, or nobody left), the organization's admins. Never the person themselves
 * (a message to them would fail the same way), and only active people.
 */
import type { Tx } from '../../db/client.js';

export interface AlertRecipients {
  readonly organizationId: string;
  /** In order: the manager of the most recent mission first. */
  readonly personIds: readonly string[];
  /** The mission the first recipient was found through, if any (recorded on the alert). */
  readonly missionId: string | null;
}

const activePeople = { active: true, erasedAt: null } as const;

export async function findAlertRecipients(tx: Tx, subjectId: string): Promise<AlertRecipients> {
  const subject = await tx.person.findUniqueOrThrow({ where: { id: subjectId }, select: { organizationId: true } });
  const others = { ...activePeople, id: { not: subjectId } };

  const consultantOf = await tx.mission.findMany({
    where: { consultantId: subjectId, manager: others },
    orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
    select: { id: true, managerId: true },
  });
  if (consultantOf.length > 0) return found(subject.organizationId, consultantOf);

  const approverOf = await tx.mission.findMany({
    where: { approvers: { some: { personId: subjectId } }, manager: others },
    orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
    select: { id: true, managerId: true },
  });
  if (approverOf.length > 0) return found(subject.organizationId, approverOf);

  const admins = await tx.person.findMany({
    where: { ...others, organizationId: subject.organizationId, roles: { has: 'ADMIN' } },
    orderBy: [{ ref: 'asc' }],
    select: { id: true },
  });
  return { organizationId: subject.organizationId, personIds: admins.map((a) => a.id), missionId: null };
}

function found(organizationId: string, missions: readonly { id: string; managerId: string }[]): AlertRecipients {
  return {
    organizationId,
    personIds: [...new Set(missions.map((m) => m.managerId))],
    missionId: missions[0]?.id ?? null,
  };
}
