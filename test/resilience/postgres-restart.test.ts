/**
 * PostgreSQL stopped and started again in the middle of a fan-out. The server is a cluster of its
 * own (helpers/pg-cluster.ts: pg_createcluster / pg_ctlcluster; the shared main cluster is never
 * touched). A real `rituel start` (Slack against the fake Slack, paced at 3,000 messages a minute so
 * that the fan-out of 600 daily check-ins lasts a dozen seconds) sees the database go away (a fast
 * shutdown: its connections are cut) in the middle of the fan-out: while it is down /readyz answers
 * 503 and /healthz 200; once it is back the same process recovers by itself (ready again, its next
 * tick delivers), and every check-in reaches Slack exactly once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-postgres.js';
import { addSlackUsers, bigOrganization, dmChannelOf, importBigOrganization, type BigOrg } from './helpers/big-org.js';
import { healthStatus, killAllBots, readyStatus, startBotProcess, waitFor } from './helpers/bot-process.js';
import { ensurePgCluster, type PgCluster } from './helpers/pg-cluster.js';

const CONSULTANTS = 600;
const FAKE_NOW = '2026-11-24T17:45:00+01:00';

let cluster: PgCluster;
let scratch: ScratchDatabase;
let fake: FakeSlack;
let org: BigOrg;

/** One query on a short-lived connection (the server goes away in this test). */
async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function outboxByStatus(): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: string }>(`SELECT "status", count(*) AS n FROM "OutboxMessage" GROUP BY "status"`);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

beforeAll(async () => {
  cluster = await ensurePgCluster();
  scratch = await createScratchDatabase(cluster.adminUrl, 'rituel_pgrestart');
  fake = await startFakeSlack();
  org = bigOrganization({ consultants: CONSULTANTS, start: '2026-11-24', teamId: fake.team.id });
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 2 });
  await importBigOrganization(database.prisma, org);
  await database.close();
  addSlackUsers(fake, org, fake.team.id);
}, 180_000);

afterAll(async () => {
  await killAllBots();
  await fake?.close();
  if (cluster && !(await cluster.isUp())) await cluster.start();
  await scratch?.drop();
});

describe('PostgreSQL restarted during a fan-out', () => {
  it('not ready while the database is down, alive all along, recovers by itself, every message once', { timeout: 300_000 }, async () => {
    const bot = await startBotProcess({ databaseUrl: scratch.url, fakeNow: FAKE_NOW, slackApiUrl: fake.apiUrl, env: { SLACK_MESSAGES_PER_MINUTE: '3000' } });
    expect(await readyStatus(bot)).toBe(200);
    await waitFor('the fan-out to be under way', () => fake.outboxCounts().size >= 150, 120_000, 5);

    await cluster.stop();
    const landedWhenStopped = fake.outboxCounts().size;
    expect(landedWhenStopped).toBeLessThan(CONSULTANTS);
    // Down: not ready (the database check fails), but alive.
    await waitFor('/readyz to answer 503', async () => (await readyStatus(bot)) === 503, 30_000, 200);
    for (let i = 0; i < 3; i++) {
      expect(await healthStatus(bot)).toBe(200);
      expect(await readyStatus(bot)).toBe(503);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(bot.child.exitCode).toBeNull();

    await cluster.start();
    await waitFor('/readyz to answer 200 again', async () => (await readyStatus(bot)) === 200, 60_000, 250);
    // The tick that failed had claimed a batch of rows: they stay SENDING until their lease expires
    // (5 minutes), and some may have reached Slack without being marked. Rather than wait for it,
    // the process's clock is moved 6 minutes ahead: its next tick (within a minute) takes them over,
    // looking in each DM first, and sends the rest of the fan-out.
    const inFlight = await query<{ n: string }>(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" = 'SENDING'`);
    bot.advanceClock();
    await waitFor('every check-in to be sent', async () => (await outboxByStatus()).SENT === CONSULTANTS, 150_000, 500);
    expect(bot.lines.some((l) => l.msg === 'tick failed')).toBe(true);
    if (Number(inFlight[0]!.n) > 0) {
      expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "attempts" > 1`))[0]!.n)).toBeGreaterThan(0);
    }

    expect(await outboxByStatus()).toEqual({ SENT: CONSULTANTS });
    const counts = fake.outboxCounts();
    expect(counts.size).toBe(CONSULTANTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(org.consultants.filter((c) => fake.channelMessages(dmChannelOf(c.slackUserId)).length !== 1)).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
    expect(await bot.stop()).toBe(0);
  });
});
