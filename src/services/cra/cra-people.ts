/** Who may do what on a CRA (ESN side): the mission's consultant, its manager, an admin of the organization. */
import type { Tx } from '../../db/client.js';
import { CodedError } from '../../errors.js';
import type { CraMission } from './cra-record.js';

export async function actorOf(tx: Tx, personId: string) {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, name: true, roles: true, organizationId: true, clientId: true } });
  if (!person) throw new CodedError('CRA_PERSON_NOT_FOUND', `No person ${personId}`, {}, { params: { ref: personId } });
  return person;
}

export type CraActor = Awaited<ReturnType<typeof actorOf>>;

export const isAdminOf = (actor: CraActor, mission: CraMission): boolean =>
  actor.organizationId === mission.organizationId && actor.roles.includes('ADMIN');

/** The mission's manager or an admin of its organization. */
export function assertCanManage(actor: CraActor, mission: CraMission): void {
  if (actor.id === mission.managerId || isAdminOf(actor, mission)) return;
  throw new CodedError('CRA_NOT_ALLOWED_MANAGE', `${actor.id} does not manage mission ${mission.id}`);
}

/** The consultant themselves, or on their behalf the mission's manager or an admin. */
export function assertCanSubmit(actor: CraActor, mission: CraMission): void {
  if (actor.id === mission.consultantId || actor.id === mission.managerId || isAdminOf(actor, mission)) return;
  throw new CodedError('CRA_NOT_ALLOWED_SUBMIT', `${actor.id} cannot submit the CRA of mission ${mission.id}`);
}

/** The person who names a mission's client approver may act as one: its current approver, or a backup approver of that mission. */
export async function assertCanAnswer(tx: Tx, options: { actorId: string; mission: CraMission; approverId: string | null; today: Date }): Promise<void> {
  const { actorId, mission } = options;
  if (actorId === mission.consultantId) throw new CodedError('CRA_OWN_APPROVAL', 'A consultant cannot approve their own CRA');
  if (actorId === options.approverId) return;
  const backup = await tx.missionApprover.findFirst({
    where: {
      missionId: mission.id,
      personId: actorId,
      role: 'BACKUP',
      validFrom: { lte: options.today },
      OR: [{ validTo: null }, { validTo: { gte: options.today } }],
    },
    select: { id: true },
  });
  if (!backup) throw new CodedError('CRA_NOT_APPROVER', `${actorId} is not an approver of this CRA`);
}
