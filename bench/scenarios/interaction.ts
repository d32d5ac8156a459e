/**
 * interaction: latency from a signed block_actions POST (a consultant clicking an answer of their
 * daily check-in) to the HTTP ack, against the real server (`rituel start`, Slack over HTTP,
 * pointed at the fake Slack) and, in the same run and the same way, against a bare Bolt app whose
 * only listener acks. Every request is a new, validly signed payload on a real message.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSlackMessenger } from '../../src/chat/slack/delivery/slack-messenger.js';
import { createSlackWebClient } from '../../src/chat/slack/slack-web-client.js';
import { createLogger } from '../../src/log.js';
import { SCHEDULED_RITUALS } from '../../src/rituals/index.js';
import { runTick } from '../../src/scheduler/run-tick.js';
import { createBenchDatabase, type BenchDatabase, type DbKind } from '../lib/bench-db.js';
import { startFakeSlackProcess, type FakeSlackProcess } from '../lib/fake-slack-process.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { BENCH_DIR, ROOT, TSX_IMPORT } from '../lib/paths.js';
import { round, type Figure, type ScenarioOptions, type ScenarioResult, type TargetCheck } from '../lib/result.js';
import { BENCH_TEAM, seedOrganization } from '../lib/seed.js';
import { blockElements, signedBlockAction, type ButtonClick } from '../lib/slack-payloads.js';
import { spawnServer, type ServerProcess } from '../lib/spawn-server.js';

const SIGNING_SECRET = 'bench-signing-secret';
/** Consultants clicked in turn: one click on a check-in is over before the next one on it comes. */
const CONSULTANTS = 500;
const LEVELS = [20, 100] as const;
const REQUESTS_PER_WORKER = 100;
const WARM_UP = 400;
/** A Tuesday, 17:31 in Paris: the check-ins of the day are delivered before the servers start. */
const TICK_AT = new Date('2026-11-17T16:31:00Z');

/** Seeds the consultants, delivers their check-ins to the fake Slack, and returns the answer buttons to click. */
async function deliverCheckIns(bench: BenchDatabase, fake: FakeSlackProcess): Promise<ButtonClick[]> {
  const database = await bench.open();
  try {
    const { prisma } = database;
    const seeded = await seedOrganization(prisma, { consultants: CONSULTANTS, missionStart: '2026-11-17' });
    const logger = createLogger('silent');
    const messenger = createSlackMessenger({ prisma, client: createSlackWebClient({ token: 'xoxb-bench-token', apiUrl: fake.apiUrl }), logger, pace: false });
    await runTick({ prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms: ['SLACK'], workerId: 'bench' }, TICK_AT);
    const clicks: ButtonClick[] = [];
    for (const consultant of seeded.consultants) {
      const [message] = await fake.messages(consultant.channel);
      if (!message) throw new Error(`no check-in delivered to ${consultant.channel}`);
      const answers = blockElements(message.blocks).filter((e) => String(e.action_id).startsWith('daily.answer'));
      if (answers.length === 0) throw new Error('the check-in has no answer button');
      // Alternating answers (full day, then a half day...): every click changes the day.
      for (const element of answers.slice(0, 2)) clicks.push({ user: consultant.slackUserId, teamId: BENCH_TEAM, channel: consultant.channel, ts: message.ts, element });
    }
    // Consultant after consultant, then the second answer of each.
    return [...clicks.filter((_, i) => i % 2 === 0), ...clicks.filter((_, i) => i % 2 === 1)];
  } finally {
    await database.close();
  }
}

/** Until the server has done the work behind the acks it sent (its chat.update calls stop). */
async function settle(fake: FakeSlackProcess): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 120; i++) {
    const { updates } = await fake.summary();
    if (updates === previous) return;
    previous = updates;
    await sleep(1000);
  }
}

function figuresOf(prefix: string, load: LoadResult): Record<string, Figure> {
  return {
    [`${prefix}P50Ms`]: round(load.p50),
    [`${prefix}P95Ms`]: round(load.p95),
    [`${prefix}P99Ms`]: round(load.p99),
    [`${prefix}PerSecond`]: round(load.perSecond, 0),
    [`${prefix}Errors`]: load.errors,
  };
}

export async function interactionScenario(kind: DbKind, _options: ScenarioOptions): Promise<ScenarioResult> {
  const bench = await createBenchDatabase(kind, 'interaction');
  const fake = await startFakeSlackProcess({ teamId: BENCH_TEAM });
  const servers: ServerProcess[] = [];
  try {
    const clicks = await deliverCheckIns(bench, fake);
    const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
    const ours = await spawnServer([...TSX_IMPORT, join(ROOT, 'src', 'cli', 'main.ts'), 'start'], {
      ...bench.env,
      ...slackEnv,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    });
    servers.push(ours);
    const bare = await spawnServer([...TSX_IMPORT, join(BENCH_DIR, 'bare-bolt.ts')], slackEnv);
    servers.push(bare);

    let clicked = 0;
    const next = () => signedBlockAction(clicks[clicked++ % clicks.length]!, SIGNING_SECRET);
    await runLoad(bare.port, 20, WARM_UP, next);
    await runLoad(ours.port, 20, WARM_UP, next);
    await settle(fake);

    const figures: Record<string, Figure> = {};
    const targets: TargetCheck[] = [];
    for (const level of LEVELS) {
      const total = level * REQUESTS_PER_WORKER;
      const bareLoad = await runLoad(bare.port, level, total, next);
      const oursLoad = await runLoad(ours.port, level, total, next);
      await settle(fake);
      Object.assign(figures, figuresOf(`bare${level}`, bareLoad), figuresOf(`ours${level}`, oursLoad));
      figures[`p99Ratio${level}`] = round(oursLoad.p99 / bareLoad.p99);
      targets.push({ name: `p99 ≤ 1.5× bare at ${level}`, ok: oursLoad.p99 <= 1.5 * bareLoad.p99 });
      if (level === 20) targets.push({ name: 'p99 ≤ 50 ms at 20', ok: oursLoad.p99 <= 50 });
      targets.push({ name: `no error at ${level}`, ok: oursLoad.errors === 0 && bareLoad.errors === 0 });
    }
    const notes = ours.problems.length > 0 ? [`server warnings: ${[...new Set(ours.problems)].join('; ')}`] : [];
    return { scenario: 'interaction', db: kind, figures, targets, notes };
  } finally {
    for (const server of servers) await server.stop();
    await fake.close();
    await bench.dispose();
  }
}
