/**
 * Three `rituel start` processes on one PostgreSQL database, delivering to (the fake) Slack: every
 * ritual is planned once, every message is sent once.
 *
 * The organization (600 consultants linked to Slack by the organization file) is imported first;
 * the three start together with their clocks at Tuesday 17:45:40 in Paris, so the first tick finds
 * the daily check-ins of 17:30 due. One of them holds the planner lease and plans; all three
 * dispatch. Each paces Slack at 480 messages a minute, so the fan-out outlasts their first tick and
 * the next ones (17:46) share it (each row claimed by one of them: FOR UPDATE SKIP LOCKED).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { parseMetrics } from '../integration/ops/parse-metrics.js';
import { addSlackUsers, bigOrganization, dmChannelOf, importBigOrganization, type BigOrg } from './helpers/big-org.js';
import { killAllBots, startBotProcess, waitFor, type BotProcess } from './helpers/bot-process.js';
import { createResilienceDatabase, type ResilienceDatabase } from './helpers/postgres.js';

const CONSULTANTS = 600;
/** 20 seconds before a minute: the replicas' second tick (node-cron, every minute) comes soon. */
const FAKE_NOW = '2026-11-24T17:45:40+01:00';

let db: ResilienceDatabase;
let fake: FakeSlack;
let org: BigOrg;

beforeAll(async () => {
  db = await createResilienceDatabase('rituel_replicas_slack');
  fake = await startFakeSlack();
  org = bigOrganization({ consultants: CONSULTANTS, start: '2026-11-24', teamId: fake.team.id });
  await importBigOrganization(db.database.prisma, org);
  addSlackUsers(fake, org, fake.team.id);
}, 120_000);

afterAll(async () => {
  await killAllBots();
  await fake?.close();
  await db?.close();
});

async function metricsOf(bot: BotProcess): Promise<Map<string, number>> {
  const response = await fetch(`${bot.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  return parseMetrics(await response.text());
}

describe('three replicas delivering to Slack', () => {
  it('plans each check-in once and posts each once, the replicas sharing the fan-out', { timeout: 300_000 }, async () => {
    const start = () => startBotProcess({ databaseUrl: db.url, fakeNow: FAKE_NOW, slackApiUrl: fake.apiUrl, env: { SLACK_MESSAGES_PER_MINUTE: '480' } });
    const bots = await Promise.all([start(), start(), start()]);
    await waitFor('every check-in to be sent', async () => (await db.outboxByStatus()).SENT === CONSULTANTS, 240_000, 500);

    // Planned once: one run and one outbox row per consultant.
    expect(await db.count(`SELECT count(*) AS n FROM "RitualRun" WHERE "key" LIKE 'daily:%'`)).toBe(CONSULTANTS);
    expect(await db.count(`SELECT count(*) AS n FROM "RitualRun"`)).toBe(CONSULTANTS);
    expect(await db.outboxByStatus()).toEqual({ SENT: CONSULTANTS });
    expect(await db.count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "attempts" <> 1`)).toBe(0);

    // Posted once: each outbox id once on Slack, one message in each consultant's DM.
    const counts = fake.outboxCounts();
    expect(counts.size).toBe(CONSULTANTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(org.consultants.filter((c) => fake.channelMessages(dmChannelOf(c.slackUserId)).length !== 1)).toEqual([]);

    // One planner, the deliveries shared; they add up to the rows sent.
    const metrics = await Promise.all(bots.map(metricsOf));
    expect(metrics.filter((m) => (m.get('rituel_scheduler_ticks_total{role="leader"}') ?? 0) > 0)).toHaveLength(1);
    const delivered = metrics.map((m) => m.get('rituel_messages_sent_total{platform="SLACK"}') ?? 0);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(CONSULTANTS);
    expect(delivered.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    const claimers = await db.count(`SELECT count(DISTINCT "claimedBy") AS n FROM "OutboxMessage"`);
    expect(claimers).toBe(delivered.filter((n) => n > 0).length);

    expect(await Promise.all(bots.map((bot) => bot.stop()))).toEqual([0, 0, 0]);
  });
});
