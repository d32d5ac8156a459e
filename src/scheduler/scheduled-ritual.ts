/**
 * A ritual the scheduler runs: who it is for (targets), when (a local schedule per target) and what
 * one occurrence does. `run` records the occurrence under a deterministic key (a unique
 * constraint: "daily:<missionId>:<date>") together with what it queues, in one transaction, so
 * that another tick, another process or a restart never runs it twice.
 */
import type { ChatPlatform } from '../chat/interaction.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { LocalSchedule, Occurrence } from './schedule.js';

export interface TickContext {
  readonly prisma: Db;
  /** The tick's clock: the real time, or the time given to `rituel tick --at`. */
  readonly now: Date;
  readonly platforms: readonly ChatPlatform[];
  readonly logger: Logger;
  /** What rituals share within one tick, or one run of ticks (their targets): see `oncePerTick`. */
  readonly memo?: Map<string, Promise<unknown>>;
}

/** `load()` once per tick (or run of ticks) under `key`: several rituals share the same targets. */
export function oncePerTick<T>(ctx: TickContext, key: string, load: () => Promise<T>): Promise<T> {
  if (!ctx.memo) return load();
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    ctx.memo.set(key, value);
  }
  return value;
}

/** What one occurrence came to. */
export type RunOutcome = 'planned' | 'already' | 'skipped';

export interface ScheduledTarget {
  /** How far back missed occurrences are caught up (the organization's setting), in minutes. */
  readonly catchUpMinutes: number;
}

export interface ScheduledRitual<T extends ScheduledTarget = ScheduledTarget> {
  /** Stable id, first part of the run keys ("daily", "weekly"...). */
  readonly id: string;
  readonly audience: 'consultant' | 'manager';
  targets(ctx: TickContext): Promise<readonly T[]>;
  schedule(target: T): LocalSchedule | null;
  run(ctx: TickContext, target: T, occurrence: Occurrence): Promise<RunOutcome>;
}
