/** The rows of an organization as stored before the import, read once at its start. */
import type { Prisma } from '../../db/client.js';
import type { Client } from '../../db/generated/client.js';
import type { Tx } from './transaction.js';

export type StoredPerson = Prisma.PersonGetPayload<{ include: { chatAccounts: true } }>;
export type StoredMission = Prisma.MissionGetPayload<{ include: { approvers: true; rates: true; purchaseOrders: true } }>;

export interface StoredRows {
  readonly clients: Client[];
  readonly people: StoredPerson[];
  readonly missions: StoredMission[];
}

/** The organization's clients, people (with their chat accounts) and missions (with their rows), by ref. */
export async function readStoredRows(tx: Tx, organizationId: string): Promise<StoredRows> {
  // Sequential reads: one connection serves the whole transaction.
  const clients = await tx.client.findMany({ where: { organizationId }, orderBy: { ref: 'asc' } });
  const people = await tx.person.findMany({
    where: { organizationId },
    include: { chatAccounts: true },
    orderBy: { ref: 'asc' },
  });
  const missions = await tx.mission.findMany({
    where: { organizationId },
    include: { approvers: true, rates: true, purchaseOrders: true },
    orderBy: { ref: 'asc' },
  });
  return { clients, people, missions };
}
