/**
 * fanout / overhead: the daily check-in to N consultants through the real planner, outbox,
 * dispatcher and Slack messenger, against the fake Slack in its own process. `fanout` has the
 * fake enforce 1 message/s per channel and W/s for the workspace (the messenger paced to W/s);
 * `overhead` has no limits and no pacing: the bot's own cost per message.
 */
import { performance } from 'node:perf_hooks';
import { createSlackMessenger } from '../../src/chat/slack/delivery/slack-messenger.js';
import { createSlackWebClient } from '../../src/chat/slack/slack-web-client.js';
import type { Db } from '../../src/db/client.js';
import { SCHEDULED_RITUALS } from '../../src/rituals/index.js';
import { runTick, type TickDeps } from '../../src/scheduler/run-tick.js';
import { createBenchDatabase, type DbKind } from '../lib/bench-db.js';
import { createBenchLogger } from '../lib/bench-logger.js';
import { startFakeSlackProcess } from '../lib/fake-slack-process.js';
import { round, type Figure, type ScenarioOptions, type ScenarioResult } from '../lib/result.js';
import { BENCH_TEAM, seedOrganization } from '../lib/seed.js';

/** A Tuesday, 17:31 in Paris: the daily check-ins of 17:30 are due. */
const TICK_AT = new Date('2026-11-17T16:31:00Z');
const MAX_TICKS = 240;

interface FanoutRun {
  readonly wallSeconds: number;
  readonly planSeconds: number | null;
  readonly cpuMs: number;
  readonly ticks: number;
  readonly sent: number;
  readonly failed: number;
  readonly rateLimited: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly otherKinds: Record<string, number>;
  readonly problems: Record<string, number>;
}

async function countOutbox(prisma: Db): Promise<Record<string, number>> {
  const rows = await prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

async function runFanout(kind: DbKind, n: number, limited: { workspaceRate: number } | null): Promise<FanoutRun> {
  const bench = await createBenchDatabase(kind, limited ? 'fanout' : 'overhead');
  const fake = await startFakeSlackProcess({ teamId: BENCH_TEAM, ...(limited ? { limits: { perChannelPerSecond: 1, workspacePerSecond: limited.workspaceRate } } : {}) });
  const database = await bench.open();
  try {
    const { prisma } = database;
    await seedOrganization(prisma, { consultants: n, missionStart: '2026-11-17' });
    const log = createBenchLogger();
    const client = createSlackWebClient({ token: 'xoxb-bench-token', apiUrl: fake.apiUrl, timeoutMs: 10_000 });
    const messenger = createSlackMessenger({ prisma, client, logger: log.logger, pace: limited ? { workspacePerMinute: limited.workspaceRate * 60 } : false });
    const deps: TickDeps = { prisma, logger: log.logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms: ['SLACK'], workerId: 'bench' };

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let at = TICK_AT;
    let ticks = 0;
    for (;;) {
      await runTick(deps, at);
      ticks += 1;
      const left = await prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
      if (left === 0 || ticks >= MAX_TICKS) break;
      at = new Date(at.getTime() + 60_000);
    }
    const ended = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const plannedAt = log.plannedAt();

    const outbox = await countOutbox(prisma);
    const kinds = await prisma.outboxMessage.groupBy({ by: ['kind'], _count: { _all: true } });
    const summary = await fake.summary();
    return {
      wallSeconds: (ended - started) / 1000,
      planSeconds: plannedAt === null ? null : (plannedAt - started) / 1000,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ticks,
      sent: outbox.SENT ?? 0,
      failed: (outbox.FAILED ?? 0) + (outbox.PENDING ?? 0) + (outbox.SENDING ?? 0),
      rateLimited: summary.rateLimited,
      duplicates: summary.duplicates,
      lost: n - summary.channels,
      otherKinds: Object.fromEntries(kinds.filter((k) => k.kind !== 'checkin.daily').map((k) => [k.kind, k._count._all])),
      problems: log.problems(),
    };
  } finally {
    await database.close();
    await fake.close();
    await bench.dispose();
  }
}

/** The delivery part alone: from the end of the planning to the last message sent. */
function dispatchFigures(run: FanoutRun, n: number): Record<string, Figure> {
  if (run.planSeconds === null) return {};
  const seconds = run.wallSeconds - run.planSeconds;
  return { dispatchSeconds: round(seconds), dispatchPerSecond: round(n / seconds, 1) };
}

function notesOf(run: FanoutRun): string[] {
  const notes: string[] = [];
  if (Object.keys(run.otherKinds).length > 0) notes.push(`other messages queued: ${JSON.stringify(run.otherKinds)}`);
  if (Object.keys(run.problems).length > 0) notes.push(`logged problems: ${JSON.stringify(run.problems)}`);
  if (run.failed > 0) notes.push(`${run.failed} outbox rows not SENT`);
  return notes;
}

export async function fanoutScenario(kind: DbKind, options: ScenarioOptions): Promise<ScenarioResult> {
  const { n, workspaceRate } = options;
  const run = await runFanout(kind, n, { workspaceRate });
  const bound = n / workspaceRate;
  const efficiency = bound / run.wallSeconds;
  return {
    scenario: 'fanout',
    db: kind,
    figures: {
      n,
      workspacePerSecond: workspaceRate,
      wallSeconds: round(run.wallSeconds),
      planSeconds: run.planSeconds === null ? null : round(run.planSeconds),
      ...dispatchFigures(run, n),
      lowerBoundSeconds: round(bound),
      efficiency: round(efficiency, 3),
      ticks: run.ticks,
      sent: run.sent,
      http429: run.rateLimited,
      duplicates: run.duplicates,
      lost: run.lost,
      cpuMsPerMessage: round(run.cpuMs / n, 3),
    },
    targets: [
      { name: 'efficiency ≥ 0.95', ok: efficiency >= 0.95 },
      { name: 'duplicates = 0', ok: run.duplicates === 0 },
      { name: 'lost = 0', ok: run.lost === 0 },
    ],
    notes: notesOf(run),
  };
}

export async function overheadScenario(kind: DbKind, options: ScenarioOptions): Promise<ScenarioResult> {
  const { n } = options;
  const run = await runFanout(kind, n, null);
  const perSecond = n / run.wallSeconds;
  return {
    scenario: 'overhead',
    db: kind,
    figures: {
      n,
      wallSeconds: round(run.wallSeconds),
      planSeconds: run.planSeconds === null ? null : round(run.planSeconds),
      ...dispatchFigures(run, n),
      messagesPerSecond: round(perSecond, 1),
      cpuMsPerMessage: round(run.cpuMs / n, 3),
      ticks: run.ticks,
      sent: run.sent,
      duplicates: run.duplicates,
      lost: run.lost,
    },
    targets: kind === 'pg' ? [{ name: '≥ 500 messages/s (PostgreSQL)', ok: perSecond >= 500 }, { name: 'lost = 0', ok: run.lost === 0 }] : [{ name: 'lost = 0', ok: run.lost === 0 }],
    notes: notesOf(run),
  };
}
