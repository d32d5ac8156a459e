/**
 * The daily retention job: after a scheduler tick, the first replica to claim the day's run (one
 * atomic statement on SchedulerState `privacy.purge`) purges; the others, and later ticks of the
 * same day, do nothing.
 */
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { purgeExpiredData, type PurgeSummary } from './purge-expired-data.js';

export const PURGE_STATE = 'privacy.purge';
const DAY_MS = 24 * 60 * 60_000;

export async function purgeIfDue(options: { prisma: Db; now: Date; logger: Logger }): Promise<PurgeSummary | null> {
  const { prisma, now, logger } = options;
  const at = now.toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const claimed = await prisma.$queryRaw<{ name: string }[]>`
    INSERT INTO "SchedulerState" ("name", "lastTickAt", "updatedAt") VALUES (${PURGE_STATE}, ${at}::timestamptz, now())
    ON CONFLICT ("name") DO UPDATE SET "lastTickAt" = EXCLUDED."lastTickAt", "updatedAt" = now()
      WHERE "SchedulerState"."lastTickAt" IS NULL OR "SchedulerState"."lastTickAt" <= ${dayAgo}::timestamptz
    RETURNING "name"`;
  if (claimed.length === 0) return null;
  const summary = await purgeExpiredData({ prisma, now });
  logger.info({ ...summary }, 'retention purge done');
  return summary;
}
