/**
 * kill -9 of the bot during a 2,000-message fan-out, then a restart: every consultant gets exactly
 * one daily check-in.
 *
 * A real `rituel start` (child process, Slack in HTTP mode against the fake Slack of this process,
 * PostgreSQL) whose clock reads Tuesday 24 November 2026, 17:45 in Paris: its first tick plans the
 * daily check-ins of 17:30 for 2,000 consultants (linked to Slack by the organization file) and
 * starts delivering them. Once a few hundred have landed, the process gets SIGKILL: the rows it
 * had claimed stay SENDING, some of them perhaps already posted to Slack. They are claimed until
 * their lease expires (DEFAULT_LEASE_MS, 5 minutes), so the second process starts with its fake
 * clock 6 minutes later (17:51), past the lease: it takes them over (looking in the DM's history
 * first, so that a message that had landed is not posted again) and sends the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS } from '../../src/scheduler/dispatch/dispatch-due.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { addSlackUsers, bigOrganization, dmChannelOf, importBigOrganization, type BigOrg } from './helpers/big-org.js';
import { killAllBots, startBotProcess, waitFor } from './helpers/bot-process.js';
import { createResilienceDatabase, type ResilienceDatabase } from './helpers/postgres.js';

const CONSULTANTS = 2000;
const FAKE_NOW = '2026-11-24T17:45:00+01:00';
/** Past the lease of the rows the killed process held. */
const RESTART_AT = new Date(Date.parse(FAKE_NOW) + DEFAULT_LEASE_MS + 60_000).toISOString();

let db: ResilienceDatabase;
let fake: FakeSlack;
let org: BigOrg;

beforeAll(async () => {
  db = await createResilienceDatabase('rituel_kill9');
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

describe('kill -9 during a fan-out', () => {
  it('SIGKILL after a few hundred messages, restart past the lease: every consultant has exactly one check-in', { timeout: 300_000 }, async () => {
    const first = await startBotProcess({ databaseUrl: db.url, fakeNow: FAKE_NOW, slackApiUrl: fake.apiUrl });
    await waitFor('a few hundred check-ins to land', () => fake.outboxCounts().size >= 325, 120_000, 1);
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');

    // The fan-out was cut in the middle: some rows sent, others planned or (a tick delivers while
    // it plans) not planned yet; nothing failed.
    const landedBeforeKill = fake.outboxCounts().size;
    const cut = await db.outboxByStatus('checkin.daily');
    expect(Object.values(cut).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CONSULTANTS);
    expect(cut.SENT ?? 0).toBeGreaterThanOrEqual(300);
    expect(cut.SENT ?? 0).toBeLessThan(CONSULTANTS);
    expect(cut.FAILED ?? 0).toBe(0);
    // Killed in the middle of a batch: rows claimed by the dead process (some perhaps on Slack already).
    expect(cut.SENDING ?? 0).toBeGreaterThan(0);
    expect(landedBeforeKill).toBeGreaterThanOrEqual(cut.SENT ?? 0);
    expect(landedBeforeKill).toBeLessThan(CONSULTANTS);

    const second = await startBotProcess({ databaseUrl: db.url, fakeNow: RESTART_AT, slackApiUrl: fake.apiUrl });
    await waitFor('every check-in to be sent', async () => (await db.outboxByStatus('checkin.daily')).SENT === CONSULTANTS, 240_000, 250);

    // In the database: each consultant's check-in planned once and sent once, nothing failed.
    expect(await db.outboxByStatus()).toEqual({ SENT: CONSULTANTS });
    expect(await db.count(`SELECT count(*) AS n FROM "RitualRun" WHERE "key" LIKE 'daily:%'`)).toBe(CONSULTANTS);
    expect(await db.count(`SELECT count(DISTINCT "recipientId") AS n FROM "OutboxMessage" WHERE "kind" = 'checkin.daily'`)).toBe(CONSULTANTS);
    // On Slack: one message per outbox row, and each consultant's DM holds exactly one check-in.
    const counts = fake.outboxCounts();
    expect(counts.size).toBe(CONSULTANTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const perChannel = org.consultants.map((c) => fake.channelMessages(dmChannelOf(c.slackUserId)).length);
    expect(perChannel.filter((n) => n !== 1)).toEqual([]);
    // The Slack reference of each row is the message that landed.
    const rows = await db.sql.query<{ id: string; platformMessageId: string; platformChannelId: string }>(
      `SELECT "id", "platformMessageId", "platformChannelId" FROM "OutboxMessage"`,
    );
    const byOutbox = new Map(fake.messages.map((m) => [m.metadata?.event_payload.outbox_id, m]));
    expect(rows.rows.filter((r) => byOutbox.get(r.id)?.ts !== r.platformMessageId || byOutbox.get(r.id)?.channel !== r.platformChannelId)).toEqual([]);

    expect(await second.stop()).toBe(0);
  });
});
