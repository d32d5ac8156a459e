/**
 * The example organization in a fresh database, with what the planner tests need: ids by ref,
 * ticks at chosen instants (the whole tick, or the planner alone), a reset of everything the
 * rituals write (audit rows are append-only and stay), and the recording of days.
 */
import { createWebMessenger } from '../../src/chat/web/web-messenger.js';
import type { Database } from '../../src/db/database.js';
import type { Db } from '../../src/db/client.js';
import type { IsoDate } from '../../src/domain/index.js';
import { createLogger } from '../../src/log.js';
import { SCHEDULED_RITUALS } from '../../src/rituals/index.js';
import { planDueRituals, type PlanSummary } from '../../src/scheduler/plan-due-rituals.js';
import { runTick, type TickSummary } from '../../src/scheduler/run-tick.js';
import type { ScheduledRitual } from '../../src/scheduler/scheduled-ritual.js';
import { recordDay, type DayPart } from '../../src/services/record-day.js';
import { createTestDatabase } from './database.js';
import { importExampleOrganization } from './example-org.js';

export const logger = createLogger('silent');

export interface PlannerWorld {
  readonly db: Database;
  readonly prisma: Db;
  /** Person ids by ref (marc, alice, julien, sarah, claire...). */
  readonly people: Readonly<Record<string, string>>;
  /** Mission ids by consultant ref (alice, julien, sarah). */
  readonly missions: Readonly<Record<string, string>>;
  /** Planner then dispatcher, as the server does every minute. */
  tick(at: string | Date): Promise<TickSummary>;
  /** The planner alone (nothing is delivered). */
  plan(at: string | Date, rituals?: readonly ScheduledRitual[]): Promise<PlanSummary>;
  /** Pretends the previous tick happened at `at` (null: no previous tick). */
  setPreviousTick(at: string | Date | null): Promise<void>;
  /** Records the whole day of a consultant's mission (CP, WORKED...), as the CLI or a check-in would. */
  recordDay(consultant: string, date: IsoDate, parts: readonly DayPart[]): Promise<void>;
  /** Deletes what the rituals wrote (runs, check-ins, messages, alerts, days, CRAs, scheduler state). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const toDate = (at: string | Date): Date => (typeof at === 'string' ? new Date(at) : at);

export async function createPlannerWorld(): Promise<PlannerWorld> {
  const db = await createTestDatabase();
  const { prisma } = db;
  await importExampleOrganization(prisma);
  const people: Record<string, string> = {};
  for (const p of await prisma.person.findMany({ select: { id: true, ref: true } })) people[p.ref] = p.id;
  const missions: Record<string, string> = {};
  for (const m of await prisma.mission.findMany({ select: { id: true, consultant: { select: { ref: true } } } })) missions[m.consultant.ref] = m.id;
  const web = createWebMessenger(prisma);

  return {
    db,
    prisma,
    people,
    missions,
    tick: (at) =>
      runTick({ prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { WEB: web }, platforms: ['WEB'], workerId: 'test' }, toDate(at)),
    plan: (at, rituals = SCHEDULED_RITUALS) => planDueRituals({ prisma, now: toDate(at), platforms: ['WEB'], logger }, rituals),
    async setPreviousTick(at) {
      if (at === null) {
        await prisma.schedulerState.deleteMany({ where: { name: 'planner' } });
        return;
      }
      const lastTickAt = toDate(at);
      await prisma.schedulerState.upsert({ where: { name: 'planner' }, create: { name: 'planner', lastTickAt }, update: { lastTickAt } });
    },
    async recordDay(consultant, date, parts) {
      const missionId = missions[consultant];
      if (!missionId) throw new Error(`no mission for ${consultant}`);
      await prisma.$transaction((tx) => recordDay(tx, { missionId, date, parts, channel: 'CLI', actorId: people[consultant] ?? null }));
    },
    async reset() {
      await prisma.webMessage.deleteMany();
      await prisma.outboxMessage.deleteMany();
      await prisma.alert.deleteMany();
      await prisma.checkIn.deleteMany();
      await prisma.ritualRun.deleteMany();
      await prisma.schedulerState.deleteMany();
      await prisma.dayEntry.deleteMany();
      await prisma.timesheet.deleteMany();
      await prisma.processedInteraction.deleteMany();
    },
    close: () => db.close(),
  };
}

/** The daily check-ins as [consultant ref, date], sorted. */
export async function dailyCheckIns(world: PlannerWorld, kind: 'DAILY' | 'WEEKLY' = 'DAILY'): Promise<[string, IsoDate][]> {
  const refByMission = Object.fromEntries(Object.entries(world.missions).map(([ref, id]) => [id, ref]));
  const rows = await world.prisma.checkIn.findMany({ where: { kind }, select: { missionId: true, date: true } });
  return rows
    .map((r): [string, IsoDate] => [refByMission[r.missionId] ?? r.missionId, r.date.toISOString().slice(0, 10)])
    .sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1].localeCompare(b[1])));
}

/** Outbox rows by dedupe key: [key, nextAttemptAt ISO, status]. */
export async function outboxRows(world: PlannerWorld, keyPrefix: string): Promise<{ key: string; recipient: string; nextAttemptAt: string; status: string; sentAt: string | null }[]> {
  const refById = Object.fromEntries(Object.entries(world.people).map(([ref, id]) => [id, ref]));
  const rows = await world.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: keyPrefix } }, orderBy: { dedupeKey: 'asc' } });
  return rows.map((r) => ({
    key: r.dedupeKey,
    recipient: refById[r.recipientId] ?? r.recipientId,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    status: r.status,
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
