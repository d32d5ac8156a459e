/**
 * What an app instance needs to run among several replicas and be operated: its metrics (own
 * registry), the planner lease (one replica plans, every replica dispatches), the daily retention
 * purge run after the ticks, and the /metrics route.
 */
import type { Express } from 'express';
import type { Env } from '../config/index.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { purgeIfDue } from '../privacy/purge-if-due.js';
import { createPlannerLease, type PlannerLease } from './coordination/planner-lease.js';
import { createMetrics, type AppMetrics } from './metrics/create-metrics.js';
import { mountMetrics } from './metrics/mount-metrics.js';

export interface Operations {
  readonly metrics: AppMetrics;
  readonly planLease: PlannerLease;
  readonly graceMs: number;
  afterTick(now: Date): Promise<void>;
  mount(app: Express): void;
}

export function createOperations(options: { env: Env; prisma: Db; logger: Logger; workerId: string; clock?: (() => Date) | undefined }): Operations {
  const { env, prisma, logger, workerId } = options;
  const metrics = createMetrics(prisma, options.clock ? { now: options.clock } : {});
  return {
    metrics,
    planLease: createPlannerLease({ prisma, holder: workerId }),
    graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    async afterTick(now) {
      await purgeIfDue({ prisma, now, logger });
    },
    mount(app) {
      mountMetrics(app, { metrics, token: env.METRICS_TOKEN, logger });
    },
  };
}
