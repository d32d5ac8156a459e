/**
 * Bulk seeding of a benchmark organization (not measured): one ESN, one manager, a few clients
 * with one approver each, and `consultants` consultants on one régie mission each, all on Slack
 * with their DM channel already known (the steady state: conversations.open was done once).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { toDateOnlyUTC, workingDaysBetween, type IsoDate } from '../../src/domain/index.js';

export const BENCH_TEAM = 'T0BENCH01';
export const MANAGER_SLACK_ID = 'U0BENCHMGR';

export interface SeedOptions {
  readonly consultants: number;
  /** Missions start on this date (and have no end). */
  readonly missionStart: IsoDate;
  /** Consultants per client (one approver per client). */
  readonly consultantsPerClient?: number;
}

export interface SeededConsultant {
  readonly personId: string;
  readonly missionId: string;
  readonly slackUserId: string;
  readonly channel: string;
}

export interface SeededOrganization {
  readonly organizationId: string;
  readonly managerId: string;
  readonly consultants: readonly SeededConsultant[];
  readonly approverIds: readonly string[];
}

const CHUNK = 2000;

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export const slackIdOf = (index: number): string => `U${String(index).padStart(8, '0')}`;

export async function seedOrganization(prisma: Db, options: SeedOptions): Promise<SeededOrganization> {
  const perClient = options.consultantsPerClient ?? 100;
  const organizationId = randomUUID();
  const managerId = randomUUID();
  await prisma.organization.create({ data: { id: organizationId, slug: 'bench-esn', name: 'Bench ESN' } });
  await prisma.person.create({
    data: { id: managerId, organizationId, ref: 'manager', name: 'Manon Manager', email: 'manager@bench.invalid', roles: ['MANAGER', 'ADMIN'] },
  });
  await prisma.chatAccount.create({
    data: { personId: managerId, platform: 'SLACK', teamId: BENCH_TEAM, externalId: MANAGER_SLACK_ID, conversationId: `D${MANAGER_SLACK_ID}`, fromFile: true },
  });

  const clientCount = Math.max(1, Math.ceil(options.consultants / perClient));
  const clients = Array.from({ length: clientCount }, (_, i) => ({ id: randomUUID(), organizationId, ref: `client-${i}`, name: `Client ${i}` }));
  const approvers = clients.map((c, i) => ({
    id: randomUUID(),
    organizationId,
    ref: `approver-${i}`,
    name: `Approver ${i}`,
    email: `approver-${i}@client.invalid`,
    roles: ['CLIENT_CONTACT' as const],
    clientId: c.id,
  }));
  await prisma.client.createMany({ data: clients });
  await prisma.person.createMany({ data: approvers });
  await prisma.chatAccount.createMany({
    data: approvers.map((a, i) => ({ personId: a.id, platform: 'SLACK' as const, teamId: BENCH_TEAM, externalId: `UA${String(i).padStart(7, '0')}`, conversationId: `DUA${String(i).padStart(7, '0')}`, fromFile: true })),
  });

  const consultants: SeededConsultant[] = Array.from({ length: options.consultants }, (_, i) => {
    const slackUserId = slackIdOf(i);
    return { personId: randomUUID(), missionId: randomUUID(), slackUserId, channel: `D${slackUserId}` };
  });
  const start = toDateOnlyUTC(options.missionStart);
  await inChunks(consultants, (chunk) =>
    prisma.person.createMany({
      data: chunk.map((c, j) => ({ id: c.personId, organizationId, ref: `c-${c.slackUserId}`, name: `Consultant ${c.slackUserId}`, email: `${c.slackUserId.toLowerCase()}@bench.invalid`, roles: ['CONSULTANT' as const], cjm: 400 + (j % 50) })),
    }),
  );
  await inChunks(consultants, (chunk) =>
    prisma.chatAccount.createMany({
      data: chunk.map((c) => ({ personId: c.personId, platform: 'SLACK' as const, teamId: BENCH_TEAM, externalId: c.slackUserId, conversationId: c.channel, fromFile: true })),
    }),
  );
  await inChunks(
    consultants.map((c, i) => ({ c, i })),
    (chunk) =>
      prisma.mission.createMany({
        data: chunk.map(({ c, i }) => ({
          id: c.missionId,
          organizationId,
          ref: `m-${c.slackUserId}`,
          title: `Mission ${i}`,
          clientId: clients[Math.floor(i / perClient)]!.id,
          consultantId: c.personId,
          managerId,
          startDate: start,
          billingMode: 'REGIE' as const,
          granularity: 'HALF' as const,
        })),
      }),
  );
  await inChunks(
    consultants.map((c, i) => ({ c, i })),
    (chunk) =>
      prisma.missionApprover.createMany({
        data: chunk.map(({ c, i }) => ({ missionId: c.missionId, personId: approvers[Math.floor(i / perClient)]!.id, role: 'PRIMARY' as const, validFrom: start })),
      }),
  );
  await inChunks(consultants, (chunk) => prisma.ratePeriod.createMany({ data: chunk.map((c) => ({ missionId: c.missionId, validFrom: start, tjm: 650 })) }));
  return { organizationId, managerId, consultants, approverIds: approvers.map((a) => a.id) };
}

/** Every working day (FR calendar) of [from, to] worked in full on every mission. */
export async function seedWorkedDays(prisma: Db, consultants: readonly SeededConsultant[], from: IsoDate, to: IsoDate): Promise<number> {
  const days = workingDaysBetween(from, to, 'FR').map(toDateOnlyUTC);
  const rows = consultants.flatMap((c) => days.map((date) => ({ missionId: c.missionId, personId: c.personId, date, fraction: 1, kind: 'WORKED' as const, source: 'CLI' as const, authorId: c.personId })));
  await inChunks(rows, (chunk) => prisma.dayEntry.createMany({ data: chunk }));
  return rows.length;
}
