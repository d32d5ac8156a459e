/**
 * Which replica plans. Every replica ticks every minute and dispatches (the outbox is claimed row
 * by row with SKIP LOCKED), but only the holder of the planner lease runs the planner: one row of
 * SchedulerState (`planner.lease`: holder + leaseUntil), taken or renewed in ONE atomic statement
 * when it is free, expired, or already ours. A replica that dies keeps it until `leaseUntil`, then
 * the next replica to tick takes it over. Times are the database's (`now()`), so the replicas'
 * clocks may differ. The run keys' unique constraint stays the safety net: two replicas planning
 * the same window (a lease taken over from a slow holder) still create each occurrence once.
 *
 * Why not node-cron: its `noOverlap` option and task registry are per process; it has no
 * distributed lock. Why not pg_try_advisory_lock: a session lock lives on one pooled connection
 * (Prisma hands queries to any connection of its pool) and dies with it, and the embedded database
 * serves one process anyway; a lease row behaves the same on both.
 */
import type { Db } from '../../db/client.js';

export const PLANNER_LEASE = 'planner.lease';
/** Two ticks: a holder renews it every minute; a dead holder is replaced within two minutes. */
export const DEFAULT_PLANNER_LEASE_MS = 120_000;

export interface PlannerLease {
  /** Takes or renews the lease; true when this replica holds it until the next renewal. */
  acquire(): Promise<boolean>;
  /** Gives it up at once (graceful stop), so another replica plans the next tick. */
  release(): Promise<void>;
}

export function createPlannerLease(options: { prisma: Db; holder: string; leaseMs?: number; name?: string }): PlannerLease {
  const { prisma, holder } = options;
  const name = options.name ?? PLANNER_LEASE;
  const seconds = (options.leaseMs ?? DEFAULT_PLANNER_LEASE_MS) / 1000;
  return {
    async acquire() {
      const rows = await prisma.$queryRaw<{ holder: string }[]>`
        INSERT INTO "SchedulerState" ("name", "holder", "leaseUntil", "updatedAt")
        VALUES (${name}, ${holder}, now() + make_interval(secs => ${seconds}::float8), now())
        ON CONFLICT ("name") DO UPDATE
          SET "holder" = EXCLUDED."holder", "leaseUntil" = EXCLUDED."leaseUntil", "updatedAt" = now()
          WHERE "SchedulerState"."holder" = EXCLUDED."holder"
             OR "SchedulerState"."holder" IS NULL
             OR "SchedulerState"."leaseUntil" IS NULL
             OR "SchedulerState"."leaseUntil" < now()
        RETURNING "holder"`;
      return rows.length === 1 && rows[0]!.holder === holder;
    },
    async release() {
      await prisma.schedulerState.updateMany({ where: { name, holder }, data: { holder: null, leaseUntil: null } });
    },
  };
}
