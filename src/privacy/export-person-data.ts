/**
 * GDPR access / portability: everything Rituel stores about one person, as plain JSON (dates in
 * ISO 8601, decimals and big ids as strings).
 */
import type { Db } from '../db/client.js';

export interface PersonExport {
  readonly exportedAt: string;
  readonly person: unknown;
  readonly [section: string]: unknown;
}

export async function exportPersonData(options: { prisma: Db; personId: string; now?: Date }): Promise<PersonExport> {
  const { prisma, personId } = options;
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    include: { organization: { select: { slug: true, name: true } }, client: { select: { ref: true, name: true } } },
  });
  // One query after the other: the embedded database serves one at a time anyway.
  const chatAccounts = await prisma.chatAccount.findMany({ where: { personId } });
  const missions = await prisma.mission.findMany({
    where: { OR: [{ consultantId: personId }, { managerId: personId }] },
    select: { id: true, ref: true, title: true, consultantId: true, managerId: true, startDate: true, endDate: true },
  });
  const approverOf = await prisma.missionApprover.findMany({ where: { personId } });
  const dayEntries = await prisma.dayEntry.findMany({ where: { personId }, orderBy: { date: 'asc' } });
  const checkIns = await prisma.checkIn.findMany({ where: { personId }, include: { answers: true }, orderBy: { date: 'asc' } });
  const alerts = await prisma.alert.findMany({ where: { OR: [{ subjectId: personId }, { recipientId: personId }] } });
  const auditEvents = await prisma.auditEvent.findMany({ where: { OR: [{ actorId: personId }, { entityId: personId }] }, orderBy: { id: 'asc' } });
  const webMessages = await prisma.webMessage.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
  const outbox = await prisma.outboxMessage.findMany({ where: { recipientId: personId }, orderBy: { createdAt: 'asc' } });
  const timesheets = await prisma.timesheet.findMany({
    where: { OR: [{ mission: { consultantId: personId } }, { approverId: personId }, { submittedById: personId }] },
    include: { versions: true },
  });
  const disputes = await prisma.dispute.findMany({ where: { OR: [{ raisedById: personId }, { resolvedById: personId }] }, include: { days: true } });
  const data = {
    exportedAt: (options.now ?? new Date()).toISOString(),
    person,
    chatAccounts,
    missions,
    approverOf,
    dayEntries,
    checkIns,
    alerts,
    auditEvents,
    webMessages,
    outboxMessages: outbox,
    timesheets,
    disputes,
  };
  // Decimal has toJSON; BigInt (audit ids) has none.
  return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as PersonExport;
}
